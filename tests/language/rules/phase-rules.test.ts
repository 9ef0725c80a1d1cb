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
        expect(d.message).toContain('never back');
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

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await checkPlan(withPhases('phase stability from 2026-01-12 to 2026-03-01', 'phase safety from 2026-03-01 to 2026-05-01'), { locale: 'nl' }), 'VP050');
        expect(d.message).toContain('nooit terug');
    });

    test('no quick fix: which phase is wrong is for the author to say', async () => {
        expect((await quickFixes(withPhases('phase safety from 2026-01-12 to 2026-03-02', 'phase stability from 2026-03-01 to 2026-09-01'), 'VP050')).actions).toEqual([]);
    });

    test('the docs example gives VP050 only', async () => {
        expect(await exampleCodes(vp050)).toEqual(['VP050']);
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
