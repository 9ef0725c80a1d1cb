/**
 * Coverage rules (language/rules/coverage-rules.ts): VP001 (every member covered), VP002 (every
 * perpetrator approached), VP003 (child witnesses are victims too), with the VP001 quick fix and
 * the help the VP001 and VP004 fixes add for a perpetrator. (VP004, covered all along, has suites
 * of its own.)
 */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp001, vp002, vp003, vp004 } from '../../../language/rules/coverage-rules.js';
import { checkText, createTestServices, withCode } from '../../helpers.js';
import { checkWithConfig } from '../conformance/conformance-support.js';
import { applyFix, checkPlan, exampleCodes, expectFixed, lineOf, replaceOnce } from './rule-test-support.js';

const services = createTestServices();

/** A small plan with the given household and body (measures, interventions, agreements); only coverage findings are read of it. */
function minimalPlan(household: string[], body: string): string {
    return `organisation vt "Veilig Thuis" kind veiligthuis
organisation ggz "GGZ" kind ggz
organisation bgm "Burgemeester" kind burgemeester
organisation rb "Rechtbank" kind rechter

plan p "Plan" {
    status active
    period 2026-01-12 to 2027-01-12
    household {
${household.map(m => `        ${m}`).join('\n')}
    }
${body}
    regie {
        vt from 2026-01-12
    }
    aftercare {
        owner vt
        from 2027-01-12 for 12 months
        checkpoints 12 months
    }
}
`;
}

const intervention = (name: string, forWhom: string) =>
    `    intervention ${name} "Hulp" {\n        for ${forWhom}\n        by ggz\n        from 2026-01-20 for 6 months\n        framework drang\n    }`;
const agreement = (name: string, by: string, protects: string) =>
    `    agreement ${name} "Afspraak" {\n        by ${by}\n        protects ${protects}\n        checked by vt\n    }`;
const measure = (name: string, type: string, on: string, extra = '') =>
    `    measure ${name} ${type} {\n        on ${on}\n${extra}        by rb\n        from 2026-01-12 for 3 months\n    }`;

async function run(text: string, locale?: 'en' | 'nl') {
    const result = await checkText(services, text, { locale });
    return { result, vp001: withCode(result, 'VP001'), vp002: withCode(result, 'VP002'), vp003: withCode(result, 'VP003') };
}

/** The example household with members added. */
const household = (...members: string[]) => EXAMPLE_SECTIONS.household.replace('\n    }', `${members.map(m => `\n        ${m}`).join('')}\n    }`);
/** The example plan with items added at its end. */
const withItems = (...items: string[]) => examplePlan({ extra: items.map(item => item.split('\n').map(line => `    ${line}`).join('\n')).join('\n\n') });

