/** language/diff/plan-diff.ts: the semantic diff of two resolved plans, and its text rendering. */

import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { isPlan, type VplanFile } from '../../language/generated/ast.js';
import { resolvePlan } from '../../language/model/plan-model.js';
import { diffDiagnostics, diffFiles, diffPlanExports, handoversOf, type PlanDiff } from '../../language/diff/plan-diff.js';
import { renderDiffText } from '../../language/diff/plan-diff-text.js';
import { exportPlan } from '../../language/export/plan-export.js';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import { createTestServices } from '../helpers.js';
import { CLEAN_PLAN, ORGANISATIONS } from '../cli/cli-test-helpers.js';

const services = createTestServices();
let counter = 0;

/** Diffs the first plan of two texts, each loaded with the organisations file. */
async function diffTexts(oldText: string | undefined, newText: string | undefined): Promise<PlanDiff> {
    await loadBuiltinCatalogue(services.shared);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const load = async (text: string | undefined) => {
        if (text === undefined) return { plan: undefined, cleanup: async () => {} };
        const documents = [text, ORGANISATIONS].map(t => {
            const document = factory.fromString<VplanFile>(t, URI.parse(`file:///diff-test/${++counter}.vplan`));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: false });
        const node = documents[0].parseResult.value.declarations.find(isPlan);
        return { plan: node && resolvePlan(node), cleanup: () => clearDocuments(services.shared, documents) };
    };
    // One version at a time: both declare the same global names.
    const before = await load(oldText);
    const oldExport = before.plan;
    const oldSnapshot = oldExport && exportPlan(oldExport);
    await before.cleanup();
    const after = await load(newText);
    try {
        return diffPlanExports(oldSnapshot, after.plan && exportPlan(after.plan));
    } finally {
        await after.cleanup();
    }
}

const changed = (diff: PlanDiff, section: string, key: string) => diff.changes.find(c => c.section === section && c.key === key);

