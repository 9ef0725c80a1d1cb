/**
 * Reference rule (language/rules/reference-rules.ts): VP081, reported from the linker's errors by
 * the document validator, with its cascades.
 */

import { describe, expect, test } from 'vitest';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { referenceFinding, vp081 } from '../../../language/rules/reference-rules.js';
import { checkText, createTestServices, withCode } from '../../helpers.js';
import { applyFix, checkPlan, exampleCodes, quickFixes } from './rule-test-support.js';

const services = createTestServices();

describe('VP081 references resolve', () => {
    test('an unresolved reference names what is missing, on the name, in English and Dutch', async () => {
        const text = 'plan p "P" { household { member a adult } measure m huisverbod { on a by gemeente_x from 2026-01-01 } }';
        const en = await checkText(services, text);
        const [diagnostic] = withCode(en, 'VP081');
        expect(diagnostic.message).toBe("'gemeente_x' is not an organisation declared in this workspace; declare it or correct the name.");
        expect(diagnostic.severity).toBe(1);
        expect(en.document.textDocument.getText(diagnostic.range)).toBe('gemeente_x');
        const nl = await checkText(services, text, { locale: 'nl' });
        expect(withCode(nl, 'VP081')[0].message).toBe("'gemeente_x' is niet gedeclareerd als een organisatie in deze werkruimte; declareer het of verbeter de naam.");
    });

    test('a name of the wrong kind says what it is, in English and Dutch', async () => {
        const text = 'plan p "P" { household { member a adult } risk r "R" { severity low nature static domain safety affects a posed by r } }';
        expect(withCode(await checkText(services, text), 'VP081')[0].message).toBe("'r' is a risk, but a household member is expected here.");
        expect(withCode(await checkText(services, text, { locale: 'nl' }), 'VP081')[0].message).toBe("'r' is een risico, maar hier wordt een gezinslid verwacht.");
    });

    test('the kind expected names the alternatives of a reference that takes several kinds', async () => {
        const text = examplePlan({ agreements: EXAMPLE_SECTIONS.agreements.replace('checked by veiligthuis_zhz', 'checked by buurman') });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP081']);
        expect(withCode(result, 'VP081')[0].message).toBe("'buurman' is not an organisation or supporter declared in this plan or workspace; declare it or correct the name.");
    });

    test('a member where an organisation is expected is VP081 (wrong kind), and nothing else', async () => {
        const text = examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('by burgemeester_dordrecht', 'by sanne') });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP081']);
        expect(withCode(result, 'VP081')[0].message).toBe("'sanne' is a household member, but an organisation is expected here.");
    });

    test('resolved references are silent, also across the files of one workspace', async () => {
        expect((await checkPlan(examplePlan())).codes).toEqual([]);
        expect((await checkPlan(examplePlan(), { others: ['organisation extra_org "Extra" kind other'] })).codes).toEqual([]);
    });

    test('an unknown subject of an intervention is VP081, and nothing else', async () => {
        const text = examplePlan({ interventions: EXAMPLE_SECTIONS.interventions.replace('for sanne, noor', 'for sanne, noor, nobody') });
        expect((await checkPlan(text)).codes).toEqual(['VP081']);
    });

    test('a reference inside a later duplicate is not reported (the duplicate takes part in no other check)', async () => {
        const duplicate = EXAMPLE_SECTIONS.interventions.replace(/ {4}intervention steun[\s\S]*$/, '').trimEnd().replace('for mark', 'for nobody');
        const text = examplePlan({ interventions: `${EXAMPLE_SECTIONS.interventions}\n\n${duplicate}` });
        expect((await checkPlan(text)).codes).toEqual(['VP080']);
    });

    test('the document validator takes the finding from the unit', () => {
        expect(referenceFinding('x', 'Member', undefined)).toEqual({ code: 'VP081', messageId: 'VP081.unresolved', args: { name: 'x', type: 'Member' } });
        expect(referenceFinding('x', 'Member', 'Risk')).toEqual({ code: 'VP081', messageId: 'VP081.wrongKind', args: { name: 'x', type: 'Member', actual: 'Risk' } });
    });
});

describe('VP081 v2: the message says where a name of that kind is declared', () => {
    test.each([
        ['a member (the plan)', { interventions: EXAMPLE_SECTIONS.interventions.replace('for mark', 'for nobody') }, 'a household member declared in this plan', 'een gezinslid in dit plan'],
        ['a risk (the plan)', { interventions: EXAMPLE_SECTIONS.interventions.replace('addresses partnergeweld', 'addresses geweld') }, 'a risk declared in this plan', 'een risico in dit plan'],
        ['a party of an agreement (the plan)', { agreements: EXAMPLE_SECTIONS.agreements.replace('by mark', 'by nobody') }, 'a household member or supporter declared in this plan', 'een gezinslid of steunfiguur in dit plan'],
        ['an organisation (the workspace)', { measures: EXAMPLE_SECTIONS.measures.replace('by burgemeester_dordrecht', 'by nobody') }, 'an organisation declared in this workspace', 'een organisatie in deze werkruimte'],
        ['a measure type (the workspace or the catalogue)', { measures: EXAMPLE_SECTIONS.measures.replace('measure hv huisverbod', 'measure hv nobody') }, 'a measure type declared in this workspace or the built-in catalogue', 'een soort maatregel in deze werkruimte of de ingebouwde catalogus'],
        ['a checker (both)', { agreements: EXAMPLE_SECTIONS.agreements.replace('checked by veiligthuis_zhz', 'checked by nobody') }, 'an organisation or supporter declared in this plan or workspace', 'een organisatie of steunfiguur in dit plan of deze werkruimte'],
        ['an action\'s owner (both)', { meetings: EXAMPLE_SECTIONS.meetings.replace('client noor heard', 'client noor heard\n        action "Afspraken" owner nobody due 2026-01-20') }, 'an organisation, household member or supporter declared in this plan or workspace', 'een organisatie, gezinslid of steunfiguur in dit plan of deze werkruimte']
    ])('%s', async (_label, sections, en, nl) => {
        const text = examplePlan(sections);
        const name = text.includes('addresses geweld') ? 'geweld' : 'nobody';
        expect(withCode(await checkPlan(text), 'VP081').map(d => d.message)).toEqual([`'${name}' is not ${en}; declare it or correct the name.`]);
        expect(withCode(await checkPlan(text, { locale: 'nl' }), 'VP081')[0].message).toContain(`als ${nl};`);
    });
});

