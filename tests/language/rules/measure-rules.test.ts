/**
 * Measures (language/rules/measure-rules.ts): VP030 within the legal limit (calendar arithmetic,
 * default first-term ends, extensions), VP031 eligible subject, VP032 unchecked limit, VP033
 * imposed by the right authority and (v2) VP034 required measure runs, the silence an unknown type
 * or an invalid term brings, the quick fixes of VP030 and VP034, advice followed literally and the
 * documentation examples.
 */

import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp030, vp031, vp032, vp033, vp034 } from '../../../language/rules/measure-rules.js';
import { applyFix, checkPlan, exampleCodes, expectFixed, lineOf, quickFixes, replaceOnce, withCode } from './rule-test-support.js';

/** The example catalogue with a public prosecutor (kind `om`). */
const CATALOGUE = `${EXAMPLE_CATALOGUE}organisation om_zhz "Openbaar Ministerie" kind om\n`;

/** Regie held by one organisation for the whole plan (so that a measure's `regie` kind raises no VP013). */
const regieBy = (organisation: string) => `    regie {\n        ${organisation} from 2026-01-12\n    }`;
const VT = regieBy('veiligthuis_zhz');
const GI = regieBy('gi_zhz');

/** A measure block of these items. */
const measure = (name: string, type: string, ...items: string[]) => `    measure ${name} ${type} {\n${items.map(item => `        ${item}`).join('\n')}\n    }`;

/** The example plan with these measures instead of the huisverbod, and the regie given. */
const withMeasures = (measures: string[], regie = EXAMPLE_SECTIONS.regie) => examplePlan({ measures: measures.join('\n\n'), regie });

const check = (text: string, options: { locale?: 'en' | 'nl'; others?: string[] } = {}) => checkPlan(text, { catalogue: CATALOGUE, ...options });

const MEASURE_CODES = ['VP030', 'VP031', 'VP032', 'VP033', 'VP034'];
const measureCodes = (codes: string[]) => codes.filter(code => MEASURE_CODES.includes(code));

const huisverbod = (...terms: string[]) => measure('hv', 'huisverbod', 'on mark', 'protects sanne, noor', 'by burgemeester_dordrecht', ...terms);
const ots = (...items: string[]) => measure('o', 'ots', 'on noor', 'by rechtbank_rotterdam', ...items);

describe('the example plan', () => {
    test('is clean, also without its measure and with regie held by one organisation', async () => {
        expect((await check(examplePlan())).codes).toEqual([]);
        expect((await check(withMeasures([], VT))).codes).toEqual([]);
    });
});