describe('semantic plan diff', () => {
    test('identical plans have no changes', async () => {
        const diff = await diffTexts(CLEAN_PLAN, CLEAN_PLAN);
        expect(diff).toEqual({ plan: 'linde_2026', change: 'unchanged', changes: [], handovers: [] });
    });

    test('layout and comments are not changes', async () => {
        const reformatted = CLEAN_PLAN.replace('    status active', '    // status first\n    status     active').replace(/\n\n/g, '\n');
        expect((await diffTexts(CLEAN_PLAN, reformatted)).change).toBe('unchanged');
    });

    test('members added, removed and with new roles', async () => {
        const next = CLEAN_PLAN
            .replace('member pim child born 2016 roles witness', 'member pim child born 2016 roles witness, victim\n        member lot child born 2019')
            .replace('        member eva adult born 1990 roles victim, parent\n', '        member eva adult born 1990 roles victim, parent\n');
        const diff = await diffTexts(CLEAN_PLAN, next);
        expect(changed(diff, 'members', 'lot')).toMatchObject({ change: 'added', values: { kind: 'child', born: 2019 } });
        expect(changed(diff, 'members', 'pim')).toMatchObject({
            change: 'changed', fields: [{ field: 'roles', old: ['witness'], new: ['witness', 'victim'], added: ['victim'], removed: [] }]
        });
        const removal = await diffTexts(next, CLEAN_PLAN);
        expect(changed(removal, 'members', 'lot')?.change).toBe('removed');
    });

    test('a measure extension is a new end date and one more extension', async () => {
        const next = CLEAN_PLAN.replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12 for 10 days\n        extend for 18 days\n');
        const diff = await diffTexts(CLEAN_PLAN, next);
        expect(changed(diff, 'measures', 'hv')).toEqual({
            section: 'measures', change: 'changed', key: 'hv', fields: [
                { field: 'end', old: '2026-01-22', new: '2026-02-09' },
                { field: 'extensions', old: 0, new: 1 }
            ]
        });
        expect(renderDiffText({ version: 1, old: 'a', new: 'b', identical: false, plans: [diff], diagnostics: { introduced: [], resolved: [] } }, 'en'))
            .toContain('~ measure hv: end 2026-01-22 → 2026-02-09; extensions 0 → 1');
    });

    test('interventions and agreements: new dates, targets and owners', async () => {
        const next = CLEAN_PLAN
            .replace('        by ggz_noord\n        from 2026-01-20 for 6 months', '        by wt_oost\n        from 2026-02-01 for 6 months')
            .replace('        protects eva, pim\n        checked by vt_noord', '        protects eva\n        checked by wt_oost');
        const diff = await diffTexts(CLEAN_PLAN, next);
        expect(changed(diff, 'interventions', 'hulp')?.fields).toEqual([
            { field: 'by', old: 'ggz_noord', new: 'wt_oost' },
            { field: 'start', old: '2026-01-20', new: '2026-02-01' },
            { field: 'end', old: '2026-07-20', new: '2026-08-01' }
        ]);
        expect(changed(diff, 'agreements', 'contact')?.fields).toEqual([
            { field: 'protects', old: ['eva', 'pim'], new: ['eva'], added: [], removed: ['pim'] },
            { field: 'checkedBy', old: 'vt_noord', new: 'wt_oost' }
        ]);
    });

    test('a moved regie handover reads as one sentence, in English and Dutch', async () => {
        const next = CLEAN_PLAN
            .replace('vt_noord from 2026-01-12 to 2026-02-09', 'vt_noord from 2026-01-12 to 2026-02-16')
            .replace('wt_oost from 2026-02-09', 'wt_oost from 2026-02-16');
        const diff = await diffTexts(CLEAN_PLAN, next);
        expect(diff.handovers).toEqual([{ change: 'moved', from: 'vt_noord', to: 'wt_oost', oldDate: '2026-02-09', newDate: '2026-02-16' }]);
        // The moved handover explains both entries' new dates: no separate entry changes.
        expect(diff.changes.filter(c => c.section === 'regie')).toEqual([]);
        const result = { version: 1 as const, old: 'a', new: 'b', identical: false, plans: [diff], diagnostics: { introduced: [], resolved: [] } };
        expect(renderDiffText(result, 'en')).toContain('regie moves from vt_noord to wt_oost on 2026-02-16 instead of 2026-02-09');
        expect(renderDiffText(result, 'nl')).toContain('regie gaat van vt_noord naar wt_oost over op 2026-02-16 in plaats van 2026-02-09');
    });

    test('a new regie holder is a new handover; a note change is an entry change', async () => {
        const next = CLEAN_PLAN.replace('        wt_oost from 2026-02-09\n', '        wt_oost from 2026-02-09 "Na overdracht"\n        vt_noord from 2026-10-01\n');
        const diff = await diffTexts(CLEAN_PLAN, next);
        expect(diff.handovers).toEqual([{ change: 'added', from: 'wt_oost', to: 'vt_noord', newDate: '2026-10-01' }]);
        expect(changed(diff, 'regie', 'wt_oost')?.fields).toEqual([
            { field: 'end', old: '2027-01-12', new: '2026-10-01' },
            { field: 'note', old: null, new: 'Na overdracht' }
        ]);
        expect(changed(diff, 'regie', 'vt_noord #2')?.change).toBe('added');
    });

    test('risks, phases, aftercare, meetings and evaluations', async () => {
        const next = CLEAN_PLAN
            .replace('        severity high\n', '        severity acute\n')
            .replace('phase safety from 2026-01-12 to 2026-03-01\n    phase stability from 2026-03-01', 'phase safety from 2026-01-12 to 2026-04-01\n    phase stability from 2026-04-01')
            .replace('        from 2027-01-12 for 18 months\n        checkpoints 3 months, 6 months, 12 months\n', '        from 2027-01-12 for 24 months\n        checkpoints 3 months, 6 months, 12 months, 24 months\n')
            .replace('        client pim heard\n', '        client pim informed\n')
            .replace('    evaluation 2026-04-15 "Evaluatie"', '    evaluation 2026-05-15 "Evaluatie"\n    evaluation 2026-10-15');
        const diff = await diffTexts(CLEAN_PLAN, next);
        expect(changed(diff, 'risks', 'geweld')?.fields).toEqual([{ field: 'severity', old: 'high', new: 'acute' }]);
        expect(changed(diff, 'phases', 'safety')?.fields).toEqual([{ field: 'end', old: '2026-03-01', new: '2026-04-01' }]);
        expect(changed(diff, 'phases', 'stability')?.fields).toEqual([{ field: 'start', old: '2026-03-01', new: '2026-04-01' }]);
        expect(changed(diff, 'aftercare', 'aftercare')?.fields).toEqual([
            { field: 'end', old: '2028-07-12', new: '2029-01-12' },
            { field: 'checkpoints', old: ['3 months', '6 months', '12 months'], new: ['3 months', '6 months', '12 months', '24 months'], added: ['24 months'], removed: [] }
        ]);
        expect(changed(diff, 'meetings', 'Casusoverleg')?.fields).toEqual([
            { field: 'clients', old: ['eva present', 'tom invited', 'pim heard'], new: ['eva present', 'tom invited', 'pim informed'], added: ['pim informed'], removed: ['pim heard'] }
        ]);
        expect(changed(diff, 'evaluations', 'Evaluatie')?.fields).toEqual([{ field: 'date', old: '2026-04-15', new: '2026-05-15' }]);
        expect(changed(diff, 'evaluations', '2026-10-15')?.change).toBe('added');
    });

    test('the plan itself: status and period', async () => {
        const next = CLEAN_PLAN.replace('    status active', '    status closed').replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 to 2027-03-01');
        const diff = await diffTexts(CLEAN_PLAN, next);
        expect(changed(diff, 'plan', 'linde_2026')?.fields).toEqual([
            { field: 'status', old: 'active', new: 'closed' },
            { field: 'end', old: '2027-01-12', new: '2027-03-01' }
        ]);
        // The last regie holder has no end of its own: it now runs to the new plan end.
        expect(changed(diff, 'regie', 'wt_oost')?.fields).toEqual([{ field: 'end', old: '2027-01-12', new: '2027-03-01' }]);
    });

    test('supporters and roles: added, removed, aware', async () => {
        const next = CLEAN_PLAN.replace('supporter tante "Tante van Eva" supports eva, pim aware', 'supporter tante "Tante van Eva" supports eva\n        supporter buur "Buurman" supports pim aware');
        const diff = await diffTexts(CLEAN_PLAN, next);
        expect(changed(diff, 'supporters', 'tante')?.fields).toEqual([
            { field: 'supports', old: ['eva', 'pim'], new: ['eva'], added: [], removed: ['pim'] },
            { field: 'aware', old: true, new: false }
        ]);
        expect(changed(diff, 'supporters', 'buur')?.change).toBe('added');
        const text = renderDiffText({ version: 1, old: 'a', new: 'b', identical: false, plans: [diff], diagnostics: { introduced: [], resolved: [] } }, 'nl');
        expect(text).toContain('~ steunfiguur tante: steunt -pim; op de hoogte ja → nee');
        expect(text).toContain('+ steunfiguur buur (titel Buurman; steunt pim; op de hoogte ja)');
    });

    test('aftercare added or removed as a whole', async () => {
        const without = CLEAN_PLAN.replace(/ {4}aftercare \{[\s\S]*?\n {4}\}\n/, '');
        expect(changed(await diffTexts(CLEAN_PLAN, without), 'aftercare', 'aftercare')?.change).toBe('removed');
        expect(changed(await diffTexts(without, CLEAN_PLAN), 'aftercare', 'aftercare')?.change).toBe('added');
    });

    test('a plan that is new or gone', async () => {
        expect((await diffTexts(undefined, CLEAN_PLAN)).change).toBe('added');
        expect((await diffTexts(CLEAN_PLAN, undefined)).change).toBe('removed');
    });
});

