/**
 * Conformance of VP020–VP023 (spec sections 1, 4 and 7): aftercare completeness, checkpoint
 * offsets, calendar-month length and the link to the plan end.
 */

import { describe, expect, test } from 'vitest';
import { check, checkNl, checkWithConfig, CATALOGUE, diags, plan } from './conformance-support.js';

const aftercare = (...items: string[]) => `aftercare {\n${items.map(i => `        ${i}`).join('\n')}\n    }`;

describe('VP020 aftercare defined', () => {
    test('a plan without aftercare is VP020 and nothing else', async () => {
        expect((await check(plan({ aftercare: '' }))).codes).toEqual(['VP020']);
    });
});

describe('VP021 aftercare complete', () => {
    test.each([
        ['owner', aftercare('from 2027-01-01 for 12 months', 'checkpoints 3 months')],
        ['period', aftercare('owner wt', 'checkpoints 3 months')],
        ['checkpoint', aftercare('owner wt', 'from 2027-01-01 for 12 months')]
    ])('a missing %s is VP021, not VP005', async (_label, block) => {
        const result = await check(plan({ aftercare: block }));
        expect(result.codes).toEqual(['VP021']);
    });

    test('a checkpoint offset of zero is VP021', async () => {
        const result = await check(plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 for 12 months', 'checkpoints 0 months, 6 months') }));
        expect(result.codes).toEqual(['VP021']);
    });

    test('a checkpoint on the final day (equal to the aftercare length) is fine', async () => {
        const result = await check(plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 to 2028-01-01', 'checkpoints 12 months') }));
        expect(result.codes).toEqual([]);
    });

    test('a checkpoint in days equal to the length is fine, one day more is VP021', async () => {
        // 2027-01-01 + 12 months = 2028-01-01, 365 days
        const ok = await check(plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 for 12 months', 'checkpoints 365 days') }));
        expect(ok.codes).toEqual([]);
        const late = await check(plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 for 12 months', 'checkpoints 366 days') }));
        expect(late.codes).toEqual(['VP021']);
    });

    test('a checkpoint longer than the aftercare period is VP021', async () => {
        const result = await check(plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 for 12 months', 'checkpoints 3 months, 13 months') }));
        expect(result.codes).toEqual(['VP021']);
    });

    test('signals and escalate are optional; signal repeats', async () => {
        const result = await check(plan({
            aftercare: aftercare('owner wt', 'from 2027-01-01 for 12 months', 'checkpoints 12 months', 'signal "Nieuwe melding"', 'signal "Uitval"', 'escalate "Casusoverleg"')
        }));
        expect(result.codes).toEqual([]);
    });
});

describe('several aftercare blocks (section 4: only status, period and household are once-only)', () => {
    test('every block is checked, not only the first', async () => {
        const result = await check(plan({ extra: aftercare('from 2027-01-01 for 6 months', 'checkpoints 3 months') }));
        expect(result.codes).toEqual(['VP021', 'VP022']);
    });

    test('two complete blocks are fine', async () => {
        const result = await check(plan({ extra: aftercare('owner vt', 'from 2026-12-01 for 12 months', 'checkpoints 3 months') }));
        expect(result.codes).toEqual([]);
    });
});

describe('VP022 aftercare long enough', () => {
    test('six months of aftercare is VP022 (a warning citing the recurrence research)', async () => {
        const result = await check(plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 for 6 months', 'checkpoints 6 months') }));
        expect(result.codes).toEqual(['VP022']);
        const [d] = diags(result, 'VP022');
        expect(d.severity).toBe(2);
        expect(d.message).toContain('80');
        const nl = diags(await checkNl(plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 for 6 months', 'checkpoints 6 months') })), 'VP022')[0];
        expect(nl.message).toContain('80');
        expect(nl.message).not.toBe(d.message);
    });

    test('calendar months: 31 January to 31 January is twelve months, to 30 January is not', async () => {
        const base = { period: 'period 2026-01-01 to 2027-01-31' };
        expect((await check(plan({ ...base, aftercare: aftercare('owner wt', 'from 2027-01-31 to 2028-01-31', 'checkpoints 3 months') }))).codes).toEqual([]);
        expect((await check(plan({ ...base, aftercare: aftercare('owner wt', 'from 2027-01-31 to 2028-01-30', 'checkpoints 3 months') }))).codes).toEqual(['VP022']);
    });

    test('month arithmetic clamps: 29 February + 12 months is 28 February', async () => {
        const result = await check(plan({
            period: 'period 2026-01-01 to 2028-03-01',
            aftercare: aftercare('owner wt', 'from 2028-02-29 to 2029-02-28', 'checkpoints 3 months')
        }));
        expect(result.codes).toEqual([]);
    });

    test('52 weeks is short of 12 months', async () => {
        const result = await check(plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 for 52 weeks', 'checkpoints 3 months') }));
        expect(result.codes).toEqual(['VP022']);
    });

    test('1 year counts as 12 months', async () => {
        const result = await check(plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 for 1 year', 'checkpoints 1 year') }));
        expect(result.codes).toEqual([]);
    });

    test('aftercare.minMonths from vplan.config.json sets the threshold', async () => {
        const twelve = plan();
        const strict = await checkWithConfig('{ "aftercare": { "minMonths": 18 } }', [twelve, CATALOGUE]);
        expect(strict.codes).toEqual(['VP022']);
        const lenient = await checkWithConfig('{ "aftercare": { "minMonths": 6 } }', [plan({ aftercare: aftercare('owner wt', 'from 2027-01-01 for 6 months', 'checkpoints 6 months') }), CATALOGUE]);
        expect(lenient.codes).toEqual([]);
    });
});

describe('VP023 aftercare follows on', () => {
    test('aftercare starting after the plan end leaves days in between: VP023', async () => {
        const result = await check(plan({ aftercare: aftercare('owner wt', 'from 2027-01-02 for 12 months', 'checkpoints 3 months') }));
        expect(result.codes).toEqual(['VP023']);
        expect(diags(result, 'VP023')[0].severity).toBe(2);
    });

    test('aftercare may start earlier than the plan end', async () => {
        const result = await check(plan({ aftercare: aftercare('owner wt', 'from 2026-10-01 for 12 months', 'checkpoints 3 months') }));
        expect(result.codes).toEqual([]);
    });

    test('a plan period given as a duration ends where the duration says', async () => {
        const result = await check(plan({ period: 'period 2026-01-01 for 1 year' }));
        expect(result.codes).toEqual([]);
    });
});
