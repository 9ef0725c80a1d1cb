/** Date rules (language/rules/date-rules.ts): VP060 (valid dates), VP061 (inside the plan) and VP062 (age matches). */

import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../../../language/i18n/locale.js';
import { EXAMPLE_SECTIONS, examplePlan, type ExampleSections } from '../../../language/rules/example-plan.js';
import { dateRules } from '../../../language/rules/date-rules.js';
import { LAST_DAY, parseDate } from '../../../language/model/dates.js';
import type { CheckResult } from '../../helpers.js';
import { checkPlan, exampleCodes, lineOf, quickFixes, withCode } from './rule-test-support.js';

/** Checks a text together with the example catalogue (organisations of every kind the plan names). */
const check = (text: string, locale?: Locale): Promise<CheckResult> => checkPlan(text, { locale });

const indent = (text: string) => text.split('\n').map(line => (line ? `    ${line}` : line)).join('\n');
/** The example plan with some sections replaced and items added at its end. */
const planWith = (sections: Partial<ExampleSections>, ...items: string[]) => examplePlan({ ...sections, extra: indent(items.join('\n')) });
const block = (head: string, ...items: string[]) => `${head} {\n${items.map(item => `    ${item}`).join('\n')}\n}`;
const household = (...members: string[]) => `    household {\n${members.map(member => `        ${member}`).join('\n')}\n    }`;
const EXAMPLE_MEMBERS = ['member sanne adult born 1989 roles victim, parent', 'member mark adult born 1986 roles perpetrator, parent', 'member noor child born 2015 roles witness'];
/** The example's huisverbod with other terms. */
const huisverbod = (...terms: string[]) => indent(block('measure hv huisverbod', 'on mark', 'protects sanne, noor', 'by burgemeester_dordrecht', ...terms));

const lines = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.range.start.line).sort((a, b) => a - b);
const messages = (diagnostics: Diagnostic[]) => diagnostics.map(d => String(d.message));

test.each([
    ['VP060', examplePlan({ phases: EXAMPLE_SECTIONS.phases.replace('to 2026-03-01', 'to 2026-02-30') })],
    ['VP061', planWith({}, 'evaluation 2027-01-12')],
    ['VP062', examplePlan({ household: household(...EXAMPLE_MEMBERS, 'member kim adult born 2010 no-action "Elders"') })]
])('%s offers no quick fix (the right date or kind is the author\'s)', async (code, text) => {
    expect((await quickFixes(text, code)).actions).toEqual([]);
});

test.each(dateRules.rules.map(rule => [rule.code, rule] as const))('the docs example of %s shows that rule and nothing else', async (code, rule) => {
    const codes = await exampleCodes(rule);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every(c => c === code)).toBe(true);
});

