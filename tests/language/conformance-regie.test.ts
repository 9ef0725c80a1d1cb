/**
 * Conformance of VP010–VP013 (spec sections 1, 4 and 7): regie entries as half-open periods,
 * default ends ("until the next entry with a later start date"), handovers, and regie that follows
 * the measures running on a day.
 */

import { describe, expect, test } from 'vitest';
import { check, diags, lineOf, linesOf, plan } from './conformance-support.js';

const regie = (...entries: string[]) => `regie {\n${entries.map(e => `        ${e}`).join('\n')}\n    }`;

describe('VP010 regie defined', () => {
    test('a plan without regie is VP010, and the regie checks that need it stay silent', async () => {
        const result = await check(plan({ regie: '', extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-05\n }' }));
        expect(result.codes).toEqual(['VP010']);
    });

    test('an empty regie block is VP010', async () => {
        const result = await check(plan({ regie: 'regie {\n    }' }));
        expect(result.codes).toEqual(['VP010']);
    });
});

describe('VP011 no day without a regievoerder', () => {
    test('a handover (`to D` then `from D`) leaves neither a gap nor an overlap', async () => {
        const result = await check(plan({ regie: regie('vt from 2026-01-01 to 2026-02-09', 'wt from 2026-02-09') }));
        expect(result.codes).toEqual([]);
    });

    test('a list of handovers needs no end dates', async () => {
        const result = await check(plan({ regie: regie('vt from 2026-01-01', 'zvh1 from 2026-03-01', 'wt from 2026-06-01') }));
        expect(result.codes).toEqual([]);
    });

    test('entries are taken by start date, not by the order they are written in', async () => {
        const result = await check(plan({ regie: regie('wt from 2026-06-01', 'vt from 2026-01-01') }));
        expect(result.codes).toEqual([]);
    });

    test('entries of several regie blocks are read together', async () => {
        const result = await check(plan({ regie: regie('vt from 2026-01-01 to 2026-03-01'), extra: regie('wt from 2026-03-01') }));
        expect(result.codes).toEqual([]);
    });

    test('a gap at the end names the first uncovered day and the length of the gap', async () => {
        const text = plan({ regie: regie('wt from 2026-01-01 to 2026-12-01') });
        const result = await check(text);
        expect(result.codes).toEqual(['VP011']);
        const [d] = diags(result, 'VP011');
        expect(d.message).toContain('2026-12-01');
        expect(d.message).toContain('31');
    });

    test('a late start leaves the first days uncovered', async () => {
        const result = await check(plan({ regie: regie('wt from 2026-01-05') }));
        expect(result.codes).toEqual(['VP011']);
        const [d] = diags(result, 'VP011');
        expect(d.message).toContain('2026-01-01');
        expect(d.message).toContain('4');
    });

    test('`to D` does not cover D itself: `to 2026-02-09` and `from 2026-02-10` leave one day', async () => {
        const result = await check(plan({ regie: regie('vt from 2026-01-01 to 2026-02-09', 'wt from 2026-02-10') }));
        expect(result.codes).toEqual(['VP011']);
        expect(diags(result, 'VP011')[0].message).toContain('2026-02-09');
    });

    test('an entry with an explicit end followed by nothing leaves a gap even when an earlier entry had no end', async () => {
        const result = await check(plan({ regie: regie('vt from 2026-01-01', 'wt from 2026-03-01 to 2026-05-01') }));
        expect(result.codes).toEqual(['VP011']);
        expect(diags(result, 'VP011')[0].message).toContain('2026-05-01');
    });

    test('regie outside the plan period is not a problem (regie entries are not concerned by VP061)', async () => {
        const result = await check(plan({ regie: regie('vt from 2025-11-01 to 2026-03-01', 'wt from 2026-03-01 to 2027-06-01') }));
        expect(result.codes).toEqual([]);
    });
});

describe('VP012 one regievoerder at a time', () => {
    test('two entries starting on the same day overlap', async () => {
        const text = plan({ regie: regie('vt from 2026-01-01', 'wt from 2026-01-01') });
        const result = await check(text);
        expect(result.codes).toContain('VP012');
        expect(result.codes).not.toContain('VP011');
        const [d] = diags(result, 'VP012');
        expect(d.message).toContain('2026-01-01');
        expect(d.message).toContain('vt');
        expect(d.message).toContain('wt');
    });

    test('an explicit end after the next start overlaps; the message names the first shared day', async () => {
        const result = await check(plan({ regie: regie('vt from 2026-01-01 to 2026-03-01', 'wt from 2026-02-01') }));
        expect(result.codes).toEqual(['VP012']);
        expect(diags(result, 'VP012')[0].message).toContain('2026-02-01');
    });
});

describe('VP013 regie follows the measure', () => {
    // huisverbod: regie veiligthuis, initial 10 days; ots: regie gi.
    test('a huisverbod while a wijkteam holds regie is VP013 on the measure, naming its first day', async () => {
        const text = plan({ extra: 'measure hv huisverbod {\n        on bob\n        by burg\n        from 2026-01-10\n    }' });
        const result = await check(text);
        expect(result.codes).toEqual(['VP013']);
        expect(diags(result, 'VP013')[0].severity).toBe(2);
        expect(linesOf(result, 'VP013')).toEqual([lineOf(text, 'measure hv')]);
        expect(diags(result, 'VP013')[0].message).toContain('2026-01-10');
    });

    test('Veilig Thuis holding regie for the whole (half-open) huisverbod satisfies it', async () => {
        const result = await check(plan({
            regie: regie('wt from 2026-01-01 to 2026-01-10', 'vt from 2026-01-10 to 2026-01-20', 'wt from 2026-01-20'),
            extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10 for 10 days\n }'
        }));
        expect(result.codes).toEqual([]);
    });

    test('a handover one day early names that day', async () => {
        const result = await check(plan({
            regie: regie('vt from 2026-01-01 to 2026-01-19', 'wt from 2026-01-19'),
            extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10 for 10 days\n }'
        }));
        expect(result.codes).toEqual(['VP013']);
        expect(diags(result, 'VP013')[0].message).toContain('2026-01-19');
    });

    test('the default end of a huisverbod (its initial 10 days) and its extensions count', async () => {
        const result = await check(plan({
            regie: regie('vt from 2026-01-01 to 2026-01-20', 'wt from 2026-01-20'),
            extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10\n extend for 18 days\n }'
        }));
        expect(result.codes).toEqual(['VP013']);
        expect(diags(result, 'VP013')[0].message).toContain('2026-01-20');
    });

    test('with two measures running the same day, a regievoerder of the kind of either satisfies both', async () => {
        const result = await check(plan({
            household: `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
    }`,
            regie: regie('vt from 2026-01-01 to 2026-01-20', 'gi1 from 2026-01-20'),
            extra: `measure hv huisverbod {
        on bob
        by burg
        from 2026-01-10 for 10 days
    }
    measure ots1 ots {
        on kim
        by rb
        from 2026-01-10 for 1 year
    }`
        }));
        expect(result.codes).toEqual([]);
    });

    test('once the other measure ends, its kind no longer satisfies the one still running', async () => {
        const text = plan({
            regie: regie('vt from 2026-01-01'),
            extra: `measure hv huisverbod {
        on bob
        by burg
        from 2026-01-10 for 10 days
    }
    measure ots1 ots {
        on kim
        by rb
        from 2026-01-10 for 6 months
    }`
        });
        const result = await check(text);
        expect(result.codes).toEqual(['VP013']);
        expect(linesOf(result, 'VP013')).toEqual([lineOf(text, 'measure ots1')]);
        expect(diags(result, 'VP013')[0].message).toContain('2026-01-20');
    });

    test('only days inside the plan period count', async () => {
        const result = await check(plan({
            regie: regie('vt from 2026-01-01 to 2026-12-01', 'gi1 from 2026-12-01'),
            // the OTS runs past the plan end (2027-01-01), where nobody holds regie by definition
            extra: 'measure ots1 ots {\n on kim\n by rb\n from 2026-12-01 for 1 year\n }'
        }));
        expect(result.codes).toEqual([]);
    });

    test('days before the plan start do not count either', async () => {
        const result = await check(plan({
            regie: regie('wt from 2026-01-01'),
            extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2025-12-20 for 10 days\n }'
        }));
        expect(result.codes).toEqual(['VP061']);
    });

    test('a measure that starts before the plan: the first such day is the plan start', async () => {
        const result = await check(plan({
            regie: regie('wt from 2026-01-01'),
            extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2025-12-28 for 10 days\n }'
        }));
        expect(result.codes).toEqual(['VP013', 'VP061']);
        expect(diags(result, 'VP013')[0].message).toContain('2026-01-01');
    });

    test('days on which nobody holds regie are VP011, not VP013', async () => {
        const result = await check(plan({
            regie: regie('wt from 2026-01-01 to 2026-01-10', 'wt from 2026-01-20'),
            extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10 for 10 days\n }'
        }));
        expect(result.codes).toEqual(['VP011']);
    });

    test('a measure whose type names no regie kind is not concerned', async () => {
        const result = await check(plan({ extra: 'measure gv gedragsaanwijzing {\n on bob\n by om1\n from 2026-02-01 for 30 days\n }' }));
        expect(result.codes).toEqual([]);
    });

    test('one diagnostic per measure', async () => {
        const result = await check(plan({
            regie: regie('wt from 2026-01-01 to 2026-01-12', 'vt from 2026-01-12 to 2026-01-14', 'wt from 2026-01-14'),
            extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10 for 10 days\n }'
        }));
        expect(diags(result, 'VP013')).toHaveLength(1);
    });
});
