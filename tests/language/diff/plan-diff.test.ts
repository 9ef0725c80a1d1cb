/**
 * language/diff/plan-diff.ts, the diff engine: items matched across two workspaces, fields with
 * keywords and names as written, renames, handovers, diagnostics by file, and the change-set API
 * that `vplan review` uses (pairs of files, renamed files, other files). The CLI's use of it is
 * tested through the binary in tests/cli/diff-command.test.ts.
 */

import { describe, expect, test } from 'vitest';
import { diffChangeSet, diffDiagnostics, handoversOf } from '../../../language/diff/plan-diff.js';
import { renderDiffText } from '../../../language/diff/plan-diff-text.js';
import { textDifference, writtenLines } from '../../../language/diff/written-form.js';
import { CLEAN_PLAN, ORGANISATIONS } from '../../cli/cli-test-helpers.js';
import { diffOf, side, textOf } from './diff-test-helpers.js';

const WITH_ORGS = (plan: string) => ({ 'plan.vplan': plan, 'orgs.vplan': ORGANISATIONS });

describe('items and fields', () => {
    test('identical plans: no changes, and the text says so', async () => {
        const diff = await diffOf(WITH_ORGS(CLEAN_PLAN), WITH_ORGS(CLEAN_PLAN));
        expect(diff).toMatchObject({ identical: true, sameMeaning: 'identical', changes: [], handovers: [] });
        expect(textOf(diff)).toBe('No differences.\n0 added, 0 changed, 0 removed\n');
        expect(textOf(diff, 'nl')).toBe('Geen verschillen.\n0 toegevoegd, 0 gewijzigd, 0 verwijderd\n');
    });

    test('a measure extension: the resolved period and the extension as written', async () => {
        const next = CLEAN_PLAN.replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12 for 10 days\n        extend for 18 days\n');
        const diff = await diffOf(WITH_ORGS(CLEAN_PLAN), WITH_ORGS(next));
        expect(diff.changes).toEqual([{
            change: 'changed', kind: 'measure', name: 'hv', plan: 'linde_2026', fields: [
                { field: 'from', old: '2026-01-12 to 2026-01-22', new: '2026-01-12 to 2026-02-09' },
                { field: 'extend', old: [], new: ['for 18 days'], added: ['for 18 days'], removed: [] }
            ]
        }]);
    });

    test('every field name is a keyword or the reference\'s word for a positional value', async () => {
        const next = CLEAN_PLAN
            .replace('member eva adult born 1990 roles victim, parent', 'member eva adult born 1991 roles victim, parent outside no-action "Woont bij haar zus"')
            .replace('supporter tante "Tante van Eva" supports eva, pim aware', 'supporter tante "Tante" supports eva')
            .replace('        severity high\n        nature dynamic\n        domain safety\n        affects eva, pim\n        posed by tom\n',
                '        severity acute\n        nature static\n        domain housing\n        affects household\n')
            .replace('        framework drang\n', '        framework dwang\n        phase safety\n')
            .replace(/ {8}checked by vt_noord\n {8}from [^\n]*\n/, '        checked by tante\n')
            .replace('        signal "Nieuwe melding"\n', '        signal "Nieuwe melding"\n        escalate "Terug naar Veilig Thuis"\n')
            .replace('        chair zvh_noord\n        participants vt_noord, wt_oost\n', '        chair vt_noord\n        participants wt_oost\n');
        const diff = await diffOf(WITH_ORGS(CLEAN_PLAN), WITH_ORGS(next));
        const fields = diff.changes.flatMap(c => (c.fields ?? []).map(f => f.field));
        expect(fields).toEqual([
            'born', 'outside', 'no-action', 'title', 'supports', 'aware', 'severity', 'nature', 'domain', 'affects', 'posed by',
            'framework', 'phase', 'checked by', 'from', 'escalate', 'chair', 'participants'
        ]);
        const text = textOf(diff);
        expect(text).toContain('  ~ member eva: born 1990 → 1991; +outside; no-action (none) → "Woont bij haar zus"');
        expect(text).toContain('  ~ supporter tante: title "Tante van Eva" → "Tante"; supports -pim; -aware');
        expect(text).toContain('  ~ risk geweld: severity high → acute; nature dynamic → static; domain safety → housing; affects +household -eva -pim; posed by -tom');
        expect(text).toMatch(/ {2}~ agreement contact: checked by vt_noord → tante; from 2026-01-12 to \d{4}-\d{2}-\d{2} → \(none\)\n/);
        expect(text).not.toMatch(/posedBy|checkedBy|noAction|wholePlan|extensions/);
    });

    test('the plan\'s own fields, and a regie entry that runs to the new plan end', async () => {
        const next = CLEAN_PLAN.replace('    status active', '    status closed').replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 to 2027-03-01');
        const diff = await diffOf(WITH_ORGS(CLEAN_PLAN), WITH_ORGS(next));
        expect(diff.changes).toEqual([
            { change: 'changed', kind: 'plan', name: 'linde_2026', fields: [
                { field: 'status', old: 'active', new: 'closed' },
                { field: 'period', old: '2026-01-12 to 2027-01-12', new: '2026-01-12 to 2027-03-01' }
            ] },
            { change: 'changed', kind: 'regie', name: 'wt_oost', plan: 'linde_2026', fields: [{ field: 'from', old: '2026-02-09 to 2027-01-12', new: '2026-02-09 to 2027-03-01' }] }
        ]);
        expect(textOf(diff)).toContain('plan linde_2026:\n  ~ status active → closed; period 2026-01-12 to 2027-01-12 → 2026-01-12 to 2027-03-01\n');
    });

    test('a moved handover reads as one sentence and explains the entries\' new dates', async () => {
        const next = CLEAN_PLAN.replace('vt_noord from 2026-01-12 to 2026-02-09', 'vt_noord from 2026-01-12 to 2026-02-16').replace('wt_oost from 2026-02-09', 'wt_oost from 2026-02-16');
        const diff = await diffOf(WITH_ORGS(CLEAN_PLAN), WITH_ORGS(next));
        expect(diff.handovers).toEqual([{ plan: 'linde_2026', change: 'moved', from: 'vt_noord', to: 'wt_oost', oldDate: '2026-02-09', newDate: '2026-02-16' }]);
        expect(diff.changes).toEqual([]);
        expect(diff.summary.changed).toBe(1);
        expect(textOf(diff, 'nl')).toContain('regie gaat van vt_noord naar wt_oost over op 2026-02-16 in plaats van 2026-02-09');
    });

    test('handovers are the days regie passes between consecutive holders, sorted by start', () => {
        expect(handoversOf([{ organisation: 'b', start: '2026-03-01' }, { organisation: 'a', start: '2026-01-01' }, { organisation: 'a', start: '2026-02-01' }]))
            .toEqual([{ from: 'a', to: 'b', date: '2026-03-01' }]);
    });

    test('renames: members, risks and measures; references that followed are no change', async () => {
        const next = CLEAN_PLAN.replace(/\bpim\b/g, 'pieter').replace(/\bgeweld\b/g, 'partnergeweld').replace('measure hv huisverbod', 'measure huisverbod_tom huisverbod');
        const diff = await diffOf(WITH_ORGS(CLEAN_PLAN), WITH_ORGS(next));
        expect(diff.changes).toEqual([
            { change: 'renamed', kind: 'member', name: 'pim', newName: 'pieter', plan: 'linde_2026' },
            { change: 'renamed', kind: 'risk', name: 'geweld', newName: 'partnergeweld', plan: 'linde_2026' },
            { change: 'renamed', kind: 'measure', name: 'hv', newName: 'huisverbod_tom', plan: 'linde_2026' }
        ]);
        // A message that names the member is the same finding after the rename.
        expect(diffDiagnostics([{ code: 'VP004', message: "Member 'pim' is covered by nothing" }], [{ code: 'VP004', message: "Member 'pieter' is covered by nothing" }], new Map([['pim', 'pieter']])))
            .toEqual({ introduced: [], resolved: [] });
    });

    test('organisations and measure types: changed, added, removed, renamed', async () => {
        const catalogue = `${ORGANISATIONS}measure type regio "Regio" {\n    mode drang\n    total max 6 months\n}\n`;
        const next = catalogue.replace('kind wijkteam', 'kind ggz').replace('organisation zvh_noord "Zorg- en Veiligheidshuis Noord" kind zvh\n', '')
            .replace('burg_noord', 'burgemeester_noord').replace('total max 6 months', 'total max 3 months\n    subject adult');
        const diff = await diffOf({ 'orgs.vplan': catalogue }, { 'orgs.vplan': next }, 'orgs.vplan');
        expect(diff.changes).toEqual([
            { change: 'changed', kind: 'organisation', name: 'wt_oost', fields: [{ field: 'kind', old: 'wijkteam', new: 'ggz' }] },
            { change: 'renamed', kind: 'organisation', name: 'burg_noord', newName: 'burgemeester_noord' },
            { change: 'removed', kind: 'organisation', name: 'zvh_noord', text: ['organisation zvh_noord "Zorg- en Veiligheidshuis Noord" kind zvh'] },
            { change: 'changed', kind: 'measure type', name: 'regio', fields: [
                { field: 'total max', old: '6 months', new: '3 months' },
                { field: 'subject', old: 'any', new: 'adult' }
            ] }
        ]);
        expect(diff.summary).toMatchObject({ added: 0, changed: 3, removed: 1 });
    });

    test('a plan renamed and nothing else', async () => {
        const diff = await diffOf(WITH_ORGS(CLEAN_PLAN), WITH_ORGS(CLEAN_PLAN.replace('plan linde_2026', 'plan linde_2027')));
        expect(diff.changes).toEqual([{ change: 'renamed', kind: 'plan', name: 'linde_2026', newName: 'linde_2027' }]);
    });
});