describe('VP030 within the legal limit', () => {
    test('huisverbod: 10 days plus 18 days of extension is exactly the 28-day total max', async () => {
        expect((await check(withMeasures([huisverbod('from 2026-01-12 for 10 days', 'extend for 18 days')], VT))).codes).toEqual([]);
    });

    test('huisverbod: one day more is VP030 on the extension, giving the limit, the actual length, the latest end and the basis', async () => {
        const text = withMeasures([huisverbod('from 2026-01-12 for 10 days', 'extend for 19 days')], VT);
        const result = await check(text);
        expect(result.codes).toEqual(['VP030']);
        const [d] = withCode(result, 'VP030');
        expect(d.severity).toBe(DiagnosticSeverity.Error);
        expect(d.range.start.line).toBe(lineOf(text, 'extend for 19 days'));
        expect(d.message).toMatch(/\b28 days\b/);
        expect(d.message).toMatch(/\b29 days\b/);
        expect(d.message).toContain('Wet tijdelijk huisverbod, art. 2 en 9');
        expect(d.message).toContain('at 2026-02-09 at the latest');
        expect(d.message).toContain('at most 18 days');
    });

    test('an extension added after the total max is already reached says to remove it', async () => {
        const text = withMeasures([huisverbod('from 2026-01-12 for 28 days', 'extend for 1 day')], VT);
        const [d] = withCode(await check(text), 'VP030');
        expect(d.range.start.line).toBe(lineOf(text, 'extend for 1 day'));
        expect(d.message).toContain('remove extension 1');
    });

    test('the first term alone can break the total max: the diagnostic sits on `from`', async () => {
        const text = withMeasures([huisverbod('from 2026-01-12 to 2026-02-10')], VT);
        const [d] = withCode(await check(text), 'VP030');
        expect(d.range.start.line).toBe(lineOf(text, 'from 2026-01-12 to 2026-02-10'));
        expect(d.message).toContain('the first term');
    });

    test('extensions add up: 10 + 9 + 9 days is fine, 10 + 9 + 10 is not', async () => {
        expect((await check(withMeasures([huisverbod('from 2026-01-12 for 10 days', 'extend for 9 days', 'extend to 2026-02-09')], VT))).codes).toEqual([]);
        expect((await check(withMeasures([huisverbod('from 2026-01-12 for 10 days', 'extend for 9 days', 'extend to 2026-02-10')], VT))).codes).toEqual(['VP030']);
    });

    test('a first term without an end lasts the type\'s initial (huisverbod: 10 days)', async () => {
        expect((await check(withMeasures([huisverbod('from 2026-01-12', 'extend for 18 days')], VT))).codes).toEqual([]);
        expect((await check(withMeasures([huisverbod('from 2026-01-12', 'extend for 19 days')], VT))).codes).toEqual(['VP030']);
    });

    test('OTS: term max 1 year in calendar terms; each term is checked on its own', async () => {
        const codes = async (...items: string[]) => (await check(withMeasures([ots(...items)], GI))).codes;
        expect(await codes('from 2026-01-31 to 2027-01-31')).toEqual([]);
        expect(await codes('from 2026-01-31 to 2027-02-01')).toEqual(['VP030']);
        expect(await codes('from 2026-02-01 for 1 year', 'extend for 1 year')).toEqual([]);
        expect(await codes('from 2026-02-01 for 12 months', 'extend for 365 days')).toEqual([]);
        expect(await codes('from 2026-01-12 for 1 year', 'extend for 1 year', 'extend for 12 months')).toEqual([]);
    });

    test('OTS: a too long extension is VP030 on that extension only', async () => {
        const text = withMeasures([ots('from 2026-01-12 for 1 year', 'extend for 13 months')], GI);
        const result = await check(text);
        expect(result.codes).toEqual(['VP030']);
        const [d] = withCode(result, 'VP030');
        expect(d.range.start.line).toBe(lineOf(text, 'extend for 13 months'));
        expect(d.message).toContain('Extension 1');
    });

    test('OTS on 29 February: + 1 year is 28 February, one day later is too long (366 days)', async () => {
        const text = (end: string) => examplePlan({
            header: '    status active\n    period 2028-01-01 to 2030-01-01',
            measures: ots(`from 2028-02-29 to ${end}`), regie: regieBy('gi_zhz').replace('2026-01-12', '2028-01-01'), aftercare: ''
        });
        expect(measureCodes((await check(text('2029-02-28'))).codes)).toEqual([]);
        const late = text('2029-03-01');
        const found = withCode(await check(late), 'VP030');
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(late, 'from 2028-02-29'));
        expect(found[0].message).toContain('term max of 1 year');
        expect(found[0].message).toContain('366 days');
        expect(found[0].message).toContain('2029-02-28');
    });

    test('a first term without an end and without initial lasts the term max (voorlopige OTS: 3 months)', async () => {
        const codes = async (extension: string) => (await check(withMeasures([measure('o', 'voorlopige_ots', 'on noor', 'by rechtbank_rotterdam', 'from 2026-02-01', extension)], GI))).codes;
        expect(await codes('extend for 3 months')).toEqual([]);
        expect(await codes('extend for 4 months')).toEqual(['VP030']);
    });

    test('a first term without an end, initial or term max lasts the total max (art. 38v: 5 years)', async () => {
        const codes = async (...extension: string[]) => (await check(withMeasures([measure('v', 'vrijheidsbeperking_38v', 'on mark', 'by rechtbank_rotterdam', 'from 2026-02-01', ...extension)]))).codes;
        expect(await codes()).not.toContain('VP030');
        expect(await codes('extend for 1 day')).toContain('VP030');
    });

    test('a workspace measure type with term max and total max: both are checked', async () => {
        const type = 'measure type regio_drang "Regionaal drangtraject" {\n    mode drang\n    term max 3 months\n    total max 6 months\n}\n';
        const codes = async (...terms: string[]) => (await check(withMeasures([measure('d', 'regio_drang', 'on mark', 'by wijkteam_dordrecht', ...terms)]), { others: [type] })).codes;
        expect(await codes('from 2026-02-01 for 3 months', 'extend for 3 months')).toEqual([]);
        expect(await codes('from 2026-02-01 for 4 months')).toEqual(['VP030']);
        expect(await codes('from 2026-02-01 for 3 months', 'extend for 3 months', 'extend for 1 day')).toEqual(['VP030']);
    });

    test('an invalid term (VP060) silences VP030', async () => {
        const result = await check(withMeasures([huisverbod('from 2026-01-12 for 10 days', 'extend to 2026-01-20', 'extend for 40 days')], VT));
        expect(withCode(result, 'VP060')).toHaveLength(1);
        expect(withCode(result, 'VP030')).toEqual([]);
        expect((await check(withMeasures([huisverbod('from 2026-03-10 to 2026-01-10')], VT))).codes).toEqual(['VP060']);
        expect((await check(withMeasures([huisverbod('from 2026-02-30 for 40 days')], VT))).codes).toEqual(['VP060']);
    });

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await check(withMeasures([huisverbod('from 2026-01-12 for 10 days', 'extend for 19 days')], VT), { locale: 'nl' }), 'VP030');
        expect(d.message).toContain('langer dan het totale maximum van 28 dagen');
        expect(d.message).toContain('wettelijke grondslag: Wet tijdelijk huisverbod');
    });

    test('fix: an extension past the total max of a huisverbod ends at the limit', async () => {
        const text = replaceOnce(examplePlan({ regie: VT }), 'extend for 18 days', 'extend for 30 days');
        const { after, actions } = await applyFix(text, 'VP030', { locale: 'nl' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe('Termijn inkorten tot het wettelijk maximum (to 2026-02-09)');
        expect(after).toBe(replaceOnce(text, 'extend for 30 days', 'extend to 2026-02-09'));
        await expectFixed(text, after, 'VP030');
    });

    test('fix: a first term past the term max is shortened to the term max', async () => {
        const text = withMeasures([EXAMPLE_SECTIONS.measures, ots('from 2026-01-12 for 18 months')], VT);
        const { after, actions } = await applyFix(text, 'VP030', { locale: 'en' });
        expect(actions[0].title).toBe('Shorten the term to the legal maximum (for 1 year)');
        expect(after).toBe(replaceOnce(text, 'from 2026-01-12 for 18 months', 'from 2026-01-12 for 1 year'));
        await expectFixed(text, after, 'VP030');
    });

    test('fix: an extension that starts when the total max is already reached is removed', async () => {
        const text = withMeasures([huisverbod('from 2026-01-12 for 28 days', 'extend for 5 days')], VT);
        const { after, actions } = await applyFix(text, 'VP030', { locale: 'en' });
        expect(actions[0].title).toBe('Remove the extension: the limit is reached on 2026-02-09');
        expect(after).toBe(replaceOnce(text, '\n        extend for 5 days', ''));
        await expectFixed(text, after, 'VP030');
    });

    test('fix: of two measures over their limits, each diagnostic fixes its own measure', async () => {
        const text = withMeasures([huisverbod('from 2026-01-12 for 10 days', 'extend for 30 days'), ots('from 2026-01-12 for 18 months')], VT);
        const second = await applyFix(text, 'VP030', { locale: 'en', nth: 1 });
        expect(second.after).toBe(replaceOnce(text, 'from 2026-01-12 for 18 months', 'from 2026-01-12 for 1 year'));
    });

    describe('its advice works when followed literally', () => {
        /** The `to DATE` codes a message suggests, in order. */
        const suggested = (message: string) => [...message.matchAll(/`(?:extend )?(to \d{4}-\d{2}-\d{2})`/g)].map(m => m[1]);

        test('an extension past the total max: `to` the latest end', async () => {
            const text = withMeasures([huisverbod('from 2026-01-12 for 10 days', 'extend for 19 days')], VT);
            const [d] = withCode(await check(text), 'VP030');
            expect(suggested(String(d.message))).toEqual(['to 2026-02-09']);
            expect(measureCodes((await check(replaceOnce(text, 'extend for 19 days', 'extend to 2026-02-09'))).codes)).toEqual([]);
        });

        test('a term past the total max with extensions after it: the message says to remove them, and so does the fix', async () => {
            const text = withMeasures([huisverbod('from 2026-01-12 for 10 days', 'extend for 20 days', 'extend for 5 days')], VT);
            const [d] = withCode(await check(text), 'VP030');
            expect(d.message).toContain('Let extension 1 end at 2026-02-09 at the latest (`to 2026-02-09`, at most 18 days) and remove the extension after it.');
            const [nl] = withCode(await check(text, { locale: 'nl' }), 'VP030');
            expect(nl.message).toContain('Laat verlenging 1 uiterlijk op 2026-02-09 eindigen (`to 2026-02-09`, hoogstens 18 dagen) en verwijder de verlenging erna.');
            const literal = replaceOnce(replaceOnce(text, 'extend for 20 days', 'extend to 2026-02-09'), '\n        extend for 5 days', '');
            expect(measureCodes((await check(literal)).codes)).toEqual([]);
            const { after, actions } = await applyFix(text, 'VP030', { catalogue: CATALOGUE, locale: 'en' });
            expect(actions[0].title).toBe('Shorten the term to the legal maximum (to 2026-02-09) and remove the extension after it');
            expect(after).toBe(literal);
            await expectFixed(text, after, 'VP030', { catalogue: CATALOGUE });
        });

        test('the first term past the total max, with an extension after it', async () => {
            const text = withMeasures([huisverbod('from 2026-01-12 for 30 days', 'extend for 5 days')], VT);
            const [d] = withCode(await check(text), 'VP030');
            expect(d.message).toContain('Let the first term end at 2026-02-09 at the latest (`to 2026-02-09`, at most 28 days) and remove the extension after it.');
            const literal = replaceOnce(replaceOnce(text, 'for 30 days', 'to 2026-02-09'), '\n        extend for 5 days', '');
            expect(measureCodes((await check(literal)).codes)).toEqual([]);
            const { after } = await applyFix(text, 'VP030', { catalogue: CATALOGUE });
            await expectFixed(text, after, 'VP030', { catalogue: CATALOGUE });
        });

        test('an extension that starts at the limit, with another after it: both go', async () => {
            const text = withMeasures([huisverbod('from 2026-01-12 for 28 days', 'extend for 5 days', 'extend for 3 days')], VT);
            const [d] = withCode(await check(text), 'VP030');
            expect(d.message).toContain('The limit is already reached at 2026-02-09: remove extension 1 and the extension after it.');
            const { after, actions } = await applyFix(text, 'VP030', { catalogue: CATALOGUE, locale: 'nl' });
            expect(actions[0].title).toBe('2 verlengingen verwijderen: het maximum is op 2026-02-09 bereikt');
            expect(after).toBe(replaceOnce(text, '\n        extend for 5 days\n        extend for 3 days', ''));
            await expectFixed(text, after, 'VP030', { catalogue: CATALOGUE });
        });

        test('a first term past the term max, followed by `extend to`: that extension would run longer, and is cut too', async () => {
            const text = withMeasures([ots('from 2026-01-12 for 18 months', 'extend to 2028-03-01')], GI);
            const [d] = withCode(await check(text), 'VP030');
            expect(d.message).toContain('End this term at 2027-01-12 at the latest (`to 2027-01-12`, at most 365 days), ' +
                'and let extension 1, which then starts on 2027-01-12, end at 2028-01-12 at the latest (`extend to 2028-01-12`).');
            expect(suggested(String(d.message))).toEqual(['to 2027-01-12', 'to 2028-01-12']);
            const literal = replaceOnce(replaceOnce(text, 'for 18 months', 'to 2027-01-12'), 'extend to 2028-03-01', 'extend to 2028-01-12');
            expect(measureCodes((await check(literal)).codes)).toEqual([]);
            const { after } = await applyFix(text, 'VP030', { catalogue: CATALOGUE });
            expect(after).toBe(replaceOnce(replaceOnce(text, 'for 18 months', 'for 1 year'), 'extend to 2028-03-01', 'extend to 2028-01-12'));
            await expectFixed(text, after, 'VP030', { catalogue: CATALOGUE });
        });

        test('an extension past the term max followed by an `extend to` that stays within it: only this term is cut', async () => {
            const text = withMeasures([ots('from 2026-01-12 for 1 year', 'extend for 13 months', 'extend to 2029-01-01')], GI);
            const [d] = withCode(await check(text), 'VP030');
            expect(suggested(String(d.message))).toEqual(['to 2028-01-12']);
            expect(measureCodes((await check(replaceOnce(text, 'extend for 13 months', 'extend to 2028-01-12'))).codes)).toEqual([]);
        });
    });

    test('the docs example gives VP030 only', async () => {
        expect(await exampleCodes(vp030)).toEqual(['VP030']);
    });
});