describe('VP060 valid dates', () => {
    test('a date that does not exist is VP060 on that date, with the days of the month and the nearest date', async () => {
        const text = examplePlan({ phases: EXAMPLE_SECTIONS.phases.replace('to 2026-03-01', 'to 2026-02-30') });
        const result = await check(text);
        expect(result.codes).toEqual(['VP060']);
        const [found] = withCode(result, 'VP060');
        expect(found.severity).toBe(DiagnosticSeverity.Error);
        expect(found.range.start.line).toBe(lineOf(text, '2026-02-30'));
        expect(found.range.start.character).toBe(text.split('\n')[lineOf(text, '2026-02-30')].indexOf('2026-02-30'));
        expect(found.message).toBe("'2026-02-30' is not a date in the calendar: February 2026 has 28 days. Use a day from 01 to 28, e.g. 2026-02-28.");
    });

    test('month 13 is VP060 saying months run from 01 to 12', async () => {
        const [found] = withCode(await check(planWith({}, 'evaluation 2026-13-01 "Evaluatie"')), 'VP060');
        expect(found.message).toBe("'2026-13-01' is not a date: months run from 01 to 12. Correct the month.");
    });

    test.each(['2026-02-30', '2026-13-01', '2027-02-29', '2026-00-10', '2026-04-31'])('%s is a date token but not a date: VP060, not VP000', async date => {
        const text = planWith({}, `evaluation ${date} "Evaluatie"`);
        const result = await check(text);
        expect(result.codes).toEqual(['VP060']);
        expect(lines(withCode(result, 'VP060'))).toEqual([lineOf(text, 'evaluation')]);
    });

    test('29 February of a leap year exists (and lies after this plan: VP061)', async () => {
        expect((await check(planWith({}, 'evaluation 2028-02-29 "Evaluatie"'))).codes).toEqual(['VP061']);
    });

    test('every date token is checked: meetings, evaluations, regie, aftercare, extend and a measure type\'s `checked`', async () => {
        const measureType = 'measure type regio "Regio" {\n    mode drang\n    term max 6 months\n    checked 2026-04-31\n}\n';
        const text = measureType + planWith({
            measures: huisverbod('from 2026-01-12 for 10 days', 'extend to 2026-02-31'),
            regie: EXAMPLE_SECTIONS.regie.replace('wijkteam_dordrecht from 2026-02-09', 'wijkteam_dordrecht from 2026-00-12'),
            aftercare: EXAMPLE_SECTIONS.aftercare.replace('from 2027-01-12', 'from 2027-02-29')
        }, block('meeting 2026-06-31 "Overleg"', 'client sanne present'), 'evaluation 2026-09-31');
        const found = withCode(await check(text), 'VP060');
        expect(lines(found)).toEqual(['2026-04-31', '2026-02-31', '2026-00-12', '2027-02-29', '2026-06-31', '2026-09-31'].map(date => lineOf(text, date)).sort((a, b) => a - b));
    });

    test('an impossible `checked` date of a measure type is VP060 and nothing else (a file check)', async () => {
        expect((await check('measure type t "T" {\n    mode drang\n    term max 3 months\n    checked 2026-02-30\n}')).codes).toEqual(['VP060']);
    });

    test('an end on or before the start is VP060, and so is `for 0 days`; the plan period must end after it starts', async () => {
        const text = planWith({
            header: '    status active\n    period 2026-01-12 to 2026-01-01',
            phases: '    phase safety from 2026-03-01 to 2026-03-01'
        }, block('intervention i "I"', 'for mark', 'by ggz_zhz', 'from 2026-02-01 for 0 days'));
        const found = withCode(await check(text), 'VP060');
        expect(lines(found)).toEqual([lineOf(text, 'period 2026-01-12'), lineOf(text, 'phase safety'), lineOf(text, 'for 0 days')]);
        const phase = found.find(d => d.range.start.line === lineOf(text, 'phase safety'))!;
        expect(phase.message).toBe('This period ends on 2026-03-01, which is not after its start 2026-03-01, so it covers no day (a period runs up to but not including its end). ' +
            'Use an end after the start, at the earliest `to 2026-03-02` for one day.');
        expect(found.find(d => d.range.start.line === lineOf(text, 'for 0 days'))!.message).toBe('A period of `for 0 days` covers no day. Give it a length of at least 1 day, or remove it.');
    });

    test.each([
        ['a phase `to` its own start', 'phase safety from 2026-01-12 to 2026-01-12'],
        ['a phase `for 0 days`', 'phase safety from 2026-01-12 for 0 days'],
        ['a phase ending before it starts', 'phase safety from 2026-01-12 to 2026-01-01']
    ])('%s is VP060 and nothing else', async (_label, phase) => {
        expect((await check(examplePlan({ phases: EXAMPLE_SECTIONS.phases.replace('phase safety from 2026-01-12 to 2026-03-01', phase) }))).codes).toEqual(['VP060']);
    });

    test.each([
        ['an agreement `for 0 weeks`', block('agreement a2 "Afspraak"', 'by mark', 'protects sanne', 'checked by veiligthuis_zhz', 'from 2026-02-01 for 0 weeks')],
        ['an intervention `to` its start', block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2026-02-01 to 2026-02-01')]
    ])('%s is VP060 and nothing else', async (_label, construct) => {
        expect((await check(planWith({}, construct))).codes).toEqual(['VP060']);
    });

    test('a regie entry that ends on its start is VP060', async () => {
        const result = await check(examplePlan({ regie: '    regie {\n        wijkteam_dordrecht from 2026-01-12 to 2026-01-12\n        veiligthuis_zhz from 2026-01-12 to 2026-02-09\n        wijkteam_dordrecht from 2026-02-09\n    }' }));
        expect(result.codes).toEqual(['VP060']);
    });

    test('`extend to` on or before the previous end is VP060 on the extension; one day later is fine', async () => {
        for (const date of ['2026-01-22', '2026-01-15']) {
            const text = examplePlan({ measures: huisverbod('from 2026-01-12 for 10 days', `extend to ${date}`) });
            const result = await check(text);
            expect(result.codes).toEqual(['VP060']);
            const [found] = withCode(result, 'VP060');
            expect(found.range.start.line).toBe(lineOf(text, `extend to ${date}`));
            expect(found.message).toBe(`This extension ends on ${date}, which is not after the end of the previous term (2026-01-22); an extension starts where the previous term ends. ` +
                'Use a later end, at the earliest `extend to 2026-01-23`, or remove the extension.');
        }
        expect((await check(examplePlan({ measures: huisverbod('from 2026-01-12 for 10 days', 'extend to 2026-01-23') }))).codes).toEqual([]);
    });

    test('an `extend to` after a default end (the type\'s initial) is measured from that end', async () => {
        // A huisverbod from 2026-01-12 without an end lasts its initial 10 days: to 2026-01-22.
        expect((await check(examplePlan({ measures: huisverbod('from 2026-01-12', 'extend to 2026-01-20') }))).codes).toEqual(['VP060']);
        expect((await check(examplePlan({ measures: huisverbod('from 2026-01-12', 'extend to 2026-01-23') }))).codes).toEqual([]);
    });

    test('an extension after an invalid term is not judged, and an impossible extension date is one VP060', async () => {
        const afterInvalid = await check(examplePlan({ measures: huisverbod('from 2026-01-12 to 2026-01-32', 'extend to 2026-01-20') }));
        expect(afterInvalid.codes).toEqual(['VP060']);
        expect(messages(withCode(afterInvalid, 'VP060'))).toEqual([expect.stringContaining("'2026-01-32'")]);
        expect((await check(examplePlan({ measures: huisverbod('from 2026-01-12 for 10 days', 'extend to 2026-01-32') }))).codes).toEqual(['VP060']);
    });

    test('`extend for 0 days` is VP060 on the duration', async () => {
        const text = examplePlan({ measures: huisverbod('from 2026-01-12 for 10 days', 'extend for 0 days') });
        const found = withCode(await check(text), 'VP060');
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'extend for 0 days'));
        expect(found[0].range.start.character).toBe(text.split('\n')[lineOf(text, 'extend for 0 days')].indexOf('0 days'));
        expect(found[0].message).toContain('`for 0 days` covers no day');
    });

    test('valid dates and ends after starts are silent', async () => {
        const text = planWith({ header: '    status active\n    period 2026-01-12 to 2029-01-12' }, block('meeting 2028-02-29 "Schrikkeldag"', 'client sanne present'));
        expect(withCode(await check(text), 'VP060')).toEqual([]);
    });

    test('dates inside a duplicate declaration take part in no check', async () => {
        const text = planWith({}, block('intervention steun "Tweede"', 'for mark', 'by ggz_zhz', 'from 2026-02-30 for 1 month'));
        expect((await check(text)).codes).toEqual(['VP080']);
        const type = 'measure type eigen "Eigen" {\n    mode drang\n}\nmeasure type eigen "Tweede" {\n    mode drang\n    checked 2026-02-30\n}\n';
        expect((await check(type)).codes).toEqual(['VP080']);
    });

    describe('an invalid plan period silences VP011, VP013, VP023, VP061, VP062 and VP091', () => {
        const withPeriod = (period: string) => planWith({
            header: `    status active\n    ${period}`,
            household: household('member sanne adult born 2015 roles victim, parent', EXAMPLE_MEMBERS[1], EXAMPLE_MEMBERS[2], 'member tes child born 2010 roles victim no-action "Woont op kamers"'),
            regie: '    regie {\n        wijkteam_dordrecht from 2026-03-01 to 2026-04-01\n    }',
            aftercare: EXAMPLE_SECTIONS.aftercare.replace('from 2027-01-12', 'from 2028-01-12'),
            measures: huisverbod('from 2026-03-01 for 10 days')
        }, 'evaluation 2030-01-01 "Evaluatie"');

        test('with a valid period these checks report', async () => {
            const codes = (await check(withPeriod('period 2026-01-12 to 2027-01-12'))).codes;
            expect(codes).toEqual(expect.arrayContaining(['VP011', 'VP013', 'VP023', 'VP061', 'VP062', 'VP091']));
        });

        test.each([
            ['an end before the start', 'period 2026-06-01 to 2026-01-01'],
            ['an end on the start', 'period 2026-01-12 to 2026-01-12'],
            ['an impossible start date', 'period 2026-02-30 to 2027-01-12']
        ])('%s: VP060 only', async (_label, period) => {
            expect((await check(withPeriod(period))).codes).toEqual(['VP060']);
        });
    });
});

