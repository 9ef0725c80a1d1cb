/**
 * language/export/plan-export.ts: the resolved plan as JSON data, validated against
 * schemas/vplan-export.schema.json (draft 2020-12) with ajv.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isPlan, type VplanFile } from '../../../language/generated/ast.js';
import { resolvePlan } from '../../../language/model/plan-model.js';
import { exportPlan, type PlanExport } from '../../../language/export/plan-export.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { createTestServices } from '../../helpers.js';
import { CLEAN_PLAN, ORGANISATIONS } from '../../cli/cli-test-helpers.js';

const services = createTestServices();

/** CLEAN_PLAN with every version-2 construct an export carries: `ended`, `incident`, `action`. */
const V2_PLAN = CLEAN_PLAN
    .replace('        fallback "Terugmelding bij uitval"\n', '        fallback "Terugmelding bij uitval"\n        ended 2026-05-04 dropout\n')
    .replace('        fallback "Melding bij Veilig Thuis"\n', '        fallback "Melding bij Veilig Thuis"\n        ended 2027-03-01 completed\n')
    .replace('    agreement contact', `    intervention nazorg "Nazorg" {
        for eva
        by wt_oost
        from 2026-03-02 for 6 months
        ended 2026-03-02 referred
    }

    agreement contact`)
    .replace('        client pim heard\n', `        client pim heard
        action "Veiligheidsafspraken vastleggen" owner vt_noord due 2026-01-22
        action "Opvang van Pim regelen" owner tante due 2026-01-29
        action "Melding bij de politie" owner eva due 2026-02-01
        action "Onbekende eigenaar" owner onbekend due 2026-13-01
`)
    .replace('    evaluation 2026-04-15', `    meeting 2026-05-06 "Overleg na de melding" {
        chair zvh_noord
    }

    incident 2026-05-02 "Nieuwe melding: ruzie"
    incident 2026-03-10 "Melding van school"

    evaluation 2026-04-15`);
/** CLEAN_PLAN with a second aftercare block after its own: another owner and another period. */
const TWO_AFTERCARE_PLAN = CLEAN_PLAN.replace('        signal "Nieuwe melding"\n    }\n', `        signal "Nieuwe melding"
    }

    aftercare {
        owner wt_oost
        from 2026-12-01 for 24 months
        checkpoints 6 months, 24 months
        signal "Schoolverzuim"
        escalate "Casusoverleg binnen een week"
    }
`);
let counter = 0;