describe('VP031 eligible subject', () => {
    test('a huisverbod (subject adult) on a child is VP031 on that reference', async () => {
        const text = withMeasures([measure('hv', 'huisverbod', 'on mark,', '   noor', 'protects sanne', 'by burgemeester_dordrecht', 'from 2026-01-12 for 10 days')], VT);
        const result = await check(text);
        expect(result.codes).toEqual(['VP031']);
        const [d] = withCode(result, 'VP031');
        expect(d.severity).toBe(DiagnosticSeverity.Error);
        expect(d.range.start.line).toBe(lineOf(text, '           noor'));
        expect(d.range.end.character - d.range.start.character).toBe('noor'.length);
        expect(d.message).toContain("'noor' is a child");
        expect(d.message).toContain('only be imposed on adults');
    });

    test('an OTS (subject minor) on an adult is VP031', async () => {
        const result = await check(withMeasures([measure('o', 'ots', 'on sanne', 'by rechtbank_rotterdam', 'from 2026-02-01 for 1 year')], GI));
        expect(result.codes).toEqual(['VP031']);
        expect(withCode(result, 'VP031')[0].message).toContain("'sanne' is an adult");
        expect(withCode(result, 'VP031')[0].message).toContain('minors');
    });

    test('every member on the wrong side is reported, over several `on` items; a reference that does not resolve is skipped', async () => {
        const text = withMeasures([measure('hv', 'huisverbod', 'on noor, onbekend', 'on mark', 'on noor', 'by burgemeester_dordrecht', 'from 2026-01-12 for 10 days')], VT);
        const result = await check(text);
        expect(withCode(result, 'VP081')).toHaveLength(1);
        const found = withCode(result, 'VP031');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, 'on noor, onbekend'), lineOf(text, '        on noor', 2)]);
        expect(found[0].range.start.character).toBe(text.split('\n')[lineOf(text, 'on noor, onbekend')].indexOf('noor'));
    });

    test('a huisverbod on an adult, an OTS on a child and a subject-any type on anyone are fine', async () => {
        const text = withMeasures([
            huisverbod('from 2026-01-12 for 10 days'),
            ots('from 2026-01-12 for 1 year'),
            measure('g', 'gedragsaanwijzing', 'on mark, noor', 'by om_zhz', 'from 2026-01-12 for 90 days')
        ], VT);
        expect(measureCodes((await check(text)).codes)).toEqual([]);
    });

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await check(withMeasures([measure('hv', 'huisverbod', 'on noor', 'by burgemeester_dordrecht', 'from 2026-01-12 for 10 days')], VT), { locale: 'nl' }), 'VP031');
        expect(d.message).toContain('kan alleen aan volwassenen worden opgelegd');
    });

    test('the docs example gives VP031 only', async () => {
        expect(await exampleCodes(vp031)).toEqual(['VP031']);
    });
});

