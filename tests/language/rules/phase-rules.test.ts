/**
 * Phases (language/rules/phase-rules.ts): VP050 phases in order (no overlap, never back) and VP051
 * recovery after safety, over the phase facts, with the documentation examples.
 */

import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp050, vp051 } from '../../../language/rules/phase-rules.js';
import { checkPlan, exampleCodes, lineOf, quickFixes, withCode } from './rule-test-support.js';

/** The example plan with these phase lines instead of its own. */
const withPhases = (...phases: string[]) => examplePlan({ phases: phases.map(phase => `    ${phase}`).join('\n') });

/** An intervention for sanne, with `phase recovery`, starting on `start`. */
const recovery = (start: string) => `    intervention herstel "Herstelgericht werken" {\n        for sanne\n        by ggz_zhz\n        from ${start} for 3 months\n        phase recovery\n    }`;
const withRecovery = (start: string, phases = EXAMPLE_SECTIONS.phases) => examplePlan({ phases, interventions: `${EXAMPLE_SECTIONS.interventions}\n\n${recovery(start)}` });

describe('VP050 phases in order', () => {
    test('safety, stability, recovery as handovers is fine (the example plan)', async () => {
        expect(EXAMPLE_SECTIONS.phases).toContain('phase stability');
        expect((await checkPlan(examplePlan())).codes).toEqual([]);
    });

    test('a kind may be skipped, or split in two (with or without a gap)', async () => {
        expect((await checkPlan(withPhases('phase safety from 2026-01-12 to 2026-03-01', 'phase recovery from 2026-03-01 to 2027-01-12'))).codes).toEqual([]);
        expect((await checkPlan(withPhases('phase safety from 2026-01-12 to 2026-02-01', 'phase safety from 2026-02-01 to 2026-03-01', 'phase recovery from 2026-03-01 to 2027-01-12'))).codes).toEqual([]);
        expect((await checkPlan(withPhases('phase safety from 2026-01-12 to 2026-02-01', 'phase safety from 2026-02-15 to 2026-03-01', 'phase stability from 2026-03-01 for 3 months'))).codes).toEqual([]);
    });

    test('phases are taken in calendar order, not in written order', async () => {
        expect((await checkPlan(withPhases('phase stability from 2026-03-01 to 2026-09-01', 'phase safety from 2026-01-12 to 2026-03-01'))).codes).toEqual([]);
    });

    test('overlapping phases are VP050 on the later one, naming the first shared day, even in the right order', async () => {
        const text = withPhases('phase safety from 2026-01-12 to 2026-03-02', 'phase stability from 2026-03-01 to 2026-09-01');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP050']);
        const [d] = withCode(result, 'VP050');
        expect(d.severity).toBe(DiagnosticSeverity.Error);
        expect(d.range.start.line).toBe(lineOf(text, 'phase stability'));
        expect(d.message).toContain('overlaps phase safety (2026-01-12 to 2026-03-02) from 2026-03-01');
        expect(d.message).toContain('Let this phase start on 2026-03-02, or let the other end on 2026-03-01');
    });

    test('an overlap is judged against the phase that reaches furthest, and is not also judged on its order', async () => {
        const text = withPhases('phase stability from 2026-01-12 to 2026-09-01', 'phase recovery from 2026-02-01 to 2026-03-01', 'phase safety from 2026-03-01 to 2026-04-01');
        const found = withCode(await checkPlan(text), 'VP050');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, 'phase recovery'), lineOf(text, 'phase safety')]);
        for (const d of found) expect(d.message).toContain('overlaps phase stability (2026-01-12 to 2026-09-01)');
    });

    test('a kind that goes back in calendar order is VP050 on its kind, whatever the source order', async () => {
        const text = withPhases('phase safety from 2026-06-01 to 2026-09-01', 'phase stability from 2026-01-12 to 2026-06-01');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP050']);
        const [d] = withCode(result, 'VP050');
        expect(d.range.start.line).toBe(lineOf(text, 'phase safety from 2026-06-01'));
        expect(d.range.start.character).toBe(text.split('\n')[d.range.start.line].indexOf('safety'));
        expect(d.message).toContain('comes after phase stability');
        // v2: going back to safety needs an incident, and the message says how to record one
        expect(d.message).toContain('only go back to safety after a new incident');
        expect(d.message).toContain('`incident 2026-06-01 "..."` (a date from 2026-01-12 through 2026-06-01)');
    });

    test('recovery, then stability again is VP050, naming the latest kind so far', async () => {
        const text = withPhases('phase stability from 2026-01-12 to 2026-03-01', 'phase recovery from 2026-03-01 to 2026-06-01', 'phase stability from 2026-06-01 to 2026-09-01');
        const found = withCode(await checkPlan(text), 'VP050');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('Phase stability (from 2026-06-01) comes after phase recovery (from 2026-03-01)');
    });

    test('a phase with an invalid date or an unknown kind takes part in no phase check', async () => {
        const invalidDate = await checkPlan(withPhases('phase safety from 2026-01-12 to 2026-02-30', 'phase stability from 2026-02-01 to 2026-09-01'));
        expect(withCode(invalidDate, 'VP060')).toHaveLength(1);
        expect(withCode(invalidDate, 'VP050')).toEqual([]);
        const unknownKind = await checkPlan(withPhases('phase herstel from 2026-01-12 to 2026-03-01', 'phase safety from 2026-02-01 to 2026-09-01'));
        expect(unknownKind.codes).toContain('VP000');
        expect(unknownKind.codes).not.toContain('VP050');
    });

    test('phases outside the plan period are no VP061', async () => {
        expect((await checkPlan(withPhases('phase safety from 2025-12-01 to 2026-03-01', 'phase recovery from 2026-03-01 to 2027-06-01'))).codes).toEqual([]);
    });

    test('the messages are rendered in Dutch', async () => {
        const [order] = withCode(await checkPlan(withPhases('phase recovery from 2026-01-12 to 2026-03-01', 'phase stability from 2026-03-01 to 2026-05-01'), { locale: 'nl' }), 'VP050');
        expect(order.message).toContain('nooit terug');
        const [back] = withCode(await checkPlan(withPhases('phase stability from 2026-01-12 to 2026-03-01', 'phase safety from 2026-03-01 to 2026-05-01'), { locale: 'nl' }), 'VP050');
        expect(back.message).toContain('gaan alleen na een nieuw incident terug naar safety');
        expect(back.message).toContain('`incident 2026-03-01 "..."` (een datum van 2026-01-12 tot en met 2026-03-01)');
    });

    test('no quick fix: which phase is wrong is for the author to say', async () => {
        expect((await quickFixes(withPhases('phase safety from 2026-01-12 to 2026-03-02', 'phase stability from 2026-03-01 to 2026-09-01'), 'VP050')).actions).toEqual([]);
    });

    test('the docs example gives VP050 only', async () => {
        expect(await exampleCodes(vp050)).toEqual(['VP050']);
    });
});