/**
 * The clean plan with more items of the same titles: meetings "Casusoverleg" on 2026-01-15,
 * 2026-03-02 and 2026-05-02, incidents "Melding" on 2026-03-01 and 2026-05-01, evaluations
 * "Evaluatie" on 2026-04-15 and 2026-07-15.
 */
const ALIKE_PLAN = CLEAN_PLAN.replace('    evaluation 2026-04-15 "Evaluatie"\n', [
    '    meeting 2026-03-02 "Casusoverleg" {',
    '        chair zvh_noord',
    '        action "Actie een" owner vt_noord due 2026-03-10',
    '    }',
    '',
    '    meeting 2026-05-02 "Casusoverleg" {',
    '        chair zvh_noord',
    '        action "Actie twee" owner wt_oost due 2026-05-10',
    '    }',
    '',
    '    incident 2026-03-01 "Melding"',
    '    incident 2026-05-01 "Melding"',
    '',
    '    evaluation 2026-04-15 "Evaluatie"',
    '    evaluation 2026-07-15 "Evaluatie"',
    ''
].join('\n'));

/** ALIKE_PLAN without the first of each pair: the meeting of 2026-03-02, the incident of 2026-03-01, the evaluation of 2026-04-15. */
const FEWER_PLAN = ALIKE_PLAN
    .replace(/ {4}meeting 2026-03-02 "Casusoverleg" \{\n[^}]*\}\n\n/, '')
    .replace('    incident 2026-03-01 "Melding"\n', '')
    .replace('    evaluation 2026-04-15 "Evaluatie"\n', '');