describe('VP081 quick fix: did you mean', () => {
    test.each([
        ['an organisation', { measures: EXAMPLE_SECTIONS.measures.replace('by burgemeester_dordrecht', 'by burgemeester_dordrect') }, 'burgemeester_dordrecht'],
        ['a member, with a swapped pair of letters', { measures: EXAMPLE_SECTIONS.measures.replace('on mark', 'on makr') }, 'mark'],
        ['a member written with a capital', { interventions: EXAMPLE_SECTIONS.interventions.replace('for sanne, noor', 'for Sanne, noor') }, 'sanne'],
        ['a built-in measure type', { measures: EXAMPLE_SECTIONS.measures.replace('measure hv huisverbod', 'measure hv huisverbd') }, 'huisverbod'],
        ['a risk', { interventions: EXAMPLE_SECTIONS.interventions.replace('addresses partnergeweld', 'addresses partnergewld') }, 'partnergeweld'],
        ['a supporter as a party of an agreement', { agreements: EXAMPLE_SECTIONS.agreements.replace('by mark', 'by mark, omaa') }, 'oma']
    ])('%s: the nearest name is offered, and applying it checks clean', async (_label, sections, expected) => {
        const text = examplePlan(sections);
        expect((await checkPlan(text)).codes).toEqual(['VP081']);
        const fixed = await applyFix(text, 'VP081');
        expect(fixed.actions[0].title).toBe(`Change to '${expected}'`);
        expect((await checkPlan(fixed.after)).codes).toEqual([]);
    });

    test('at most three candidates, nearest first, each of the kind expected (a member is no organisation)', async () => {
        const catalogue = ['organisation ggz_a "A" kind ggz', 'organisation ggz_b "B" kind ggz', 'organisation ggz_c "C" kind ggz', 'organisation ggz_dd "D" kind ggz'].join('\n');
        const text = examplePlan({ interventions: EXAMPLE_SECTIONS.interventions.replace('by ggz_zhz', 'by ggz_') });
        const { actions } = await quickFixes(text, 'VP081', { others: [catalogue] });
        expect(actions.map(a => a.title)).toEqual(["Change to 'ggz_a'", "Change to 'ggz_b'", "Change to 'ggz_c'"]);
        expect(actions.some(a => a.isPreferred)).toBe(false);
    });

    test('a name close to nothing gets no fix, and the Dutch title reads "Vervang door"', async () => {
        expect((await quickFixes(examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('on mark', 'on iemand_anders') }), 'VP081')).actions).toEqual([]);
        const { actions } = await quickFixes(examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('on mark', 'on makr') }), 'VP081', { locale: 'nl' });
        expect(actions.map(a => a.title)).toEqual(["Vervang door 'mark'"]);
    });

    test('a name of the wrong kind is offered the nearest name of the right kind', async () => {
        // `oma` is a supporter; an organisation is expected after `by`.
        const text = examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('by burgemeester_dordrecht', 'by ggz_zh') });
        const fixed = await applyFix(text, 'VP081');
        expect(fixed.after).toContain('by ggz_zhz');
    });
});

describe('no cascades from syntax errors', () => {
    test('a misspelt `member` keyword: the member is lost, but references to it are not VP081 again', async () => {
        const text = examplePlan({ household: EXAMPLE_SECTIONS.household.replace('member mark', 'membr mark') });
        expect((await checkPlan(text)).codes.filter(code => code !== 'VP000')).toEqual([]);
    });

    test('a misspelt `from` in a regie entry: VP000 only, no VP081 on the misspelt word', async () => {
        const text = examplePlan({ regie: '    regie {\n        veiligthuis_zhz form 2026-01-12\n    }' });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes.every(c => c === 'VP000')).toBe(true);
    });

    test('`checkd by vt` in an agreement: no VP081 for the `by vt` the parser re-read (nor VP005)', async () => {
        const text = examplePlan({ agreements: EXAMPLE_SECTIONS.agreements.replace('checked by', 'checkd by') });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
    });

    test('a typo elsewhere on the line does not silence a reference before it', async () => {
        const text = examplePlan({ interventions: EXAMPLE_SECTIONS.interventions.replace('for mark', 'for marc frm') });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(withCode(result, 'VP081').map(d => d.message)).toEqual([expect.stringContaining("'marc'")]);
    });
});

describe('documentation example', () => {
    test('the example gives VP081 and nothing else', async () => {
        const codes = await exampleCodes(vp081);
        expect(codes.length).toBeGreaterThan(0);
        expect(new Set(codes)).toEqual(new Set(['VP081']));
    });
});