describe('VP060 v2: no date after 9999-12-31, a born year from 1900 to 9999, `ended` after the start', () => {
    /** A number of nine digits that fails the eleven-test (so VP070 stays out of these tests). */
    const NINE_DIGITS = '123456789';
    const HUGE = '99999999999999999999999';
    const pastLastDay = (d: Diagnostic) => /after 9999-12-31/.test(String(d.message));

    test.each([
        ['a huisverbod `for 5000000 months` (issue 15)', { measures: huisverbod('from 2026-03-09 for 5000000 months') }, 'for 5000000 months'],
        ['a huisverbod `for 10000000 years`', { measures: huisverbod('from 2026-03-09 for 10000000 years') }, 'for 10000000 years'],
        ['an extension `for 5000000 months`', { measures: huisverbod('from 2026-01-12 for 10 days', 'extend for 5000000 months') }, 'extend for'],
        ['a period longer than Number.MAX_SAFE_INTEGER days', { measures: huisverbod(`from 2026-01-12 for ${HUGE} days`) }, HUGE],
        ['a period of a 400-digit number of weeks (Infinity)', { measures: huisverbod(`from 2026-01-12 for ${'9'.repeat(400)} weeks`) }, '9999999999'],
        ['an intervention `for 10000000 years`', { interventions: EXAMPLE_SECTIONS.interventions.replace('from 2026-01-20 for 12 months', 'from 2026-01-20 for 10000000 years') }, 'for 10000000 years'],
        ['a phase', { phases: EXAMPLE_SECTIONS.phases.replace('phase recovery from 2026-09-01 to 2027-01-12', `phase recovery from 2026-09-01 for ${NINE_DIGITS} days`) }, NINE_DIGITS]
    ])('%s is VP060 on the duration, and nothing else reports on it (no VP030, no silence)', async (_label, sections, needle) => {
        const text = examplePlan(sections as Partial<ExampleSections>);
        const result = await check(text);
        const found = withCode(result, 'VP060');
        expect(found).toHaveLength(1);
        expect(pastLastDay(found[0])).toBe(true);
        expect(found[0].range.start.line).toBe(lineOf(text, needle));
        expect(result.codes.filter(c => c !== 'VP060' && c !== 'VP004')).toEqual([]);
    });

    test('the message counts from the start and never repeats the number, in English and Dutch', async () => {
        const text = examplePlan({ measures: huisverbod(`from 2026-03-09 for ${NINE_DIGITS} months`) });
        const [en] = withCode(await check(text), 'VP060');
        expect(en.message).toBe('This period counts from 2026-03-09 and ends after 9999-12-31, the last date a plan can hold. Use a shorter length, or an end date with `to`.');
        const [nl] = withCode(await check(text, 'nl'), 'VP060');
        expect(nl.message).toBe('Deze periode telt vanaf 2026-03-09 en eindigt na 9999-12-31, de laatste datum die een plan kan bevatten. Kies een kortere duur, of een einddatum met `to`.');
        for (const d of [en, nl]) expect(JSON.stringify(d)).not.toContain(NINE_DIGITS);
    });

    test('an end on 9999-12-31 is fine; one day more is VP060 (the aftercare, which VP061 does not concern)', async () => {
        const start = parseDate('2027-01-12')!;
        const days = LAST_DAY - start;
        const withAftercare = (length: number) => examplePlan({ aftercare: EXAMPLE_SECTIONS.aftercare.replace('for 18 months', `for ${length} days`) });
        expect((await check(withAftercare(days))).codes).toEqual([]);
        const result = await check(withAftercare(days + 1));
        expect(result.codes).toEqual(['VP060']);
        expect(pastLastDay(withCode(result, 'VP060')[0])).toBe(true);
    });

    test('a checkpoint past 9999-12-31 is VP060 on the checkpoint, not VP021 (issue 15)', async () => {
        const text = examplePlan({ aftercare: EXAMPLE_SECTIONS.aftercare.replace('12 months, 18 months', `12 months, ${NINE_DIGITS} months`) });
        const result = await check(text);
        expect(result.codes).toEqual(['VP060']);
        const [found] = withCode(result, 'VP060');
        expect(found.range.start.character).toBe(text.split('\n')[lineOf(text, 'checkpoints')].indexOf(NINE_DIGITS));
        expect(found.message).toBe('This checkpoint counts from 2027-01-12 and falls after 9999-12-31, the last date a plan can hold. Use an offset within the aftercare period.');
    });

    test('a first term whose default length (the type\'s) ends past 9999-12-31 is VP060 on its start', async () => {
        const type = 'measure type eeuwig "Eeuwig" {\n    mode drang\n    term max 10000 years\n}\n';
        const text = type + examplePlan({ measures: EXAMPLE_SECTIONS.measures + '\n\n' + indent(block('measure e eeuwig', 'on mark', 'by ggz_zhz', 'from 2026-02-01')) });
        const result = await check(text);
        expect(result.codes).toEqual(['VP060']);
        const [found] = withCode(result, 'VP060');
        expect(found.range.start.line).toBe(lineOf(text, 'from 2026-02-01'));
        expect(found.message).toContain('The first term of this measure (the default length of its type) counts from 2026-02-01 and ends after 9999-12-31');
        // With an explicit end it is fine.
        expect((await check(text.replace('from 2026-02-01', 'from 2026-02-01 for 3 months'))).codes).toEqual([]);
    });

    describe('born', () => {
        const withMember = (member: string) => examplePlan({ household: household(...EXAMPLE_MEMBERS, member) });
        test.each([
            ['a nine-digit number', `member kim adult born ${NINE_DIGITS} no-action "Elders"`],
            ['a number beyond Number.MAX_SAFE_INTEGER', `member kim adult born ${HUGE} no-action "Elders"`],
            ['1899', 'member kim adult born 1899 no-action "Elders"'],
            ['a child born in 10000', 'member kim child born 10000 no-action "Elders"'],
            ['0', 'member kim child born 0 no-action "Elders"']
        ])('%s is VP060 on `born`, and no VP062 or VP091 follows', async (_label, member) => {
            const text = withMember(member);
            const result = await check(text);
            expect(result.codes).toEqual(['VP060']);
            const [found] = withCode(result, 'VP060');
            expect(found.range.start.line).toBe(lineOf(text, 'member kim'));
            expect(found.range.start.character).toBe(text.split('\n')[lineOf(text, 'member kim')].indexOf('born') + 'born '.length);
            expect(found.message).toBe("The `born` of 'kim' is not a year from 1900 to 9999 (the number is not repeated here). `born` holds the year of birth only: correct it.");
        });

        test('1900 is fine', async () => {
            expect((await check(withMember('member kim adult born 1900 no-action "Elders"'))).codes).toEqual([]);
        });
    });

    describe('ended', () => {
        const withHelp = (...items: string[]) => planWith({}, block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2026-02-01 for 3 months', ...items));
        test.each([['on the start', '2026-02-01'], ['before the start', '2026-01-20']])('`ended` %s is VP060 on the date', async (_label, date) => {
            const text = withHelp(`ended ${date} dropout`);
            const result = await check(text);
            expect(result.codes).toEqual(['VP060']);
            const [found] = withCode(result, 'VP060');
            expect(found.range.start.line).toBe(lineOf(text, 'ended'));
            expect(found.range.start.character).toBe(text.split('\n')[lineOf(text, 'ended')].indexOf(date));
            expect(found.message).toBe(`This help ended on ${date}, which is not after its start 2026-02-01 (\`ended\` names the first day without the help), so it ran on no day. ` +
                'Use a date after the start, at the earliest `ended 2026-02-02`, or remove the intervention if it never started.');
        });

        test('the day after the start is fine, and so is an `ended` after the planned end', async () => {
            expect(withCode(await check(withHelp('ended 2026-02-02 completed')), 'VP060')).toEqual([]);
            expect(withCode(await check(withHelp('ended 2027-01-01 completed')), 'VP060')).toEqual([]);
        });

        test('an `ended` date that does not exist is VP060 once', async () => {
            const result = await check(withHelp('ended 2026-02-30 dropout'));
            expect(messages(withCode(result, 'VP060'))).toEqual([expect.stringContaining("'2026-02-30' is not a date in the calendar")]);
        });

        test('with an invalid start, `ended` is not judged against it', async () => {
            const text = planWith({}, block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2026-02-30 for 3 months', 'ended 2026-01-01 dropout'));
            expect(messages(withCode(await check(text), 'VP060'))).toEqual([expect.stringContaining("'2026-02-30'")]);
        });
    });

    test('v2 dates are checked too: an incident and an action\'s due date that do not exist', async () => {
        const text = planWith({}, 'incident 2026-04-31 "Nieuwe melding"', block('meeting 2026-05-04 "Casusoverleg"', 'chair zvh_zhz', 'client sanne present', 'action "Afspraken" owner zvh_zhz due 2026-06-31'));
        const found = withCode(await check(text), 'VP060');
        expect(lines(found)).toEqual([lineOf(text, 'incident'), lineOf(text, 'action')]);
    });
});

describe('VP061 inside the plan', () => {
    test('a meeting on the plan end date is outside (half-open); on the start date it is inside', async () => {
        const text = planWith({}, block('meeting 2026-01-12 "Start"', 'client sanne present'), block('meeting 2027-01-12 "Slot"', 'client sanne present'));
        const result = await check(text);
        expect(result.codes).toEqual(['VP061']);
        const [found] = withCode(result, 'VP061');
        expect(found.severity).toBe(DiagnosticSeverity.Warning);
        expect(found.range.start.line).toBe(lineOf(text, 'meeting 2027-01-12'));
        expect(found.message).toBe("The meeting 'Slot' starts on 2027-01-12, outside the plan period 2026-01-12 to 2027-01-12 (the end date is not part of it). " +
            'Move the start to a day from 2026-01-12 to 2027-01-11, or change the plan period.');
    });

    test('measures, interventions, agreements and evaluations outside the plan are VP061 on their start; aftercare, phases and regie are not concerned', async () => {
        const text = planWith({
            measures: huisverbod('from 2026-01-02 for 10 days'),
            phases: EXAMPLE_SECTIONS.phases.replace('phase safety from 2026-01-12', 'phase safety from 2025-12-01'),
            regie: EXAMPLE_SECTIONS.regie.replace('veiligthuis_zhz from 2026-01-12', 'veiligthuis_zhz from 2025-12-01'),
            aftercare: EXAMPLE_SECTIONS.aftercare.replace('from 2027-01-12', 'from 2027-06-01')
        },
        block('intervention i "I"', 'for mark', 'by ggz_zhz', 'from 2027-02-01 for 1 month'),
        block('agreement a "A"', 'by mark', 'protects sanne', 'checked by veiligthuis_zhz', 'from 2025-12-01 to 2026-01-12'),
        'evaluation 2027-03-01');
        const found = withCode(await check(text), 'VP061');
        expect(lines(found)).toEqual([lineOf(text, 'from 2026-01-02'), lineOf(text, 'from 2027-02-01'), lineOf(text, 'from 2025-12-01 to 2026-01-12'), lineOf(text, 'evaluation')]);
        expect(found[0].range.start.character).toBe(text.split('\n')[lineOf(text, 'from 2026-01-02')].indexOf('2026-01-02'));
        expect(messages(found)).toEqual([
            "Measure 'hv' runs from 2026-01-02 through 2026-01-11, so it has ended before the plan period starts on 2026-01-12. " +
                'Correct its dates so that it still runs on 2026-01-12, or leave it out of the plan.',
            expect.stringMatching(/^Intervention 'i' starts on 2027-02-01, outside/),
            expect.stringMatching(/^Agreement 'a' runs from 2025-12-01 through 2026-01-11, so it has ended before/),
            expect.stringMatching(/^The evaluation starts on 2027-03-01, outside/)
        ]);
    });

    describe('v2: a measure, intervention or agreement is judged by its whole period', () => {
        const zorgmachtiging = (...terms: string[]) => block('measure zm zorgmachtiging', 'on mark', 'by rechtbank_rotterdam', ...terms);
        test.each([
            ['a measure that started before the plan and still runs on its first day', zorgmachtiging('from 2025-06-01 to 2026-01-13'), []],
            ['a measure that ends on the plan\'s first day (exclusive end)', zorgmachtiging('from 2025-06-01 to 2026-01-12'), ['VP061']],
            ['a measure whose extension runs into the plan', zorgmachtiging('from 2025-06-01 to 2026-01-01', 'extend for 3 months'), []],
            ['a measure that ended, extension and all, before the plan', zorgmachtiging('from 2025-06-01 to 2025-09-01', 'extend to 2026-01-12'), ['VP061']],
            ['a measure starting on the plan end', zorgmachtiging('from 2027-01-12 for 30 days'), ['VP061']],
            ['an intervention that started before the plan and still runs', block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2025-12-01 for 3 months'), []],
            ['an intervention that ended (`ended`) before the plan', block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2025-12-01 for 3 months', 'ended 2026-01-12 dropout'), ['VP061']],
            ['an intervention whose `ended` lies on the plan\'s second day', block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2025-12-01 for 3 months', 'ended 2026-01-13 completed'), []],
            ['an agreement that started before the plan and still runs', block('agreement a2 "Afspraak"', 'by mark', 'protects sanne', 'checked by veiligthuis_zhz', 'from 2025-12-01 to 2026-01-13'), []]
        ])('%s', async (_label, construct, expected) => {
            const result = await check(planWith({}, construct));
            expect(withCode(result, 'VP061').map(d => d.code)).toEqual(expected);
        });

        test('an early start whose end is invalid is left to VP060 (no cascade)', async () => {
            expect((await check(planWith({}, zorgmachtiging('from 2025-06-01 to 2025-09-31'))))).toMatchObject({ codes: ['VP060'] });
        });

        test('the message says which days it ran, in Dutch too', async () => {
            const text = planWith({}, block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2025-12-01 for 3 months', 'ended 2026-01-05 completed'));
            const [found] = withCode(await check(text, 'nl'), 'VP061');
            expect(found.range.start.line).toBe(lineOf(text, 'from 2025-12-01'));
            expect(found.message).toBe("Interventie 'h2' loopt van 2025-12-01 tot en met 2026-01-04, en is dus al voorbij voordat de planperiode begint op 2026-01-12. " +
                'Verbeter de data zodat die op 2026-01-12 nog loopt, of laat die weg uit het plan.');
        });
    });

    describe('v2: incidents lie within the plan period, like meetings', () => {
        test.each([
            ['on the plan start', '2026-01-12', []],
            ['on the last day', '2027-01-11', []],
            ['on the plan end (outside: half-open)', '2027-01-12', ['VP061']],
            ['before the plan', '2026-01-11', ['VP061']]
        ])('an incident %s', async (_label, date, expected) => {
            const text = planWith({}, `incident ${date} "Nieuwe melding"`, block(`meeting ${date} "Casusoverleg na melding"`, 'client sanne present'));
            const found = withCode(await check(text), 'VP061').filter(d => d.range.start.line === lineOf(text, 'incident'));
            expect(found.map(d => d.code)).toEqual(expected);
        });

        test('the message names the incident and the days it may lie on', async () => {
            const text = planWith({}, 'incident 2027-02-01 "Nieuwe melding"');
            const [found] = withCode(await check(text), 'VP061');
            expect(found.range.start.line).toBe(lineOf(text, 'incident'));
            expect(found.message).toBe("The incident 'Nieuwe melding' is dated 2027-02-01, outside the plan period 2026-01-12 to 2027-01-12 (the end date is not part of it). " +
                'Date it on a day from 2026-01-12 to 2027-01-11, or change the plan period.');
        });
    });

    test.each([
        ['a meeting on the plan start', block('meeting 2026-01-12 "Overleg"', 'client sanne present'), []],
        ['a meeting on the last day', block('meeting 2027-01-11 "Overleg"', 'client sanne present'), []],
        ['a meeting on the plan end (outside: half-open)', block('meeting 2027-01-12 "Overleg"', 'client sanne present'), ['VP061']],
        ['an evaluation before the plan start', 'evaluation 2026-01-11', ['VP061']],
        ['an evaluation on the plan end', 'evaluation 2027-01-12 "Eindevaluatie"', ['VP061']],
        ['an intervention starting before the plan and ending before it', block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2025-12-01 for 1 month'), ['VP061']],
        ['an agreement starting after the plan', block('agreement a2 "Afspraak"', 'by mark', 'protects sanne', 'checked by veiligthuis_zhz', 'from 2027-02-01 for 3 months'), ['VP061']],
        ['a measure starting on the plan end', block('measure zm zorgmachtiging', 'on mark', 'by rechtbank_rotterdam', 'from 2027-01-12 for 30 days'), ['VP061']],
        ['a measure starting inside and running past the end', block('measure zm zorgmachtiging', 'on mark', 'by rechtbank_rotterdam', 'from 2026-12-01 for 90 days'), []],
        ['an agreement without a period (not concerned)', block('agreement a2 "Afspraak"', 'by mark', 'protects sanne', 'checked by oma'), []]
    ])('%s', async (_label, construct, expected) => {
        const result = await check(planWith({}, construct));
        expect(result.codes).toEqual(expected);
        for (const d of withCode(result, 'VP061')) expect(d.severity).toBe(DiagnosticSeverity.Warning);
    });
});

describe('VP062 age matches', () => {
    // Plan start year 2026: age = 2026 − born. A child of 12 or older who is never heard is also VP091.
    const withMember = (member: string) => examplePlan({ household: household(...EXAMPLE_MEMBERS, member) });

    test('a child born exactly 18 years before the plan start year is VP062 on the member', async () => {
        const text = withMember('member joost child born 2008 no-action "Elders"');
        const result = await check(text);
        expect(result.codes).toEqual(['VP062', 'VP091']);
        const [found] = withCode(result, 'VP062');
        expect(found.severity).toBe(DiagnosticSeverity.Warning);
        expect(found.range.start.line).toBe(lineOf(text, 'member joost'));
        expect(found.range.start.character).toBe(text.split('\n')[lineOf(text, 'member joost')].indexOf('child'));
        expect(found.message).toBe("'joost' is declared a child but is 18 at the plan start (2026 − 2008); a child is under 18. " +
            "Change 'joost' from `child` to `adult`, or correct `born` (a child here is born after 2008).");
    });

    test('an adult of 17 is VP062', async () => {
        const result = await check(withMember('member joost adult born 2009 no-action "Elders"'));
        expect(result.codes).toEqual(['VP062']);
        expect(withCode(result, 'VP062')[0].message).toBe("'joost' is declared an adult but is 17 at the plan start (2026 − 2009); an adult is 18 or older. " +
            "Change 'joost' from `adult` to `child`, or correct `born` (an adult here is born in 2008 or earlier).");
    });

    test.each([
        ['a child', 'child'], ['an adult', 'adult']
    ])('v2: %s born after the plan\'s start year is VP062 on `born`', async (_label, kind) => {
        const text = withMember(`member joost ${kind} born 2027 no-action "Elders"`);
        const result = await check(text);
        expect(result.codes).toEqual(['VP062']);
        const [found] = withCode(result, 'VP062');
        expect(found.range.start.character).toBe(text.split('\n')[lineOf(text, 'member joost')].indexOf('2027'));
        expect(found.message).toBe("'joost' is born in 2027, after the year the plan starts (2026). Correct `born` to 2026 or earlier; a child that is not born yet is not a member of the household.");
        const [nl] = withCode(await check(text, 'nl'), 'VP062');
        expect(nl.message).toBe("'joost' is geboren in 2027, na het jaar waarin het plan begint (2026). Verbeter `born` naar 2026 of eerder; een kind dat nog niet geboren is, is geen gezinslid.");
        // Following the advice literally clears it.
        expect((await check(text.replace('born 2027', 'born 2026'))).codes).toEqual(kind === 'child' ? [] : ['VP062']);
    });

    test.each([
        ['a child born in the plan\'s start year', 'member joost child born 2026 no-action "Elders"', []],
        ['a child of 17', 'member joost child born 2009 no-action "Elders"', ['VP091']],
        ['an adult of 18', 'member joost adult born 2008 no-action "Elders"', []],
        ['an adult without born (not checked)', 'member joost adult no-action "Elders"', []],
        ['a child without born (VP005, not VP062)', 'member joost child no-action "Elders"', ['VP005']]
    ])('%s', async (_label, member, expected) => {
        expect((await check(withMember(member))).codes).toEqual(expected);
    });
});

describe('Dutch', () => {
    test('messages are rendered in Dutch for the nl locale', async () => {
        const text = planWith({
            phases: EXAMPLE_SECTIONS.phases.replace('to 2026-03-01', 'to 2026-02-30'),
            household: household(...EXAMPLE_MEMBERS, 'member joost child born 2000 no-action "Elders"', 'member kim adult born 2010 no-action "Elders"'),
            measures: huisverbod('from 2026-01-12 for 10 days', 'extend to 2026-01-20')
        }, 'evaluation 2027-01-12', 'evaluation 2026-13-01', block('meeting 2026-02-01 "Overleg"', 'client sanne present', 'client joost heard'),
        block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2026-02-01 to 2026-02-01'),
        block('intervention h3 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2026-02-01 for 0 weeks'));
        const result = await check(text, 'nl');
        expect(messages(withCode(result, 'VP060')).sort()).toEqual([
            "'2026-02-30' bestaat niet in de kalender: februari 2026 heeft 28 dagen. Gebruik een dag van 01 tot en met 28, bijvoorbeeld 2026-02-28.",
            'Deze periode eindigt op 2026-02-01, en dat is niet na het begin 2026-02-01, dus ze omvat geen enkele dag (een periode loopt tot, niet tot en met, het einde). ' +
                'Kies een einde na het begin, op zijn vroegst `to 2026-02-02` voor één dag.',
            'Een periode van `for 0 weeks` omvat geen enkele dag. Geef haar een lengte van minstens 1 dag, of verwijder haar.',
            "'2026-13-01' is geen datum: maanden lopen van 01 tot en met 12. Verbeter de maand.",
            'Deze verlenging eindigt op 2026-01-20, en dat is niet na het einde van de vorige termijn (2026-01-22); een verlenging begint waar de vorige termijn eindigt. ' +
                'Kies een later einde, op zijn vroegst `extend to 2026-01-23`, of verwijder de verlenging.'
        ].sort());
        expect(messages(withCode(result, 'VP061'))).toEqual([
            'De evaluatie begint op 2027-01-12, buiten de planperiode 2026-01-12 tot 2027-01-12 (de einddatum hoort er niet bij). ' +
                'Verplaats het begin naar een dag van 2026-01-12 tot en met 2027-01-11, of pas de planperiode aan.'
        ]);
        expect(messages(withCode(result, 'VP062'))).toEqual([
            "'joost' staat als kind vermeld maar is 26 bij de start van het plan (2026 − 2000); een kind is jonger dan 18. " +
                "Verander bij 'joost' `child` in `adult`, of verbeter `born` (een kind is hier geboren na 2008).",
            "'kim' staat als volwassene vermeld maar is 16 bij de start van het plan (2026 − 2010); een volwassene is 18 of ouder. " +
                "Verander bij 'kim' `adult` in `child`, of verbeter `born` (een volwassene is hier geboren in 2008 of eerder)."
        ]);
    });
});