describe('VP032 unchecked limit', () => {
    const sepot = (...terms: string[]) => measure('s', 'voorwaardelijk_sepot', 'on mark', 'by om_zhz', ...terms);

    test('a measure of a type without a limit and without an end is VP032 on its first term, even with an extend', async () => {
        const text = withMeasures([sepot('from 2026-02-01', 'extend for 3 months')]);
        const result = await check(text);
        expect(result.codes).toEqual(['VP032']);
        const [d] = withCode(result, 'VP032');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'from 2026-02-01'));
        expect(d.message).toContain("'voorwaardelijk_sepot' has no legal limit");
        expect(d.message).toContain('to the end of the plan (2027-01-12)');
        expect(d.message).toContain('from 2026-02-01 for 3 months');
    });

    test('an explicit end (for or to) satisfies it', async () => {
        expect((await check(withMeasures([sepot('from 2026-02-01 for 6 months')]))).codes).toEqual([]);
        expect((await check(withMeasures([sepot('from 2026-02-01 to 2026-08-01')]))).codes).toEqual([]);
    });

    test('`initial` does not excuse it: a declared type with only `initial` still needs an end', async () => {
        const type = 'measure type regio_drang "Regionaal drangtraject" {\n    mode drang\n    initial 3 months\n}\n';
        const result = await check(withMeasures([measure('d', 'regio_drang', 'on mark', 'by wijkteam_dordrecht', 'from 2026-02-01')]), { others: [type] });
        expect(result.codes).toEqual(['VP032']);
    });

    test('with `initial`, the message says the first term runs for it (not to the plan end), giving its last day', async () => {
        const type = 'measure type regio_drang "Regionaal drangtraject" {\n    mode drang\n    initial 3 months\n}\n';
        const text = withMeasures([measure('d', 'regio_drang', 'on mark', 'by wijkteam_dordrecht', 'from 2026-02-01')]);
        const [d] = withCode(await check(text, { others: [type] }), 'VP032');
        expect(d.message).toContain("states no end, so it would run for its type's `initial` of 3 months (through 2026-04-30) unchecked.");
        expect(d.message).not.toContain('end of the plan');
        const [nl] = withCode(await check(text, { others: [type], locale: 'nl' }), 'VP032');
        expect(nl.message).toContain('dus die loopt ongecontroleerd zo lang als de `initial` van het type, 3 maanden (tot en met 2026-04-30).');
    });

    test('its advice works when followed literally: `from DATE for 3 months`', async () => {
        const text = withMeasures([sepot('from 2026-02-01')]);
        const [d] = withCode(await check(text), 'VP032');
        expect(d.message).toContain('`from 2026-02-01 for 3 months`');
        expect((await check(replaceOnce(text, 'from 2026-02-01', 'from 2026-02-01 for 3 months'))).codes).toEqual([]);
    });

    test('a type with a limit does not need an explicit end', async () => {
        expect((await check(withMeasures([huisverbod('from 2026-01-12')], VT))).codes).toEqual([]);
    });

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await check(withMeasures([sepot('from 2026-02-01')]), { locale: 'nl' }), 'VP032');
        expect(d.message).toContain('heeft geen wettelijke termijn');
    });

    test('the docs example gives VP032 only', async () => {
        expect(await exampleCodes(vp032)).toEqual(['VP032']);
    });
});

