/** Aftercare checks (spec section 7): VP020, VP021, VP022, VP023, with calendar-month lengths. */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();

interface Parts { period?: string; aftercare?: string }

/** A plan that passes the other checks; only the period and the aftercare block vary. */
function plan(parts: Parts = {}): string {
    return `organisation vt "Veilig Thuis" kind veiligthuis
organisation ggz "GGZ" kind ggz

plan p "Plan" {
    status active
    ${parts.period ?? 'period 2026-01-12 to 2027-01-12'}
    household {
        member sanne adult born 1989 roles victim
        member mark adult born 1986 roles perpetrator
    }
    network {
        supporter oma "Oma" supports sanne aware
    }
    intervention daderhulp "Daderhulp" {
        for mark
        by ggz
        from 2026-01-20 for 6 months
        framework drang
    }
    agreement afspraak "Afspraak" {
        by mark
        protects sanne
        checked by vt
    }
    regie {
        vt from 2026-01-12
    }
${parts.aftercare ?? aftercare('owner vt', 'from 2027-01-12 for 12 months', 'checkpoints 3 months, 12 months')}
}
`;
}

const aftercare = (...items: string[]) => `    aftercare {\n${items.map(i => `        ${i}`).join('\n')}\n    }`;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex(line => line.includes(needle));
const fixOf = (d: { data?: unknown }) => (d.data as { fix?: Record<string, unknown> }).fix;

async function run(text: string, locale?: 'en' | 'nl') {
    const result = await checkText(services, text, { locale });
    return {
        result, vp005: withCode(result, 'VP005'), vp020: withCode(result, 'VP020'), vp021: withCode(result, 'VP021'),
        vp022: withCode(result, 'VP022'), vp023: withCode(result, 'VP023')
    };
}

