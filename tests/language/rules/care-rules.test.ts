/**
 * Care (language/rules/care-rules.ts): VP040 every dynamic risk addressed, VP041 voluntary help for
 * a perpetrator plans for drop-out, VP042 a drop-out is followed up and VP043 severe risks get
 * lasting help, with their boundaries, cascades, quick fixes (applied and checked again) and the
 * documentation examples.
 */

import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp040, vp041, vp042, vp043 } from '../../../language/rules/care-rules.js';
import { formatText } from '../../../language/lsp/vplan-formatter.js';
import { checkWithConfig } from '../conformance/conformance-support.js';
import { createTestServices } from '../../helpers.js';
import { applyFix, checkPlan, exampleCodes, expectFixed, lineOf, quickFixes, replaceOnce, withCode } from './rule-test-support.js';

const services = createTestServices();

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

    test('an empty or blank fallback does not count: VP041 on the fallback, saying it is empty', async () => {
        for (const fallback of ['fallback ""', 'fallback "   "']) {
            const text = withDaderhulp(fallback);
            const result = await checkPlan(text);
            expect(result.codes).toEqual(['VP041']);
            const [d] = withCode(result, 'VP041');
            expect(d.range.start.line).toBe(lineOf(text, 'fallback "'));
            expect(d.message).toContain("its `fallback` is empty");
        }
        const [nl] = withCode(await checkPlan(withDaderhulp('fallback ""'), { locale: 'nl' }), 'VP041');
        expect(nl.message).toContain('de `fallback` is leeg');
    });

    test('the advice works when followed literally: a fallback that says something, or framework drang', async () => {
        expect((await checkPlan(withDaderhulp('fallback "..."'))).codes).toEqual([]);
        expect((await checkPlan(withDaderhulp('framework drang'))).codes).toEqual([]);
    });

    test('fix: an empty fallback line to fill in, at the end of the intervention (Dutch); it does not silence the rule', async () => {
        const text = withDaderhulp();
        const { after, actions } = await applyFix(text, 'VP041', { locale: 'nl' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe("Lege afspraak bij uitval toevoegen aan 'daderhulp', om in te vullen");
        expect(after).toBe(replaceOnce(text, '        addresses partnergeweld\n    }\n\n    intervention steun',
            '        addresses partnergeweld\n        fallback ""\n    }\n\n    intervention steun'));
        // The author still has to write what happens on drop-out: the rule now says the fallback is empty.
        const result = await checkPlan(after);
        expect(result.codes).toEqual(['VP041']);
        expect(withCode(result, 'VP041')[0].message).toContain('is empty');
        expect(await formatText(services.Vplan, after)).toBe(after);
    });

    test('fix: in English; an empty fallback gets no fix (the author fills it in)', async () => {
        const text = withDaderhulp();
        const { after, actions } = await applyFix(text, 'VP041', { locale: 'en' });
        expect(actions[0].title).toBe("Add an empty fallback for drop-out to 'daderhulp', to fill in");
        expect(after).toContain('        fallback ""\n    }');
        expect((await quickFixes(after, 'VP041')).actions).toEqual([]);
    });

    test('the docs example gives VP041 only', async () => {
        expect(await exampleCodes(vp041)).toEqual(['VP041']);
    });
});

/** An intervention block with these items. */
const intervention = (name: string, ...items: string[]) => `    intervention ${name} "${name}" {\n${items.map(item => `        ${item}`).join('\n')}\n    }`;
/** The example's interventions with steun helping Noor only, Sanne's own help (with these extra items) and more interventions. */
const STEUN_NOOR = replaceOnce(EXAMPLE_SECTIONS.interventions, 'for sanne, noor', 'for noor');
const steunSanne = (...items: string[]) => intervention('steun_sanne', 'for sanne', 'by wijkteam_dordrecht', 'from 2026-02-09 for 6 months', ...items);
const withSanneDropOut = (ended = 'ended 2026-04-20 dropout', ...more: string[]) => examplePlan({ interventions: [STEUN_NOOR, steunSanne(ended), ...more].join('\n\n') });
const followUpForSanne = (span: string, ...items: string[]) => intervention('traject_sanne', 'for sanne', 'by ggz_zhz', span, ...items);

