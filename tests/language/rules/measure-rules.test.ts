/**
 * Measures (language/rules/measure-rules.ts): VP030 within the legal limit (calendar arithmetic,
 * default first-term ends, extensions), VP031 eligible subject, VP032 unchecked limit and VP033
 * imposed by the right authority, the silence an unknown type or an invalid term brings, the
 * quick fix of VP030 and the documentation examples.
 */

import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp030, vp031, vp032, vp033 } from '../../../language/rules/measure-rules.js';
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

const MEASURE_CODES = ['VP030', 'VP031', 'VP032', 'VP033'];
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

describe('what silences the measure rules', () => {
    test('a measure of an unknown type (VP081) gets no VP030–VP033 (and no VP013): only the reference error', async () => {
        const text = withMeasures([measure('x', 'onbekend_type', 'on noor', 'by ggz_zhz', 'from 2026-02-01 to 2036-01-01')]);
        const result = await check(text);
        expect(result.codes).toEqual(['VP081']);
        expect(withCode(result, 'VP081')[0].range.start.line).toBe(lineOf(text, 'measure x'));
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
