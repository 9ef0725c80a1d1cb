/** Date checks VP060 (valid dates), VP061 (inside the plan) and VP062 (age matches) of spec section 7. */

import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();

const ORGANISATIONS = `organisation vt "VT" kind veiligthuis
organisation bg "Burgemeester" kind burgemeester
organisation ggz "GGZ" kind ggz
`;

function planWith(body: string, period = 'period 2026-01-12 to 2027-01-12', household = ''): string {
    return `${ORGANISATIONS}plan p "P" {
    status active
    ${period}
    household {
        member sanne adult born 1989 roles victim
        member mark adult born 1986 roles perpetrator${household}
    }
${body}
}
`;
}

function lineOf(text: string, marker: string): number {
    const line = text.split('\n').findIndex(l => l.includes(marker));
    if (line < 0) throw new Error(`marker not found: ${marker}`);
    return line;
}

const ERROR = 1;
const WARNING = 2;

async function diagnostics(text: string, code: string, locale?: 'en' | 'nl'): Promise<Diagnostic[]> {
    return withCode(await checkText(services, text, { locale }), code);
}

describe('VP060 valid dates', () => {
    test('a date that does not exist is VP060 on that date, with the days of the month', async () => {
        const text = planWith('    phase safety from 2026-01-12 to 2026-02-30');
        const found = await diagnostics(text, 'VP060');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(ERROR);
        expect(found[0].range.start.line).toBe(lineOf(text, '2026-02-30'));
        expect(found[0].range.start.character).toBe(text.split('\n')[lineOf(text, '2026-02-30')].indexOf('2026-02-30'));
        expect(found[0].message).toContain('February 2026 has 28 days');
        expect(found[0].message).toContain('2026-02-28');
    });

    test('month 13 is VP060 saying months run from 01 to 12', async () => {
        const [d] = await diagnostics(planWith('    evaluation 2026-13-01 "Evaluatie"'), 'VP060');
        expect(d.message).toContain('01 to 12');
    });

    test('every date token is checked: meetings, evaluations, regie, aftercare, extend and a measure type\'s `checked`', async () => {
        const text = `measure type regio "Regio" {
    mode drang
    term max 6 months
    checked 2026-04-31
}
${planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 for 10 days
        extend to 2026-02-31
    }
    regie {
        vt from 2026-00-12
    }
    aftercare {
        owner vt
        from 2027-02-29 for 12 months
        checkpoints 3 months
    }
    meeting 2026-06-31 "Overleg" {
        client sanne present
    }
    evaluation 2026-09-31`)}`;
        const found = await diagnostics(text, 'VP060');
        expect(found.map(d => d.range.start.line).sort((a, b) => a - b)).toEqual(
            ['2026-04-31', '2026-02-31', '2026-00-12', '2027-02-29', '2026-06-31', '2026-09-31'].map(date => lineOf(text, date)).sort((a, b) => a - b));
    });

    test('an end on or before the start is VP060, and so is `for 0 days`; the plan period must end after it starts', async () => {
        const text = planWith(`    phase safety from 2026-03-01 to 2026-03-01
    intervention i "I" {
        for mark
        by ggz
        from 2026-02-01 for 0 days
    }`, 'period 2026-01-12 to 2026-01-01');
        const found = await diagnostics(text, 'VP060');
        expect(found.map(d => d.range.start.line).sort((a, b) => a - b)).toEqual(
            [lineOf(text, 'period 2026-01-12'), lineOf(text, 'phase safety'), lineOf(text, 'for 0 days')]);
        const phase = found.find(d => d.range.start.line === lineOf(text, 'phase safety'))!;
        expect(phase.message).toContain('not after its start 2026-03-01');
        expect(phase.message).toContain('to 2026-03-02');
        expect(found.find(d => d.range.start.line === lineOf(text, 'for 0 days'))!.message).toContain('`for 0 days` covers no day');
    });

    test('`extend to` on or before the previous end is VP060; one day later is fine', async () => {
        const measure = (extendTo: string) => planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 for 10 days
        extend to ${extendTo}
    }`);
        for (const date of ['2026-01-22', '2026-01-15']) {
            const text = measure(date);
            const found = await diagnostics(text, 'VP060');
            expect(found).toHaveLength(1);
            expect(found[0].range.start.line).toBe(lineOf(text, `extend to ${date}`));
            expect(found[0].message).toContain('previous term (2026-01-22)');
            expect(found[0].message).toContain('extend to 2026-01-23');
        }
        expect(await diagnostics(measure('2026-01-23'), 'VP060')).toEqual([]);
    });

    test('`extend for 0 days` is VP060 on the duration', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 for 10 days
        extend for 0 days
    }`);
        const found = await diagnostics(text, 'VP060');
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'extend for 0 days'));
        expect(found[0].message).toContain('`for 0 days` covers no day');
    });

    test('valid dates and ends after starts are silent', async () => {
        const text = planWith(`    phase safety from 2026-01-12 to 2026-03-01
    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 for 10 days
        extend for 18 days
    }
    meeting 2028-02-29 "Schrikkeldag" {
        client sanne present
    }`, 'period 2026-01-12 to 2029-01-12');
        expect(await diagnostics(text, 'VP060')).toEqual([]);
    });

    test('dates inside a duplicate declaration take part in no check', async () => {
        const text = planWith(`    intervention i "I" {
        for mark
        by ggz
        from 2026-02-01 for 1 month
    }
    intervention i "I" {
        for mark
        by ggz
        from 2026-02-30 for 1 month
    }`);
        expect(await diagnostics(text, 'VP060')).toEqual([]);
    });
});

describe('VP061 inside the plan', () => {
    test('a meeting on the plan end date is outside (half-open); on the start date it is inside', async () => {
        const text = planWith(`    meeting 2026-01-12 "Start" {
        client sanne present
    }
    meeting 2027-01-12 "Slot" {
        client sanne present
    }`);
        const found = await diagnostics(text, 'VP061');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, 'meeting 2027-01-12'));
        expect(found[0].message).toContain("'Slot' starts on 2027-01-12");
        expect(found[0].message).toContain('2026-01-12 to 2027-01-11');
    });

    test('measures, interventions, agreements and evaluations that start outside are VP061; aftercare, phases and regie are not concerned', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-01 for 10 days
    }
    intervention i "I" {
        for mark
        by ggz
        from 2027-02-01 for 1 month
    }
    agreement a "A" {
        by mark
        protects sanne
        checked by vt
        from 2025-12-01 to 2026-02-01
    }
    evaluation 2027-03-01
    phase safety from 2025-12-01 to 2026-03-01
    regie {
        vt from 2025-12-01
    }
    aftercare {
        owner vt
        from 2027-06-01 for 12 months
        checkpoints 3 months
    }`);
        const found = await diagnostics(text, 'VP061');
        expect(found.map(d => d.range.start.line).sort((a, b) => a - b)).toEqual(
            [lineOf(text, 'from 2026-01-01'), lineOf(text, 'from 2027-02-01'), lineOf(text, 'from 2025-12-01 to 2026-02-01'), lineOf(text, 'evaluation')]);
    });

    test('an invalid plan period silences VP061 and VP062', async () => {
        const text = planWith(`    meeting 2030-01-12 "Later" {
        client sanne present
    }`, 'period 2026-01-12 to 2026-01-12', '\n        member kees child born 1990');
        const result = await checkText(services, text);
        expect(withCode(result, 'VP060')).toHaveLength(1);
        expect(withCode(result, 'VP061')).toEqual([]);
        expect(withCode(result, 'VP062')).toEqual([]);
    });
});