/** Mark drops out of voluntary daderhulp on 2026-04-20; `more` follows (a voluntary follow-up keeps him covered, VP004). */
const withMarkDropOut = (framework: string, ...more: string[]) => examplePlan({
    interventions: [daderhulp(framework, 'fallback "Terugmelding aan OM"', 'ended 2026-04-20 dropout'), STEUN, ...more].join('\n\n')
});
const VOLUNTARY_FOR_MARK = intervention('agressie', 'for mark', 'by ggz_zhz', 'from 2026-04-25 for 9 months', 'fallback "Melding aan Veilig Thuis"');
const WITH_OM = `${EXAMPLE_CATALOGUE}organisation om_zhz "Openbaar Ministerie ZHZ" kind om\n`;

describe('VP042 drop-out followed up', () => {
    test('a drop-out after which nothing follows is VP042 on the `ended` item, naming the window (agreements do not count)', async () => {
        const text = withSanneDropOut();
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP042']);
        const [d] = withCode(result, 'VP042');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'ended 2026-04-20 dropout'));
        expect(text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)).toBe('ended 2026-04-20 dropout');
        expect(d.message).toBe("'sanne' dropped out of intervention 'steun_sanne' (`ended 2026-04-20 dropout`), but no other help or measure follows " +
            'within 14 days (2026-04-20 through 2026-05-04, coverage.followUpDays): on none of those days is another intervention `for` them ' +
            'or a measure `on` them. Add an intervention `for sanne` that runs on one of those days (e.g. `from 2026-04-20`), or a measure `on sanne`.');
    });

    test('help that starts on day 14 follows up in time; on day 15 it does not', async () => {
        expect((await checkPlan(withSanneDropOut(undefined, followUpForSanne('from 2026-05-04 for 3 months')))).codes).toEqual([]);
        expect((await checkPlan(withSanneDropOut(undefined, followUpForSanne('from 2026-05-05 for 3 months')))).codes).toEqual(['VP042']);
    });

    test('help that still runs on the `ended` date counts; help that ended the day before does not (half-open)', async () => {
        expect((await checkPlan(withSanneDropOut(undefined, followUpForSanne('from 2026-02-09 to 2026-04-21')))).codes).toEqual([]);
        expect((await checkPlan(withSanneDropOut(undefined, followUpForSanne('from 2026-02-09 to 2026-04-20')))).codes).toEqual(['VP042']);
        // the example's own steun, still for sanne too, runs on
        const both = examplePlan({ interventions: `${EXAMPLE_SECTIONS.interventions}\n\n${steunSanne('ended 2026-04-20 dropout')}` });
        expect((await checkPlan(both)).codes).toEqual([]);
    });

    test('the advice works when followed literally: an intervention `for sanne` `from` the `ended` date', async () => {
        expect((await checkPlan(withSanneDropOut(undefined, followUpForSanne('from 2026-04-20 for 3 months')))).codes).toEqual([]);
    });

    test('coverage.followUpDays from vplan.config.json sets the window: 0 means the `ended` date itself', async () => {
        const dayAfter = withSanneDropOut(undefined, followUpForSanne('from 2026-04-21 for 3 months'));
        expect((await checkWithConfig('{ "coverage": { "followUpDays": 0 } }', [dayAfter, EXAMPLE_CATALOGUE])).codes).toEqual(['VP042']);
        expect((await checkWithConfig('{ "coverage": { "followUpDays": 1 } }', [dayAfter, EXAMPLE_CATALOGUE])).codes).toEqual([]);
        const late = withSanneDropOut(undefined, followUpForSanne('from 2026-05-05 for 3 months'));
        expect((await checkWithConfig('{ "coverage": { "followUpDays": 15 } }', [late, EXAMPLE_CATALOGUE])).codes).toEqual([]);
    });

    test('a measure that only protects the member does not follow up', async () => {
        const protecting = `    measure ga gedragsaanwijzing {\n        on mark\n        protects sanne\n        by om_zhz\n        from 2026-04-25 for 60 days\n    }`;
        const text = examplePlan({ interventions: [STEUN_NOOR, steunSanne('ended 2026-04-20 dropout')].join('\n\n'), measures: `${EXAMPLE_SECTIONS.measures}\n\n${protecting}` });
        expect((await checkPlan(text, { catalogue: WITH_OM })).codes).toEqual(['VP042']);
    });

    test('only a drop-out inside the plan period counts: one on its end date does not, one on its last day does', async () => {
        const long = (ended: string) => examplePlan({ interventions: [STEUN_NOOR, intervention('steun_sanne', 'for sanne', 'by wijkteam_dordrecht', 'from 2026-02-09 to 2027-03-01', ended)].join('\n\n') });
        expect((await checkPlan(long('ended 2027-01-12 dropout'))).codes).toEqual([]);
        expect((await checkPlan(long('ended 2027-01-11 dropout'))).codes).toEqual(['VP042']);
    });

    test('help that was completed or referred need not be followed up', async () => {
        expect((await checkPlan(withSanneDropOut('ended 2026-04-20 completed'))).codes).toEqual([]);
        expect((await checkPlan(withSanneDropOut('ended 2026-04-20 referred'))).codes).toEqual([]);
    });

    test('one diagnostic per member of the dropped help', async () => {
        const text = examplePlan({ interventions: [STEUN_NOOR, intervention('gezin', 'for sanne, noor', 'by wijkteam_dordrecht', 'from 2026-02-09 for 6 months', 'ended 2026-04-20 dropout')].join('\n\n') });
        const found = withCode(await checkPlan(text), 'VP042');
        // noor still has steun; sanne has nothing but the agreement
        expect(found.map(d => String(d.message).slice(0, 8))).toEqual(["'sanne' "]);
        const noSteun = examplePlan({ interventions: [EXAMPLE_SECTIONS.interventions.replace(/ {4}intervention steun [\s\S]*$/, '').trimEnd(), intervention('gezin', 'for sanne, noor', 'by wijkteam_dordrecht', 'from 2026-02-09 for 6 months', 'ended 2026-04-20 dropout')].join('\n\n') });
        const both = withCode(await checkPlan(noSteun), 'VP042');
        expect(both.map(d => String(d.message).split("'")[1])).toEqual(['sanne', 'noor']);
    });

    test('a perpetrator who dropped out of voluntary help needs drang or dwang help: voluntary help again is VP042', async () => {
        const text = withMarkDropOut('framework voluntary', VOLUNTARY_FOR_MARK);
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP042']);
        const [d] = withCode(result, 'VP042');
        expect(d.range.start.line).toBe(lineOf(text, 'ended 2026-04-20 dropout'));
        expect(d.message).toContain("Perpetrator 'mark' dropped out of voluntary help 'daderhulp'");
        expect(d.message).toContain('Add an intervention `for mark` with `framework drang` or `framework dwang`');
        const [nl] = withCode(await checkPlan(text, { locale: 'nl' }), 'VP042');
        expect(nl.message).toContain("Pleger 'mark' is uitgevallen uit vrijwillige hulp 'daderhulp'");
    });

    test('drang or dwang help follows up a perpetrator, and so does any measure on him', async () => {
        expect((await checkPlan(withMarkDropOut('framework voluntary', intervention('agressie', 'for mark', 'by ggz_zhz', 'from 2026-04-25 for 9 months', 'framework drang')))).codes).toEqual([]);
        expect((await checkPlan(withMarkDropOut('framework voluntary', intervention('agressie', 'for mark', 'by ggz_zhz', 'from 2026-04-25 for 9 months', 'framework dwang')))).codes).toEqual([]);
        const measure = `    measure ga gedragsaanwijzing {\n        on mark\n        protects sanne\n        by om_zhz\n        from 2026-04-25 for 60 days\n    }`;
        const text = examplePlan({
            interventions: [daderhulp('fallback "Terugmelding aan OM"', 'ended 2026-04-20 dropout'), STEUN, VOLUNTARY_FOR_MARK].join('\n\n'),
            measures: `${EXAMPLE_SECTIONS.measures}\n\n${measure}`
        });
        expect((await checkPlan(text, { catalogue: WITH_OM })).codes).toEqual([]);
    });

    test('a perpetrator who dropped out of drang help may get voluntary help after it', async () => {
        expect((await checkPlan(withMarkDropOut('framework drang', VOLUNTARY_FOR_MARK))).codes).toEqual([]);
    });

    test('cascade: an invalid `ended` date, or one on the start, gives no VP042', async () => {
        const invalid = await checkPlan(withSanneDropOut('ended 2026-04-31 dropout'));
        expect(invalid.codes).not.toContain('VP042');
        const onStart = await checkPlan(withSanneDropOut('ended 2026-02-09 dropout'));
        expect(onStart.codes).not.toContain('VP042');
    });

    test('cascade: an invalid plan period gives no VP042', async () => {
        const result = await checkPlan(withSanneDropOut().replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 to 2027-02-30'));
        expect(result.codes).toContain('VP060');
        expect(result.codes).not.toContain('VP042');
    });

    test('cascade: other help for the member with an invalid period gives no VP042 (it might follow up)', async () => {
        const result = await checkPlan(withSanneDropOut(undefined, followUpForSanne('from 2026-05-40 for 3 months')));
        expect(result.codes).toContain('VP060');
        expect(result.codes).not.toContain('VP042');
    });

    test('cascade: a misspelt framework (VP000) of the dropped help or of the follow-up gives no VP042', async () => {
        const dropped = await checkPlan(withMarkDropOut('framework vrijwillig', VOLUNTARY_FOR_MARK));
        expect(dropped.codes).toContain('VP000');
        expect(dropped.codes).not.toContain('VP042');
        const followUp = await checkPlan(withMarkDropOut('framework voluntary', intervention('agressie', 'for mark', 'by ggz_zhz', 'from 2026-04-25 for 9 months', 'framework drnag')));
        expect(followUp.codes).toContain('VP000');
        expect(followUp.codes).not.toContain('VP042');
    });

    test('cascade: a syntax error inside other help (it may have dropped a `for sanne`) gives no VP042', async () => {
        const result = await checkPlan(withSanneDropOut(undefined, intervention('traject_sanne', 'fr sanne', 'by ggz_zhz', 'from 2026-04-25 for 3 months')));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP042');
    });

    test('fix: new help takes over the rest of the planned period, by another organisation (Dutch)', async () => {
        const text = withSanneDropOut();
        const { after, actions } = await applyFix(text, 'VP042', { locale: 'nl' });
        expect(actions).toHaveLength(1);
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe("Rest van 'steun_sanne' overdragen aan nieuwe hulp voor 'sanne' (2026-04-20 tot en met 2026-08-08)");
        expect(after).toBe(replaceOnce(text, '        ended 2026-04-20 dropout\n    }\n',
            '        ended 2026-04-20 dropout\n    }\n\n    intervention vervolg_sanne "Vervolghulp voor sanne na uitval" {\n        for sanne\n' +
            '        by ggz_zhz\n        from 2026-04-20 to 2026-08-09\n    }\n'));
        await expectFixed(text, after, 'VP042');
    });

    test('fix: for a perpetrator out of voluntary help, drang help by Veilig Thuis (English)', async () => {
        const text = withMarkDropOut('framework voluntary', VOLUNTARY_FOR_MARK);
        const { after, actions } = await applyFix(text, 'VP042', { locale: 'en' });
        expect(actions[0].title).toBe("Hand the rest of 'daderhulp' over to new help for 'mark' (2026-04-20 through 2027-01-19)");
        expect(after).toContain('    intervention vervolg_mark "Follow-up help for mark after drop-out" {\n        for mark\n        by veiligthuis_zhz\n' +
            '        from 2026-04-20 to 2027-01-20\n        framework drang\n    }\n');
        await expectFixed(text, after, 'VP042');
    });

    test('fix: for a perpetrator out of drang help, drang help too: voluntary help without a fallback would be VP041', async () => {
        const text = withMarkDropOut('framework drang');
        expect((await checkPlan(text)).codes).toEqual(['VP004', 'VP042']);
        const { after } = await applyFix(text, 'VP042', { locale: 'en' });
        expect(after).toContain('    intervention vervolg_mark "Follow-up help for mark after drop-out" {\n        for mark\n        by veiligthuis_zhz\n' +
            '        from 2026-04-20 to 2027-01-20\n        framework drang\n    }\n');
        // It covers mark on from the drop-out (VP004 goes as well), and adds nothing.
        expect((await checkPlan(after)).codes).toEqual([]);
    });

    test('the docs example gives VP042 only', async () => {
        expect(await exampleCodes(vp042)).toEqual(['VP042']);
    });
});

