/**
 * Conformance of VP060, VP061 and VP062 (spec sections 1 and 7), including which checks an
 * invalid plan period silences.
 */

import { describe, expect, test } from 'vitest';
import { check, diags, lineOf, linesOf, plan } from './conformance-support.js';

describe('VP060 valid dates', () => {
    test.each(['2026-02-30', '2026-13-01', '2027-02-29', '2026-00-10', '2026-04-31'])('%s is a date token but not a date: VP060, not VP000', async date => {
        const text = plan({ extra: `evaluation ${date} "Evaluatie"` });
        const result = await check(text);
        expect(result.codes).toEqual(['VP060']);
        expect(linesOf(result, 'VP060')).toEqual([lineOf(text, 'evaluation')]);
    });

    test('29 February of a leap year exists', async () => {
        expect((await check(plan({ extra: 'evaluation 2028-02-29 "Evaluatie"' }))).codes).toEqual(['VP061']);
    });

    test.each([
        ['a phase `to` its own start', 'phase safety from 2026-02-01 to 2026-02-01'],
        ['a phase `for 0 days`', 'phase safety from 2026-02-01 for 0 days'],
        ['a phase ending before it starts', 'phase safety from 2026-02-01 to 2026-01-20'],
        ['an agreement `for 0 weeks`', 'agreement a2 "Afspraak" {\n by bob\n protects ann\n checked by vt\n from 2026-02-01 for 0 weeks\n }'],
        ['an intervention `to` its start', 'intervention h2 "Hulp" {\n for ann\n by ggz\n from 2026-02-01 to 2026-02-01\n }']
    ])('%s is VP060', async (_label, construct) => {
        expect((await check(plan({ extra: construct }))).codes).toEqual(['VP060']);
    });

    test('a regie entry that ends on its start is VP060', async () => {
        const result = await check(plan({ regie: 'regie {\n wt from 2026-01-01 to 2026-01-01\n vt from 2026-01-01\n }' }));
        expect(result.codes).toContain('VP060');
    });

    test('an `extend to` on or before the previous end is VP060', async () => {
        const regie = 'regie {\n vt from 2026-01-01\n }';
        const on = await check(plan({ regie, extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10 for 10 days\n extend to 2026-01-20\n }' }));
        expect(on.codes).toEqual(['VP060']);
        const before = await check(plan({ regie, extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10 for 10 days\n extend to 2026-01-15\n }' }));
        expect(before.codes).toEqual(['VP060']);
        const after = await check(plan({ regie, extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10 for 10 days\n extend to 2026-01-21\n }' }));
        expect(after.codes).toEqual([]);
    });

    test('an `extend to` after a default end (initial) is measured from that end', async () => {
        const regie = 'regie {\n vt from 2026-01-01\n }';
        // huisverbod from 2026-01-10 without end lasts its initial 10 days: to 2026-01-20
        const result = await check(plan({ regie, extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10\n extend to 2026-01-18\n }' }));
        expect(result.codes).toEqual(['VP060']);
    });

    test('a plan period that does not end after it starts is VP060, and silences VP011, VP013, VP023, VP061, VP062 and VP091', async () => {
        const text = plan({
            period: 'period 2026-06-01 to 2026-01-01',
            household: `household {
        member ann adult born 2015 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
        member tes child born 2010 roles victim no-action "Woont op kamers"
    }`,
            regie: 'regie {\n wt from 2026-03-01 to 2026-04-01\n }',
            aftercare: 'aftercare {\n owner wt\n from 2028-01-01 for 12 months\n checkpoints 3 months\n }',
            extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-03-01 for 10 days\n }\n evaluation 2030-01-01 "Evaluatie"'
        });
        const result = await check(text);
        expect(result.codes).toEqual(['VP060']);
    });

    test('an impossible plan start date silences the same checks', async () => {
        const text = plan({
            period: 'period 2026-02-30 to 2027-01-01',
            regie: 'regie {\n wt from 2026-03-01 to 2026-04-01\n }',
            extra: 'evaluation 2030-01-01 "Evaluatie"'
        });
        expect((await check(text)).codes).toEqual(['VP060']);
    });
});

describe('VP061 inside the plan', () => {
    test.each([
        ['a meeting on the plan start', 'meeting 2026-01-01 "Overleg" {\n client ann present\n }', []],
        ['a meeting on the last day', 'meeting 2026-12-31 "Overleg" {\n client ann present\n }', []],
        ['a meeting on the plan end (outside: half-open)', 'meeting 2027-01-01 "Overleg" {\n client ann present\n }', ['VP061']],
        ['an evaluation before the plan start', 'evaluation 2025-12-31', ['VP061']],
        ['an evaluation on the plan end', 'evaluation 2027-01-01 "Eindevaluatie"', ['VP061']],
        ['an intervention starting before the plan', 'intervention h2 "Hulp" {\n for ann\n by ggz\n from 2025-12-01 for 3 months\n }', ['VP061']],
        ['an agreement starting after the plan', 'agreement a2 "Afspraak" {\n by bob\n protects ann\n checked by vt\n from 2027-02-01 for 3 months\n }', ['VP061']],
        ['a measure starting on the plan end', 'measure g gedragsaanwijzing {\n on bob\n by om1\n from 2027-01-01 for 30 days\n }', ['VP061']],
        ['a measure starting inside and running past the end', 'measure g gedragsaanwijzing {\n on bob\n by om1\n from 2026-12-01 for 90 days\n }', []]
    ])('%s', async (_label, construct, expected) => {
        const result = await check(plan({ extra: construct }));
        expect(result.codes).toEqual(expected);
        for (const d of diags(result, 'VP061')) expect(d.severity).toBe(2);
    });

    test('an agreement without a period is not concerned', async () => {
        const result = await check(plan({ extra: 'agreement a2 "Afspraak" {\n by bob\n protects ann\n checked by oma\n }' }));
        expect(result.codes).toEqual([]);
    });
});

describe('VP062 age matches', () => {
    // plan start year 2026: age = 2026 − born
    test.each([
        // (a child of 12 or older who is never heard is also VP091)
        ['a child of 17', 'member zus child born 2009 no-action "Elders"', ['VP091']],
        ['a child of 18', 'member zus child born 2008 no-action "Elders"', ['VP062', 'VP091']],
        ['an adult of 18', 'member zus adult born 2008 no-action "Elders"', []],
        ['an adult of 17', 'member zus adult born 2009 no-action "Elders"', ['VP062']],
        ['an adult without born (not checked)', 'member zus adult no-action "Elders"', []]
    ])('%s', async (_label, member, expected) => {
        const text = plan({
            household: `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
        ${member}
    }`
        });
        const result = await check(text);
        expect(result.codes).toEqual(expected);
        if (expected.includes('VP062')) expect(linesOf(result, 'VP062')).toEqual([lineOf(text, 'member zus')]);
    });

    test('a child without born is VP005, not VP062', async () => {
        const text = plan({
            household: `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
        member zus child no-action "Elders"
    }`
        });
        expect((await check(text)).codes).toEqual(['VP005']);
    });
});