describe('VP062 age matches', () => {
    test('a child born exactly 18 years before the plan start year is VP062', async () => {
        const text = planWith('', undefined, '\n        member joost child born 2008');
        const found = await diagnostics(text, 'VP062');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, 'member joost'));
        expect(found[0].message).toContain('is 18 at the plan start (2026 − 2008)');
        expect((found[0].data as { fix: unknown }).fix).toEqual({ kind: 'adult' });
    });

    test('a child of 17 and an adult of 18 are fine; an adult of 17 is VP062', async () => {
        expect(await diagnostics(planWith('', undefined, '\n        member joost child born 2009\n        member kim adult born 2008'), 'VP062')).toEqual([]);
        const [d] = await diagnostics(planWith('', undefined, '\n        member kim adult born 2009'), 'VP062');
        expect(d.message).toContain('is 17 at the plan start');
        expect(d.message).toContain('born in 2008 or earlier');
    });
});

test('messages are rendered in Dutch for the nl locale', async () => {
    const text = planWith(`    phase safety from 2026-01-12 to 2026-02-30
    evaluation 2027-01-12`, undefined, '\n        member joost child born 2000');
    const result = await checkText(services, text, { locale: 'nl' });
    const message = (code: string) => withCode(result, code)[0]?.message ?? '';
    expect(message('VP060')).toContain('februari 2026 heeft 28 dagen');
    expect(message('VP061')).toContain('buiten de planperiode');
    expect(message('VP062')).toContain('staat als kind vermeld maar is 26');
});
