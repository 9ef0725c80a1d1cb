/**
 * Conformance of VP030–VP033 (spec sections 1, 4, 6 and 7): legal limits in calendar arithmetic,
 * default first-term ends, extensions, eligible subjects and imposing authorities, and the
 * silence that an unknown measure type brings.
 */

import { describe, expect, test } from 'vitest';
import { check, diags, lineOf, linesOf, plan } from './conformance-support.js';

/** Regie by a gi for the whole plan, so that OTS measures raise no VP013. */
const giRegie = 'regie {\n        gi1 from 2026-01-01\n    }';
const vtRegie = 'regie {\n        vt from 2026-01-01\n    }';

const measure = (name: string, type: string, items: string[]) =>
    `measure ${name} ${type} {\n${items.map(i => `        ${i}`).join('\n')}\n    }`;

describe('VP030 within the legal limit', () => {
    test('huisverbod: 10 days plus 18 days of extension is exactly the 28-day total max', async () => {
        const result = await check(plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on bob', 'by burg', 'from 2026-01-10 for 10 days', 'extend for 18 days']) }));
        expect(result.codes).toEqual([]);
    });

    test('huisverbod: one day more is VP030, giving the limit, the actual length and the basis', async () => {
        const text = plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on bob', 'by burg', 'from 2026-01-10 for 10 days', 'extend for 19 days']) });
        const result = await check(text);
        expect(result.codes).toEqual(['VP030']);
        const [d] = diags(result, 'VP030');
        expect(d.message).toContain('28');
        expect(d.message).toContain('29');
        expect(d.message).toMatch(/huisverbod/i);
    });

    test('extensions add up: 10 + 9 + 9 days is fine, 10 + 9 + 10 is not', async () => {
        const ok = await check(plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on bob', 'by burg', 'from 2026-01-10 for 10 days', 'extend for 9 days', 'extend to 2026-02-07']) }));
        expect(ok.codes).toEqual([]);
        const bad = await check(plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on bob', 'by burg', 'from 2026-01-10 for 10 days', 'extend for 9 days', 'extend to 2026-02-08']) }));
        expect(bad.codes).toEqual(['VP030']);
    });

    test('a first term without an end lasts the type\'s initial (huisverbod: 10 days)', async () => {
        const ok = await check(plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on bob', 'by burg', 'from 2026-01-10', 'extend for 18 days']) }));
        expect(ok.codes).toEqual([]);
        const bad = await check(plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on bob', 'by burg', 'from 2026-01-10', 'extend for 19 days']) }));
        expect(bad.codes).toEqual(['VP030']);
    });

    test('OTS: term max 1 year in calendar terms; each term is checked on its own', async () => {
        const household = `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
    }`;
        const ots = (items: string[]) => plan({ household, regie: giRegie, extra: measure('o', 'ots', ['on kim', 'by rb', ...items]) });
        expect((await check(ots(['from 2026-01-31 to 2027-01-31']))).codes).toEqual([]);
        expect((await check(ots(['from 2026-01-31 to 2027-02-01']))).codes).toEqual(['VP030']);
        expect((await check(ots(['from 2026-02-01 for 1 year', 'extend for 1 year']))).codes).toEqual([]);
        expect((await check(ots(['from 2026-02-01 for 1 year', 'extend for 13 months']))).codes).toEqual(['VP030']);
        expect((await check(ots(['from 2026-02-01 for 12 months', 'extend for 365 days']))).codes).toEqual([]);
    });

    test('OTS on 29 February: + 1 year is 28 February, one day later is too long', async () => {
        const text = (end: string) => plan({
            period: 'period 2028-01-01 to 2029-06-01',
            household: `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
    }`,
            agreement: `agreement afspraak "Geen contact" {
        by bob
        protects ann, kim
        checked by vt
        from 2028-01-01 to 2028-07-01
    }`,
            intervention: `intervention hulp "Daderhulp" {
        for bob
        by ggz
        from 2028-01-10 for 6 months
        framework drang
        addresses r1
    }`,
            regie: 'regie {\n        gi1 from 2028-01-01\n    }',
            aftercare: 'aftercare {\n        owner wt\n        from 2029-06-01 for 12 months\n        checkpoints 3 months\n    }',
            extra: measure('o', 'ots', ['on kim', 'by rb', `from 2028-02-29 to ${end}`])
        });
        expect((await check(text('2029-02-28'))).codes).toEqual([]);
        expect((await check(text('2029-03-01'))).codes).toEqual(['VP030']);
    });

    test('a first term without an end and without initial lasts the term max, so any extension beyond it is checked', async () => {
        // voorlopige_ots: term max 3 months; no end → 3 months; extend 3 months fine, 4 months not
        const household = `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
    }`;
        const ok = await check(plan({ household, regie: giRegie, extra: measure('o', 'voorlopige_ots', ['on kim', 'by rb', 'from 2026-02-01', 'extend for 3 months']) }));
        expect(ok.codes).toEqual([]);
        const bad = await check(plan({ household, regie: giRegie, extra: measure('o', 'voorlopige_ots', ['on kim', 'by rb', 'from 2026-02-01', 'extend for 4 months']) }));
        expect(bad.codes).toEqual(['VP030']);
    });

    test('a first term without an end, initial or term max lasts the total max', async () => {
        // vrijheidsbeperking_38v: total max 5 years; no end → 5 years; any extension exceeds it
        const ok = await check(plan({ extra: measure('v', 'vrijheidsbeperking_38v', ['on bob', 'by rb', 'from 2026-02-01']) }));
        expect(ok.codes).not.toContain('VP030');
        const bad = await check(plan({ extra: measure('v', 'vrijheidsbeperking_38v', ['on bob', 'by rb', 'from 2026-02-01', 'extend for 1 day']) }));
        expect(bad.codes).toContain('VP030');
    });

    test('a workspace measure type with term max and total max: both are checked', async () => {
        const type = `measure type regio_drang "Regionaal drangtraject" {
    mode drang
    term max 3 months
    total max 6 months
}`;
        const ok = await check(plan({ extra: measure('d', 'regio_drang', ['on bob', 'by wt', 'from 2026-02-01 for 3 months', 'extend for 3 months']) }), type);
        expect(ok.codes).toEqual([]);
        const tooLongTerm = await check(plan({ extra: measure('d', 'regio_drang', ['on bob', 'by wt', 'from 2026-02-01 for 4 months']) }), type);
        expect(tooLongTerm.codes).toEqual(['VP030']);
        const tooLongTotal = await check(plan({ extra: measure('d', 'regio_drang', ['on bob', 'by wt', 'from 2026-02-01 for 3 months', 'extend for 3 months', 'extend for 1 day']) }), type);
        expect(tooLongTotal.codes).toEqual(['VP030']);
    });
});

describe('VP031 eligible subject', () => {
    test('a huisverbod (subject adult) on a child is VP031', async () => {
        const text = plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on kim', 'by burg', 'from 2026-01-10 for 10 days']) });
        const result = await check(text);
        expect(result.codes).toEqual(['VP031']);
    });

    test('an OTS (subject minor) on an adult is VP031', async () => {
        const result = await check(plan({ regie: giRegie, extra: measure('o', 'ots', ['on ann', 'by rb', 'from 2026-02-01 for 1 year']) }));
        expect(result.codes).toEqual(['VP031']);
    });

    test('subject any accepts both', async () => {
        const result = await check(plan({ extra: measure('g', 'gedragsaanwijzing', ['on bob, kim', 'by om1', 'from 2026-02-01 for 90 days']) }));
        expect(result.codes).toEqual([]);
    });
});

describe('VP032 unchecked limit', () => {
    test('a measure of a type without limit must state an end for its first term', async () => {
        const text = plan({ extra: measure('vs', 'voorwaardelijk_sepot', ['on bob', 'by om1', 'from 2026-02-01']) });
        const result = await check(text);
        expect(result.codes).toEqual(['VP032']);
        expect(diags(result, 'VP032')[0].severity).toBe(2);
        expect(linesOf(result, 'VP032')[0]).toBeGreaterThanOrEqual(lineOf(text, 'measure vs'));
    });

    test('an explicit end (for or to) satisfies it', async () => {
        expect((await check(plan({ extra: measure('vs', 'voorwaardelijk_sepot', ['on bob', 'by om1', 'from 2026-02-01 for 6 months']) }))).codes).toEqual([]);
        expect((await check(plan({ extra: measure('vs', 'voorwaardelijk_sepot', ['on bob', 'by om1', 'from 2026-02-01 to 2026-08-01']) }))).codes).toEqual([]);
    });

    test('an extend does not excuse it', async () => {
        const result = await check(plan({ extra: measure('vs', 'voorwaardelijk_sepot', ['on bob', 'by om1', 'from 2026-02-01', 'extend for 3 months']) }));
        expect(result.codes).toEqual(['VP032']);
    });

    test('initial does not excuse it', async () => {
        const type = `measure type regio_drang "Regionaal drangtraject" {
    mode drang
    initial 3 months
}`;
        const result = await check(plan({ extra: measure('d', 'regio_drang', ['on bob', 'by wt', 'from 2026-02-01']) }), type);
        expect(result.codes).toEqual(['VP032']);
    });

    test('a type with a limit does not need an explicit end', async () => {
        const result = await check(plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on bob', 'by burg', 'from 2026-01-10']) }));
        expect(result.codes).toEqual([]);
    });
});

describe('VP033 imposed by the right authority', () => {
    test('a huisverbod by the police is fine, by a court it is VP033', async () => {
        expect((await check(plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on bob', 'by pol', 'from 2026-01-10']) }))).codes).toEqual([]);
        const result = await check(plan({ regie: vtRegie, extra: measure('hv', 'huisverbod', ['on bob', 'by rb', 'from 2026-01-10']) }));
        expect(result.codes).toEqual(['VP033']);
        expect(diags(result, 'VP033')[0].severity).toBe(2);
    });

    test('an OTS by a mayor is VP033', async () => {
        const result = await check(plan({ regie: giRegie, extra: measure('o', 'ots', ['on kim', 'by burg', 'from 2026-02-01 for 1 year']) }));
        expect(result.codes).toEqual(['VP033']);
    });

    test('a type without `imposed by` accepts any organisation', async () => {
        const type = `measure type regio_drang "Regionaal drangtraject" {
    mode drang
    term max 6 months
}`;
        const result = await check(plan({ extra: measure('d', 'regio_drang', ['on bob', 'by zvh1', 'from 2026-02-01']) }), type);
        expect(result.codes).toEqual([]);
    });
});

describe('a measure of an unknown type (VP081) gets no VP030–VP033 and no VP013', () => {
    test('only the reference error is reported', async () => {
        const text = plan({ extra: measure('x', 'onbekend_type', ['on kim', 'by rb', 'from 2026-02-01 to 2030-01-01']) });
        const result = await check(text);
        expect(result.codes).toEqual(['VP081']);
        expect(linesOf(result, 'VP081')).toEqual([lineOf(text, 'measure x')]);
    });
});

describe('an invalid measure term silences VP030 and VP013', () => {
    test('an end before the start is VP060 only', async () => {
        const result = await check(plan({ extra: measure('hv', 'huisverbod', ['on bob', 'by burg', 'from 2026-03-10 to 2026-01-10']) }));
        expect(result.codes).toEqual(['VP060']);
    });

    test('an impossible date is VP060 only', async () => {
        const result = await check(plan({ extra: measure('hv', 'huisverbod', ['on bob', 'by burg', 'from 2026-02-30 for 40 days']) }));
        expect(result.codes).toEqual(['VP060']);
    });
});