describe('VP033 imposed by the right authority', () => {
    test('a huisverbod imposed by a GGZ organisation is VP033 on `by`, naming the allowed kinds', async () => {
        const text = withMeasures([measure('hv', 'huisverbod', 'on mark', 'by ggz_zhz', 'from 2026-01-12 for 10 days')], VT);
        const result = await check(text);
        expect(result.codes).toEqual(['VP033']);
        const [d] = withCode(result, 'VP033');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'by ggz_zhz'));
        expect(d.message).toContain('burgemeester, politie');
        expect(d.message).toContain('kind ggz');
    });

    test('a huisverbod by the police or the mayor is fine, by a court it is VP033; an OTS by a mayor is VP033', async () => {
        const hv = (by: string) => withMeasures([measure('hv', 'huisverbod', 'on mark', `by ${by}`, 'from 2026-01-12')], VT);
        expect((await check(hv('politie_zhz'))).codes).toEqual([]);
        expect((await check(hv('burgemeester_dordrecht'))).codes).toEqual([]);
        expect((await check(hv('rechtbank_rotterdam'))).codes).toEqual(['VP033']);
        expect((await check(withMeasures([measure('o', 'ots', 'on noor', 'by burgemeester_dordrecht', 'from 2026-02-01 for 1 year')], GI))).codes).toEqual(['VP033']);
    });

    test('a type without `imposed by` accepts any organisation', async () => {
        const type = 'measure type regio_drang "Regionaal drangtraject" {\n    mode drang\n    term max 6 months\n}\n';
        expect((await check(withMeasures([measure('d', 'regio_drang', 'on mark', 'by zvh_zhz', 'from 2026-02-01')]), { others: [type] })).codes).toEqual([]);
    });

    test('a `by` that does not resolve is VP081 only', async () => {
        expect((await check(withMeasures([measure('hv', 'huisverbod', 'on mark', 'by onbekend', 'from 2026-01-12')], VT))).codes).toEqual(['VP081']);
    });

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await check(withMeasures([measure('hv', 'huisverbod', 'on mark', 'by ggz_zhz', 'from 2026-01-12')], VT), { locale: 'nl' }), 'VP033');
        expect(d.message).toContain('alleen deze soorten kunnen hem opleggen');
    });

    test('VP031, VP032 and VP033 offer no quick fix', async () => {
        expect((await quickFixes(withMeasures([measure('hv', 'huisverbod', 'on noor', 'by burgemeester_dordrecht', 'from 2026-01-12')], VT), 'VP031')).actions).toEqual([]);
        expect((await quickFixes(withMeasures([measure('s', 'voorwaardelijk_sepot', 'on mark', 'by om_zhz', 'from 2026-02-01')]), 'VP032', { catalogue: CATALOGUE })).actions).toEqual([]);
        expect((await quickFixes(withMeasures([measure('hv', 'huisverbod', 'on mark', 'by ggz_zhz', 'from 2026-01-12')], VT), 'VP033')).actions).toEqual([]);
    });

    test('the docs example gives VP033 only', async () => {
        expect(await exampleCodes(vp033)).toEqual(['VP033']);
    });
});

