/** Conformance of VP040, VP041, VP050 and VP051 (spec sections 4 and 7). */

import { describe, expect, test } from 'vitest';
import { check, diags, lineOf, linesOf, plan } from './conformance-support.js';

const phases = (...lines: string[]) => lines.join('\n    ');

describe('VP040 risk addressed', () => {
    test('a dynamic risk no intervention addresses is VP040 on the risk', async () => {
        const text = plan({
            extra: `risk r2 "Schulden" {
        severity medium
        nature dynamic
        domain finances
        affects household
    }`
        });
        const result = await check(text);
        expect(result.codes).toEqual(['VP040']);
        expect(linesOf(result, 'VP040')).toEqual([lineOf(text, 'risk r2')]);
        expect(diags(result, 'VP040')[0].severity).toBe(2);
    });

    test('a static risk need not be addressed', async () => {
        const result = await check(plan({
            extra: `risk r2 "Verleden" {
        severity low
        nature static
        domain social
        affects ann
    }`
        }));
        expect(result.codes).toEqual([]);
    });
});

describe('VP041 plan for drop-out', () => {
    const intervention = (items: string[]) => `intervention hulp "Daderhulp" {\n${items.map(i => `        ${i}`).join('\n')}\n    }`;

    test('a voluntary intervention (the default) for a perpetrator without fallback is VP041', async () => {
        const result = await check(plan({ intervention: intervention(['for bob', 'by ggz', 'from 2026-01-10 for 6 months', 'addresses r1']) }));
        expect(result.codes).toEqual(['VP041']);
    });

    test('an explicit `framework voluntary` is the same', async () => {
        const result = await check(plan({ intervention: intervention(['for bob', 'by ggz', 'from 2026-01-10 for 6 months', 'framework voluntary', 'addresses r1']) }));
        expect(result.codes).toEqual(['VP041']);
    });

    test('a fallback satisfies it', async () => {
        const result = await check(plan({ intervention: intervention(['for bob', 'by ggz', 'from 2026-01-10 for 6 months', 'addresses r1', 'fallback "Terugmelding aan OM"']) }));
        expect(result.codes).toEqual([]);
    });

    test('dwang and drang interventions are not concerned', async () => {
        const result = await check(plan({ intervention: intervention(['for bob', 'by ggz', 'from 2026-01-10 for 6 months', 'framework dwang', 'addresses r1']) }));
        expect(result.codes).toEqual([]);
    });

    test('a voluntary intervention for a victim only is not concerned', async () => {
        const result = await check(plan({
            extra: intervention(['for ann', 'by ggz', 'from 2026-01-10 for 6 months']).replace('hulp', 'steun')
        }));
        expect(result.codes).toEqual([]);
    });
});

describe('VP050 phases in order', () => {
    test('safety, stability, recovery as handovers is fine', async () => {
        const result = await check(plan({
            extra: phases('phase safety from 2026-01-01 to 2026-03-01', 'phase stability from 2026-03-01 to 2026-09-01', 'phase recovery from 2026-09-01 to 2027-01-01')
        }));
        expect(result.codes).toEqual([]);
    });

    test('a kind may be skipped', async () => {
        const result = await check(plan({ extra: phases('phase safety from 2026-01-01 to 2026-03-01', 'phase recovery from 2026-03-01 to 2027-01-01') }));
        expect(result.codes).toEqual([]);
    });

    test('a kind may be split in two (with or without a gap)', async () => {
        const result = await check(plan({
            extra: phases('phase safety from 2026-01-01 to 2026-02-01', 'phase safety from 2026-02-15 to 2026-03-01', 'phase stability for_placeholder')
                .replace('phase stability for_placeholder', 'phase stability from 2026-03-01 for 3 months')
        }));
        expect(result.codes).toEqual([]);
    });

    test('phases are taken in calendar order, not written order', async () => {
        const result = await check(plan({ extra: phases('phase stability from 2026-03-01 to 2026-09-01', 'phase safety from 2026-01-01 to 2026-03-01') }));
        expect(result.codes).toEqual([]);
    });

    test('going back (stability before safety in calendar order) is VP050', async () => {
        const result = await check(plan({ extra: phases('phase stability from 2026-01-01 to 2026-03-01', 'phase safety from 2026-03-01 to 2026-09-01') }));
        expect(result.codes).toEqual(['VP050']);
    });

    test('recovery, then stability again is VP050', async () => {
        const result = await check(plan({
            extra: phases('phase stability from 2026-01-01 to 2026-03-01', 'phase recovery from 2026-03-01 to 2026-06-01', 'phase stability from 2026-06-01 to 2026-09-01')
        }));
        expect(result.codes).toEqual(['VP050']);
    });

    test('overlapping phases are VP050, even in the right order', async () => {
        const result = await check(plan({ extra: phases('phase safety from 2026-01-01 to 2026-03-02', 'phase stability from 2026-03-01 to 2026-09-01') }));
        expect(result.codes).toEqual(['VP050']);
    });

    test('phases outside the plan period are not VP061', async () => {
        const result = await check(plan({ extra: phases('phase safety from 2025-12-01 to 2026-03-01', 'phase recovery from 2026-03-01 to 2027-06-01') }));
        expect(result.codes).toEqual([]);
    });
});

describe('VP051 recovery after safety', () => {
    const recoveryIntervention = (start: string) => `intervention herstel "Herstelgericht werken" {
        for ann
        by ggz
        from ${start} for 3 months
        phase recovery
    }`;

    test('a recovery intervention starting before the earliest safety phase ends is VP051', async () => {
        const text = plan({ extra: phases('phase safety from 2026-01-01 to 2026-03-01', 'phase safety from 2026-04-01 to 2026-05-01', recoveryIntervention('2026-02-15')) });
        const result = await check(text);
        expect(result.codes).toEqual(['VP051']);
        expect(diags(result, 'VP051')[0].severity).toBe(2);
    });

    test('starting on the end date of the earliest safety phase is fine (half-open)', async () => {
        const result = await check(plan({ extra: phases('phase safety from 2026-01-01 to 2026-03-01', 'phase safety from 2026-04-01 to 2026-05-01', recoveryIntervention('2026-03-01')) }));
        expect(result.codes).toEqual([]);
    });

    test('without a safety phase there is nothing to compare', async () => {
        const result = await check(plan({ extra: recoveryIntervention('2026-01-15') }));
        expect(result.codes).toEqual([]);
    });
});