describe('items without a name: paired by what they are, never by position alone', () => {
    const FIRST_MEETING = ['meeting 2026-03-02 "Casusoverleg"', '    chair zvh_noord', '    action "Actie een" owner vt_noord due 2026-03-10'];

    test('removing one of items titled alike removes that one; the others are unchanged', async () => {
        // Before: `~ meeting Casusoverleg #2: date 2026-03-02 → 2026-05-02; ...`, `- meeting 2026-05-02 ...` (the one kept), likewise the incident and the evaluation.
        const diff = await diffOf(WITH_ORGS(ALIKE_PLAN), WITH_ORGS(FEWER_PLAN));
        expect(diff.changes).toEqual([
            { change: 'removed', kind: 'meeting', name: 'Casusoverleg #2', plan: 'linde_2026', text: FIRST_MEETING },
            { change: 'removed', kind: 'incident', name: 'Melding', plan: 'linde_2026', text: ['incident 2026-03-01 "Melding"'] },
            { change: 'removed', kind: 'evaluation', name: 'Evaluatie', plan: 'linde_2026', text: ['evaluation 2026-04-15 "Evaluatie"'] }
        ]);
        expect(diff.summary).toMatchObject({ added: 0, changed: 0, removed: 3 });
        const text = textOf(diff);
        expect(text).toContain([
            'plan linde_2026:',
            '  - meeting 2026-03-02 "Casusoverleg"',
            '        chair zvh_noord',
            '        action "Actie een" owner vt_noord due 2026-03-10',
            '  - incident 2026-03-01 "Melding"',
            '  - evaluation 2026-04-15 "Evaluatie"',
            ''
        ].join('\n'));
        expect(text).not.toContain('~');
        expect(text).toMatch(/\n0 added, 0 changed, 3 removed(;[^\n]*)?\n$/);
    });

    test('inserting one before items titled alike adds that one; the others are unchanged', async () => {
        // Before: `2 added, 4 changed` in the auditor's plan: each later item "changed" into the one before it.
        const diff = await diffOf(WITH_ORGS(FEWER_PLAN), WITH_ORGS(ALIKE_PLAN));
        expect(diff.changes).toEqual([
            { change: 'added', kind: 'meeting', name: 'Casusoverleg #2', plan: 'linde_2026', text: FIRST_MEETING },
            { change: 'added', kind: 'incident', name: 'Melding', plan: 'linde_2026', text: ['incident 2026-03-01 "Melding"'] },
            { change: 'added', kind: 'evaluation', name: 'Evaluatie', plan: 'linde_2026', text: ['evaluation 2026-04-15 "Evaluatie"'] }
        ]);
        expect(diff.summary).toMatchObject({ added: 3, changed: 0, removed: 0 });
        expect(textOf(diff)).toMatch(/\n3 added, 0 changed, 0 removed(;[^\n]*)?\n$/);
    });

    test('a lone meeting whose date moved is that meeting, changed', async () => {
        const diff = await diffOf(WITH_ORGS(CLEAN_PLAN), WITH_ORGS(CLEAN_PLAN.replace('meeting 2026-01-15 "Casusoverleg"', 'meeting 2026-01-16 "Casusoverleg"')));
        expect(diff.changes).toEqual([
            { change: 'changed', kind: 'meeting', name: 'Casusoverleg', plan: 'linde_2026', fields: [{ field: 'date', old: '2026-01-15', new: '2026-01-16' }] }
        ]);
        expect(textOf(diff)).toContain('  ~ meeting Casusoverleg: date 2026-01-15 → 2026-01-16\n');
    });

    test('among items titled alike: a moved date is a change of that item, a changed one beside a removed one is paired by its date', async () => {
        const moved = await diffOf(WITH_ORGS(ALIKE_PLAN), WITH_ORGS(ALIKE_PLAN.replace('incident 2026-05-01 "Melding"', 'incident 2026-05-08 "Melding"')));
        expect(moved.changes).toEqual([
            { change: 'changed', kind: 'incident', name: 'Melding #2', plan: 'linde_2026', fields: [{ field: 'date', old: '2026-05-01', new: '2026-05-08' }] }
        ]);
        const changed = await diffOf(WITH_ORGS(ALIKE_PLAN), WITH_ORGS(FEWER_PLAN.replace('"Actie twee" owner wt_oost', '"Actie drie" owner wt_oost')));
        expect(changed.changes.filter(c => c.kind === 'meeting')).toEqual([
            { change: 'removed', kind: 'meeting', name: 'Casusoverleg #2', plan: 'linde_2026', text: FIRST_MEETING },
            { change: 'changed', kind: 'meeting', name: 'Casusoverleg #3', plan: 'linde_2026', fields: [{
                field: 'action', old: ['"Actie twee" owner wt_oost due 2026-05-10'], new: ['"Actie drie" owner wt_oost due 2026-05-10'],
                added: ['"Actie drie" owner wt_oost due 2026-05-10'], removed: ['"Actie twee" owner wt_oost due 2026-05-10']
            }] }
        ]);
        // Reordered, the same items mean the same plan.
        const reordered = ALIKE_PLAN.replace('    incident 2026-03-01 "Melding"\n    incident 2026-05-01 "Melding"\n', '    incident 2026-05-01 "Melding"\n    incident 2026-03-01 "Melding"\n');
        expect((await diffOf(WITH_ORGS(ALIKE_PLAN), WITH_ORGS(reordered))).changes).toEqual([]);
    });

    test('regie entries and handovers between the same organisations: the ones that still exist are unchanged', async () => {
        // Before: the handover of 2026-07-01 "moved" from 2026-02-09 and "dropped", and `- regie wt_oost from 2026-07-01`, which is kept.
        const regie = (entries: string[]) => CLEAN_PLAN.replace(
            '        vt_noord from 2026-01-12 to 2026-02-09 "Tijdens huisverbod"\n        wt_oost from 2026-02-09\n', entries.map(e => `        ${e}\n`).join(''));
        const twice = regie(['vt_noord from 2026-01-12 to 2026-02-09 "Tijdens huisverbod"', 'wt_oost from 2026-02-09 to 2026-06-01', 'vt_noord from 2026-06-01 to 2026-07-01', 'wt_oost from 2026-07-01']);
        const once = regie(['vt_noord from 2026-01-12 to 2026-07-01 "Tijdens huisverbod"', 'wt_oost from 2026-07-01']);
        const diff = await diffOf(WITH_ORGS(twice), WITH_ORGS(once));
        expect(diff.handovers).toEqual([
            { plan: 'linde_2026', change: 'removed', from: 'vt_noord', to: 'wt_oost', oldDate: '2026-02-09' },
            { plan: 'linde_2026', change: 'removed', from: 'wt_oost', to: 'vt_noord', oldDate: '2026-06-01' }
        ]);
        expect(diff.changes).toEqual([
            { change: 'changed', kind: 'regie', name: 'vt_noord', plan: 'linde_2026', fields: [{ field: 'from', old: '2026-01-12 to 2026-02-09', new: '2026-01-12 to 2026-07-01' }] },
            { change: 'removed', kind: 'regie', name: 'wt_oost', plan: 'linde_2026', text: ['wt_oost from 2026-02-09 to 2026-06-01'] },
            { change: 'removed', kind: 'regie', name: 'vt_noord #2', plan: 'linde_2026', text: ['vt_noord from 2026-06-01 to 2026-07-01'] }
        ]);
        expect(textOf(diff)).toContain('  - handover dropped: regie no longer passes from vt_noord to wt_oost on 2026-02-09\n');
    });

    test('phases of one kind: removing the first removes that one', async () => {
        const phases = CLEAN_PLAN.replace('    phase stability from 2026-03-01 to 2027-01-12\n',
            '    phase stability from 2026-03-01 to 2026-06-01\n    phase safety from 2026-06-01 to 2026-07-01\n    phase stability from 2026-07-01 to 2027-01-12\n');
        const fewer = phases.replace('    phase safety from 2026-01-12 to 2026-03-01\n', '');
        const diff = await diffOf(WITH_ORGS(phases), WITH_ORGS(fewer));
        expect(diff.changes).toEqual([
            { change: 'removed', kind: 'phase', name: 'safety', plan: 'linde_2026', text: ['phase safety from 2026-01-12 to 2026-03-01'] }
        ]);
    });
});

