/**
 * Care (language/rules/care-rules.ts): VP040 every dynamic risk addressed and VP041 voluntary help
 * for a perpetrator plans for drop-out, with their cascades, the quick fix of VP041 and the
 * documentation examples.
 */

import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp040, vp041 } from '../../../language/rules/care-rules.js';
import { applyFix, checkPlan, exampleCodes, expectFixed, lineOf, replaceOnce, withCode } from './rule-test-support.js';

const risk = (name: string, nature: string, ...more: string[]) =>
    `    risk ${name} "${name}" {\n        severity medium\n        nature ${nature}\n        domain addiction\n${[...more, 'affects mark'].map(item => `        ${item}`).join('\n')}\n    }`;
const withExtraRisk = (block: string) => examplePlan({ risks: `${EXAMPLE_SECTIONS.risks}\n\n${block}` });

/** The example's daderhulp (voluntary help for the perpetrator mark once `framework drang` goes) with these items. */
const daderhulp = (...items: string[]) => `    intervention daderhulp "Daderhulp huiselijk geweld" {\n${['for mark', 'by ggz_zhz', 'from 2026-01-20 for 12 months', ...items, 'addresses partnergeweld']
    .map(item => `        ${item}`).join('\n')}\n    }`;
const STEUN = EXAMPLE_SECTIONS.interventions.slice(EXAMPLE_SECTIONS.interventions.indexOf('    intervention steun'));
const withDaderhulp = (...items: string[]) => examplePlan({ interventions: `${daderhulp(...items)}\n\n${STEUN}` });

describe('the example plan', () => {
    test('is clean, also when its daderhulp is written out here', async () => {
        expect((await checkPlan(examplePlan())).codes).toEqual([]);
        expect((await checkPlan(withDaderhulp('framework drang'))).codes).toEqual([]);
    });
});

describe('VP040 risk addressed', () => {
    test('a dynamic risk that no intervention addresses is VP040 on the risk and nothing else', async () => {
        const text = withExtraRisk(risk('verslaving', 'dynamic'));
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP040']);
        const [d] = withCode(result, 'VP040');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'risk verslaving'));
        expect(d.message).toContain("Risk 'verslaving' is dynamic");
        expect(d.message).toContain('addresses verslaving');
    });

    test('a static risk need not be addressed; an addressed dynamic risk is fine', async () => {
        expect((await checkPlan(withExtraRisk(risk('verleden', 'static')))).codes).toEqual([]);
        expect((await checkPlan(examplePlan())).codes).toEqual([]);
    });

    test('one intervention may address several risks', async () => {
        const text = examplePlan({
            risks: `${EXAMPLE_SECTIONS.risks}\n\n${risk('verslaving', 'dynamic')}`,
            interventions: EXAMPLE_SECTIONS.interventions.replace('        addresses partnergeweld\n', '        addresses partnergeweld, verslaving\n')
        });
        expect((await checkPlan(text)).codes).toEqual([]);
    });

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await checkPlan(withExtraRisk(risk('verslaving', 'dynamic')), { locale: 'nl' }), 'VP040');
        expect(d.message).toContain('geen enkele interventie pakt het aan');
    });

    test('cascade: an `addresses` lost to a syntax error inside an intervention gives no VP040', async () => {
        const result = await checkPlan(examplePlan({ interventions: EXAMPLE_SECTIONS.interventions.replaceAll('addresses partnergeweld', 'adresses partnergeweld') }));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP040');
    });

    test('cascade: an intervention block the parser dropped gives no VP040', async () => {
        const interventions = EXAMPLE_SECTIONS.interventions.replace('        addresses partnergeweld\n    }\n\n    intervention steun', '    }\n\n    intervention steun')
            .replace('intervention steun', 'interventie steun');
        const result = await checkPlan(examplePlan({ interventions }));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP040');
    });

    test('cascade: a syntax error elsewhere does not hide a VP040', async () => {
        const result = await checkPlan(examplePlan({
            risks: `${EXAMPLE_SECTIONS.risks}\n\n${risk('verslaving', 'dynamic')}`,
            household: EXAMPLE_SECTIONS.household.replace('roles victim, parent', 'roles victim,, parent')
        }));
        expect(result.codes).toContain('VP000');
        expect(result.codes).toContain('VP040');
    });

    test('the docs example gives VP040 only', async () => {
        expect(await exampleCodes(vp040)).toEqual(['VP040']);
    });
});

describe('VP041 plan for drop-out', () => {
    test('voluntary help (the default) for a perpetrator without a fallback is VP041 on the intervention\'s name', async () => {
        const text = withDaderhulp();
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP041']);
        const [d] = withCode(result, 'VP041');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'intervention daderhulp'));
        expect(d.range.end.character - d.range.start.character).toBe('daderhulp'.length);
        expect(d.message).toContain("Intervention 'daderhulp' is voluntary help for perpetrator 'mark'");
        expect(d.message).toContain('fallback');
    });

    test('an explicit `framework voluntary` is the same', async () => {
        expect((await checkPlan(withDaderhulp('framework voluntary'))).codes).toEqual(['VP041']);
    });

    test('a fallback satisfies it; drang and dwang interventions are not concerned', async () => {
        expect((await checkPlan(withDaderhulp('fallback "Terugmelding aan OM"'))).codes).toEqual([]);
        expect((await checkPlan(withDaderhulp('framework drang'))).codes).toEqual([]);
        expect((await checkPlan(withDaderhulp('framework dwang'))).codes).toEqual([]);
    });

    test('voluntary help for a victim only is not concerned', async () => {
        const steun = replaceOnce(EXAMPLE_SECTIONS.interventions, '        for sanne, noor\n', '        for sanne, noor\n        framework voluntary\n');
        expect((await checkPlan(examplePlan({ interventions: steun }))).codes).toEqual([]);
    });

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await checkPlan(withDaderhulp(), { locale: 'nl' }), 'VP041');
        expect(d.message).toContain('vrijwillige hulp voor pleger');
    });

    test.each([
        ['fallback', 'fallbak "Terugmelding aan OM"'],
        ['framework', 'framwork drang']
    ])('cascade: a misspelt %s is a syntax error, not a missing fallback', async (_label, typo) => {
        const result = await checkPlan(withDaderhulp(typo));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP041');
    });

    test('fix: a fallback line to fill in, at the end of the intervention (Dutch)', async () => {
        const text = withDaderhulp();
        const { after, actions } = await applyFix(text, 'VP041', { locale: 'nl' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe("Afspraak bij uitval toevoegen aan 'daderhulp'");
        expect(after).toBe(replaceOnce(text, '        addresses partnergeweld\n    }\n\n    intervention steun',
            '        addresses partnergeweld\n        fallback "TODO: afspraak bij uitval vastleggen"\n    }\n\n    intervention steun'));
        await expectFixed(text, after, 'VP041');
    });

    test('fix: in English', async () => {
        const text = withDaderhulp();
        const { after, actions } = await applyFix(text, 'VP041', { locale: 'en' });
        expect(actions[0].title).toBe("Add a fallback for drop-out to 'daderhulp'");
        expect(after).toContain('        fallback "TODO: what happens on drop-out"\n    }');
        await expectFixed(text, after, 'VP041');
    });

    test('the docs example gives VP041 only', async () => {
        expect(await exampleCodes(vp041)).toEqual(['VP041']);
    });
});
