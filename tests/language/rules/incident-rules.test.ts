/**
 * Incidents (language/rules/incident-rules.ts): VP052 every incident inside the plan period is
 * discussed in a meeting within `incidents.meetingWithinDays` days, with its boundaries (day 14 vs
 * 15), cascades, the quick fix (applied and checked again) and the documentation example.
 */

import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp052 } from '../../../language/rules/incident-rules.js';
import { checkWithConfig } from '../conformance/conformance-support.js';
import { applyFix, checkPlan, exampleCodes, expectFixed, lineOf, quickFixes, replaceOnce, withCode } from './rule-test-support.js';

const meeting = (day: string, ...items: string[]) =>
    `    meeting ${day} "Casusoverleg na de melding" {\n${['chair zvh_zhz', 'client sanne present', ...items].map(item => `        ${item}`).join('\n')}\n    }`;
/** The example plan with incidents on these days and these extra meetings. */
const withIncidents = (incidents: string[], ...meetings: string[]) => examplePlan({
    meetings: [EXAMPLE_SECTIONS.meetings, ...meetings].join('\n\n'),
    extra: incidents.map(day => `    incident ${day} "Nieuwe politiemelding: ruzie met letsel"`).join('\n')
});

describe('VP052 incidents discussed', () => {
    test('an incident no meeting follows is VP052 on its date', async () => {
        const text = withIncidents(['2026-06-08']);
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP052']);
        const [d] = withCode(result, 'VP052');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'incident 2026-06-08'));
        expect(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toBe('2026-06-08');
        expect(d.message).toBe("The incident 'Nieuwe politiemelding: ruzie met letsel' on 2026-06-08 is not discussed in time: no meeting is dated from " +
            '2026-06-08 through 2026-06-22 (within 14 days, incidents.meetingWithinDays). Add a case discussion (`meeting DATE "..." { ... }`) ' +
            'dated on one of those days, so that the new report is picked up quickly.');
    });

    test('a meeting on day 14 discusses it in time; one on day 15 does not, and the message names it', async () => {
        expect((await checkPlan(withIncidents(['2026-06-08'], meeting('2026-06-22')))).codes).toEqual([]);
        const late = await checkPlan(withIncidents(['2026-06-08'], meeting('2026-06-23')));
        expect(late.codes).toEqual(['VP052']);
        expect(withCode(late, 'VP052')[0].message).toContain('; the next meeting is on 2026-06-23.');
    });

    test('a meeting on the incident\'s own day counts; one the day before does not', async () => {
        expect((await checkPlan(withIncidents(['2026-06-08'], meeting('2026-06-08')))).codes).toEqual([]);
        expect((await checkPlan(withIncidents(['2026-06-08'], meeting('2026-06-07')))).codes).toEqual(['VP052']);
    });

    test('each incident needs its own discussion in its window; one meeting may discuss several', async () => {
        expect((await checkPlan(withIncidents(['2026-06-08', '2026-06-15'], meeting('2026-06-18')))).codes).toEqual([]);
        const text = withIncidents(['2026-03-02', '2026-06-15'], meeting('2026-06-18'));
        const found = withCode(await checkPlan(text), 'VP052');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, 'incident 2026-03-02')]);
    });

    test('the advice works when followed literally: a meeting on one of those days', async () => {
        expect((await checkPlan(withIncidents(['2026-06-08'], '    meeting 2026-06-15 "..." {\n        client sanne present\n    }'))).codes).toEqual([]);
    });

    test('incidents.meetingWithinDays from vplan.config.json sets the window', async () => {
        const text = withIncidents(['2026-06-08'], meeting('2026-06-15'));
        expect((await checkWithConfig('{ "incidents": { "meetingWithinDays": 7 } }', [text, EXAMPLE_CATALOGUE])).codes).toEqual([]);
        expect((await checkWithConfig('{ "incidents": { "meetingWithinDays": 6 } }', [text, EXAMPLE_CATALOGUE])).codes).toEqual(['VP052']);
        const sameDay = withIncidents(['2026-06-08'], meeting('2026-06-08'));
        expect((await checkWithConfig('{ "incidents": { "meetingWithinDays": 0 } }', [sameDay, EXAMPLE_CATALOGUE])).codes).toEqual([]);
    });

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await checkPlan(withIncidents(['2026-06-08'], meeting('2026-07-01')), { locale: 'nl' }), 'VP052');
        expect(d.message).toContain("Het incident 'Nieuwe politiemelding: ruzie met letsel' op 2026-06-08 wordt niet op tijd besproken");
        expect(d.message).toContain('van 2026-06-08 tot en met 2026-06-22 (binnen 14 dagen, incidents.meetingWithinDays); het eerstvolgende overleg is op 2026-07-01');
        expect(d.message).toContain('zodat de nieuwe melding snel wordt opgepakt');
    });

    test('an incident outside the plan period is not VP052\'s', async () => {
        expect((await checkPlan(withIncidents(['2027-01-12']))).codes).not.toContain('VP052');
        expect((await checkPlan(withIncidents(['2026-01-11']))).codes).not.toContain('VP052');
        expect((await checkPlan(withIncidents(['2027-01-11']))).codes).toEqual(['VP052']);
    });

    test('cascade: an invalid plan period gives no VP052', async () => {
        const result = await checkPlan(withIncidents(['2026-06-08']).replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 to 2027-02-30'));
        expect(result.codes).toContain('VP060');
        expect(result.codes).not.toContain('VP052');
    });

    test('cascade: an incident with an invalid date gives no VP052', async () => {
        expect((await checkPlan(withIncidents(['2026-06-31']))).codes).not.toContain('VP052');
    });

    test('cascade: a meeting with an invalid date might be the discussion: no VP052', async () => {
        const result = await checkPlan(withIncidents(['2026-06-08'], meeting('2026-06-31')));
        expect(result.codes).not.toContain('VP052');
    });

    test('cascade: a meeting block the parser dropped (VP000) gives no VP052', async () => {
        const result = await checkPlan(withIncidents(['2026-06-08'], meeting('2026-06-10').replace('    meeting', '    meting')));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP052');
    });

    test('fix: a case discussion three days later, chaired by the ZVH, with the regievoerder and the adult victim invited (Dutch)', async () => {
        const text = withIncidents(['2026-06-08']);
        const { after, actions } = await applyFix(text, 'VP052', { locale: 'nl' });
        expect(actions).toHaveLength(1);
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe('Casusoverleg toevoegen op 2026-06-11');
        expect(after).toBe(replaceOnce(text, '    incident 2026-06-08 "Nieuwe politiemelding: ruzie met letsel"\n',
            '    incident 2026-06-08 "Nieuwe politiemelding: ruzie met letsel"\n\n    meeting 2026-06-11 "Casusoverleg na de nieuwe melding" {\n' +
            '        chair zvh_zhz\n        participants wijkteam_dordrecht\n        client sanne invited\n    }\n'));
        await expectFixed(text, after, 'VP052');
    });

    test('fix: a meeting that would fall on a weekend moves to the Monday (English)', async () => {
        // 2026-06-10 is a Wednesday: three days later is a Saturday
        const text = withIncidents(['2026-06-10']);
        const { after, actions } = await applyFix(text, 'VP052', { locale: 'en' });
        expect(actions[0].title).toBe('Add a case discussion on 2026-06-15');
        expect(after).toContain('    meeting 2026-06-15 "Case discussion after the new incident" {\n');
        await expectFixed(text, after, 'VP052');
    });

    test('fix: the meeting stays inside a short window, also over a weekend', async () => {
        // 2026-06-12 is a Friday; with a window of one day, the Saturday after is the last day, so the Friday itself
        const text = withIncidents(['2026-06-12']);
        const { after } = await applyFix(text, 'VP052', { locale: 'en', config: '{ "incidents": { "meetingWithinDays": 1 } }' });
        expect(after).toContain('    meeting 2026-06-12 "Case discussion after the new incident" {\n');
        expect((await checkWithConfig('{ "incidents": { "meetingWithinDays": 1 } }', [after, EXAMPLE_CATALOGUE])).codes).toEqual([]);
    });

    test('fix: the meeting stays inside the plan period (no VP061)', async () => {
        const text = withIncidents(['2027-01-11']);
        const { after } = await applyFix(text, 'VP052', { locale: 'en' });
        expect(after).toContain('    meeting 2027-01-11 "Case discussion after the new incident" {\n');
        await expectFixed(text, after, 'VP052');
    });

    test('fix: without a Zorg- en Veiligheidshuis, Veilig Thuis chairs; without an adult victim, the first member is invited', async () => {
        const catalogue = EXAMPLE_CATALOGUE.replace(/organisation zvh_zhz[^\n]*\n/, '');
        const household = EXAMPLE_SECTIONS.household.replace('roles victim, parent', 'roles parent').replace('member noor child born 2015 roles witness', 'member noor child born 2015 roles witness, victim');
        const text = examplePlan({
            household,
            meetings: EXAMPLE_SECTIONS.meetings.replace('chair zvh_zhz', 'chair veiligthuis_zhz'),
            extra: '    incident 2026-06-08 "Nieuwe politiemelding"'
        });
        const { after } = await applyFix(text, 'VP052', { locale: 'en', catalogue });
        expect(after).toContain('    meeting 2026-06-11 "Case discussion after the new incident" {\n        chair veiligthuis_zhz\n' +
            '        participants wijkteam_dordrecht\n        client sanne invited\n    }\n');
        await expectFixed(text, after, 'VP052', { catalogue });
    });

    test('no fix when the workspace has no organisation to chair the meeting', async () => {
        const text = examplePlan({ extra: '    incident 2026-06-08 "Nieuwe politiemelding"' });
        const { actions } = await quickFixes(text, 'VP052', { catalogue: '' });
        expect(actions).toEqual([]);
    });

    test('the docs example gives VP052 only', async () => {
        expect(await exampleCodes(vp052)).toEqual(['VP052']);
    });
});
