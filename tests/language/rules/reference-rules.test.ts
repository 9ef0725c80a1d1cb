/**
 * Reference rule (language/rules/reference-rules.ts): VP081, reported from the linker's errors by
 * the document validator, with its cascades.
 */

import { describe, expect, test } from 'vitest';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { referenceFinding, vp081 } from '../../../language/rules/reference-rules.js';
import { checkText, createTestServices, withCode } from '../../helpers.js';
import { checkPlan, exampleCodes } from './rule-test-support.js';

const services = createTestServices();

describe('VP081 references resolve', () => {
    test('an unresolved reference names what is missing, on the name, in English and Dutch', async () => {
        const text = 'plan p "P" { household { member a adult } measure m huisverbod { on a by gemeente_x from 2026-01-01 } }';
        const en = await checkText(services, text);
        const [diagnostic] = withCode(en, 'VP081');
        expect(diagnostic.message).toBe("'gemeente_x' is not an organisation declared in this plan or workspace; declare it or correct the name.");
        expect(diagnostic.severity).toBe(1);
        expect(en.document.textDocument.getText(diagnostic.range)).toBe('gemeente_x');
        const nl = await checkText(services, text, { locale: 'nl' });
        expect(withCode(nl, 'VP081')[0].message).toBe("'gemeente_x' is niet gedeclareerd als een organisatie in dit plan of deze werkruimte; declareer het of verbeter de naam.");
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
