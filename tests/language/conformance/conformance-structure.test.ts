/**
 * Conformance of what vplan.config.json may and may not change (spec section 7). (VP000:
 * tests/language/rules/syntax-rules.test.ts; VP005 and VP080: structure-rules.test.ts; VP081:
 * reference-rules.test.ts.)
 */

import { describe, expect, test } from 'vitest';
import { CATALOGUE, checkWithConfig, plan } from './conformance-support.js';

describe('vplan.config.json', () => {
    const noFallback = plan({ intervention: 'intervention hulp "Daderhulp" {\n for bob\n by ggz\n from 2026-01-10 for 12 months\n addresses r1\n }' });

    test('"off" silences a rule', async () => {
        expect((await checkWithConfig(undefined, [noFallback, CATALOGUE])).codes).toEqual(['VP041']);
        expect((await checkWithConfig('{ "rules": { "VP041": "off" } }', [noFallback, CATALOGUE])).codes).toEqual([]);
    });

    test('a severity can be changed both ways', async () => {
        const asError = await checkWithConfig('{ "rules": { "VP041": "error" } }', [noFallback, CATALOGUE]);
        expect(asError.diagnostics.map(d => d.severity)).toEqual([1]);
        const gapped = plan({ regie: 'regie {\n wt from 2026-01-01 to 2026-06-01\n }' });
        const asInfo = await checkWithConfig('{ "rules": { "VP011": "info" } }', [gapped, CATALOGUE]);
        expect(asInfo.diagnostics.map(d => [d.code, d.severity])).toEqual([['VP011', 3]]);
    });

    test('VP000 cannot be turned off', async () => {
        const broken = plan({ extra: 'evaluation 2026-06-01 "Eval" extra' });
        const result = await checkWithConfig('{ "rules": { "VP000": "off" } }', [broken, CATALOGUE]);
        expect(result.codes).toContain('VP000');
    });

    test('"locale": "nl" gives Dutch messages', async () => {
        const en = await checkWithConfig('{}', [noFallback, CATALOGUE]);
        const nl = await checkWithConfig('{ "locale": "nl" }', [noFallback, CATALOGUE]);
        expect(nl.diagnostics[0].message).not.toBe(en.diagnostics[0].message);
    });

    test('a broken config leaves the defaults for what it failed to set', async () => {
        const result = await checkWithConfig('{ "rules": { "VP041": "off", "VP999": "off" }, "aftercare": { "minMonths": "twelve" } }', [noFallback, CATALOGUE]);
        expect(result.codes).toEqual([]);
        const still = await checkWithConfig('{ "rules": { "VP041": "loud" } }', [noFallback, CATALOGUE]);
        expect(still.codes).toEqual(['VP041']);
        expect(still.diagnostics[0].severity).toBe(2);
    });
});