/** The phases of the spec's later plan: back to safety on 2026-05-02. */
const BACK_TO_SAFETY = [
    'phase safety from 2026-01-12 to 2026-03-01',
    'phase stability from 2026-03-01 to 2026-05-02',
    'phase safety from 2026-05-02 to 2026-06-15',
    'phase stability from 2026-06-15 to 2026-09-01',
    'phase recovery from 2026-09-01 to 2027-01-12'
];
const discussion = (day: string) => `    meeting ${day} "Casusoverleg na nieuwe melding" {\n        chair zvh_zhz\n        client sanne present\n    }`;
/** The example plan with these phases and incidents, each discussed in a meeting on its own day (an invalid date gets none). */
const withIncidents = (phases: string[], ...incidents: string[]) => examplePlan({
    phases: phases.map(phase => `    ${phase}`).join('\n'),
    meetings: [EXAMPLE_SECTIONS.meetings, ...incidents.filter(day => !day.endsWith('-31')).map(discussion)].join('\n\n'),
    extra: incidents.map(day => `    incident ${day} "Nieuwe politiemelding"`).join('\n')
});

describe('VP050 v2: back to safety after an incident', () => {
    test('a safety phase may follow another kind when an incident lies on its start; the order then starts again', async () => {
        expect((await checkPlan(withIncidents(BACK_TO_SAFETY, '2026-05-02'))).codes).toEqual([]);
    });

    test('the incident may lie from the start of the phase right before it through the safety phase\'s start, both included', async () => {
        expect((await checkPlan(withIncidents(BACK_TO_SAFETY, '2026-03-01'))).codes).toEqual([]);
        expect((await checkPlan(withIncidents(BACK_TO_SAFETY, '2026-04-24'))).codes).toEqual([]);
        const before = await checkPlan(withIncidents(BACK_TO_SAFETY, '2026-02-28'));
        expect(before.codes).toEqual(['VP050']);
        const after = withIncidents(BACK_TO_SAFETY, '2026-05-03');
        const found = withCode(await checkPlan(after), 'VP050');
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(after, 'phase safety from 2026-05-02'));
    });

    test('without an incident, going back to safety is VP050 (and the later phases are judged against the latest kind)', async () => {
        const text = withIncidents(BACK_TO_SAFETY);
        const found = withCode(await checkPlan(text), 'VP050');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, 'phase safety from 2026-05-02')]);
        expect(found[0].message).toContain('Phase safety (from 2026-05-02) comes after phase stability (from 2026-03-01), and no incident lies between');
    });

    test('the advice works when followed literally: the incident line ends VP050 (and asks for its case discussion, VP052)', async () => {
        const phases = ['phase safety from 2026-01-12 to 2026-03-01', 'phase stability from 2026-03-01 to 2026-09-01', 'phase safety from 2026-09-01 to 2027-01-12'];
        const text = withPhases(...phases);
        const [d] = withCode(await checkPlan(text), 'VP050');
        const suggested = /`(incident [^`]+)`/.exec(String(d.message))![1];
        expect(suggested).toBe('incident 2026-09-01 "..."');
        const followed = examplePlan({ phases: phases.map(phase => `    ${phase}`).join('\n'), extra: `    ${suggested}` });
        expect((await checkPlan(followed)).codes).toEqual(['VP052']);
    });

    test('an incident allows a return to safety only: stability after recovery stays VP050', async () => {
        const text = withIncidents(['phase safety from 2026-01-12 to 2026-03-01', 'phase recovery from 2026-03-01 to 2026-05-02', 'phase stability from 2026-05-02 to 2027-01-12'], '2026-05-02');
        const found = withCode(await checkPlan(text), 'VP050');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('never back');
    });

    test('the phase right before counts: safety after a safety phase is a split, not a return', async () => {
        // stability, then safety (no incident: VP050), then safety again: the second one follows a safety phase
        const text = withIncidents(['phase stability from 2026-01-12 to 2026-03-01', 'phase safety from 2026-03-01 to 2026-05-02', 'phase safety from 2026-05-02 to 2027-01-12'], '2026-05-02');
        const found = withCode(await checkPlan(text), 'VP050');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, 'phase safety from 2026-03-01'), lineOf(text, 'phase safety from 2026-05-02')]);
    });

    test('cascade: an incident with an invalid date gives no VP050 for a return to safety it might allow', async () => {
        const result = await checkPlan(withIncidents(BACK_TO_SAFETY, '2026-04-31'));
        expect(result.codes).not.toContain('VP050');
    });

    test('cascade: a misspelt incident (VP000) gives no VP050 for a return to safety; a syntax error inside a block does not hide it', async () => {
        const misspelt = await checkPlan(withIncidents(BACK_TO_SAFETY).replace('    meeting 2026-01-15', '    incidnet 2026-05-02 "Nieuwe politiemelding"\n\n    meeting 2026-01-15'));
        expect(misspelt.codes).toContain('VP000');
        expect(misspelt.codes).not.toContain('VP050');
        const elsewhere = await checkPlan(withIncidents(BACK_TO_SAFETY).replace('roles victim, parent', 'roles victim,, parent'));
        expect(elsewhere.codes).toContain('VP000');
        expect(elsewhere.codes).toContain('VP050');
    });
});

describe('VP051 recovery after safety', () => {
    test('recovery help that starts before the first safety phase ends is VP051 on its `phase`', async () => {
        const text = withRecovery('2026-02-28');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP051']);
        const [d] = withCode(result, 'VP051');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, '        phase recovery'));
        expect(d.message).toContain('starts on 2026-02-28, before the first safety phase ends on 2026-03-01');
    });

    test('recovery help that starts on the day the safety phase ends is fine (half-open)', async () => {
        expect((await checkPlan(withRecovery('2026-03-01'))).codes).toEqual([]);
    });

    test('the earliest safety phase counts, not a later one', async () => {
        const phases = '    phase safety from 2026-01-12 to 2026-03-01\n    phase safety from 2026-04-01 to 2026-05-01';
        expect((await checkPlan(withRecovery('2026-02-15', phases))).codes).toEqual(['VP051']);
        expect((await checkPlan(withRecovery('2026-03-01', phases))).codes).toEqual([]);
    });

    test('the earliest safety phase counts even when it is written last', async () => {
        const phases = '    phase stability from 2026-03-01 to 2026-09-01\n    phase safety from 2026-01-12 to 2026-03-01';
        expect((await checkPlan(withRecovery('2026-02-15', phases))).codes).toEqual(['VP051']);
    });

    test('without a safety phase there is nothing to wait for', async () => {
        expect((await checkPlan(withRecovery('2026-01-15', ''))).codes).toEqual([]);
    });

    test('help of another phase is not concerned', async () => {
        const stability = recovery('2026-01-15').replace('phase recovery', 'phase stability');
        expect((await checkPlan(examplePlan({ interventions: `${EXAMPLE_SECTIONS.interventions}\n\n${stability}` }))).codes).toEqual([]);
    });

    test('the message is rendered in Dutch', async () => {
        const phases = '    phase stability from 2026-01-12 to 2026-03-01\n    phase safety from 2026-03-01 to 2026-05-01';
        const [d] = withCode(await checkPlan(withRecovery('2026-01-20', phases), { locale: 'nl' }), 'VP051');
        expect(d.message).toContain('voordat de eerste veiligheidsfase eindigt op 2026-05-01');
    });

    test('no quick fix', async () => {
        expect((await quickFixes(withRecovery('2026-02-28'), 'VP051')).actions).toEqual([]);
    });

    test('the docs example gives VP051 only', async () => {
        expect(await exampleCodes(vp051)).toEqual(['VP051']);
    });
});
