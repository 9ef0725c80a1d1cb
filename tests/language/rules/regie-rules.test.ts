/**
 * Regie rules (language/rules/regie-rules.ts): VP010 (regie defined), VP011 (no day without a
 * regievoerder), VP012 (one regievoerder at a time) and VP013 (regie follows the measure), with
 * half-open handovers, the quick fixes of VP010–VP013 and VP013's advice followed literally.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp010, vp011, vp012, vp013 } from '../../../language/rules/regie-rules.js';
import { checkText, createTestServices, withCode } from '../../helpers.js';
import { applyFix, checkPlan, exampleCodes, expectFixed, lineOf, quickFixes, replaceOnce } from './rule-test-support.js';

const services = createTestServices();

const ORGS = `organisation vt "Veilig Thuis" kind veiligthuis
organisation vt2 "Veilig Thuis Noord" kind veiligthuis
organisation wt "Wijkteam" kind wijkteam
organisation ggz "GGZ" kind ggz
organisation bgm "Burgemeester" kind burgemeester
organisation om_org "OM" kind om`;

interface Parts { period?: string; regie?: string; body?: string }

/** A small plan in which every member is covered; only the given parts vary, and only regie findings are read of it. */
function minimalPlan(parts: Parts = {}): string {
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

async function regieDiagnostics(text: string, locale?: 'en' | 'nl') {
    const result = await checkText(services, text, { locale });
    return { result, vp010: withCode(result, 'VP010'), vp011: withCode(result, 'VP011'), vp012: withCode(result, 'VP012'), vp013: withCode(result, 'VP013') };
}

/** The example plan (huisverbod from 2026-01-12 to 2026-02-09, plan to 2027-01-12) with these regie entries. */
const withRegie = (...entries: string[]) => examplePlan({ regie: regie(...entries) });

/** A huisverbod on mark in the example plan, from `from` (with its term). */
const huisverbod = (from: string, name = 'hv') =>
    `    measure ${name} huisverbod {\n        on mark\n        protects sanne, noor\n        by burgemeester_dordrecht\n        from ${from}\n    }`;
const ots = (from: string) => `    measure ots_noor ots {\n        on noor\n        by rechtbank_rotterdam\n        from ${from}\n    }`;
/** The example plan with these measures instead of its huisverbod, and these regie entries. */
const withMeasures = (measures: string[], ...entries: string[]) => examplePlan({ measures: measures.join('\n\n'), regie: regie(...entries) });

describe('VP010 regie defined', () => {
    test('a plan without a regie block gets VP010 on the plan name and no other regie check', async () => {
        const text = minimalPlan({ regie: '' });
        const { vp010, vp011, vp012, vp013 } = await regieDiagnostics(text);
        expect(vp010).toHaveLength(1);
        expect(vp010[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp010[0].range.start.line).toBe(lineOf(text, 'plan p "Plan"'));
        expect(vp010[0].message).toBe("Plan 'p' does not say who holds regie (casusregie): one family, one plan, one regievoerder. " +
            'Add a block `regie { <organisation> from 2026-01-12 }` naming the organisation that directs the case.');
        expect([...vp011, ...vp012, ...vp013]).toHaveLength(0);
    });

    test('without regie the checks that need it stay silent: VP010 only, even with a huisverbod', async () => {
        expect((await checkPlan(examplePlan({ regie: '' }))).codes).toEqual(['VP010']);
    });

    test('an empty regie block is VP010 too', async () => {
        const { vp010, vp011 } = await regieDiagnostics(minimalPlan({ regie: '    regie {\n    }' }));
        expect(vp010).toHaveLength(1);
        expect(vp010[0].message).toBe("The regie block of plan 'p' has no entries, so nobody holds regie: add an entry such as `<organisation> from 2026-01-12`.");
        expect(vp011).toHaveLength(0);
        expect((await checkPlan(examplePlan({ regie: '    regie {\n    }' }))).codes).toEqual(['VP010']);
    });

    test('a plan with a regie entry has no VP010', async () => {
        const { vp010 } = await regieDiagnostics(minimalPlan());
        expect(vp010).toHaveLength(0);
    });

    test('a regie block the parser dropped (`regi { ... }`) gives no VP010', async () => {
        const result = await checkPlan(examplePlan({ regie: EXAMPLE_SECTIONS.regie.replace('regie {', 'regi {') }));
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
    });
});

describe('VP010 quick fix: a regie block', () => {
    const plan = examplePlan({ regie: '' });

    test('inserts a regie block from the plan start, held by the kind the huisverbod names (Veilig Thuis)', async () => {
        const { after, actions } = await applyFix(plan, 'VP010', { locale: 'nl' });
        const preferred = actions.filter(a => a.isPreferred);
        expect(preferred).toHaveLength(1);
        expect(preferred[0].title).toBe('Regieblok toevoegen: veiligthuis_zhz vanaf 2026-01-12');
        expect(after).toBe(replaceOnce(plan, '    aftercare {',
            '    regie {\n        veiligthuis_zhz from 2026-01-12 "TODO: casusregie beschrijven"\n    }\n\n    aftercare {'));
        await expectFixed(plan, after, 'VP010');
    });

    test('offers other organisations of the workspace as alternatives (a wijkteam then leaves VP013 for the huisverbod)', async () => {
        const { actions, after } = await applyFix(plan, 'VP010', { locale: 'en', pick: all => all.find(a => a.title.includes('wijkteam_dordrecht')) });
        expect(actions.length).toBeGreaterThan(1);
        expect(actions.every(a => a.title.startsWith('Add a regie block'))).toBe(true);
        expect(after).toContain('    regie {\n        wijkteam_dordrecht from 2026-01-12 "TODO: describe the casusregie"\n    }\n');
        expect((await checkPlan(after)).codes).toEqual(['VP013']);
    });

    test('fills an empty regie block instead of adding another', async () => {
        const empty = examplePlan({ regie: '    regie {\n    }' });
        const { after, actions } = await applyFix(empty, 'VP010', { locale: 'en' });
        expect(actions[0].title).toBe('Add a regie entry: veiligthuis_zhz from 2026-01-12');
        expect(after).toBe(replaceOnce(empty, '    regie {\n    }', '    regie {\n        veiligthuis_zhz from 2026-01-12 "TODO: describe the casusregie"\n    }'));
        await expectFixed(empty, after, 'VP010');
    });

    test('uses a placeholder name when the workspace has no organisation, still without syntax errors', async () => {
        const bare = [
            'plan solo "Plan zonder organisaties" {',
            '    status draft',
            '    period 2026-03-01 for 6 months',
            '    household {',
            '        member eva adult roles victim no-action "Zelf geregeld"',
            '    }',
            '}',
            ''
        ].join('\n');
        const { after } = await applyFix(bare, 'VP010', { locale: 'en', catalogue: '' });
        expect(after).toBe(bare.replace('    }\n}', '    }\n\n    regie {\n        regievoerder from 2026-03-01 "TODO: describe the casusregie"\n    }\n}'));
        // The placeholder names nobody yet (VP081), but the block is there and parses.
        const codes = (await checkPlan(after, { catalogue: '' })).codes;
        expect(codes).not.toContain('VP010');
        expect(codes).not.toContain('VP000');
    });
});

describe('VP011 no day without a regievoerder', () => {
    test('a gap between two entries is reported on the entry before it, with the first day and the length', async () => {
        const text = minimalPlan({ regie: regie('vt from 2026-01-12 to 2026-02-09', 'wt from 2026-02-12') });
        const { vp011, vp012 } = await regieDiagnostics(text);
        expect(vp011).toHaveLength(1);
        expect(vp011[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp011[0].range.start.line).toBe(lineOf(text, 'vt from 2026-01-12 to 2026-02-09'));
        expect(vp011[0].message).toBe("No one holds regie from 2026-02-09 for 3 days (through 2026-02-11), between 'vt' and 'wt'. " +
            "Let the entry of 'vt' run `to 2026-02-12`, or let 'wt' start on 2026-02-09 (a handover on the same day leaves no gap).");
        expect(vp012).toHaveLength(0);
    });

    test('a gap at the start of the plan is reported on the plan period', async () => {
        const text = minimalPlan({ regie: regie('vt from 2026-01-20') });
        const { vp011 } = await regieDiagnostics(text);
        expect(vp011).toHaveLength(1);
        expect(vp011[0].range.start.line).toBe(lineOf(text, 'period 2026-01-12'));
        expect(vp011[0].message).toBe("No one holds regie from the plan start 2026-01-12 for 8 days (through 2026-01-19). " +
            "Let the entry of 'vt' start on 2026-01-12, or add an entry `<organisation> from 2026-01-12 to 2026-01-20`.");
    });

    test('a gap at the end of the plan is reported on the last entry and names the plan end', async () => {
        const text = minimalPlan({ regie: regie('vt from 2026-01-12 to 2026-10-01') });
        const { vp011 } = await regieDiagnostics(text);
        expect(vp011).toHaveLength(1);
        expect(vp011[0].range.start.line).toBe(lineOf(text, 'vt from 2026-01-12 to 2026-10-01'));
        expect(vp011[0].message).toBe("No one holds regie from 2026-10-01 for 103 days, until the plan ends on 2027-01-12: the entry of 'vt' ends on 2026-10-01. " +
            'Let it run `to 2027-01-12` (or drop its end: the last entry then lasts to the plan end), or add an entry `<organisation> from 2026-10-01`.');
    });

    test('every gap gets its own diagnostic, naming its own first day', async () => {
        const { vp011 } = await regieDiagnostics(minimalPlan({ regie: regie('vt from 2026-01-13 to 2026-02-01', 'wt from 2026-02-02 to 2026-12-01') }));
        expect(vp011.map(d => String(d.message).slice(0, String(d.message).indexOf(' for ')))).toEqual([
            'No one holds regie from the plan start 2026-01-12', 'No one holds regie from 2026-02-01', 'No one holds regie from 2026-12-01'
        ]);
    });

    test('a handover on the same day is neither a gap nor an overlap', async () => {
        const { vp011, vp012 } = await regieDiagnostics(minimalPlan({ regie: regie('vt from 2026-01-12 to 2026-02-09', 'wt from 2026-02-09') }));
        expect(vp011).toHaveLength(0);
        expect(vp012).toHaveLength(0);
        expect((await checkPlan(withRegie('veiligthuis_zhz from 2026-01-12 to 2026-02-09', 'wijkteam_dordrecht from 2026-02-09'))).codes).toEqual([]);
    });

    test('`to D` does not cover D itself: `to 2026-02-09` and `from 2026-02-10` leave one day', async () => {
        const result = await checkPlan(withRegie('veiligthuis_zhz from 2026-01-12 to 2026-02-09', 'wijkteam_dordrecht from 2026-02-10'));
        expect(result.codes).toEqual(['VP011']);
        expect(withCode(result, 'VP011')[0].message).toMatch(/^No one holds regie from 2026-02-09 for 1 day \(through 2026-02-09\)/);
    });

    test('an entry without an end lasts until the next later start, in any source order; a list of handovers needs no end dates', async () => {
        const { vp011, vp012 } = await regieDiagnostics(minimalPlan({ regie: regie('wt from 2026-06-01', 'vt from 2026-01-12', 'ggz from 2026-03-01') }));
        expect(vp011).toHaveLength(0);
        expect(vp012).toHaveLength(0);
        expect((await checkPlan(withRegie('veiligthuis_zhz from 2026-01-12', 'zvh_zhz from 2026-03-01', 'wijkteam_dordrecht from 2026-06-01'))).codes).toEqual([]);
        expect((await checkPlan(withRegie('wijkteam_dordrecht from 2026-06-01', 'veiligthuis_zhz from 2026-01-12'))).codes).toEqual([]);
    });

    test('entries of several regie blocks are read together', async () => {
        const { vp011, vp012 } = await regieDiagnostics(minimalPlan({ regie: `${regie('vt from 2026-01-12 to 2026-02-09')}\n${regie('wt from 2026-02-09')}` }));
        expect(vp011).toHaveLength(0);
        expect(vp012).toHaveLength(0);
        const text = examplePlan({ regie: `${regie('veiligthuis_zhz from 2026-01-12 to 2026-03-01')}\n\n${regie('wijkteam_dordrecht from 2026-03-01')}` });
        expect((await checkPlan(text)).codes).toEqual([]);
    });

    test('`for` ends count as half-open periods: 28 days from 2026-01-12 hand over on 2026-02-09', async () => {
        const { vp011, vp012 } = await regieDiagnostics(minimalPlan({ regie: regie('vt from 2026-01-12 for 28 days', 'wt from 2026-02-09') }));
        expect(vp011).toHaveLength(0);
        expect(vp012).toHaveLength(0);
    });

    test('a gap at the end names the first uncovered day and its length (the whole plan)', async () => {
        const result = await checkPlan(withRegie('veiligthuis_zhz from 2026-01-12 to 2026-02-09', 'wijkteam_dordrecht from 2026-02-09 to 2026-12-12'));
        expect(result.codes).toEqual(['VP011']);
        expect(withCode(result, 'VP011')[0].message).toMatch(/^No one holds regie from 2026-12-12 for 31 days, until the plan ends on 2027-01-12/);
    });

    test('an entry with an explicit end followed by nothing leaves a gap even when an earlier entry had no end', async () => {
        const result = await checkPlan(withRegie('veiligthuis_zhz from 2026-01-12', 'wijkteam_dordrecht from 2026-03-01 to 2026-05-01'));
        expect(result.codes).toEqual(['VP011']);
        expect(withCode(result, 'VP011')[0].message).toContain('from 2026-05-01');
    });

    test('an entry before the plan start does not hide a gap inside the plan', async () => {
        const { vp011 } = await regieDiagnostics(minimalPlan({ regie: regie('vt from 2025-12-01 to 2026-01-01', 'wt from 2026-01-15') }));
        expect(vp011).toHaveLength(1);
        expect(vp011[0].message).toMatch(/^No one holds regie from the plan start 2026-01-12 for 3 days \(through 2026-01-14\)/);
    });

    test('regie outside the plan period is not a problem (regie entries are not concerned by VP061)', async () => {
        const result = await checkPlan(withRegie('veiligthuis_zhz from 2025-11-01 to 2026-03-01', 'wijkteam_dordrecht from 2026-03-01 to 2027-06-01'));
        expect(result.codes).toEqual([]);
    });

    test('an entry whose organisation does not resolve still covers its days (VP081, no VP011)', async () => {
        const { result, vp011, vp013 } = await regieDiagnostics(minimalPlan({
            regie: regie('onbekend from 2026-01-12'),
            body: '    measure hv huisverbod {\n        on mark\n        protects sanne\n        by bgm\n        from 2026-01-12 for 10 days\n    }'
        }));
        expect(result.codes).toContain('VP081');
        expect(vp011).toHaveLength(0);
        expect(vp013).toHaveLength(0);
    });

    test('an invalid plan period silences VP011 and VP013', async () => {
        const text = minimalPlan({
            period: 'period 2026-01-12 to 2027-02-30',
            regie: regie('wt from 2026-01-20'),
            body: '    measure hv huisverbod {\n        on mark\n        protects sanne\n        by bgm\n        from 2026-01-20 for 10 days\n    }'
        });
        const { vp011, vp013 } = await regieDiagnostics(text);
        expect(vp011).toHaveLength(0);
        expect(vp013).toHaveLength(0);
    });

    test('a regie entry with an invalid date silences VP011', async () => {
        const { vp011 } = await regieDiagnostics(minimalPlan({ regie: regie('vt from 2026-01-12 to 2026-02-31', 'wt from 2026-03-01') }));
        expect(vp011).toHaveLength(0);
    });
});

describe('VP011 quick fix: close the gap', () => {
    test('a gap between two holders: the first keeps regie until the next starts (Dutch title)', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 to 2026-02-01 "Tijdens huisverbod"', 'wijkteam_dordrecht from 2026-02-09');
        const { after, actions } = await applyFix(plan, 'VP011', { locale: 'nl' });
        expect(actions).toHaveLength(1);
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe('veiligthuis_zhz de regie laten houden tot 2026-02-09');
        expect(after).toBe(replaceOnce(plan, 'to 2026-02-01 "Tijdens', 'to 2026-02-09 "Tijdens'));
        await expectFixed(plan, after, 'VP011');
    });

    test('a gap at the end of the plan: the last holder with a `for` end keeps regie to the plan end', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 to 2026-02-09', 'wijkteam_dordrecht from 2026-02-09 for 6 months');
        const { after, actions } = await applyFix(plan, 'VP011', { locale: 'en' });
        expect(actions[0].title).toBe('Let wijkteam_dordrecht hold regie until 2027-01-12');
        expect(after).toBe(replaceOnce(plan, 'wijkteam_dordrecht from 2026-02-09 for 6 months', 'wijkteam_dordrecht from 2026-02-09 to 2027-01-12'));
        await expectFixed(plan, after, 'VP011');
    });

    test('with two gaps, the fix of the second diagnostic closes the second gap, and both fixes leave nothing behind', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 to 2026-02-01', 'wijkteam_dordrecht from 2026-02-09 to 2026-05-01', 'zvh_zhz from 2026-06-01');
        const first = await applyFix(plan, 'VP011', { locale: 'en' });
        expect(first.after).toBe(replaceOnce(plan, 'from 2026-01-12 to 2026-02-01', 'from 2026-01-12 to 2026-02-09'));
        const second = await applyFix(plan, 'VP011', { locale: 'en', nth: 1 });
        expect(second.after).toBe(replaceOnce(plan, 'from 2026-02-09 to 2026-05-01', 'from 2026-02-09 to 2026-06-01'));
        const both = await applyFix(second.after, 'VP011', { locale: 'en' });
        await expectFixed(plan, both.after, 'VP011');
    });

    test('a gap at the start of the plan: the first holder starts at the plan start', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-20 to 2026-02-09', 'wijkteam_dordrecht from 2026-02-09');
        const { after, actions } = await applyFix(plan, 'VP011', { locale: 'en' });
        expect(actions[0].title).toBe('Let veiligthuis_zhz hold regie from 2026-01-12');
        expect(after).toBe(replaceOnce(plan, 'veiligthuis_zhz from 2026-01-20', 'veiligthuis_zhz from 2026-01-12'));
        await expectFixed(plan, after, 'VP011');
    });

    test('a gap after an entry that starts before the plan', async () => {
        const plan = withRegie('veiligthuis_zhz from 2025-12-01 to 2026-02-01', 'wijkteam_dordrecht from 2026-02-09');
        const { after } = await applyFix(plan, 'VP011', { locale: 'en' });
        expect(after).toBe(replaceOnce(plan, 'from 2025-12-01 to 2026-02-01', 'from 2025-12-01 to 2026-02-09'));
        await expectFixed(plan, after, 'VP011');
    });
});

