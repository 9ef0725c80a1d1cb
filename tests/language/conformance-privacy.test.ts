/**
 * Conformance of VP070 and VP071 (spec section 7): BSNs by the eleven-test in strings,
 * identifiers and comments; direct personal data in strings and comments; whole digit runs only;
 * the message never repeats the data.
 */

import { describe, expect, test } from 'vitest';
import { check, checkNl, diags, lineOf, linesOf, plan } from './conformance-support.js';

const evaluation = (title: string) => plan({ extra: `evaluation 2026-06-01 "${title}"` });

describe('VP070 no BSN', () => {
    test.each([
        ['in a string', evaluation('Dossier 111222333'), '111222333'],
        ['in a line comment', plan({ extra: '// bsn 123456782' }), '123456782'],
        ['in a block comment', plan({ extra: '/* zie 123456782 */' }), '123456782'],
        ['written with dots', evaluation('nummer 1234.56.782'), '1234.56.782'],
        ['in an identifier', plan({ extra: 'intervention h_123456782 "Hulp" {\n for ann\n by ggz\n from 2026-02-01 for 3 months\n }' }), '123456782']
    ])('a nine-digit run that passes the eleven-test %s is VP070 (an error that never repeats the number)', async (_label, text, number) => {
        const result = await check(text);
        expect(result.codes).toContain('VP070');
        for (const d of diags(result, 'VP070')) {
            expect(d.severity).toBe(1);
            expect(d.message).not.toContain(number);
            expect(d.message).not.toContain(number.replace(/\./g, ''));
        }
        const nl = await checkNl(text);
        for (const d of diags(nl, 'VP070')) expect(d.message).not.toContain(number.replace(/\./g, ''));
    });

    test.each([
        ['one that fails the eleven-test', 'Dossier 123456789'],
        ['all zeros', 'Dossier 000000000'],
        ['ten digits', 'Dossier 1234567820'],
        ['nine digits inside a longer run', 'Kenmerk 91234567820']
    ])('%s is not VP070', async (_label, title) => {
        expect((await check(evaluation(title))).codes).toEqual([]);
    });

    test('a BSN on a duplicate declaration is still reported', async () => {
        const text = plan({ extra: 'evaluation 2026-06-01 "Evaluatie"\n    agreement afspraak "Kenmerk 111222333" {\n by bob\n protects ann\n checked by vt\n }' });
        const result = await check(text);
        expect(result.codes).toEqual(['VP070', 'VP080']);
    });
});

describe('VP071 no direct personal data', () => {
    test.each([
        ['an e-mail address', 'Mail naar a.jansen@example.nl'],
        ['a mobile number with a hyphen', 'Bel 06-12345678'],
        ['a landline with spaces', 'Bel 010 123 4567'],
        ['a +31 number', 'Bel +31612345678'],
        ['a 0031 number with spaces', 'Bel 0031 6 12345678'],
        ['a postcode with a house number', 'Adres 3311 AB 12'],
        ['a street, number and postcode', 'Dorpsstraat 12, 3311 AB'],
        ['a date of birth next to a birth word', 'geboren 12-03-2015'],
        ['a date of birth next to a member name', 'noor 2015-03-12 en kim 2018-05-01']
    ])('%s in a string is VP071 (a warning that never repeats the data)', async (_label, title) => {
        const result = await check(evaluation(title));
        expect(result.codes).toEqual(['VP071']);
        const [d] = diags(result, 'VP071');
        expect(d.severity).toBe(2);
        const sensitive = title.split(' ').slice(1).join(' ');
        expect(d.message).not.toContain(sensitive);
    });

    test('personal data in a comment is VP071 on the comment line', async () => {
        const text = plan({ extra: '// contact: a.jansen@example.nl' });
        const result = await check(text);
        expect(result.codes).toEqual(['VP071']);
        expect(linesOf(result, 'VP071')).toEqual([lineOf(text, 'contact:')]);
    });

    test.each([
        ['a postcode without a house number', 'Wijk 3311 AB'],
        ['a date that is not next to a birth word or a name', 'Overleg 2026-03-12'],
        ['a longer digit run is not a phone number', 'Zaak 0612345678901'],
        ['a plain amount', 'Schuld 1200 euro']
    ])('%s is not VP071', async (_label, title) => {
        expect((await check(evaluation(title))).codes).toEqual([]);
    });

    test('a duplicate declaration still gets VP071', async () => {
        const text = plan({ extra: 'agreement afspraak "Bel 06-12345678" {\n by bob\n protects ann\n checked by vt\n }' });
        expect((await check(text)).codes).toEqual(['VP071', 'VP080']);
    });
});
