/**
 * The large-file guard (language/workspace/large-file-guard.ts) in process: a text over the limit
 * is not parsed and gets one VP000 diagnostic in the document's locale; texts at or under the
 * limit are untouched; sizes count UTF-8 bytes, not characters.
 */

import { describe, expect, test } from 'vitest';
import { checkText, createTestServices } from '../helpers.js';
import { installLargeFileGuard, largeFileMessages, MAX_PLAN_BYTES, utf8SizeOver } from '../../language/workspace/large-file-guard.js';
import { MAX_PLAN_BYTES as CLI_MAX_PLAN_BYTES } from '../../cli/files.js';
import { generatePlan, planToVplan } from '../../bench/workload.js';

describe('the large-file guard', () => {
    test('uses the same limit as the CLI', () => {
        expect(MAX_PLAN_BYTES).toBe(CLI_MAX_PLAN_BYTES);
    });

    test('counts UTF-8 bytes', () => {
        expect(utf8SizeOver('abc', 2)).toBe(3);
        expect(utf8SizeOver('abc', 3)).toBeUndefined();
        expect(utf8SizeOver('ëë', 3)).toBe(4);
        expect(utf8SizeOver('€', 2)).toBe(3);
        expect(utf8SizeOver('\ud83d\ude00', 3)).toBe(4);
        expect(utf8SizeOver('x'.repeat(100), 1_000)).toBeUndefined();
    });

    test('refuses an oversized plan with one diagnostic and checks normal plans as before', async () => {
        const services = createTestServices();
        installLargeFileGuard(services, 64 * 1024);
        installLargeFileGuard(services, 64 * 1024); // a second install changes nothing
        const plan = planToVplan(generatePlan(1));
        const big = plan.repeat(Math.ceil((100 * 1024) / plan.length));
        const refused = await checkText(services, big);
        expect(refused.codes).toEqual(['VP000']);
        expect(refused.diagnostics[0].message).toBe(largeFileMessages.en(Buffer.byteLength(big)));
        expect(refused.document.parseResult.value.declarations).toEqual([]);
        const dutch = await checkText(services, big, { locale: 'nl' });
        expect(dutch.diagnostics[0].message).toMatch(/te groot/);
        const normal = await checkText(services, big.slice(0, 60 * 1024));
        expect(normal.codes).not.toEqual(['VP000']);
        expect(normal.document.parseResult.value.declarations.length).toBeGreaterThan(0);
    });
});