const SEVERE_RISK = '    risk verslaving "Alcoholgebruik" {\n        severity high\n        nature dynamic\n        domain addiction\n        affects mark\n    }';
const alcoholhulp = (span: string, ...more: string[]) => intervention('alcoholhulp', 'for mark', 'by ggz_zhz', span, 'framework drang', ...more, 'addresses verslaving');
const withSevereRisk = (severity: string, ...interventions: string[]) => examplePlan({
    risks: `${EXAMPLE_SECTIONS.risks}\n\n${SEVERE_RISK.replace('severity high', `severity ${severity}`)}`,
    interventions: [EXAMPLE_SECTIONS.interventions, ...interventions].join('\n\n')
});

describe('VP043 severe risks get lasting help', () => {
    test('a severe risk addressed only by short help is VP043 on the risk, naming the longest help', async () => {
        const text = withSevereRisk('high', alcoholhulp('from 2026-02-01 for 3 months'), intervention('kort', 'for mark', 'by ggz_zhz', 'from 2026-02-01 for 2 months', 'framework drang', 'addresses verslaving'));
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP043']);
        const [d] = withCode(result, 'VP043');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'risk verslaving'));
        expect(d.message).toBe("Risk 'verslaving' is severe (`severity high`), but no intervention that addresses it is planned for at least 6 months " +
            "(care.minMonthsSevere): the longest, 'alcoholhulp', is planned from 2026-02-01 through 2026-04-30. Complex, lasting problems need more " +
            "than short help: let 'alcoholhulp' run `from 2026-02-01 for 6 months` or longer, or add an intervention that addresses 'verslaving' for at least 6 months.");
        const [nl] = withCode(await checkPlan(text, { locale: 'nl' }), 'VP043');
        expect(nl.message).toContain("Risico 'verslaving' is ernstig (`severity high`)");
        expect(nl.message).toContain('gepland van 2026-02-01 tot en met 2026-04-30');
    });

    test('exactly 6 calendar months is enough, a day less is not', async () => {
        expect((await checkPlan(withSevereRisk('high', alcoholhulp('from 2026-02-01 for 6 months')))).codes).toEqual([]);
        expect((await checkPlan(withSevereRisk('high', alcoholhulp('from 2026-02-01 to 2026-08-01')))).codes).toEqual([]);
        expect((await checkPlan(withSevereRisk('high', alcoholhulp('from 2026-02-01 to 2026-07-31')))).codes).toEqual(['VP043']);
    });

    test('months are calendar months that clamp to the month\'s last day', async () => {
        expect((await checkPlan(withSevereRisk('high', alcoholhulp('from 2026-08-31 to 2027-02-28')))).codes).toEqual([]);
        expect((await checkPlan(withSevereRisk('high', alcoholhulp('from 2026-08-31 to 2027-02-27')))).codes).toEqual(['VP043']);
    });

    test('acute counts as severe; medium and low do not', async () => {
        expect((await checkPlan(withSevereRisk('acute', alcoholhulp('from 2026-02-01 for 3 months')))).codes).toEqual(['VP043']);
        expect((await checkPlan(withSevereRisk('medium', alcoholhulp('from 2026-02-01 for 3 months')))).codes).toEqual([]);
        expect((await checkPlan(withSevereRisk('low', alcoholhulp('from 2026-02-01 for 3 months')))).codes).toEqual([]);
    });

    test('the planned period counts, not when the help really ended', async () => {
        expect((await checkPlan(withSevereRisk('high', alcoholhulp('from 2026-02-01 for 12 months', 'ended 2026-03-01 completed')))).codes).toEqual([]);
    });

    test('one lasting intervention among short ones is enough', async () => {
        const text = withSevereRisk('high', alcoholhulp('from 2026-02-01 for 3 months'), intervention('lang', 'for mark', 'by ggz_zhz', 'from 2026-05-01 for 6 months', 'framework drang', 'addresses verslaving'));
        expect((await checkPlan(text)).codes).toEqual([]);
    });

    test('a severe risk no intervention addresses is not VP043\'s (VP040 reports a dynamic one)', async () => {
        const text = withSevereRisk('high');
        expect((await checkPlan(text)).codes).toEqual(['VP040']);
        expect((await checkPlan(text.replace('nature dynamic\n        domain addiction', 'nature static\n        domain addiction'))).codes).toEqual([]);
    });

    test('the advice works when followed literally', async () => {
        expect((await checkPlan(withSevereRisk('high', alcoholhulp('from 2026-02-01 for 6 months')))).codes).toEqual([]);
    });

    test('care.minMonthsSevere from vplan.config.json sets the length', async () => {
        const text = withSevereRisk('high', alcoholhulp('from 2026-02-01 for 3 months'));
        expect((await checkWithConfig('{ "care": { "minMonthsSevere": 3 } }', [text, EXAMPLE_CATALOGUE])).codes).toEqual([]);
        expect((await checkWithConfig('{ "care": { "minMonthsSevere": 4 } }', [text, EXAMPLE_CATALOGUE])).codes).toEqual(['VP043']);
        // the example's partnergeweld (high) has 12 months of help
        expect((await checkWithConfig('{ "care": { "minMonthsSevere": 13 } }', [examplePlan(), EXAMPLE_CATALOGUE])).codes).toEqual(['VP043']);
    });

    test('cascade: an addressing intervention with an invalid period gives no VP043 (it might be long)', async () => {
        const text = withSevereRisk('high', alcoholhulp('from 2026-02-01 for 3 months'), intervention('lang', 'for mark', 'by ggz_zhz', 'from 2026-02-30 for 12 months', 'framework drang', 'addresses verslaving'));
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP060');
        expect(result.codes).not.toContain('VP043');
    });

    test('cascade: a syntax error inside an intervention (it may have dropped an `addresses`) gives no VP043', async () => {
        const text = withSevereRisk('high', alcoholhulp('from 2026-02-01 for 3 months'), intervention('lang', 'for mark', 'by ggz_zhz', 'from 2026-02-01 for 12 months', 'framework drang', 'adresses verslaving'));
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP043');
    });

    test('fix: the longest help is planned for the minimum (Dutch), not preferred', async () => {
        const text = withSevereRisk('high', alcoholhulp('from 2026-02-01 to 2026-07-31'));
        const { after, actions } = await applyFix(text, 'VP043', { locale: 'nl' });
        expect(actions[0].title).toBe("'alcoholhulp' plannen voor 6 maanden");
        expect(actions[0].isPreferred).toBe(false);
        expect(after).toBe(replaceOnce(text, 'from 2026-02-01 to 2026-07-31', 'from 2026-02-01 for 6 months'));
        await expectFixed(text, after, 'VP043');
    });

    test('fix: the minimum of vplan.config.json (English)', async () => {
        const text = withSevereRisk('high', alcoholhulp('from 2026-02-01 for 3 months'));
        const { after, actions } = await applyFix(text, 'VP043', { locale: 'en', config: '{ "care": { "minMonthsSevere": 9 } }' });
        expect(actions[0].title).toBe("Plan 'alcoholhulp' for 9 months");
        expect(after).toBe(replaceOnce(text, 'from 2026-02-01 for 3 months', 'from 2026-02-01 for 9 months'));
        await expectFixed(text, after, 'VP043');
    });

    test('the docs example gives VP043 only', async () => {
        expect(await exampleCodes(vp043)).toEqual(['VP043']);
    });
});