describe('VP034 required measure runs', () => {
    /** A machtiging uithuisplaatsing on noor (requires ots or voorlopige_ots). */
    const uhp = (...terms: string[]) => measure('uhp', 'uithuisplaatsing', 'on noor', 'by rechtbank_rotterdam', ...terms);
    /** A child-protection measure of `type` on `members`, by the court. */
    const protection = (name: string, type: string, members: string, ...terms: string[]) => measure(name, type, `on ${members}`, 'by rechtbank_rotterdam', ...terms);
    /** The GI holds regie for the whole plan: OTS and uithuisplaatsing raise no VP013. */
    const plan = (...measures: string[]) => withMeasures(measures, GI);
    /** A second child, daan, protected by the agreement all along. */
    const withDaan = (...measures: string[]) => examplePlan({
        household: EXAMPLE_SECTIONS.household.replace('    }', '        member daan child born 2017\n    }'),
        agreements: EXAMPLE_SECTIONS.agreements.replace('protects sanne', 'protects sanne, daan'),
        measures: measures.join('\n\n'),
        regie: GI
    });

    test('an uithuisplaatsing without any OTS is VP034 on the measure, naming the first day, the member and the stretch', async () => {
        const text = plan(uhp('from 2026-03-02 for 6 months'));
        const result = await check(text);
        expect(result.codes).toEqual(['VP034']);
        const [d] = withCode(result, 'VP034');
        expect(d.severity).toBe(DiagnosticSeverity.Error);
        expect(d.range.start.line).toBe(lineOf(text, 'measure uhp'));
        expect(d.message).toBe("Measure 'uhp' (uithuisplaatsing) may only run while a measure of type ots or voorlopige_ots runs on the same member, " +
            "but none runs on 'noor' from 2026-03-02 for 184 days (through 2026-09-01). " +
            'Add a measure of type ots with `on noor` and `from 2026-03-02 to 2026-09-02`.');
        const [nl] = withCode(await check(text, { locale: 'nl' }), 'VP034');
        expect(nl.message).toBe("Maatregel 'uhp' (uithuisplaatsing) mag alleen lopen zolang er voor hetzelfde gezinslid een maatregel van type ots of voorlopige_ots loopt, " +
            "maar voor 'noor' loopt er geen vanaf 2026-03-02, 184 dagen lang (tot en met 2026-09-01). " +
            'Voeg een maatregel van type ots toe met `on noor` en `from 2026-03-02 to 2026-09-02`.');
    });

    test('within an OTS it is fine; an OTS that ends on the last day of the placement (half-open) is enough, one day less is VP034 for that day', async () => {
        expect((await check(plan(protection('o', 'ots', 'noor', 'from 2026-02-02 for 1 year'), uhp('from 2026-03-02 for 6 months')))).codes).toEqual([]);
        expect((await check(plan(protection('o', 'ots', 'noor', 'from 2026-03-02 to 2026-09-02'), uhp('from 2026-03-02 to 2026-09-02')))).codes).toEqual([]);
        const result = await check(plan(protection('o', 'ots', 'noor', 'from 2026-03-02 to 2026-09-01'), uhp('from 2026-03-02 to 2026-09-02')));
        expect(result.codes).toEqual(['VP034']);
        expect(withCode(result, 'VP034')[0].message).toContain("none runs on 'noor' from 2026-09-01 for 1 day (through 2026-09-01). Extend 'o' over those days (`extend to 2026-09-02`)");
    });

    test('an OTS that starts one day after the placement leaves that first day', async () => {
        const result = await check(plan(protection('o', 'ots', 'noor', 'from 2026-03-03 for 1 year'), uhp('from 2026-03-02 for 6 months')));
        expect(result.codes).toEqual(['VP034']);
        expect(withCode(result, 'VP034')[0].message).toContain("none runs on 'noor' from 2026-03-02 for 1 day (through 2026-03-02). Add a measure of type ots with `on noor` and `from 2026-03-02 to 2026-03-03`.");
    });

    test('any required type counts, and the days may be covered by several measures in turn: a voorlopige OTS followed by an OTS', async () => {
        const text = plan(
            protection('vots', 'voorlopige_ots', 'noor', 'from 2026-02-02 for 3 months'),
            protection('o', 'ots', 'noor', 'from 2026-05-02 for 1 year'),
            uhp('from 2026-03-02 for 6 months'));
        expect((await check(text)).codes).toEqual([]);
    });

    test('an OTS on another child does not count; one diagnostic per measure, naming the member whose stretch comes first', async () => {
        const both = measure('uhp', 'uithuisplaatsing', 'on noor, daan', 'by rechtbank_rotterdam', 'from 2026-03-02 for 6 months');
        const text = withDaan(protection('o', 'ots', 'noor', 'from 2026-03-02 for 1 year'), both);
        const result = await check(text);
        expect(result.codes).toEqual(['VP034']);
        expect(withCode(result, 'VP034')[0].message).toContain("none runs on 'daan' from 2026-03-02");
        // Neither child under an OTS: one diagnostic, on the first member of `on` (same first day).
        const none = await check(withDaan(both));
        expect(withCode(none, 'VP034')).toHaveLength(1);
        expect(withCode(none, 'VP034')[0].message).toContain("none runs on 'noor' from 2026-03-02");
        // daan's stretch starts earlier than noor's: daan is named.
        const later = await check(withDaan(protection('o', 'ots', 'noor', 'from 2026-03-02 for 1 month'), protection('o2', 'ots', 'daan', 'from 2026-03-02 for 1 month'),
            measure('uhp', 'uithuisplaatsing', 'on noor, daan', 'by rechtbank_rotterdam', 'from 2026-03-02 for 6 months'),
            protection('o3', 'ots', 'noor', 'from 2026-04-02 for 1 year')));
        expect(withCode(later, 'VP034')[0].message).toContain("none runs on 'daan' from 2026-04-02");
    });

    test('only days of the plan period count: a placement running past the plan end within an OTS up to the plan end is fine', async () => {
        const text = plan(protection('o', 'ots', 'noor', 'from 2026-02-02 to 2027-01-12'), uhp('from 2026-12-01 for 6 months'));
        expect(measureCodes((await check(text)).codes)).toEqual([]);
        const before = plan(protection('o', 'ots', 'noor', 'from 2026-01-12 for 1 year'), uhp('from 2025-12-01 for 6 months'));
        expect(measureCodes((await check(before)).codes)).toEqual([]);
    });

    test('a measure type of the workspace may require another; without any `requires` nothing is checked', async () => {
        const types = 'measure type regio_plaatsing "Regionale plaatsing" {\n    mode drang\n    term max 6 months\n    requires regio_kader\n}\n' +
            'measure type regio_kader "Regionaal kader" {\n    mode drang\n    term max 1 year\n}\n';
        const placing = measure('p', 'regio_plaatsing', 'on mark', 'by wijkteam_dordrecht', 'from 2026-03-02 for 3 months');
        const frame = measure('k', 'regio_kader', 'on mark', 'by wijkteam_dordrecht', 'from 2026-02-02 for 1 year');
        expect((await check(withMeasures([placing]), { others: [types] })).codes).toEqual(['VP034']);
        expect((await check(withMeasures([frame, placing]), { others: [types] })).codes).toEqual([]);
        expect((await check(withMeasures([frame]), { others: [types] })).codes).toEqual([]);
    });

    test('no cascades: an unknown or invalid type, invalid dates, an unresolved member or a syntax error give no VP034', async () => {
        // The placement's own dates are invalid: VP060 only.
        expect((await check(plan(uhp('from 2026-02-30 for 6 months')))).codes).toEqual(['VP060']);
        // The OTS's dates are invalid: its days are unknown.
        expect((await check(plan(protection('o', 'ots', 'noor', 'from 2026-02-30 for 1 year'), uhp('from 2026-03-02 for 6 months')))).codes).toEqual(['VP060']);
        // A measure on noor whose type does not resolve may be the OTS, misspelt.
        expect((await check(plan(protection('o', 'otz', 'noor', 'from 2026-02-02 for 1 year'), uhp('from 2026-03-02 for 6 months')))).codes).toEqual(['VP081']);
        // An OTS on a member that does not resolve may be on noor.
        expect((await check(plan(protection('o', 'ots', 'nor', 'from 2026-02-02 for 1 year'), uhp('from 2026-03-02 for 6 months')))).codes).toEqual(['VP081']);
        // A `requires` naming a type that does not resolve: what is required is unknown.
        const types = 'measure type regio_plaatsing "Regionale plaatsing" {\n    mode drang\n    term max 6 months\n    requires ots, regio_kadr\n}\n';
        expect((await check(withMeasures([measure('p', 'regio_plaatsing', 'on mark', 'by wijkteam_dordrecht', 'from 2026-03-02 for 3 months')]), { others: [types] })).codes).toEqual([]);
        // An invalid plan period.
        const period = replaceOnce(plan(uhp('from 2026-03-02 for 6 months')), 'period 2026-01-12 to 2027-01-12', 'period 2026-01-12 to 2027-02-30');
        expect(measureCodes((await check(period)).codes)).toEqual([]);
    });

    test('no cascades: an OTS the parser cut short or dropped gives VP000 only', async () => {
        const typo = plan(measure('o', 'ots', 'onn noor', 'by rechtbank_rotterdam', 'from 2026-02-02 for 1 year'), uhp('from 2026-03-02 for 6 months'));
        expect((await check(typo)).codes).toEqual(['VP000']);
        const dropped = plan(protection('o', 'ots', 'noor', 'from 2026-02-02 for 1 year').replace('measure o', 'mesure o'), uhp('from 2026-03-02 for 6 months'));
        const codes = (await check(dropped)).codes;
        expect(codes).toContain('VP000');
        expect(new Set(codes)).toEqual(new Set(['VP000']));
    });

    test('fix: an OTS that ends too early is extended over the stretch (advice followed literally)', async () => {
        const text = plan(protection('o', 'ots', 'noor', 'from 2026-02-02 for 6 months'), uhp('from 2026-03-02 for 6 months'));
        const [d] = withCode(await check(text), 'VP034');
        expect(d.message).toContain("Extend 'o' over those days (`extend to 2026-09-02`)");
        const { after, actions } = await applyFix(text, 'VP034', { catalogue: CATALOGUE, locale: 'en' });
        expect(actions.map(a => a.title)).toEqual([
            "Extend 'o' over those days (extend to 2026-09-02)",
            "Add a measure of type ots on 'noor' from 2026-08-02 through 2026-09-01, by rechtbank_rotterdam"
        ]);
        expect(actions[0].isPreferred).toBe(true);
        expect(after).toBe(replaceOnce(text, 'from 2026-02-02 for 6 months', 'from 2026-02-02 for 6 months\n        extend to 2026-09-02'));
        await expectFixed(text, after, 'VP034', { catalogue: CATALOGUE });
    });

    test('fix: an extension beyond the term max is not offered, nor a type that cannot last the stretch; the added OTS is', async () => {
        const type = 'measure type kort_kader "Kort kader" {\n    mode dwang\n    term max 1 month\n    subject minor\n}\n' +
            'measure type plaatsing "Plaatsing" {\n    mode dwang\n    term max 1 year\n    subject minor\n    requires kort_kader, ots\n}\n';
        const workspace = plan(protection('k', 'kort_kader', 'noor', 'from 2026-02-02 for 1 month'), measure('p', 'plaatsing', 'on noor', 'by rechtbank_rotterdam', 'from 2026-02-02 for 3 months'));
        const [d] = withCode(await check(workspace, { others: [type] }), 'VP034');
        // kort_kader (known from k) cannot last 61 days in one term: the message and the fix take the next required type.
        expect(d.message).toContain("none runs on 'noor' from 2026-03-02 for 61 days (through 2026-05-01). Add a measure of type ots with `on noor` and `from 2026-03-02 to 2026-05-02`.");
        const { actions, after } = await applyFix(workspace, 'VP034', { catalogue: CATALOGUE, others: [type], locale: 'en' });
        expect(actions.map(a => a.title)).toEqual(["Add a measure of type ots on 'noor' from 2026-03-02 through 2026-05-01, by rechtbank_rotterdam"]);
        expect(after).toContain('    measure ots_noor ots {\n        on noor\n        by rechtbank_rotterdam\n        from 2026-03-02 to 2026-05-02\n    }');
        await expectFixed(workspace, after, 'VP034', { catalogue: CATALOGUE, others: [type] });
    });

    test('fix: without any OTS, one is added over the stretch, imposed by the court of the placement (advice followed literally)', async () => {
        const text = plan(uhp('from 2026-03-02 for 6 months'));
        const { after, actions } = await applyFix(text, 'VP034', { catalogue: CATALOGUE, locale: 'nl' });
        expect(actions.map(a => a.title)).toEqual(["Maatregel van type ots toevoegen voor 'noor' van 2026-03-02 tot en met 2026-09-01, door rechtbank_rotterdam"]);
        expect(actions[0].isPreferred).toBe(true);
        expect(after).toBe(replaceOnce(text, '        from 2026-03-02 for 6 months\n    }',
            '        from 2026-03-02 for 6 months\n    }\n\n    measure ots_noor ots {\n        on noor\n        by rechtbank_rotterdam\n        from 2026-03-02 to 2026-09-02\n    }'));
        await expectFixed(text, after, 'VP034', { catalogue: CATALOGUE });
    });

    test('fix: the OTS is imposed by an organisation of a kind its type names, never a placeholder; none such, no fix', async () => {
        // The placement is (wrongly) given by the GI: the added OTS names the workspace's court instead.
        const text = plan(measure('uhp', 'uithuisplaatsing', 'on noor', 'by gi_zhz', 'from 2026-03-02 for 6 months'));
        const { after } = await applyFix(text, 'VP034', { catalogue: CATALOGUE });
        expect(after).toContain('measure ots_noor ots {\n        on noor\n        by rechtbank_rotterdam\n');
        // Without a court in the workspace there is nothing to name.
        const noCourt = CATALOGUE.replace(/^organisation rechtbank_rotterdam .*\n/m, '');
        expect((await quickFixes(text, 'VP034', { catalogue: noCourt })).actions).toEqual([]);
    });

    test('the docs example gives VP034 only', async () => {
        expect(await exampleCodes(vp034)).toEqual(['VP034']);
    });
});