describe('VP020 aftercare defined', () => {
    test('a plan without aftercare gets VP020 on its name, citing the recurrence research', async () => {
        const text = plan({ aftercare: '' });
        const { vp020, vp021, vp022, vp023 } = await run(text);
        expect(vp020).toHaveLength(1);
        expect(vp020[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp020[0].range.start.line).toBe(lineOf(text, 'plan p "Plan"'));
        expect(vp020[0].message).toContain('80%');
        expect(vp020[0].message).toContain('from 2027-01-12 for 12 months');
        expect(fixOf(vp020[0])).toEqual({ planStart: '2026-01-12', planEnd: '2027-01-12' });
        expect([...vp021, ...vp022, ...vp023]).toHaveLength(0);
    });

    test('a plan with aftercare has no VP020', async () => {
        const { vp020, vp021, vp022, vp023 } = await run(plan());
        expect([...vp020, ...vp021, ...vp022, ...vp023]).toHaveLength(0);
    });
});

describe('VP021 aftercare complete', () => {
    test('a missing owner is VP021 on the aftercare keyword, not VP005', async () => {
        const text = plan({ aftercare: aftercare('from 2027-01-12 for 12 months', 'checkpoints 3 months') });
        const { vp021, vp005 } = await run(text);
        expect(vp021).toHaveLength(1);
        expect(vp021[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp021[0].range.start.line).toBe(lineOf(text, 'aftercare {'));
        expect(vp021[0].message).toContain('owner');
        expect(vp005).toHaveLength(0);
    });

    test('a missing period is VP021 and suggests starting at the plan end; VP022 and VP023 stay silent', async () => {
        const { vp021, vp022, vp023, vp005 } = await run(plan({ aftercare: aftercare('owner vt', 'checkpoints 3 months') }));
        expect(vp021).toHaveLength(1);
        expect(vp021[0].message).toContain('from 2027-01-12 for 12 months');
        expect([...vp022, ...vp023, ...vp005]).toHaveLength(0);
    });

    test('a period without an end is VP021 with a suggested end', async () => {
        const text = plan({ aftercare: aftercare('owner vt', 'from 2027-01-12', 'checkpoints 3 months') });
        const { vp021, vp022, vp005 } = await run(text);
        expect(vp021).toHaveLength(1);
        expect(vp021[0].range.start.line).toBe(lineOf(text, 'from 2027-01-12'));
        expect(vp021[0].message).toContain('2027-01-12');
        expect(vp021[0].message).toContain('2028-01-12');
        expect([...vp022, ...vp005]).toHaveLength(0);
    });

    test('missing checkpoints are VP021', async () => {
        const { vp021 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2027-01-12 for 12 months') }));
        expect(vp021).toHaveLength(1);
        expect(vp021[0].message).toContain('checkpoints 3 months, 6 months, 12 months');
    });

    test('a zero checkpoint is VP021 on that offset', async () => {
        const text = plan({ aftercare: aftercare('owner vt', 'from 2027-01-12 for 12 months', 'checkpoints 0 days, 6 months') });
        const { vp021 } = await run(text);
        expect(vp021).toHaveLength(1);
        expect(vp021[0].range.start.line).toBe(lineOf(text, 'checkpoints 0 days'));
        expect(vp021[0].message).toContain("'0 days'");
        expect(fixOf(vp021[0])).toEqual({ checkpointIndex: 0 });
    });

    test('a checkpoint after the end of aftercare is VP021 with its date and the period', async () => {
        const { vp021 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2027-01-12 for 12 months', 'checkpoints 6 months, 18 months') }));
        expect(vp021).toHaveLength(1);
        expect(vp021[0].message).toContain("'18 months'");
        expect(vp021[0].message).toContain('2028-07-12');
        expect(vp021[0].message).toContain('2027-01-12 to 2028-01-12');
        expect(vp021[0].message).toContain('at most 12 months');
        expect(fixOf(vp021[0])).toEqual({ checkpointIndex: 1, aftercareStart: '2027-01-12', aftercareEnd: '2028-01-12' });
    });

    test('a checkpoint on the last day of aftercare (offset equal to the period) is fine', async () => {
        const { vp021 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2027-01-12 for 18 months', 'checkpoints 3 months, 18 months') }));
        expect(vp021).toHaveLength(0);
    });

    test('a checkpoint one day past the end is not fine', async () => {
        const { vp021 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2027-01-12 to 2028-01-11', 'checkpoints 12 months') }));
        expect(vp021).toHaveLength(1);
        expect(vp021[0].message).toContain('2028-01-12');
    });

    test('an owner or checkpoints twice is VP005, not VP021', async () => {
        const text = plan({ aftercare: aftercare('owner vt', 'owner ggz', 'from 2027-01-12 for 12 months', 'checkpoints 3 months', 'signal "a"', 'signal "b"') });
        const { vp005, vp021 } = await run(text);
        expect(vp005).toHaveLength(1);
        expect(vp005[0].range.start.line).toBe(lineOf(text, 'owner ggz'));
        expect(vp021).toHaveLength(0);
    });
});

describe('VP022 aftercare long enough', () => {
    test('exactly 12 months is fine', async () => {
        const { vp022 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2027-01-12 to 2028-01-12', 'checkpoints 12 months') }));
        expect(vp022).toHaveLength(0);
    });

    test('one day less than 12 months warns, with the length, the minimum end and the research', async () => {
        const text = plan({ aftercare: aftercare('owner vt', 'from 2027-01-12 to 2028-01-11', 'checkpoints 6 months') });
        const { vp022 } = await run(text);
        expect(vp022).toHaveLength(1);
        expect(vp022[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(vp022[0].range.start.line).toBe(lineOf(text, 'from 2027-01-12 to 2028-01-11'));
        expect(vp022[0].message).toContain('11 months and 30 days');
        expect(vp022[0].message).toContain('12 months');
        expect(vp022[0].message).toContain('2028-01-12');
        expect(vp022[0].message).toContain('80%');
        expect(fixOf(vp022[0])).toEqual({ start: '2027-01-12', end: '2028-01-11', minEnd: '2028-01-12', minMonths: 12 });
    });

    test('month-end arithmetic: from 2026-01-31 for 12 months ends on 2027-01-31 and is long enough', async () => {
        const { vp022, vp023 } = await run(plan({
            period: 'period 2025-02-01 to 2026-01-31',
            aftercare: aftercare('owner vt', 'from 2026-01-31 for 12 months', 'checkpoints 1 month, 12 months')
        }));
        expect(vp022).toHaveLength(0);
        expect(vp023).toHaveLength(0);
    });

    test('month-end arithmetic: from 2026-01-31 to 2027-01-30 is one day short', async () => {
        const { vp022 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2026-01-31 to 2027-01-30', 'checkpoints 6 months') }));
        expect(vp022).toHaveLength(1);
        expect(vp022[0].message).toContain('2027-01-31');
    });

    test('leap day: 12 months from 2028-02-29 clamp to 2029-02-28', async () => {
        const enough = await run(plan({ aftercare: aftercare('owner vt', 'from 2028-02-29 to 2029-02-28', 'checkpoints 12 months') }));
        expect(enough.vp022).toHaveLength(0);
        expect(enough.vp021).toHaveLength(0); // the 12-month checkpoint lands on the end date
        const short = await run(plan({ aftercare: aftercare('owner vt', 'from 2028-02-29 to 2029-02-27', 'checkpoints 6 months') }));
        expect(short.vp022).toHaveLength(1);
        expect(short.vp022[0].message).toContain('2029-02-28');
    });

    test('18 months of aftercare is fine', async () => {
        const { vp022 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2027-01-12 for 18 months', 'checkpoints 18 months') }));
        expect(vp022).toHaveLength(0);
    });
});

describe('VP023 aftercare follows on', () => {
    test('aftercare starting after the plan end warns, naming the days in between', async () => {
        const text = plan({ aftercare: aftercare('owner vt', 'from 2027-02-01 for 12 months', 'checkpoints 3 months') });
        const { vp023 } = await run(text);
        expect(vp023).toHaveLength(1);
        expect(vp023[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(vp023[0].range.start.line).toBe(lineOf(text, 'from 2027-02-01'));
        expect(vp023[0].message).toContain('2027-02-01');
        expect(vp023[0].message).toContain('20 days');
        expect(vp023[0].message).toContain('2027-01-12');
        expect(vp023[0].message).toContain('2027-01-31');
        expect(fixOf(vp023[0])).toEqual({ planEnd: '2027-01-12', aftercareStart: '2027-02-01' });
    });

    test('aftercare starting on the plan end (the first day after the half-open plan) is fine', async () => {
        const { vp023 } = await run(plan());
        expect(vp023).toHaveLength(0);
    });

    test('aftercare starting one day later warns', async () => {
        const { vp023 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2027-01-13 for 12 months', 'checkpoints 3 months') }));
        expect(vp023).toHaveLength(1);
        expect(vp023[0].message).toContain('1 day');
    });

    test('an earlier start, overlapping the plan, is fine', async () => {
        const { vp023 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2026-12-01 for 12 months', 'checkpoints 3 months') }));
        expect(vp023).toHaveLength(0);
    });

    test('an invalid plan period silences VP023', async () => {
        const { vp023 } = await run(plan({
            period: 'period 2026-01-12 to 2026-13-01',
            aftercare: aftercare('owner vt', 'from 2027-06-01 for 12 months', 'checkpoints 3 months')
        }));
        expect(vp023).toHaveLength(0);
    });

    test('an invalid aftercare date silences VP022 and VP023', async () => {
        const { vp022, vp023 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2027-02-30 for 1 month', 'checkpoints 3 months') }));
        expect([...vp022, ...vp023]).toHaveLength(0);
    });
});

describe('the spec example and Dutch', () => {
    test('the spec example has no aftercare diagnostics (18 months, last checkpoint on the final day)', async () => {
        const text = readFileSync(new URL('../fixtures/spec-example.vplan', import.meta.url), 'utf8');
        const { vp020, vp021, vp022, vp023 } = await run(text);
        expect([...vp020, ...vp021, ...vp022, ...vp023]).toHaveLength(0);
    });

    test('messages are rendered in Dutch', async () => {
        const { vp022, vp023 } = await run(plan({ aftercare: aftercare('owner vt', 'from 2027-02-01 for 6 months', 'checkpoints 3 months') }), 'nl');
        expect(vp022[0].message).toContain('De nazorg duurt 6 maanden');
        expect(vp022[0].message).toContain('80%');
        expect(vp023[0].message).toContain('De nazorg begint op 2027-02-01, 20 dagen nadat het plan eindigt op 2027-01-12');
        const missing = await run(plan({ aftercare: '' }), 'nl');
        expect(missing.vp020[0].message).toContain('heeft geen nazorg');
    });
});