describe('written form', () => {
    test('an item as written: its line, then its block\'s items, comments and layout left out', async () => {
        const input = await side({ 'plan.vplan': CLEAN_PLAN.replace('    measure hv huisverbod {\n', '    measure hv huisverbod { // tien dagen\n        /* wie */ on   tom\n').replace('        on tom\n        protects', '        protects'), 'orgs.vplan': ORGANISATIONS });
        const plan = input.files.get('plan.vplan')!.root.declarations[0] as unknown as { items: Array<{ $type: string }> };
        const measure = plan.items.find(i => i.$type === 'Measure')!;
        expect(writtenLines(measure as never)).toEqual([
            'measure hv huisverbod', '    on tom', '    protects eva, pim', '    by burg_noord', '    from 2026-01-12 for 10 days'
        ]);
    });

    test('what differs in the text of equal meaning', () => {
        expect(textDifference('a b', 'a b')).toBe('identical');
        expect(textDifference('a b // x', 'a b // y')).toBe('comments');
        expect(textDifference('a /* x */ b', 'a b')).toBe('comments');
        expect(textDifference('a b', 'a\n\n   b')).toBe('layout');
        expect(textDifference('a "x y"', 'a "x  y"')).toBe('wording');
        expect(textDifference('a, b', 'b, a')).toBe('wording');
    });
});