describe('VP012 one regievoerder at a time', () => {
    test('an overlap is reported on the later entry with both holders and the first shared day', async () => {
        const text = minimalPlan({ regie: regie('vt from 2026-01-12 to 2026-03-01', 'wt from 2026-02-15') });
        const { vp012, vp011 } = await regieDiagnostics(text);
        expect(vp012).toHaveLength(1);
        expect(vp012[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp012[0].range.start.line).toBe(lineOf(text, 'wt from 2026-02-15'));
        expect(vp012[0].message).toBe("'wt' and 'vt' both hold regie from 2026-02-15 (14 days shared, through 2026-02-28); there is one regievoerder at a time. " +
            "Let 'wt' start on 2026-03-01, when 'vt' ends, or end 'vt' `to 2026-02-15` (a handover on the same day is no overlap).");
        expect(vp011).toHaveLength(0);
    });

    test('two entries starting on the same day overlap, and nothing else is reported', async () => {
        const text = minimalPlan({ regie: regie('vt from 2026-01-12', 'wt from 2026-01-12') });
        const { vp012 } = await regieDiagnostics(text);
        expect(vp012).toHaveLength(1);
        expect(vp012[0].range.start.line).toBe(lineOf(text, 'wt from 2026-01-12'));
        expect(vp012[0].message).toBe("'wt' and 'vt' both hold regie from 2026-01-12 (365 days shared, through 2027-01-11); there is one regievoerder at a time. " +
            'Both entries start on 2026-01-12 (entries starting on the same day overlap): remove one, or start this one later.');
        const result = await checkPlan(withRegie('veiligthuis_zhz from 2026-01-12', 'wijkteam_dordrecht from 2026-01-12'));
        expect(result.codes).toContain('VP012');
        expect(result.codes).not.toContain('VP011');
    });

    test('an entry inside a longer one overlaps it', async () => {
        const { vp012 } = await regieDiagnostics(minimalPlan({ regie: regie('vt from 2026-01-12 to 2027-01-12', 'wt from 2026-03-01 to 2026-04-01') }));
        expect(vp012).toHaveLength(1);
        expect(vp012[0].message).toContain('31 days');
    });

    test('an explicit end after the next start overlaps; the message names the first shared day', async () => {
        const result = await checkPlan(withRegie('veiligthuis_zhz from 2026-01-12 to 2026-03-01', 'wijkteam_dordrecht from 2026-02-01'));
        expect(result.codes).toEqual(['VP012']);
        expect(withCode(result, 'VP012')[0].message).toMatch(/both hold regie from 2026-02-01 /);
    });

    test('consecutive entries without ends never overlap', async () => {
        const { vp012 } = await regieDiagnostics(minimalPlan({ regie: regie('vt from 2026-01-12', 'wt from 2026-02-09', 'ggz from 2026-05-01') }));
        expect(vp012).toHaveLength(0);
    });
});

describe('VP012 quick fix: end the earlier period', () => {
    test('the earlier period ends where the later begins (Dutch title)', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 to 2026-03-01 "Tijdens huisverbod"', 'wijkteam_dordrecht from 2026-02-09');
        const { after, actions } = await applyFix(plan, 'VP012', { locale: 'nl' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe('Regie van veiligthuis_zhz laten eindigen op 2026-02-09, als de volgende begint');
        expect(after).toBe(replaceOnce(plan, 'to 2026-03-01 "Tijdens', 'to 2026-02-09 "Tijdens'));
        await expectFixed(plan, after, 'VP012');
    });

    test('an overlap given with `for` is ended with `to` (English title)', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12 for 2 months', 'wijkteam_dordrecht from 2026-02-09');
        const { after, actions } = await applyFix(plan, 'VP012', { locale: 'en' });
        expect(actions[0].title).toBe("End veiligthuis_zhz's regie on 2026-02-09, when the next holder starts");
        expect(after).toBe(replaceOnce(plan, 'veiligthuis_zhz from 2026-01-12 for 2 months', 'veiligthuis_zhz from 2026-01-12 to 2026-02-09'));
        await expectFixed(plan, after, 'VP012');
    });

    test('an earlier entry without an end gets one', async () => {
        const plan = withRegie('veiligthuis_zhz from 2026-01-12', 'zvh_zhz from 2026-03-01 to 2026-05-01', 'wijkteam_dordrecht from 2026-04-01');
        const { after } = await applyFix(plan, 'VP012', { locale: 'en' });
        expect(after).toBe(replaceOnce(plan, 'zvh_zhz from 2026-03-01 to 2026-05-01', 'zvh_zhz from 2026-03-01 to 2026-04-01'));
        await expectFixed(plan, after, 'VP012');
    });

    test('two entries starting on the same day get no fix (which one goes is the author\'s call)', async () => {
        const { actions } = await quickFixes(withRegie('veiligthuis_zhz from 2026-01-12', 'wijkteam_dordrecht from 2026-01-12'), 'VP012');
        expect(actions).toEqual([]);
    });
});

describe('VP013 regie follows the measure', () => {
    const hvBody = '    measure hv huisverbod {\n        on mark\n        protects sanne\n        by bgm\n        from 2026-01-12 for 10 days\n        extend for 18 days\n    }';

    test('a huisverbod while the wijkteam holds regie warns once, on the measure, naming the first day', async () => {
        const text = minimalPlan({ body: hvBody, regie: regie('wt from 2026-01-12') });
        const { vp013 } = await regieDiagnostics(text);
        expect(vp013).toHaveLength(1);
        expect(vp013[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(vp013[0].range.start.line).toBe(lineOf(text, 'measure hv huisverbod'));
        expect(vp013[0].message).toBe("While measure 'hv' (huisverbod) runs, regie normally lies with an organisation of kind veiligthuis, " +
            "but on 2026-01-12 it is held by 'wt' (wijkteam). " +
            'Hand regie over while the measure runs, from 2026-01-12 through 2026-02-08: ' +
            "let an organisation of kind veiligthuis, such as 'vt', hold regie on those days (`vt from 2026-01-12 to 2026-02-09`) and let 'wt' start on 2026-02-09 (`wt from 2026-02-09`).");
        const nl = await regieDiagnostics(text, 'nl');
        expect(nl.vp013[0].message).toBe("Zolang maatregel 'hv' (huisverbod) loopt, ligt de regie normaal bij een organisatie van soort veiligthuis, " +
            "maar op 2026-01-12 heeft 'wt' (wijkteam) de regie. " +
            'Draag de regie over zolang de maatregel loopt, van 2026-01-12 tot en met 2026-02-08: ' +
            "laat een organisatie van soort veiligthuis, zoals 'vt', op die dagen de regie voeren (`vt from 2026-01-12 to 2026-02-09`) en laat 'wt' beginnen op 2026-02-09 (`wt from 2026-02-09`).");
    });

    test('the first such day can lie inside the measure', async () => {
        const { vp013 } = await regieDiagnostics(minimalPlan({ body: hvBody, regie: regie('vt from 2026-01-12 to 2026-01-20', 'wt from 2026-01-20') }));
        expect(vp013).toHaveLength(1);
        expect(vp013[0].message).toContain('but on 2026-01-20 it is held by');
    });

    test('Veilig Thuis holding regie during the huisverbod, then a warm handover, is fine', async () => {
        const { vp013 } = await regieDiagnostics(minimalPlan({ body: hvBody, regie: regie('vt from 2026-01-12 to 2026-02-09', 'wt from 2026-02-09') }));
        expect(vp013).toHaveLength(0);
    });

    test('any organisation of the named kind will do', async () => {
        const { vp013 } = await regieDiagnostics(minimalPlan({ body: hvBody, regie: regie('vt2 from 2026-01-12') }));
        expect(vp013).toHaveLength(0);
    });

    test('a measure type without a regie kind, or an unknown measure type, gives no VP013', async () => {
        const body = '    measure ga gedragsaanwijzing {\n        on mark\n        by om_org\n        from 2026-01-12 for 90 days\n    }\n' +
            '    measure x onbekend_type {\n        on mark\n        by bgm\n        from 2026-01-12 for 10 days\n    }';
        const { vp013 } = await regieDiagnostics(minimalPlan({ body, regie: regie('wt from 2026-01-12') }));
        expect(vp013).toHaveLength(0);
    });

    test('days without any regievoerder are VP011, not VP013', async () => {
        const { vp013, vp011 } = await regieDiagnostics(minimalPlan({ body: hvBody, regie: regie('wt from 2026-03-01') }));
        expect(vp011).toHaveLength(1);
        expect(vp013).toHaveLength(0);
        const result = await checkPlan(withMeasures([huisverbod('2026-01-20 for 10 days')], 'wijkteam_dordrecht from 2026-01-12 to 2026-01-20', 'wijkteam_dordrecht from 2026-01-30'));
        expect(result.codes).toEqual(['VP011']);
    });

    test('each measure gets one diagnostic, naming its own first day', async () => {
        const body = hvBody + '\n    measure hv2 huisverbod {\n        on mark\n        protects sanne\n        by bgm\n        from 2026-06-01 for 10 days\n    }';
        const { vp013 } = await regieDiagnostics(minimalPlan({ body, regie: regie('wt from 2026-01-12') }));
        expect(vp013.map(d => String(d.message).match(/but on (\S+)/)?.[1])).toEqual(['2026-01-12', '2026-06-01']);
    });

    test('one diagnostic per measure, even when regie changes hands several times', async () => {
        const result = await checkPlan(withMeasures([huisverbod('2026-01-20 for 10 days')],
            'wijkteam_dordrecht from 2026-01-12 to 2026-01-22', 'veiligthuis_zhz from 2026-01-22 to 2026-01-24', 'wijkteam_dordrecht from 2026-01-24'));
        expect(withCode(result, 'VP013')).toHaveLength(1);
    });

    test('a huisverbod while a wijkteam holds regie is VP013 on the measure, and nothing else', async () => {
        const text = withMeasures([huisverbod('2026-01-20')], 'wijkteam_dordrecht from 2026-01-12');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP013']);
        const [d] = withCode(result, 'VP013');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'measure hv'));
        expect(d.message).toContain('on 2026-01-20');
    });

    test('Veilig Thuis holding regie for the whole (half-open) huisverbod satisfies it', async () => {
        const result = await checkPlan(withMeasures([huisverbod('2026-01-20 for 10 days')],
            'wijkteam_dordrecht from 2026-01-12 to 2026-01-20', 'veiligthuis_zhz from 2026-01-20 to 2026-01-30', 'wijkteam_dordrecht from 2026-01-30'));
        expect(result.codes).toEqual([]);
    });

    test('a handover one day early names that day', async () => {
        const result = await checkPlan(withMeasures([huisverbod('2026-01-20 for 10 days')], 'veiligthuis_zhz from 2026-01-12 to 2026-01-29', 'wijkteam_dordrecht from 2026-01-29'));
        expect(result.codes).toEqual(['VP013']);
        expect(withCode(result, 'VP013')[0].message).toContain('on 2026-01-29');
    });

    test('the default end of a huisverbod (its initial 10 days) and its extensions count', async () => {
        const result = await checkPlan(withMeasures([huisverbod('2026-01-20\n        extend for 18 days')], 'veiligthuis_zhz from 2026-01-12 to 2026-01-30', 'wijkteam_dordrecht from 2026-01-30'));
        expect(result.codes).toEqual(['VP013']);
        expect(withCode(result, 'VP013')[0].message).toContain('on 2026-01-30');
    });

    test('with two measures running the same day, a regievoerder of the kind of either satisfies both', async () => {
        const result = await checkPlan(withMeasures([huisverbod('2026-01-20 for 10 days'), ots('2026-01-20 for 1 year')],
            'veiligthuis_zhz from 2026-01-12 to 2026-01-30', 'gi_zhz from 2026-01-30'));
        expect(result.codes).toEqual([]);
    });

    test('once the other measure ends, its kind no longer satisfies the one still running', async () => {
        const text = withMeasures([huisverbod('2026-01-20 for 10 days'), ots('2026-01-20 for 6 months')], 'veiligthuis_zhz from 2026-01-12');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP013']);
        expect(withCode(result, 'VP013')[0].range.start.line).toBe(lineOf(text, 'measure ots_noor'));
        expect(withCode(result, 'VP013')[0].message).toContain('on 2026-01-30');
    });

    test('only days inside the plan period count', async () => {
        // the OTS runs past the plan end (2027-01-12), where nobody holds regie by definition
        const result = await checkPlan(withMeasures([EXAMPLE_SECTIONS.measures, ots('2026-12-12 for 1 year')],
            'veiligthuis_zhz from 2026-01-12 to 2026-12-12', 'gi_zhz from 2026-12-12'));
        expect(result.codes).toEqual([]);
    });

    test('days before the plan start do not count either', async () => {
        const result = await checkPlan(withMeasures([huisverbod('2025-12-31 for 10 days')], 'wijkteam_dordrecht from 2026-01-12'));
        expect(result.codes).toEqual(['VP061']);
    });

    test('a measure that starts before the plan: the first such day is the plan start', async () => {
        const result = await checkPlan(withMeasures([huisverbod('2026-01-08 for 10 days')], 'wijkteam_dordrecht from 2026-01-12'));
        // (VP061 for the start before the plan changes in version 2: not asserted here)
        expect(withCode(result, 'VP013')).toHaveLength(1);
        expect(withCode(result, 'VP013')[0].message).toContain('on 2026-01-12');
    });

    test('a measure whose type names no regie kind is not concerned', async () => {
        const text = withMeasures(['    measure gv gedragsaanwijzing {\n        on mark\n        by om_zhz\n        from 2026-02-01 for 30 days\n    }'], 'wijkteam_dordrecht from 2026-01-12');
        expect((await checkPlan(text, { others: ['organisation om_zhz "Openbaar Ministerie" kind om'] })).codes).toEqual([]);
    });
});

describe('VP013: advice followed literally, and the quick fix that follows it', () => {
    /** The regie entries of a text, as written. */
    const entriesOf = (text: string) => text.slice(text.indexOf('    regie {'), text.indexOf('    aftercare')).split('\n').slice(1, -3).map(line => line.trim());

    /**
     * The message's advice applied by hand gives `literal`, which has no VP011, VP012 or VP013; the
     * quick fix gives exactly that text, and nothing else changes.
     */
    async function followed(text: string, advice: string, literal: string, fixTitle: string) {
        const before = await checkPlan(text);
        const [d] = withCode(before, 'VP013');
        expect(d.message).toContain(advice);
        const after = await checkPlan(literal);
        expect(after.codes.filter(c => ['VP011', 'VP012', 'VP013'].includes(c))).toEqual([]);
        const fixed = await applyFix(text, 'VP013', { locale: 'en' });
        expect(fixed.actions.map(a => a.title)).toEqual([fixTitle]);
        expect(fixed.actions[0].isPreferred).toBe(true);
        expect(entriesOf(literal).length).toBeGreaterThan(1);
        expect(entriesOf(fixed.after)).toEqual(entriesOf(literal));
        await expectFixed(text, fixed.after, 'VP013');
    }

    test('a holder from the first day of the measure starts when it ends; an organisation of the kind holds regie before', async () => {
        await followed(
            withMeasures([huisverbod('2026-01-12 for 10 days')], 'wijkteam_dordrecht from 2026-01-12'),
            'Hand regie over while the measure runs, from 2026-01-12 through 2026-01-21: let an organisation of kind veiligthuis, such as ' +
            "'veiligthuis_zhz', hold regie on those days (`veiligthuis_zhz from 2026-01-12 to 2026-01-22`) and let 'wijkteam_dordrecht' start on 2026-01-22 " +
            '(`wijkteam_dordrecht from 2026-01-22`).',
            withMeasures([huisverbod('2026-01-12 for 10 days')], 'veiligthuis_zhz from 2026-01-12 to 2026-01-22', 'wijkteam_dordrecht from 2026-01-22'),
            'Let veiligthuis_zhz hold regie from 2026-01-12 through 2026-01-21, while the measure runs');
    });

    test('a holder since before the measure ends on its first day and takes regie back when it ends', async () => {
        await followed(
            withMeasures([huisverbod('2026-01-20 for 10 days')], 'wijkteam_dordrecht from 2026-01-12'),
            "end the entry of 'wijkteam_dordrecht' `to 2026-01-20`, let an organisation of kind veiligthuis, such as 'veiligthuis_zhz', hold regie on those days " +
            "(`veiligthuis_zhz from 2026-01-20 to 2026-01-30`) and let 'wijkteam_dordrecht' take regie back on 2026-01-30 (`wijkteam_dordrecht from 2026-01-30`).",
            withMeasures([huisverbod('2026-01-20 for 10 days')],
                'wijkteam_dordrecht from 2026-01-12 to 2026-01-20', 'veiligthuis_zhz from 2026-01-20 to 2026-01-30', 'wijkteam_dordrecht from 2026-01-30'),
            'Let veiligthuis_zhz hold regie from 2026-01-20 through 2026-01-29, while the measure runs');
    });

    test('a handover to Veilig Thuis that comes too late is moved forward', async () => {
        await followed(
            withMeasures([huisverbod('2026-01-20 for 10 days')],
                'wijkteam_dordrecht from 2026-01-12 to 2026-01-25', 'veiligthuis_zhz from 2026-01-25 to 2026-01-30', 'wijkteam_dordrecht from 2026-01-30'),
            "end the entry of 'wijkteam_dordrecht' `to 2026-01-20` and let 'veiligthuis_zhz' start on 2026-01-20 (`veiligthuis_zhz from 2026-01-20 to 2026-01-30`).",
            withMeasures([huisverbod('2026-01-20 for 10 days')],
                'wijkteam_dordrecht from 2026-01-12 to 2026-01-20', 'veiligthuis_zhz from 2026-01-20 to 2026-01-30', 'wijkteam_dordrecht from 2026-01-30'),
            'Let veiligthuis_zhz hold regie from 2026-01-20 through 2026-01-29, while the measure runs');
    });

    test('an entry inside those days goes; one that runs on starts later and keeps its end (a `for` end becomes a `to` end) and its note', async () => {
        await followed(
            withMeasures([huisverbod('2026-01-20 for 10 days')],
                'wijkteam_dordrecht from 2026-01-12 to 2026-01-22', 'ggz_zhz from 2026-01-22 to 2026-01-24', 'wijkteam_dordrecht from 2026-01-24 for 6 months "Nazorg"',
                'ggz_zhz from 2026-07-24'),
            "remove the entry of 'ggz_zhz' from 2026-01-22 and let 'wijkteam_dordrecht' start on 2026-01-30 (`wijkteam_dordrecht from 2026-01-30 to 2026-07-24`).",
            withMeasures([huisverbod('2026-01-20 for 10 days')],
                'wijkteam_dordrecht from 2026-01-12 to 2026-01-20', 'veiligthuis_zhz from 2026-01-20 to 2026-01-30',
                'wijkteam_dordrecht from 2026-01-30 to 2026-07-24 "Nazorg"', 'ggz_zhz from 2026-07-24'),
            'Let veiligthuis_zhz hold regie from 2026-01-20 through 2026-01-29, while the measure runs');
    });

    test('a holder with a written end past the measure takes regie back up to that end; its note stays on the first part', async () => {
        await followed(
            withMeasures([huisverbod('2026-01-20 for 10 days')], 'wijkteam_dordrecht from 2026-01-12 for 3 months "Casusregie"', 'zvh_zhz from 2026-04-12'),
            "let 'wijkteam_dordrecht' take regie back on 2026-01-30 (`wijkteam_dordrecht from 2026-01-30 to 2026-04-12`).",
            withMeasures([huisverbod('2026-01-20 for 10 days')],
                'wijkteam_dordrecht from 2026-01-12 to 2026-01-20 "Casusregie"', 'veiligthuis_zhz from 2026-01-20 to 2026-01-30',
                'wijkteam_dordrecht from 2026-01-30 to 2026-04-12', 'zvh_zhz from 2026-04-12'),
            'Let veiligthuis_zhz hold regie from 2026-01-20 through 2026-01-29, while the measure runs');
    });

    test('an entry that held regie exactly from the measure\'s first day, inside those days, is replaced; several inside go', async () => {
        await followed(
            withMeasures([huisverbod('2026-01-12 for 10 days')],
                'wijkteam_dordrecht from 2026-01-12 to 2026-01-15', 'ggz_zhz from 2026-01-15 to 2026-01-18', 'wijkteam_dordrecht from 2026-01-18'),
            "let an organisation of kind veiligthuis, such as 'veiligthuis_zhz', hold regie on those days (`veiligthuis_zhz from 2026-01-12 to 2026-01-22`), " +
            "remove the entries of 'wijkteam_dordrecht' from 2026-01-12 and 'ggz_zhz' from 2026-01-15 and let 'wijkteam_dordrecht' start on 2026-01-22 " +
            '(`wijkteam_dordrecht from 2026-01-22`).',
            withMeasures([huisverbod('2026-01-12 for 10 days')], 'veiligthuis_zhz from 2026-01-12 to 2026-01-22', 'wijkteam_dordrecht from 2026-01-22'),
            'Let veiligthuis_zhz hold regie from 2026-01-12 through 2026-01-21, while the measure runs');
    });

    test('the Dutch message gives the same handover', async () => {
        const [d] = withCode(await checkPlan(withMeasures([huisverbod('2026-01-20 for 10 days')], 'wijkteam_dordrecht from 2026-01-12'), { locale: 'nl' }), 'VP013');
        expect(d.message).toContain('Draag de regie over zolang de maatregel loopt, van 2026-01-20 tot en met 2026-01-29: ' +
            "laat de regel van 'wijkteam_dordrecht' eindigen `to 2026-01-20`, laat een organisatie van soort veiligthuis, zoals 'veiligthuis_zhz', " +
            "op die dagen de regie voeren (`veiligthuis_zhz from 2026-01-20 to 2026-01-30`) en laat 'wijkteam_dordrecht' de regie terugnemen op 2026-01-30 " +
            '(`wijkteam_dordrecht from 2026-01-30`).');
    });

    test('an organisation of the kind that the plan does not name is left out of the message; the fix names one of the workspace', async () => {
        // The plan names Veilig Thuis nowhere: the agreement is checked by the wijkteam, the meeting is without VT.
        const text = examplePlan({
            measures: huisverbod('2026-01-12 for 10 days'),
            agreements: EXAMPLE_SECTIONS.agreements.replace('checked by veiligthuis_zhz', 'checked by wijkteam_dordrecht'),
            meetings: EXAMPLE_SECTIONS.meetings.replace('veiligthuis_zhz, ', ''),
            regie: regie('wijkteam_dordrecht from 2026-01-12')
        });
        const [d] = withCode(await checkPlan(text), 'VP013');
        expect(d.message).toContain('let an organisation of kind veiligthuis hold regie on those days (`<veiligthuis> from 2026-01-12 to 2026-01-22`)');
        const { after, actions } = await applyFix(text, 'VP013', { locale: 'en' });
        expect(actions[0].title).toBe('Let veiligthuis_zhz hold regie from 2026-01-12 through 2026-01-21, while the measure runs');
        await expectFixed(text, after, 'VP013');
        // Without any organisation of that kind in the workspace, there is nothing to name: no fix.
        const noVeiligThuis = 'organisation wijkteam_dordrecht "Sociaal wijkteam Dordrecht" kind wijkteam\n' +
            'organisation zvh_zhz "Zorg- en Veiligheidshuis ZHZ" kind zvh\norganisation ggz_zhz "GGZ" kind ggz\n' +
            'organisation politie_zhz "Politie" kind politie\norganisation burgemeester_dordrecht "Burgemeester" kind burgemeester\n';
        expect((await quickFixes(text, 'VP013', { catalogue: noVeiligThuis })).actions).toEqual([]);
    });

    test('no fix while regie entries overlap (VP012): which one holds regie is the author\'s call', async () => {
        const text = withMeasures([huisverbod('2026-01-20 for 10 days')], 'wijkteam_dordrecht from 2026-01-12 to 2026-03-01', 'ggz_zhz from 2026-02-01');
        const result = await checkPlan(text);
        expect(withCode(result, 'VP012')).toHaveLength(1);
        expect((await quickFixes(text, 'VP013')).actions).toEqual([]);
    });
});

describe('the spec example and Dutch', () => {
    test('the spec example has no regie diagnostics: regie runs from 2026-01-12 to the plan end', async () => {
        const text = readFileSync(new URL('../../fixtures/spec-example.vplan', import.meta.url), 'utf8');
        const { vp010, vp011, vp012, vp013 } = await regieDiagnostics(text);
        expect([...vp010, ...vp011, ...vp012, ...vp013]).toHaveLength(0);
    });

    test('messages are rendered in Dutch', async () => {
        const { vp011, vp012 } = await regieDiagnostics(minimalPlan({ regie: regie('vt from 2026-01-12 to 2026-02-09', 'wt from 2026-02-12', 'ggz from 2026-02-12') }), 'nl');
        expect(vp011[0].message).toBe("Niemand heeft de regie vanaf 2026-02-09, 3 dagen lang (tot en met 2026-02-11), tussen 'vt' en 'wt'. " +
            "Laat de regel van 'vt' doorlopen `to 2026-02-12`, of laat 'wt' op 2026-02-09 beginnen (een overdracht op dezelfde dag laat geen gat).");
        expect(vp012[0].message).toContain("'ggz' en 'wt' hebben allebei de regie vanaf 2026-02-12");
        const empty = await regieDiagnostics(minimalPlan({ regie: '' }), 'nl');
        expect(empty.vp010[0].message).toBe("Plan 'p' legt niet vast wie de casusregie heeft: één gezin, één plan, één regievoerder. " +
            'Voeg een blok `regie { <organisatie> from 2026-01-12 }` toe met de organisatie die de regie voert.');
    });
});

describe('documentation examples', () => {
    test.each([vp010, vp011, vp012, vp013])('the example of $code gives that rule and nothing else', async rule => {
        const codes = await exampleCodes(rule);
        expect(codes.length).toBeGreaterThan(0);
        expect(new Set(codes)).toEqual(new Set([rule.code]));
    });
});