describe('diagnostics diff', () => {
    test('compares code and message as multisets, ignoring positions', () => {
        const a = { code: 'VP011', severity: 'error', message: 'gap' };
        const b = { code: 'VP041', severity: 'warning', message: 'no fallback' };
        const c = { code: 'VP081', severity: 'error', message: 'unresolved x' };
        expect(diffDiagnostics([a, b], [b, a])).toEqual({ introduced: [], resolved: [] });
        expect(diffDiagnostics([a, b], [b, c])).toEqual({ introduced: [c], resolved: [a] });
        expect(diffDiagnostics([a], [a, a])).toEqual({ introduced: [a], resolved: [] });
    });

    test('diffFiles matches plans by name and is identical only without any change', () => {
        const result = diffFiles({ label: 'a', plans: [], diagnostics: [] }, { label: 'b', plans: [], diagnostics: [] });
        expect(result).toEqual({ version: 1, old: 'a', new: 'b', identical: true, plans: [], diagnostics: { introduced: [], resolved: [] } });
        expect(renderDiffText(result, 'en')).toBe('No differences in meaning.\n');
        expect(renderDiffText(result, 'nl')).toBe('Geen inhoudelijke verschillen.\n');
        const withDiagnostic = diffFiles({ label: 'a', plans: [], diagnostics: [] }, { label: 'b', plans: [], diagnostics: [{ code: 'VP081', severity: 'error', message: 'x' }] });
        expect(withDiagnostic.identical).toBe(false);
        expect(renderDiffText(withDiagnostic, 'en')).toContain('Diagnostics introduced:\n  + VP081 error: x');
    });
});

describe('handovers', () => {
    test('are the days regie passes between consecutive holders, sorted by start', () => {
        const plan = (regie: Array<[string, string]>) => ({
            regie: regie.map(([organisation, start]) => ({ organisation, period: { start, end: '2030-01-01' }, explicitEnd: false, note: null }))
        });
        expect(handoversOf(plan([['b', '2026-03-01'], ['a', '2026-01-01'], ['a', '2026-02-01']]) as never)).toEqual([
            { from: 'a', to: 'b', date: '2026-03-01' }
        ]);
    });
});