describe('VP001 every member covered', () => {
    test('a member with no help, no protection and no no-action is VP001 on the member', async () => {
        const text = minimalPlan(['member sanne adult born 1989 roles victim', 'member opa adult born 1950'], intervention('h', 'sanne'));
        const { vp001 } = await run(text);
        expect(vp001).toHaveLength(1);
        expect(vp001[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp001[0].range.start.line).toBe(lineOf(text, 'member opa'));
        expect(vp001[0].message).toBe("Member 'opa' is not covered: no intervention is `for` them, no measure is `on` them, and no measure or agreement `protects` them. " +
            "Add help or protection for 'opa', or write `no-action \"<reason>\"` on the member line if nothing is deliberately done.");
    });

    test('a member nobody covers is VP001, and nothing else', async () => {
        const text = examplePlan({ household: household('member opa adult born 1950') });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP001']);
        expect(withCode(result, 'VP001')[0].range.start.line).toBe(lineOf(text, 'member opa'));
    });

    test('no-action with a reason covers a member', async () => {
        const { vp001 } = await run(minimalPlan(['member sanne adult roles victim', 'member opa adult no-action "Woont in het buitenland"'], intervention('h', 'sanne')));
        expect(vp001).toHaveLength(0);
        expect((await checkPlan(examplePlan({ household: household('member zus child born 2016 outside no-action "Woont bij vader"') }))).codes).toEqual([]);
    });

    test('no-action with an empty reason does not', async () => {
        const { vp001 } = await run(minimalPlan(['member sanne adult roles victim', 'member opa adult no-action ""'], intervention('h', 'sanne')));
        expect(vp001).toHaveLength(1);
        expect(vp001[0].message).toBe("Member 'opa' has `no-action` with an empty reason, so the member is not covered: " +
            'write down why nothing is done (`no-action "<reason>"`), or add help or protection.');
    });

    test('being `for` an intervention, `on` a measure, or protected by a measure or agreement covers a member', async () => {
        const text = minimalPlan(
            ['member a adult', 'member b adult', 'member c adult', 'member d adult'],
            [intervention('h', 'a'), measure('m', 'voorwaardelijk_sepot', 'b', '        protects c\n'), agreement('g', 'a', 'd')].join('\n')
        );
        const { vp001 } = await run(text);
        expect(vp001).toHaveLength(0);
    });

    test.each([
        ['protected by a measure', EXAMPLE_SECTIONS.measures.replace('protects sanne, noor', 'protects sanne, noor, opa'), 'measures'],
        ['protected by an agreement', EXAMPLE_SECTIONS.agreements.replace('protects sanne', 'protects sanne, opa'), 'agreements'],
        ['the subject of an intervention', EXAMPLE_SECTIONS.interventions.replace('for sanne, noor', 'for sanne, noor, opa'), 'interventions']
    ])('a member %s is covered', async (_label, section, key) => {
        const result = await checkPlan(examplePlan({ household: household('member opa adult born 1950'), [key]: section }));
        expect(result.codes).not.toContain('VP001');
    });

    test('the subject (`on`) of a measure is covered', async () => {
        const text = withItems('measure gv gedragsaanwijzing {\n    on opa\n    by politie_zhz\n    from 2026-02-01 for 30 days\n}');
        const result = await checkPlan(text.replace(EXAMPLE_SECTIONS.household, household('member opa adult born 1950')));
        expect(result.codes).not.toContain('VP001');
    });

    test('being the `by` of an agreement or a supporter does not cover a member', async () => {
        const { vp001 } = await run(minimalPlan(['member a adult', 'member b adult'], agreement('g', 'b', 'a')));
        expect(vp001.map(d => d.message)).toEqual([expect.stringContaining("'b'")]);
        const text = examplePlan({
            household: household('member opa adult born 1950'),
            agreements: `${EXAMPLE_SECTIONS.agreements}\n\n    agreement opa_belt "Opa belt dagelijks" {\n        by opa\n        protects sanne\n        checked by veiligthuis_zhz\n    }`
        });
        expect((await checkPlan(text)).codes).toEqual(['VP001']);
    });

    test('affected by a risk or supported by a supporter does not cover a member', async () => {
        const text = examplePlan({
            household: household('member zus child born 2016'),
            network: EXAMPLE_SECTIONS.network.replace('supports sanne, noor', 'supports sanne, noor, zus'),
            risks: EXAMPLE_SECTIONS.risks.replace('affects sanne, noor', 'affects sanne, noor, zus')
        });
        expect((await checkPlan(text)).codes).toEqual(['VP001']);
    });

    test('a member covered only by a dropped covering item is not VP001 (droppedCoverage): `protect` in an agreement', async () => {
        const text = examplePlan({
            household: household('member opa adult born 1950', 'member zus child born 2017 roles witness'),
            agreements: EXAMPLE_SECTIONS.agreements.replace('protects sanne', 'protect sanne, opa, zus')
        });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
        // Without the typo, the agreement covers them.
        expect((await checkPlan(text.replace('protect sanne', 'protects sanne'))).codes).toEqual([]);
    });

    test('a member a dropped block was about is not VP001 (droppedBlock)', async () => {
        const text = examplePlan({
            household: household('member opa adult born 1950'),
            extra: '    mesure gv gedragsaanwijzing {\n        on opa\n        by politie_zhz\n        from 2026-02-01 for 30 days\n    }'
        });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
    });
});

describe('VP001 quick fixes: help over the plan period, or an empty reason to fill in', () => {
    const plan = examplePlan({ household: household('member lisa child born 2018') });
    const reasonFix = <A extends { title: string }>(actions: A[]) => actions.find(a => a.title.includes('eason') || a.title.includes('Reden'));

    test('the preferred fix adds help for the member over the whole plan period, by a real organisation', async () => {
        const { after, actions } = await applyFix(plan, 'VP001', { locale: 'en' });
        expect(actions).toHaveLength(2);
        expect(actions[0].title).toBe("Add help for 'lisa' over the plan period (2026-01-12 through 2027-01-11)");
        expect(actions[0].isPreferred).toBe(true);
        expect(after).toMatch(/intervention hulp_lisa "Help for lisa" \{\n {8}for lisa\n {8}by \w+\n {8}from 2026-01-12 to 2027-01-12\n {4}\}/);
        await expectFixed(plan, after, 'VP001');
    });

    test('in Dutch', async () => {
        const { actions } = await applyFix(plan, 'VP001', { locale: 'nl' });
        expect(actions.map(a => a.title)).toEqual([
            "Hulp toevoegen voor 'lisa' over de planperiode (2026-01-12 tot en met 2027-01-11)",
            "Reden vastleggen waarom 'lisa' geen hulp of bescherming krijgt (schrijf de reden tussen de aanhalingstekens)"
        ]);
    });

    test('the other fix writes an empty reason, which the author fills in: VP001 stays until then', async () => {
        const { after, actions } = await applyFix(plan, 'VP001', { locale: 'en', pick: reasonFix });
        // An LSP code action cannot place the cursor: the title says what is left to do.
        expect(reasonFix(actions)!.title).toBe("Record a reason for no action for 'lisa' (write the reason between the quotes)");
        expect(reasonFix(actions)!.isPreferred).toBe(false);
        expect(after).toBe(replaceOnce(plan, 'member lisa child born 2018', 'member lisa child born 2018 no-action ""'));
        const fixed = await checkPlan(after);
        expect(fixed.codes).toEqual(['VP001']);
        expect(String(withCode(fixed, 'VP001')[0].message)).toContain('empty reason');
        const filled = replaceOnce(after, 'no-action ""', 'no-action "Woont bij de grootouders, buiten beeld"');
        await expectFixed(plan, filled, 'VP001');
    });

    test('keeps an end-of-line comment after the member', async () => {
        const commented = replaceOnce(plan, 'member lisa child born 2018', 'member lisa child born 2018 // zusje');
        const { after } = await applyFix(commented, 'VP001', { locale: 'nl', pick: reasonFix });
        expect(after).toContain('member lisa child born 2018 no-action "" // zusje\n');
    });

    test('an empty reason offers help, never a placeholder text', async () => {
        const empty = replaceOnce(plan, 'member lisa child born 2018', 'member lisa child born 2018 no-action ""');
        const { actions, diagnostic } = await applyFix(empty, 'VP001', { locale: 'en' });
        expect(String(diagnostic.message)).toContain('empty reason');
        expect(actions).toHaveLength(1);
        expect(actions[0].title).toContain('Add help');
    });

    test('with two uncovered members, the fix of each diagnostic is about its own member', async () => {
        const two = examplePlan({ household: household('member lisa child born 2018', 'member opa adult born 1950') });
        const second = await applyFix(two, 'VP001', { locale: 'en', nth: 1, pick: reasonFix });
        expect(second.after).toBe(replaceOnce(two, 'member opa adult born 1950', 'member opa adult born 1950 no-action ""'));
        const first = await applyFix(two, 'VP001', { locale: 'en' });
        expect(first.after).toContain('for lisa');
        const both = await applyFix(first.after, 'VP001', { locale: 'en' });
        await expectFixed(two, both.after, 'VP001');
    });
});

describe('help the quick fixes add for a perpetrator is drang help, so that VP041 does not follow', () => {
    const problems = new URL('../../../examples/problems/', import.meta.url);
    const organisations = readFileSync(new URL('organisaties.vplan', problems), 'utf8');

    test('VP004 on examples/problems/uitval-zonder-vervolg.vplan: help for bas under drang, no VP041', async () => {
        const text = readFileSync(new URL('uitval-zonder-vervolg.vplan', problems), 'utf8');
        const before = await checkPlan(text, { catalogue: organisations });
        expect(before.codes).toEqual(['VP004', 'VP042', 'VP052', 'VP092']);
        const { after, actions } = await applyFix(text, 'VP004', { catalogue: organisations, locale: 'en' });
        expect(actions.map(a => a.title)).toEqual(["Add help for 'bas' from 2026-12-07 through 2027-09-05"]);
        expect(after).toContain('    intervention hulp_bas "Help for bas" {\n        for bas\n        by veiligthuis_ro\n' +
            '        from 2026-12-07 to 2027-09-06\n        framework drang\n    }\n');
        // Drang help from the drop-out on follows bas up as well (VP042); nothing new, no VP041.
        expect((await checkPlan(after, { catalogue: organisations })).codes).toEqual(['VP052', 'VP092']);
    });

    test('VP004 for the perpetrator of a small plan: drang help over the stretch, and nothing else changes', async () => {
        const text = examplePlan({ interventions: replaceOnce(EXAMPLE_SECTIONS.interventions, 'from 2026-01-20 for 12 months', 'from 2026-01-20 for 3 months') });
        const { after } = await applyFix(text, 'VP004', { locale: 'nl' });
        expect(after).toContain('    intervention hulp_mark "Hulp voor mark" {\n        for mark\n        by veiligthuis_zhz\n' +
            '        from 2026-04-20 to 2027-01-12\n        framework drang\n    }\n');
        await expectFixed(text, after, 'VP004');
    });

    test('VP004 for a victim still adds voluntary help (no framework line)', async () => {
        const text = examplePlan({ interventions: replaceOnce(EXAMPLE_SECTIONS.interventions, 'from 2026-02-09 for 12 months', 'from 2026-02-09 for 6 months') });
        const { after } = await applyFix(text, 'VP004', { locale: 'en' });
        expect(after).toMatch(/intervention hulp_noor "Help for noor" \{\n {8}for noor\n {8}by \w+\n {8}from 2026-08-09 to 2027-01-12\n {4}\}/);
        await expectFixed(text, after, 'VP004');
    });

    test('VP001 for a perpetrator (VP002 off): drang help over the plan period, no VP041', async () => {
        const config = '{ "rules": { "VP002": "off" } }';
        const text = examplePlan({ measures: '', agreements: '', interventions: EXAMPLE_SECTIONS.interventions.replace(/ {4}intervention daderhulp[\s\S]*?\n {4}}\n\n/, '') });
        expect((await checkWithConfig(config, [text, EXAMPLE_CATALOGUE])).codes).toEqual(['VP001']);
        const { after } = await applyFix(text, 'VP001', { config, locale: 'en' });
        expect(after).toContain('    intervention hulp_mark "Help for mark" {\n        for mark\n        by veiligthuis_zhz\n' +
            '        from 2026-01-12 to 2027-01-12\n        framework drang\n    }\n');
        expect((await checkWithConfig(config, [after, EXAMPLE_CATALOGUE])).codes).toEqual([]);
    });
});