/** Exports every plan of the first text, with the other texts as its workspace. */
async function exportsOf(texts: string[]): Promise<PlanExport[]> {
    await loadBuiltinCatalogue(services.shared);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = texts.map(text => {
        const document = factory.fromString<VplanFile>(text, URI.parse(`file:///export-test/${++counter}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    try {
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: false });
        return documents[0].parseResult.value.declarations.filter(isPlan).map(plan => exportPlan(resolvePlan(plan)));
    } finally {
        await clearDocuments(services.shared, documents);
    }
}

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../../schemas/vplan-export.schema.json', import.meta.url)), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

function expectValid(plan: PlanExport): void {
    const wrapped = { format: 'vplan-export', version: 1, source: 'x.vplan', diagnostics: { errors: 0, warnings: 0, infos: 0 }, plan };
    expect(validate(wrapped), JSON.stringify(validate.errors, null, 1)).toBe(true);
}

describe('plan export', () => {
    test('resolves dates to ISO dates, periods to half-open {start, end} and references to names', async () => {
        const [plan] = await exportsOf([CLEAN_PLAN, ORGANISATIONS]);
        expectValid(plan);
        expect(plan.name).toBe('linde_2026');
        expect(plan.status).toBe('active');
        expect(plan.period).toEqual({ start: '2026-01-12', end: '2027-01-12' });
        expect(plan.members.map(m => [m.name, m.kind, m.age, m.roles])).toEqual([
            ['eva', 'adult', 36, ['victim', 'parent']],
            ['tom', 'adult', 38, ['perpetrator', 'parent']],
            ['pim', 'child', 10, ['witness']]
        ]);
        expect(plan.supporters).toEqual([{ name: 'tante', title: 'Tante van Eva', supports: ['eva', 'pim'], aware: true }]);
        expect(plan.risks[0]).toMatchObject({ name: 'geweld', severity: 'high', nature: 'dynamic', affects: ['eva', 'pim'], posedBy: ['tom'] });
        expect(plan.phases).toEqual([
            { kind: 'safety', period: { start: '2026-01-12', end: '2026-03-01' } },
            { kind: 'stability', period: { start: '2026-03-01', end: '2027-01-12' } }
        ]);
        expect(plan.interventions[0]).toMatchObject({
            name: 'hulp', for: ['tom'], by: 'ggz_noord', framework: 'drang', addresses: ['geweld'],
            period: { start: '2026-01-20', end: '2026-07-20' }, fallback: 'Terugmelding bij uitval'
        });
        expect(plan.agreements[0]).toMatchObject({
            by: ['tom'], protects: ['eva', 'pim'], checkedBy: 'vt_noord', period: { start: '2026-01-12', end: '2027-01-12' }, wholePlan: false
        });
        expect(plan.meetings[0]).toEqual({
            date: '2026-01-15', title: 'Casusoverleg', chair: 'zvh_noord', participants: ['vt_noord', 'wt_oost'],
            clients: [{ member: 'eva', mode: 'present' }, { member: 'tom', mode: 'invited' }, { member: 'pim', mode: 'heard' }]
        });
        expect(plan.evaluations).toEqual([{ date: '2026-04-15', title: 'Evaluatie' }]);
    });

    test('measure terms carry their computed ends: `for 10 days`, extensions, and the type default', async () => {
        const text = CLEAN_PLAN.replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12 for 10 days\n        extend for 18 days\n');
        const [plan] = await exportsOf([text, ORGANISATIONS]);
        expectValid(plan);
        expect(plan.measures[0]).toMatchObject({
            name: 'hv', type: 'huisverbod', typeTitle: 'Tijdelijk huisverbod', mode: 'dwang', on: ['tom'], protects: ['eva', 'pim'], by: 'burg_noord',
            period: { start: '2026-01-12', end: '2026-02-09' },
            terms: [
                { kind: 'first', period: { start: '2026-01-12', end: '2026-01-22' }, defaultEnd: false },
                { kind: 'extension', period: { start: '2026-01-22', end: '2026-02-09' }, defaultEnd: false }
            ]
        });
        const defaulted = CLEAN_PLAN.replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12\n');
        const [withDefault] = await exportsOf([defaulted, ORGANISATIONS]);
        // A huisverbod's first term without an end lasts its `initial` 10 days.
        expect(withDefault.measures[0].terms).toEqual([{ kind: 'first', period: { start: '2026-01-12', end: '2026-01-22' }, defaultEnd: true }]);
    });

    test('regie entries carry their computed ends; aftercare checkpoints their dates', async () => {
        const [plan] = await exportsOf([CLEAN_PLAN, ORGANISATIONS]);
        expect(plan.regie).toEqual([
            { organisation: 'vt_noord', period: { start: '2026-01-12', end: '2026-02-09' }, explicitEnd: true, note: 'Tijdens huisverbod' },
            { organisation: 'wt_oost', period: { start: '2026-02-09', end: '2027-01-12' }, explicitEnd: false, note: null }
        ]);
        expect(plan.aftercare).toEqual({
            owner: 'vt_noord',
            period: { start: '2027-01-12', end: '2028-07-12' },
            checkpoints: [
                { offset: { amount: 3, unit: 'month' }, date: '2027-04-12' },
                { offset: { amount: 6, unit: 'month' }, date: '2027-07-12' },
                { offset: { amount: 12, unit: 'month' }, date: '2028-01-12' }
            ],
            signals: ['Nieuwe melding'],
            escalate: null
        });
    });

    test('what cannot be resolved is null, and the result still follows the schema', async () => {
        const broken = CLEAN_PLAN
            .replace('        by burg_noord\n', '        by onbekend\n')
            .replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 to 2026-13-01')
            .replace('    phase safety from 2026-01-12 to 2026-03-01\n', '    phase safety from 2026-02-30 to 2026-03-01\n');
        // Without the organisations file, every organisation reference is unresolved.
        const [plan] = await exportsOf([broken]);
        expectValid(plan);
        expect(plan.period).toBeNull();
        expect(plan.phases[0]).toEqual({ kind: 'safety', period: null });
        expect(plan.measures[0].by).toBeNull();
        expect(plan.interventions[0].by).toBeNull();
        expect(plan.aftercare?.owner).toBeNull();
        expect(plan.meetings[0].participants).toEqual([]);
    });

    test('an agreement without `from` holds for the whole plan', async () => {
        // CLEAN_PLAN's agreement runs the whole plan period written out (so that VP004 stays silent).
        const text = CLEAN_PLAN.replace('        from 2026-01-12 to 2027-01-12\n', '');
        expect(text).not.toBe(CLEAN_PLAN);
        const [plan] = await exportsOf([text, ORGANISATIONS]);
        expectValid(plan);
        expect(plan.agreements[0]).toMatchObject({ period: null, wholePlan: true });
    });

    test('a plan without version-2 constructs has none of their fields (it exports as before)', async () => {
        const [plan] = await exportsOf([CLEAN_PLAN, ORGANISATIONS]);
        expect(Object.keys(plan)).not.toContain('incidents');
        for (const intervention of plan.interventions) {
            expect(Object.keys(intervention)).not.toContain('ended');
            expect(Object.keys(intervention)).not.toContain('effectivePeriod');
        }
        for (const meeting of plan.meetings) expect(Object.keys(meeting)).not.toContain('actions');
    });

    test('v2: `ended` keeps the planned period and adds the date, the reason and the effective period', async () => {
        const [plan] = await exportsOf([V2_PLAN, ORGANISATIONS]);
        expectValid(plan);
        const [hulp, vervolg, nazorg] = plan.interventions;
        // Cut short: the checks and the timeline use 2026-01-20 up to (not including) 2026-05-04.
        expect(hulp).toMatchObject({
            name: 'hulp',
            period: { start: '2026-01-20', end: '2026-07-20' },
            ended: { date: '2026-05-04', reason: 'dropout' },
            effectivePeriod: { start: '2026-01-20', end: '2026-05-04' }
        });
        // An `ended` on or after the planned end changes nothing but records the reason.
        expect(vervolg).toMatchObject({
            period: { start: '2026-07-20', end: '2027-01-12' },
            ended: { date: '2027-03-01', reason: 'completed' },
            effectivePeriod: { start: '2026-07-20', end: '2027-01-12' }
        });
        // An `ended` on or before the start is VP060: no effective period.
        expect(nazorg).toMatchObject({
            period: { start: '2026-03-02', end: '2026-09-02' },
            ended: { date: '2026-03-02', reason: 'referred' },
            effectivePeriod: null
        });
        // Key order: the version-1 fields first, unchanged, then the v2 ones.
        expect(Object.keys(hulp)).toEqual([
            'name', 'title', 'for', 'by', 'period', 'framework', 'addresses', 'phase', 'fallback', 'ended', 'effectivePeriod'
        ]);
    });

    test('v2: an invalid `ended` date is null, and so is the effective period', async () => {
        const text = V2_PLAN.replace('ended 2026-05-04 dropout', 'ended 2026-02-30 dropout');
        expect(text).not.toBe(V2_PLAN);
        const [plan] = await exportsOf([text, ORGANISATIONS]);
        expectValid(plan);
        expect(plan.interventions[0]).toMatchObject({
            period: { start: '2026-01-20', end: '2026-07-20' }, ended: { date: null, reason: 'dropout' }, effectivePeriod: null
        });
    });

    test('v2: incidents on the plan in source order, between meetings and evaluations', async () => {
        const [plan] = await exportsOf([V2_PLAN, ORGANISATIONS]);
        expect(plan.incidents).toEqual([
            { date: '2026-05-02', title: 'Nieuwe melding: ruzie' },
            { date: '2026-03-10', title: 'Melding van school' }
        ]);
        const keys = Object.keys(plan);
        expect(keys.slice(keys.indexOf('meetings'))).toEqual(['meetings', 'incidents', 'evaluations']);
    });

    test('v2: a meeting\'s actions with the text, the owner as a name and the (inclusive) due date', async () => {
        const [plan] = await exportsOf([V2_PLAN, ORGANISATIONS]);
        expect(plan.meetings[0].actions).toEqual([
            { text: 'Veiligheidsafspraken vastleggen', owner: 'vt_noord', due: '2026-01-22' },
            { text: 'Opvang van Pim regelen', owner: 'tante', due: '2026-01-29' },
            { text: 'Melding bij de politie', owner: 'eva', due: '2026-02-01' },
            { text: 'Onbekende eigenaar', owner: null, due: null }
        ]);
        expect(Object.keys(plan.meetings[0])).toEqual(['date', 'title', 'chair', 'participants', 'clients', 'actions']);
        // The second meeting decided nothing: no `actions` field.
        expect(Object.keys(plan.meetings[1])).not.toContain('actions');
    });

    test('several aftercare blocks: `aftercare` is the first, `moreAftercare` the others in the same shape', async () => {
        expect(TWO_AFTERCARE_PLAN).not.toBe(CLEAN_PLAN);
        const [plan] = await exportsOf([TWO_AFTERCARE_PLAN, ORGANISATIONS]);
        expectValid(plan);
        const [single] = await exportsOf([CLEAN_PLAN, ORGANISATIONS]);
        // The first block exports exactly as when it is the only one.
        expect(plan.aftercare).toEqual(single.aftercare);
        expect(plan.aftercare).toMatchObject({ owner: 'vt_noord', period: { start: '2027-01-12', end: '2028-07-12' } });
        expect(plan.moreAftercare).toEqual([{
            owner: 'wt_oost',
            period: { start: '2026-12-01', end: '2028-12-01' },
            checkpoints: [
                { offset: { amount: 6, unit: 'month' }, date: '2027-06-01' },
                { offset: { amount: 24, unit: 'month' }, date: '2028-12-01' }
            ],
            signals: ['Schoolverzuim'],
            escalate: 'Casusoverleg binnen een week'
        }]);
        // Right after `aftercare`; the rest of the plan as with one block.
        const keys = Object.keys(plan);
        expect(keys.slice(keys.indexOf('aftercare'), keys.indexOf('aftercare') + 3)).toEqual(['aftercare', 'moreAftercare', 'meetings']);
        const { moreAftercare: _more, ...rest } = plan;
        expect(rest).toEqual(single);
    });

    test('one aftercare block or none: no `moreAftercare` (the export is as before)', async () => {
        const [one] = await exportsOf([CLEAN_PLAN, ORGANISATIONS]);
        expect(Object.keys(one)).not.toContain('moreAftercare');
        const withoutAftercare = CLEAN_PLAN.replace(/\n {4}aftercare \{[\s\S]*?\n {4}\}\n/, '\n');
        expect(withoutAftercare).not.toBe(CLEAN_PLAN);
        const [none] = await exportsOf([withoutAftercare, ORGANISATIONS]);
        expectValid(none);
        expect(none.aftercare).toBeNull();
        expect(Object.keys(none)).not.toContain('moreAftercare');
    });

    test('the schema takes `moreAftercare` only as a non-empty list of aftercare blocks', async () => {
        const [plan] = await exportsOf([TWO_AFTERCARE_PLAN, ORGANISATIONS]);
        const wrap = (changed: PlanExport) => ({ format: 'vplan-export', version: 1, source: 'x', diagnostics: { errors: 0, warnings: 0, infos: 0 }, plan: changed });
        expect(validate(wrap(plan))).toBe(true);
        expect(validate(wrap({ ...plan, moreAftercare: [] }))).toBe(false);
        expect(validate(wrap({ ...plan, moreAftercare: [{ ...plan.moreAftercare![0], owner: 3 as never }] }))).toBe(false);
        const { escalate: _dropped, ...incomplete } = plan.moreAftercare![0];
        expect(validate(wrap({ ...plan, moreAftercare: [incomplete as never] }))).toBe(false);
    });

    test('the schema rejects what the format forbids', () => {
        const bad = { format: 'vplan-export', version: 1, source: 'x', diagnostics: { errors: 0, warnings: 0, infos: 0 }, plan: { name: 'x' } };
        expect(validate(bad)).toBe(false);
        expect(validate({ ...bad, version: 2 })).toBe(false);
    });

    test('the schema rejects a v2 field that breaks the format: `ended` alone, an empty list, an unknown reason', async () => {
        const [plan] = await exportsOf([V2_PLAN, ORGANISATIONS]);
        const wrap = (changed: PlanExport) => ({ format: 'vplan-export', version: 1, source: 'x', diagnostics: { errors: 0, warnings: 0, infos: 0 }, plan: changed });
        expect(validate(wrap(plan))).toBe(true);
        const [hulp, ...rest] = plan.interventions;
        const { effectivePeriod: _dropped, ...endedAlone } = hulp;
        expect(validate(wrap({ ...plan, interventions: [endedAlone, ...rest] }))).toBe(false);
        const { ended: _alsoDropped, ...effectiveAlone } = hulp;
        expect(validate(wrap({ ...plan, interventions: [effectiveAlone, ...rest] }))).toBe(false);
        expect(validate(wrap({ ...plan, incidents: [] }))).toBe(false);
        expect(validate(wrap({ ...plan, interventions: [{ ...hulp, ended: { date: '2026-05-04', reason: 'stopped' as never } }, ...rest] }))).toBe(false);
        expect(validate(wrap({ ...plan, meetings: [{ ...plan.meetings[0], actions: [] }] }))).toBe(false);
    });
});