describe('the change set (the API `vplan review` uses)', () => {
    test('a renamed file is a pair of two keys; other files\' diagnostics count only when their text is the same on both sides', async () => {
        const broken = ORGANISATIONS.replace('organisation ggz_noord "GGZ Noord" kind ggz\n', '');
        const before = await side({ 'old-name.vplan': CLEAN_PLAN, 'orgs.vplan': ORGANISATIONS, 'other.vplan': 'organisation x "X" kind ggz\n' });
        const after = await side({ 'new-name.vplan': CLEAN_PLAN, 'orgs.vplan': broken, 'other.vplan': 'organisation x "X" kind ggz\norganisation x "X" kind ggz\n' });
        const renameOnly = diffChangeSet(before, after, [{ old: 'old-name.vplan', new: 'new-name.vplan' }]);
        expect(renameOnly.files).toEqual([{ old: 'old-name.vplan', new: 'new-name.vplan', changes: [], handovers: [], sameMeaning: 'identical' }]);
        // The plan's new VP081 is in the pair; orgs.vplan and other.vplan changed, so by default they are not this diff's.
        expect(renameOnly.diagnostics.introduced.map(d => `${d.file} ${d.code}`)).toEqual(['new-name.vplan VP081']);
        expect(renameOnly.dependsOnOtherFiles).toBe(true);
        const all = diffChangeSet(before, after, [{ old: 'old-name.vplan', new: 'new-name.vplan' }], { otherFiles: 'all' });
        expect(all.diagnostics.introduced.map(d => `${d.file} ${d.code}`)).toEqual(['new-name.vplan VP081', 'other.vplan VP080']);
        const withCatalogue = diffChangeSet(before, after, [{ old: 'old-name.vplan', new: 'new-name.vplan' }, { old: 'orgs.vplan', new: 'orgs.vplan' }]);
        expect(withCatalogue.files[1].changes).toEqual([{ change: 'removed', kind: 'organisation', name: 'ggz_noord', text: ['organisation ggz_noord "GGZ Noord" kind ggz'] }]);
        expect(withCatalogue.summary).toMatchObject({ removed: 1, introduced: { errors: 1, warnings: 0, infos: 0 } });
    });

    test('an added and a deleted file', async () => {
        const empty = await side({ 'orgs.vplan': ORGANISATIONS });
        const full = await side(WITH_ORGS(CLEAN_PLAN));
        const added = diffChangeSet(empty, full, [{ new: 'plan.vplan' }]);
        expect(added.files[0]).toMatchObject({ old: null, new: 'plan.vplan', sameMeaning: null, changes: [{ change: 'added', kind: 'plan', name: 'linde_2026' }] });
        expect(added.files[0].changes[0].text).toContain('    measure hv huisverbod');
        expect(added.files[0].changes[0].text).toContain('        on tom');
        const deleted = diffChangeSet(full, empty, [{ old: 'plan.vplan' }]);
        expect(deleted.summary).toMatchObject({ added: 0, removed: 1 });
    });

    test('a file without global references has no dependency on other files', async () => {
        const before = await side({ 'solo.vplan': 'organisation a "A" kind wijkteam\n' });
        const after = await side({ 'solo.vplan': 'organisation a "A" kind wijkteam\norganisation a "B" kind ggz\n' });
        const changeSet = diffChangeSet(before, after, [{ old: 'solo.vplan', new: 'solo.vplan' }]);
        expect(changeSet.diagnostics.introduced.map(d => d.code)).toEqual(['VP080']);
        expect(changeSet.dependsOnOtherFiles).toBe(false);
        const text = renderDiffText({ ...(await diffOf({ 'solo.vplan': 'organisation a "A" kind wijkteam\n' }, { 'solo.vplan': 'organisation a "A" kind wijkteam\norganisation a "B" kind ggz\n' }, 'solo.vplan')) }, 'en');
        expect(text).toMatch(/^\+ organisation a "B" kind ggz\nDiagnostics introduced:\n {2}\+ VP080 error: /);
        expect(text).toMatch(/1 added, 0 changed, 0 removed; 1 error introduced\n$/);
    });
});

describe('the count line', () => {
    test('in the manner of terraform plan; the severity said once when both sides share it', async () => {
        const diff = await diffOf(WITH_ORGS(CLEAN_PLAN), WITH_ORGS(CLEAN_PLAN));
        const line = (introduced: [number, number], resolved: [number, number], locale: 'en' | 'nl' = 'en') => renderDiffText({
            ...diff, summary: { added: 2, changed: 3, removed: 1, introduced: { errors: introduced[0], warnings: introduced[1], infos: 0 }, resolved: { errors: resolved[0], warnings: resolved[1], infos: 0 } }
        }, locale).trim().split('\n').at(-1);
        expect(line([1, 0], [2, 0])).toBe('2 added, 3 changed, 1 removed; 1 error introduced, 2 resolved');
        expect(line([1, 1], [0, 2])).toBe('2 added, 3 changed, 1 removed; 1 error, 1 warning introduced, 2 warnings resolved');
        expect(line([0, 0], [0, 1])).toBe('2 added, 3 changed, 1 removed; 1 warning resolved');
        expect(line([1, 0], [2, 0], 'nl')).toBe('2 toegevoegd, 3 gewijzigd, 1 verwijderd; 1 fout nieuw, 2 opgelost');
    });
});