describe('VP002 every perpetrator approached', () => {
    test('a perpetrator only bound by an agreement and marked no-action is still VP002, and gets no VP001 besides', async () => {
        const text = minimalPlan(['member sanne adult roles victim', 'member mark adult roles perpetrator no-action "Weigert contact"'], agreement('g', 'mark', 'sanne'));
        const { vp001, vp002 } = await run(text);
        expect(vp002).toHaveLength(1);
        expect(vp002[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp002[0].range.start.line).toBe(lineOf(text, 'member mark'));
        expect(vp002[0].message).toBe("Perpetrator 'mark' is not approached: no intervention is `for` them and no measure is `on` them (`no-action` and agreements do not count). " +
            'Add an intervention `for mark` (e.g. daderhulp) or a measure `on mark`.');
        expect(vp001).toHaveLength(0);
    });

    test('no-action does not excuse a perpetrator (VP002, and no VP001)', async () => {
        const text = examplePlan({ household: household('member ex adult born 1985 roles perpetrator outside no-action "Geen contact meer"') });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP002']);
        expect(withCode(result, 'VP002')[0].range.start.line).toBe(lineOf(text, 'member ex'));
    });

    test('an uncovered perpetrator gets VP002 only (one mistake, one diagnostic)', async () => {
        const { vp001, vp002 } = await run(minimalPlan(['member sanne adult roles victim', 'member mark adult roles perpetrator'], agreement('g', 'sanne', 'sanne')));
        expect(vp002).toHaveLength(1);
        expect(vp001).toHaveLength(0);
    });

    test('with VP002 turned off, the uncovered perpetrator is VP001 instead', async () => {
        const text = examplePlan({ household: household('member ex adult born 1985 roles perpetrator') });
        expect((await checkWithConfig(undefined, [text, EXAMPLE_CATALOGUE])).codes).toEqual(['VP002']);
        expect((await checkWithConfig('{ "rules": { "VP002": "off" } }', [text, EXAMPLE_CATALOGUE])).codes).toEqual(['VP001']);
    });

    test('an intervention for the perpetrator or a measure on them approaches them', async () => {
        const viaIntervention = await run(minimalPlan(['member mark adult roles perpetrator'], intervention('h', 'mark')));
        expect(viaIntervention.vp002).toHaveLength(0);
        const viaMeasure = await run(minimalPlan(['member mark adult roles perpetrator, victim'], measure('m', 'voorwaardelijk_sepot', 'mark')));
        expect(viaMeasure.vp002).toHaveLength(0);
        const text = withItems('measure gv gedragsaanwijzing {\n    on ex\n    by politie_zhz\n    from 2026-02-01 for 30 days\n}');
        const onMeasure = await checkPlan(text.replace(EXAMPLE_SECTIONS.household, household('member ex adult born 1985 roles perpetrator outside no-action "Vertrokken"')));
        expect(onMeasure.codes).not.toContain('VP002');
    });

    test('agreements do not count for a perpetrator, not even one protecting them', async () => {
        const text = examplePlan({
            household: household('member ex adult born 1985 roles perpetrator'),
            agreements: `${EXAMPLE_SECTIONS.agreements}\n\n    agreement ex_afstand "Ex houdt afstand" {\n        by ex\n        protects ex\n        checked by veiligthuis_zhz\n    }`
        });
        // protected by an agreement covers (VP001), but does not approach (VP002)
        expect((await checkPlan(text)).codes).toEqual(['VP002']);
    });

    test('being protected by a measure or an agreement does not approach a perpetrator', async () => {
        const { vp002 } = await run(minimalPlan(['member sanne adult roles victim, perpetrator'], agreement('g', 'sanne', 'sanne')));
        expect(vp002).toHaveLength(1);
        const text = examplePlan({
            household: household('member ex adult born 1985 roles perpetrator'),
            measures: EXAMPLE_SECTIONS.measures.replace('protects sanne, noor', 'protects sanne, noor, ex')
        });
        expect((await checkPlan(text)).codes).toEqual(['VP002']);
    });

    test('a measure block the parser dropped gives no VP002 for the perpetrator it was on (droppedBlock)', async () => {
        const text = examplePlan({
            household: household('member ex adult born 1980 roles perpetrator'),
            extra: '    mesure g gedragsaanwijzing {\n        on ex\n        by politie_zhz\n        from 2026-02-01 for 30 days\n    }'
        });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
    });

    test('a typo inside an intervention gives no VP002 for the perpetrator it may have been for (droppedCoverage)', async () => {
        // Without the huisverbod `on mark`, only daderhulp approaches him.
        const text = examplePlan({ measures: '', interventions: EXAMPLE_SECTIONS.interventions.replace('for mark', 'fro mark') });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP002');
        // Without the intervention (no syntax error), mark is not approached.
        const without = examplePlan({ measures: '', interventions: EXAMPLE_SECTIONS.interventions.replace(/ {4}intervention daderhulp[\s\S]*?\n {4}}\n\n/, '') });
        expect((await checkPlan(without)).codes).toEqual(['VP002']);
    });
});

