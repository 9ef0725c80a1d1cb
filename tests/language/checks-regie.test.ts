/** Regie checks (spec section 7): VP010, VP011, VP012, VP013, with half-open handovers. */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();

const ORGS = `organisation vt "Veilig Thuis" kind veiligthuis
organisation vt2 "Veilig Thuis Noord" kind veiligthuis
organisation wt "Wijkteam" kind wijkteam
organisation ggz "GGZ" kind ggz
organisation bgm "Burgemeester" kind burgemeester
organisation om_org "OM" kind om`;

interface Parts { period?: string; regie?: string; body?: string }

/** A plan in which every member is covered; only the given parts vary. */
function plan(parts: Parts = {}): string {
    return `${ORGS}

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
${parts.body ?? ''}
${parts.regie ?? '    regie {\n        vt from 2026-01-12\n    }'}
    aftercare {
        owner vt
        from 2027-01-12 for 12 months
        checkpoints 3 months, 12 months
    }
}
`;
}

const regie = (...entries: string[]) => `    regie {\n${entries.map(e => `        ${e}`).join('\n')}\n    }`;
/** 0-based line of the first line holding `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex(line => line.includes(needle));
const fixOf = (d: { data?: unknown }) => (d.data as { fix?: Record<string, unknown> }).fix;

async function regieDiagnostics(text: string, locale?: 'en' | 'nl') {
    const result = await checkText(services, text, { locale });
    return { result, vp010: withCode(result, 'VP010'), vp011: withCode(result, 'VP011'), vp012: withCode(result, 'VP012'), vp013: withCode(result, 'VP013') };
}

describe('VP010 regie defined', () => {
    test('a plan without a regie block gets VP010 on the plan name and no other regie check', async () => {
        const text = plan({ regie: '' });
        const { vp010, vp011, vp012, vp013 } = await regieDiagnostics(text);
        expect(vp010).toHaveLength(1);
        expect(vp010[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp010[0].range.start.line).toBe(lineOf(text, 'plan p "Plan"'));
        expect(vp010[0].message).toContain("'p'");
        expect(vp010[0].message).toContain('regie { <organisation> from 2026-01-12 }');
        expect(fixOf(vp010[0])).toEqual({ planStart: '2026-01-12', planEnd: '2027-01-12' });
        expect([...vp011, ...vp012, ...vp013]).toHaveLength(0);
    });

    test('an empty regie block is VP010 too', async () => {
        const { vp010, vp011 } = await regieDiagnostics(plan({ regie: '    regie {\n    }' }));
        expect(vp010).toHaveLength(1);
        expect(vp010[0].message).toContain('no entries');
        expect(vp011).toHaveLength(0);
    });

    test('a plan with a regie entry has no VP010', async () => {
        const { vp010 } = await regieDiagnostics(plan());
        expect(vp010).toHaveLength(0);
    });
});

describe('VP011 no day without a regievoerder', () => {
    test('a gap between two entries is reported on the entry before it, with the first day and the length', async () => {
        const text = plan({ regie: regie('vt from 2026-01-12 to 2026-02-09', 'wt from 2026-02-12') });
        const { vp011, vp012 } = await regieDiagnostics(text);
        expect(vp011).toHaveLength(1);
        expect(vp011[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp011[0].range.start.line).toBe(lineOf(text, 'vt from 2026-01-12 to 2026-02-09'));
        expect(vp011[0].message).toContain('2026-02-09');
        expect(vp011[0].message).toContain('3 days');
        expect(vp011[0].message).toContain('through 2026-02-11');
        expect(vp011[0].message).toContain('to 2026-02-12');
        expect(fixOf(vp011[0])).toEqual({ gapStart: '2026-02-09', gapEnd: '2026-02-12', previousEntryIndex: 0, nextEntryIndex: 1 });
        expect(vp012).toHaveLength(0);
    });

    test('a gap at the start of the plan is reported on the plan period', async () => {
        const text = plan({ regie: regie('vt from 2026-01-20') });
        const { vp011 } = await regieDiagnostics(text);
        expect(vp011).toHaveLength(1);
        expect(vp011[0].range.start.line).toBe(lineOf(text, 'period 2026-01-12'));
        expect(vp011[0].message).toContain('2026-01-12');
        expect(vp011[0].message).toContain('8 days');
        expect(fixOf(vp011[0])).toMatchObject({ gapStart: '2026-01-12', gapEnd: '2026-01-20', nextEntryIndex: 0 });
        expect(fixOf(vp011[0])?.previousEntryIndex).toBeUndefined();
    });

    test('a gap at the end of the plan is reported on the last entry and names the plan end', async () => {
        const text = plan({ regie: regie('vt from 2026-01-12 to 2026-10-01') });
        const { vp011 } = await regieDiagnostics(text);
        expect(vp011).toHaveLength(1);
        expect(vp011[0].range.start.line).toBe(lineOf(text, 'vt from 2026-01-12 to 2026-10-01'));
        expect(vp011[0].message).toContain('2026-10-01');
        expect(vp011[0].message).toContain('103 days');
        expect(vp011[0].message).toContain('2027-01-12');
        expect(fixOf(vp011[0])).toEqual({ gapStart: '2026-10-01', gapEnd: '2027-01-12', previousEntryIndex: 0 });
    });

    test('every gap gets its own diagnostic', async () => {
        const { vp011 } = await regieDiagnostics(plan({ regie: regie('vt from 2026-01-13 to 2026-02-01', 'wt from 2026-02-02 to 2026-12-01') }));
        expect(vp011.map(d => fixOf(d)?.gapStart)).toEqual(['2026-01-12', '2026-02-01', '2026-12-01']);
    });

    test('a handover on the same day is neither a gap nor an overlap', async () => {
        const { vp011, vp012 } = await regieDiagnostics(plan({ regie: regie('vt from 2026-01-12 to 2026-02-09', 'wt from 2026-02-09') }));
        expect(vp011).toHaveLength(0);
        expect(vp012).toHaveLength(0);
    });

    test('an entry without an end lasts until the next later start, in any source order', async () => {
        const { vp011, vp012 } = await regieDiagnostics(plan({ regie: regie('wt from 2026-06-01', 'vt from 2026-01-12', 'ggz from 2026-03-01') }));
        expect(vp011).toHaveLength(0);
        expect(vp012).toHaveLength(0);
    });

    test('entries of several regie blocks are read together', async () => {
        const { vp011, vp012 } = await regieDiagnostics(plan({ regie: `${regie('vt from 2026-01-12 to 2026-02-09')}\n${regie('wt from 2026-02-09')}` }));
        expect(vp011).toHaveLength(0);
        expect(vp012).toHaveLength(0);
    });

    test('`for` ends count as half-open periods: 28 days from 2026-01-12 hand over on 2026-02-09', async () => {
        const { vp011, vp012 } = await regieDiagnostics(plan({ regie: regie('vt from 2026-01-12 for 28 days', 'wt from 2026-02-09') }));
        expect(vp011).toHaveLength(0);
        expect(vp012).toHaveLength(0);
    });

    test('an entry before the plan start does not hide a gap inside the plan', async () => {
        const { vp011 } = await regieDiagnostics(plan({ regie: regie('vt from 2025-12-01 to 2026-01-01', 'wt from 2026-01-15') }));
        expect(vp011).toHaveLength(1);
        expect(fixOf(vp011[0])).toMatchObject({ gapStart: '2026-01-12', gapEnd: '2026-01-15' });
    });

    test('an entry whose organisation does not resolve still covers its days (VP081, no VP011)', async () => {
        const { result, vp011, vp013 } = await regieDiagnostics(plan({
            regie: regie('onbekend from 2026-01-12'),
            body: '    measure hv huisverbod {\n        on mark\n        protects sanne\n        by bgm\n        from 2026-01-12 for 10 days\n    }'
        }));
        expect(result.codes).toContain('VP081');
        expect(vp011).toHaveLength(0);
        expect(vp013).toHaveLength(0);
    });

    test('an invalid plan period silences VP011 and VP013', async () => {
        const text = plan({
            period: 'period 2026-01-12 to 2027-02-30',
            regie: regie('wt from 2026-01-20'),
            body: '    measure hv huisverbod {\n        on mark\n        protects sanne\n        by bgm\n        from 2026-01-20 for 10 days\n    }'
        });
        const { vp011, vp013 } = await regieDiagnostics(text);
        expect(vp011).toHaveLength(0);
        expect(vp013).toHaveLength(0);
    });

    test('a regie entry with an invalid date silences VP011', async () => {
        const { vp011 } = await regieDiagnostics(plan({ regie: regie('vt from 2026-01-12 to 2026-02-31', 'wt from 2026-03-01') }));
        expect(vp011).toHaveLength(0);
    });
});

describe('VP012 one regievoerder at a time', () => {
    test('an overlap is reported on the later entry with both holders and the first shared day', async () => {
        const text = plan({ regie: regie('vt from 2026-01-12 to 2026-03-01', 'wt from 2026-02-15') });
        const { vp012, vp011 } = await regieDiagnostics(text);
        expect(vp012).toHaveLength(1);
        expect(vp012[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp012[0].range.start.line).toBe(lineOf(text, 'wt from 2026-02-15'));
        expect(vp012[0].message).toContain("'wt'");
        expect(vp012[0].message).toContain("'vt'");
        expect(vp012[0].message).toContain('2026-02-15');
        expect(vp012[0].message).toContain('14 days');
        expect(fixOf(vp012[0])).toEqual({ entryIndex: 1, otherIndex: 0, firstSharedDay: '2026-02-15', sharedEnd: '2026-03-01', otherEnd: '2026-03-01' });
        expect(vp011).toHaveLength(0);
    });

    test('two entries starting on the same day overlap', async () => {
        const text = plan({ regie: regie('vt from 2026-01-12', 'wt from 2026-01-12') });
        const { vp012 } = await regieDiagnostics(text);
        expect(vp012).toHaveLength(1);
        expect(vp012[0].range.start.line).toBe(lineOf(text, 'wt from 2026-01-12'));
        expect(vp012[0].message).toContain('2026-01-12');
        expect(vp012[0].message).toContain('same day');
    });

    test('an entry inside a longer one overlaps it', async () => {
        const { vp012 } = await regieDiagnostics(plan({ regie: regie('vt from 2026-01-12 to 2027-01-12', 'wt from 2026-03-01 to 2026-04-01') }));
        expect(vp012).toHaveLength(1);
        expect(vp012[0].message).toContain('31 days');
    });

    test('consecutive entries without ends never overlap', async () => {
        const { vp012 } = await regieDiagnostics(plan({ regie: regie('vt from 2026-01-12', 'wt from 2026-02-09', 'ggz from 2026-05-01') }));
        expect(vp012).toHaveLength(0);
    });
});

describe('VP013 regie follows the measure', () => {
    const huisverbod = '    measure hv huisverbod {\n        on mark\n        protects sanne\n        by bgm\n        from 2026-01-12 for 10 days\n        extend for 18 days\n    }';

    test('a huisverbod while the wijkteam holds regie warns once, on the measure, naming the first day', async () => {
        const text = plan({ body: huisverbod, regie: regie('wt from 2026-01-12') });
        const { vp013 } = await regieDiagnostics(text);
        expect(vp013).toHaveLength(1);
        expect(vp013[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(vp013[0].range.start.line).toBe(lineOf(text, 'measure hv huisverbod'));
        expect(vp013[0].message).toContain('2026-01-12');
        expect(vp013[0].message).toContain('veiligthuis');
        expect(vp013[0].message).toContain("'wt' (wijkteam)");
        expect(vp013[0].message).toContain('2026-02-09');
        expect(fixOf(vp013[0])).toEqual({ measure: 'hv', firstDay: '2026-01-12', measureStart: '2026-01-12', measureEnd: '2026-02-09', kinds: ['veiligthuis'] });
    });

    test('the first such day can lie inside the measure', async () => {
        const { vp013 } = await regieDiagnostics(plan({ body: huisverbod, regie: regie('vt from 2026-01-12 to 2026-01-20', 'wt from 2026-01-20') }));
        expect(vp013).toHaveLength(1);
        expect(fixOf(vp013[0])?.firstDay).toBe('2026-01-20');
    });

    test('Veilig Thuis holding regie during the huisverbod, then a warm handover, is fine', async () => {
        const { vp013 } = await regieDiagnostics(plan({ body: huisverbod, regie: regie('vt from 2026-01-12 to 2026-02-09', 'wt from 2026-02-09') }));
        expect(vp013).toHaveLength(0);
    });

    test('any organisation of the named kind will do', async () => {
        const { vp013 } = await regieDiagnostics(plan({ body: huisverbod, regie: regie('vt2 from 2026-01-12') }));
        expect(vp013).toHaveLength(0);
    });

    test('a measure type without a regie kind, or an unknown measure type, gives no VP013', async () => {
        const body = '    measure ga gedragsaanwijzing {\n        on mark\n        by om_org\n        from 2026-01-12 for 90 days\n    }\n' +
            '    measure x onbekend_type {\n        on mark\n        by bgm\n        from 2026-01-12 for 10 days\n    }';
        const { vp013 } = await regieDiagnostics(plan({ body, regie: regie('wt from 2026-01-12') }));
        expect(vp013).toHaveLength(0);
    });

    test('days without any regievoerder are VP011, not VP013', async () => {
        const { vp013, vp011 } = await regieDiagnostics(plan({ body: huisverbod, regie: regie('wt from 2026-03-01') }));
        expect(vp011).toHaveLength(1);
        expect(vp013).toHaveLength(0);
    });

    test('each measure gets one diagnostic, naming its own first day', async () => {
        const body = huisverbod + '\n    measure hv2 huisverbod {\n        on mark\n        protects sanne\n        by bgm\n        from 2026-06-01 for 10 days\n    }';
        const { vp013 } = await regieDiagnostics(plan({ body, regie: regie('wt from 2026-01-12') }));
        expect(vp013.map(d => fixOf(d)?.firstDay)).toEqual(['2026-01-12', '2026-06-01']);
    });
});

describe('the spec example and Dutch', () => {
    test('the spec example has no regie diagnostics: regie runs from 2026-01-12 to the plan end', async () => {
        const text = readFileSync(new URL('../fixtures/spec-example.vplan', import.meta.url), 'utf8');
        const { vp010, vp011, vp012, vp013 } = await regieDiagnostics(text);
        expect([...vp010, ...vp011, ...vp012, ...vp013]).toHaveLength(0);
    });

    test('messages are rendered in Dutch', async () => {
        const { vp011, vp012 } = await regieDiagnostics(plan({ regie: regie('vt from 2026-01-12 to 2026-02-09', 'wt from 2026-02-12', 'ggz from 2026-02-12') }), 'nl');
        expect(vp011[0].message).toContain('Niemand heeft de regie vanaf 2026-02-09, 3 dagen lang');
        expect(vp012[0].message).toContain("'ggz' en 'wt' hebben allebei de regie vanaf 2026-02-12");
    });
});
