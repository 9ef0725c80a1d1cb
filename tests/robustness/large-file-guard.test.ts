/**
 * The large-file guard (language/workspace/large-file-guard.ts) in process: a text over
 * MAX_PLAN_BYTES is not parsed and gets one VP000 diagnostic in the document's locale, in every
 * service set `createVplanServices` makes (editor and batch mode), whether the text comes in
 * through the document factory's `fromString` (Langium's `parse`) or an edit (`parseAsync`).
 * Sizes count UTF-8 bytes, not characters. These tests fail if a Langium upgrade parses documents
 * past the factory's protected `parse`/`parseAsync`.
 */

import { describe, expect, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { checkText, createTestServices } from '../helpers.js';
import { largeFileMessage } from '../../language/workspace/large-file-guard.js';
import { text } from '../../language/i18n/locale.js';
import { MAX_PLAN_BYTES, utf8SizeOver } from '../../language/workspace/plan-size-limit.js';
import { createVplanServices } from '../../language/vplan-module.js';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan } from '../../bench/workload.js';
import { Workspace, freshDiagnostics } from '../incremental-workspace.js';

const plan = planToVplan(generatePlan(1));
// Just over the limit: whole copies of a valid plan, which would parse without an error.
const planBytes = Buffer.byteLength(plan);
const oversized = plan.repeat(Math.floor(MAX_PLAN_BYTES / planBytes) + 1);

describe('the large-file guard', () => {
    test('counts UTF-8 bytes', () => {
        expect(utf8SizeOver('abc', 2)).toBe(3);
        expect(utf8SizeOver('abc', 3)).toBeUndefined();
        expect(utf8SizeOver('ëë', 3)).toBe(4);
        expect(utf8SizeOver('€', 2)).toBe(3);
        expect(utf8SizeOver('\ud83d\ude00', 3)).toBe(4);
        expect(utf8SizeOver('x'.repeat(100), 1_000)).toBeUndefined();
        expect(Buffer.byteLength(oversized)).toBeGreaterThan(MAX_PLAN_BYTES);
        expect(Buffer.byteLength(oversized) - planBytes).toBeLessThanOrEqual(MAX_PLAN_BYTES);
    });

    test.each(['editor', 'batch'] as const)('refuses an oversized plan with one diagnostic in %s mode', async mode => {
        const services = mode === 'editor' ? createTestServices() : createVplanServices({ ...EmptyFileSystem, mode });
        const refused = await checkText(services, oversized);
        expect(refused.codes).toEqual(['VP000']);
        expect(refused.diagnostics[0].message).toBe(text(largeFileMessage, { bytes: Buffer.byteLength(oversized) }, 'en'));
        expect(refused.document.parseResult.value.declarations).toEqual([]);
        const dutch = await checkText(services, oversized, { locale: 'nl' });
        expect(dutch.diagnostics[0].message).toBe(text(largeFileMessage, { bytes: Buffer.byteLength(oversized) }, 'nl'));
        expect(dutch.diagnostics[0].message).toMatch(/te groot/);
        // Without the catalogue of the generated plans: diagnostics, but no VP000.
        const normal = await checkText(services, plan);
        expect(normal.codes).not.toContain('VP000');
        expect(normal.document.parseResult.value.declarations.length).toBeGreaterThan(0);
    });

    test('an edit that makes a plan too large is refused, and the next edit that makes it normal is checked again', async () => {
        const other = planToVplan(generatePlan(2));
        const texts = { 'orgs.vplan': catalogueToVplan(generateCatalogue()), 'a.vplan': plan, 'b.vplan': other };
        const workspace = await Workspace.create(texts);
        const normal = await freshDiagnostics(texts);
        expect(workspace.diagnostics()).toEqual(normal);
        expect(normal['a.vplan'].join()).not.toContain('VP000');
        await workspace.edit({ 'a.vplan': oversized });
        const refused = workspace.diagnostics();
        expect(refused['a.vplan']).toHaveLength(1);
        expect(refused['a.vplan'][0]).toContain('VP000');
        expect(refused['a.vplan'][0]).toContain('too large');
        expect(refused['b.vplan']).toEqual(normal['b.vplan']);
        await workspace.edit({ 'a.vplan': plan });
        expect(workspace.diagnostics()).toEqual(normal);
    });
});