describe('VP003 child witnesses are victims too', () => {
    test('a child witness with only no-action is VP003 (no-action does not excuse it), and no VP001', async () => {
        const text = minimalPlan(['member sanne adult roles victim', 'member noor child born 2015 roles witness no-action "Logeert bij oma"'], intervention('h', 'sanne'));
        const { vp001, vp003 } = await run(text);
        expect(vp003).toHaveLength(1);
        expect(vp003[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp003[0].range.start.line).toBe(lineOf(text, 'member noor'));
        expect(vp003[0].message).toBe("Child 'noor' witnesses violence, which makes them a victim of child abuse too, but no intervention is `for` them, " +
            'no measure or agreement `protects` them, and no child-protection measure (type with `subject minor`) is `on` them (`no-action` does not excuse this). ' +
            "Add 'noor' to a `protects` list or add an intervention `for noor`.");
        expect(vp001).toHaveLength(0);
    });

    test('no-action does not excuse a child witness (the whole plan)', async () => {
        const text = examplePlan({ household: household('member zus child born 2016 roles witness no-action "Logeert bij tante"') });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP003']);
        expect(withCode(result, 'VP003')[0].range.start.line).toBe(lineOf(text, 'member zus'));
    });

    test('an uncovered child witness gets VP003 only', async () => {
        const { vp001, vp003 } = await run(minimalPlan(['member sanne adult roles victim', 'member noor child born 2015 roles witness'], intervention('h', 'sanne')));
        expect(vp003).toHaveLength(1);
        expect(vp001).toHaveLength(0);
    });

    test('protection by an agreement or an intervention for the child is enough', async () => {
        const agreed = await run(minimalPlan(['member sanne adult roles victim', 'member noor child born 2015 roles witness'], intervention('h', 'sanne') + '\n' + agreement('g', 'sanne', 'noor')));
        expect(agreed.vp003).toHaveLength(0);
        const helped = await run(minimalPlan(['member noor child born 2015 roles witness'], intervention('h', 'noor')));
        expect(helped.vp003).toHaveLength(0);
    });

    test('being `on` a child-protection measure (subject minor) is enough; `on` another measure is not', async () => {
        const ots = await run(minimalPlan(['member noor child born 2015 roles witness'], measure('m', 'ots', 'noor')));
        expect(ots.vp003).toHaveLength(0);
        const sepot = await run(minimalPlan(['member noor child born 2015 roles witness'], measure('m', 'voorwaardelijk_sepot', 'noor')));
        expect(sepot.vp003).toHaveLength(1);
        expect(sepot.vp001).toHaveLength(0); // covered by the measure for VP001
    });

    test('`on` a measure of an unknown type gives no VP003 (no cascade from VP081)', async () => {
        const { vp003, result } = await run(minimalPlan(['member noor child born 2015 roles witness'], measure('m', 'onbekend', 'noor')));
        expect(result.codes).toContain('VP081');
        expect(vp003).toHaveLength(0);
    });

    test('an adult witness or a child who is not a witness is not concerned', async () => {
        const { vp003 } = await run(minimalPlan(['member sanne adult roles victim, witness', 'member noor child born 2015 no-action "Niet betrokken"'], intervention('h', 'sanne')));
        expect(vp003).toHaveLength(0);
        const text = examplePlan({ household: household('member zus adult born 1995 roles witness no-action "Volwassen zus"', 'member broer child born 2016 roles victim no-action "Logeert elders"') });
        expect((await checkPlan(text)).codes).toEqual([]);
    });

    test('a child witness protected only by a dropped `protects` is not VP003 (droppedCoverage)', async () => {
        const text = examplePlan({
            household: household('member zus child born 2017 roles witness'),
            agreements: EXAMPLE_SECTIONS.agreements.replace('protects sanne', 'protect sanne, zus')
        });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
    });
});

describe('the spec example and Dutch', () => {
    test('the spec example has no coverage diagnostics of VP001–VP003', async () => {
        const text = readFileSync(new URL('../../fixtures/spec-example.vplan', import.meta.url), 'utf8');
        const { vp001, vp002, vp003 } = await run(text);
        expect([...vp001, ...vp002, ...vp003]).toHaveLength(0);
    });

    test('messages are rendered in Dutch', async () => {
        const { vp001, vp002, vp003 } = await run(minimalPlan(
            ['member opa adult', 'member mark adult roles perpetrator', 'member noor child born 2015 roles witness', 'member oma adult no-action ""'], ''
        ), 'nl');
        expect(vp001[0].message).toBe("Gezinslid 'opa' is niet gedekt: geen interventie is `for` dit gezinslid, geen maatregel `on`, en geen maatregel of afspraak `protects` het. " +
            "Voeg hulp of bescherming toe voor 'opa', of schrijf `no-action \"<reden>\"` op de regel van het gezinslid als er bewust niets gebeurt.");
        expect(vp001[1].message).toBe("Gezinslid 'oma' heeft `no-action` met een lege reden, dus het gezinslid is niet gedekt: " +
            'schrijf op waarom er niets gebeurt (`no-action "<reden>"`), of voeg hulp of bescherming toe.');
        expect(vp002[0].message).toBe("Pleger 'mark' wordt niet aangepakt: geen interventie is `for` deze persoon en geen maatregel `on` (`no-action` en afspraken tellen niet). " +
            'Voeg een interventie `for mark` toe (bijvoorbeeld daderhulp) of een maatregel `on mark`.');
        expect(vp003[0].message).toContain("Kind 'noor' is getuige van geweld");
    });
});

describe('documentation of the quick fixes', () => {
    const rulesDoc = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');

    test('VP001 says its reason fix is a placeholder: the warning stays until a reason is written', () => {
        expect(vp001.docs.fix).toContain('The other adds an empty `no-action ""` to fill in: until a reason is written between the quotes, VP001 stays.');
        expect(rulesDoc).toContain('until a reason is written between the quotes, VP001 stays.');
    });

    test('VP001 and VP004 say the help they add for a perpetrator is drang help', () => {
        for (const rule of [vp001, vp004]) expect(rule.docs.fix, rule.code).toContain('`framework drang`');
        expect(rulesDoc).toContain('help for a perpetrator gets `framework drang`, as after a drop-out ([VP042](#vp042)), so that [VP041](#vp041) does not follow.');
    });
});

describe('documentation examples', () => {
    test.each([vp001, vp002, vp003])('the example of $code gives that rule and nothing else', async rule => {
        const codes = await exampleCodes(rule);
        expect(codes.length).toBeGreaterThan(0);
        expect(new Set(codes)).toEqual(new Set([rule.code]));
    });
});