describe('what silences the measure rules', () => {
    test('a measure of an unknown type (VP081) gets no VP030–VP033 (and no VP013): only the reference error', async () => {
        const text = withMeasures([measure('x', 'onbekend_type', 'on noor', 'by ggz_zhz', 'from 2026-02-01 to 2036-01-01')]);
        const result = await check(text);
        expect(result.codes).toEqual(['VP081']);
        expect(withCode(result, 'VP081')[0].range.start.line).toBe(lineOf(text, 'measure x'));
    });

    test('an `extend to` of a measure whose type does not resolve gets no VP060: the end of the term before it comes from the type', async () => {
        const unknown = (...terms: string[]) => withMeasures([measure('x', 'onbekend_type', 'on noor', 'by ggz_zhz', ...terms)]);
        expect((await check(unknown('from 2026-02-01', 'extend to 2026-06-01'))).codes).toEqual(['VP081']);
        expect((await check(unknown('from 2026-02-01', 'extend for 1 month', 'extend to 2026-06-01'))).codes).toEqual(['VP081']);
        // A written end does not depend on the type: an `extend to` before it is still VP060.
        expect((await check(unknown('from 2026-02-01 to 2026-05-01', 'extend to 2026-04-01'))).codes.sort()).toEqual(['VP060', 'VP081']);
        expect((await check(unknown('from 2026-02-01', 'extend to 2027-06-01', 'extend to 2027-05-01'))).codes.sort()).toEqual(['VP060', 'VP081']);
        // An empty extension is empty whatever the type.
        expect((await check(unknown('from 2026-02-01', 'extend for 0 days'))).codes.sort()).toEqual(['VP060', 'VP081']);
    });

    test('a duplicate measure (VP080) takes part in no measure check', async () => {
        const result = await check(withMeasures([
            huisverbod('from 2026-01-12 for 10 days'),
            measure('hv', 'huisverbod', 'on noor', 'by ggz_zhz', 'from 2026-01-12 for 40 days')
        ], VT));
        expect(result.codes).toContain('VP080');
        expect(measureCodes(result.codes)).toEqual([]);
    });
});
