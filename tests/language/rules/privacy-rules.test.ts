/**
 * Privacy rules (language/rules/privacy-rules.ts): VP070 (no BSN) and VP071 (no direct personal
 * data), over a corpus of invented data; the tokens they read with and without syntax errors.
 */

import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { passesElfproef, vp070, vp071, vp072 } from '../../../language/rules/privacy-rules.js';
import { checkText, createTestServices, withCode } from '../../helpers.js';
import { applyFix, checkPlan, exampleCodes, expectFixed } from './rule-test-support.js';

const services = createTestServices();

const ERROR = 1;
const WARNING = 2;

/** Nine digits passing the eleven-test, made from an eight-digit prefix (the check digit must be 0–9). */
function bsnFrom(prefix: string): string | undefined {
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(prefix[i]);
    const check = sum % 11;
    return check <= 9 ? `${prefix}${check}` : undefined;
}

/** A few invented numbers that pass the eleven-test (computed, never taken from a real person). */
const VALID = ['27182818', '31415926', '14142135', '17320508', '22360679', '16180339', '57721566', '69314718']
    .map(bsnFrom).filter((n): n is string => n !== undefined).slice(0, 4);

/** The same numbers with a wrong check digit: they fail the eleven-test. */
const INVALID = VALID.map(n => `${n.slice(0, 8)}${(Number(n[8]) + 1) % 10}`);

/** The example plan with lines added at its end. */
const withExtra = (extra: string) => examplePlan({ extra });
const evaluation = (title: string) => withExtra(`    evaluation 2026-06-01 "${title}"`);

/** 0-based line of the first line holding `marker`. */
function lineOf(text: string, marker: string): number {
    const line = text.split('\n').findIndex(l => l.includes(marker));
    if (line < 0) throw new Error(`marker not found: ${marker}`);
    return line;
}

describe('the eleven-test', () => {
    test('the generated corpus is what the test thinks it is', () => {
        expect(VALID).toHaveLength(4);
        for (const n of VALID) expect(passesElfproef(n)).toBe(true);
        for (const n of INVALID) expect(passesElfproef(n)).toBe(false);
        expect(passesElfproef('000000000')).toBe(false);
        expect(passesElfproef('12345678')).toBe(false);
    });
});

describe('VP070 no BSN', () => {
    const places = (bsn: string) => [
        { where: 'string', text: withExtra(`    evaluation 2026-05-01 "Dossier ${bsn} bespreken"`), marker: 'Dossier' },
        { where: 'line comment', text: withExtra(`    // bsn: ${bsn}`), marker: '// bsn' },
        { where: 'block comment', text: withExtra(`    /* client\n       nummer ${bsn} */`), marker: 'nummer' },
        { where: 'identifier', text: withExtra(`    risk p${bsn} "Risico" {\n        severity low\n        nature static\n        domain social\n        affects sanne\n    }`), marker: `risk p${bsn}` },
        { where: 'dotted form', text: withExtra(`    evaluation 2026-05-01 "Nummer ${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}"`), marker: 'Nummer' }
    ];

    for (const bsn of VALID) {
        test(`a number passing the eleven-test is VP070 in a string, comment, identifier and dotted form (${places(bsn).length} places)`, async () => {
            for (const place of places(bsn)) {
                const result = await checkPlan(place.text);
                const found = withCode(result, 'VP070');
                expect(found, place.where).toHaveLength(1);
                expect(found[0].severity).toBe(ERROR);
                expect(found[0].range.start.line, place.where).toBe(lineOf(place.text, place.marker));
                expect(found[0].message).toContain('BSN');
                expect(found[0].message).not.toContain(bsn);
                expect(found[0].message).not.toMatch(/\d/);
            }
        });
    }

    test('the message says where the number is and what to do, in English and Dutch', async () => {
        const [bsn] = VALID;
        const text = withExtra(`    evaluation 2026-05-01 "Dossier ${bsn}"\n    // dossier ${bsn}\n    risk p${bsn} "Risico" {\n        severity low\n        nature static\n        domain social\n        affects sanne\n    }`);
        const en = withCode(await checkPlan(text), 'VP070').map(d => d.message);
        expect(en).toEqual([
            'This text holds a number that passes the BSN eleven-test (a citizen service number). A plan never holds a BSN: remove the number and refer to the case file instead.',
            'This name holds a number that passes the BSN eleven-test (a citizen service number). Names are pseudonyms: rename it without the number.',
            'This comment holds a number that passes the BSN eleven-test (a citizen service number). A plan never holds a BSN: remove the number and refer to the case file instead.'
        ]);
        const nl = withCode(await checkPlan(text, { locale: 'nl' }), 'VP070').map(d => d.message);
        expect(nl).toEqual([
            'Deze tekst bevat een getal dat voldoet aan de elfproef voor een BSN (burgerservicenummer). Een plan bevat nooit een BSN: verwijder het nummer en verwijs naar het dossier.',
            'Deze naam bevat een getal dat voldoet aan de elfproef voor een BSN (burgerservicenummer). Namen zijn pseudoniemen: hernoem zonder het nummer.',
            'Dit commentaar bevat een getal dat voldoet aan de elfproef voor een BSN (burgerservicenummer). Een plan bevat nooit een BSN: verwijder het nummer en verwijs naar het dossier.'
        ]);
    });

    test('numbers failing the eleven-test, 8- and 10-digit runs, all zeros and plain integers are not VP070', async () => {
        const [bsn] = VALID;
        const strings = [
            ...INVALID,
            bsn.slice(0, 8), // 8 digits
            `1${bsn}`, `${bsn}0`, // 10 digits that contain a valid nine-digit run
            '000000000',
            `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}1`,
            '91234567820' // nine digits inside a longer run
        ];
        const text = withExtra(strings.map((s, i) => `    evaluation 2026-05-0${(i % 9) + 1} "Nummer ${s}"\n    // nummer ${s}`).join('\n'));
        const result = await checkPlan(text);
        expect(withCode(result, 'VP070')).toEqual([]);
    });

    test.each([
        ['one that fails the eleven-test', 'Dossier 123456789'],
        ['all zeros', 'Dossier 000000000'],
        ['ten digits', 'Dossier 1234567820'],
        ['nine digits inside a longer run', 'Kenmerk 91234567820']
    ])('%s is no finding at all', async (_label, title) => {
        expect((await checkPlan(evaluation(title))).codes).toEqual([]);
    });

    test('a duplicate plan still reports VP070', async () => {
        const [bsn] = VALID;
        const text = `${examplePlan()}${examplePlan().replace('"Veiligheidsplan gezin Vermeer"', `"Dubbel ${bsn}"`)}`;
        const result = await checkPlan(text);
        const found = withCode(result, 'VP070');
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'Dubbel'));
        expect(result.codes).toContain('VP080');
    });

    test('a duplicate declaration inside a plan still reports VP070 (and only VP080 besides)', async () => {
        const [bsn] = VALID;
        const text = examplePlan({ agreements: `${EXAMPLE_SECTIONS.agreements}\n\n${EXAMPLE_SECTIONS.agreements.replace('"Mark zoekt', `"Kenmerk ${bsn}, Mark zoekt`)}` });
        expect((await checkPlan(text)).codes).toEqual(['VP070', 'VP080']);
    });

    test('a name lost to a parse error does not stop the check', async () => {
        const [bsn] = VALID;
        const text = examplePlan({ network: '    network {\n        supporter "Oma" supports sanne, noor aware\n    }', extra: `    // dossier ${bsn}` });
        const result = await checkPlan(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).toContain('VP070');
        expect(result.diagnostics.every(d => d.code !== undefined)).toBe(true);
    });
});

describe('VP070 v2: integers and digit groups', () => {
    const [bsn] = VALID;
    const groupings = [
        `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`,
        `${bsn.slice(0, 4)} ${bsn.slice(4, 6)} ${bsn.slice(6)}`,
        `${bsn.slice(0, 3)}-${bsn.slice(3, 5)}-${bsn.slice(5)}`,
        `${bsn.slice(0, 2)}.${bsn.slice(2, 5)}.${bsn.slice(5, 7)}.${bsn.slice(7)}`,
        `${bsn.slice(0, 3)} ${bsn.slice(3, 6)}-${bsn.slice(6)}`
    ];

    test.each(groupings)('%s (groups of two to four digits) in a string and a comment is VP070 on the whole sequence', async grouped => {
        const text = withExtra(`    evaluation 2026-05-01 "Dossier ${grouped} bespreken"\n    // dossier ${grouped}`);
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP070', 'VP070']);
        for (const d of withCode(result, 'VP070')) {
            const line = text.split('\n')[d.range.start.line];
            expect(line.slice(d.range.start.character, d.range.end.character)).toBe(grouped);
            expect(d.message).not.toMatch(/\d/);
        }
    });

    test.each([
        ['a group of one digit', `${bsn.slice(0, 1)} ${bsn.slice(1, 5)} ${bsn.slice(5)}`],
        ['a group of five digits', `${bsn.slice(0, 5)} ${bsn.slice(5)}`],
        ['a sequence that goes on with another group', `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)} 12`],
        ['a sequence that starts after another group', `12 ${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`],
        ['a sequence that runs on into digits', `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}0`],
        ['groups failing the eleven-test', `${INVALID[0].slice(0, 3)} ${INVALID[0].slice(3, 6)} ${INVALID[0].slice(6)}`],
        ['two separators in a row', `${bsn.slice(0, 3)}  ${bsn.slice(3, 6)} ${bsn.slice(6)}`],
        ['a phone number in groups', '06 123 456 78'],
        ['a date and a time', '12-03-2026 09 30']
    ])('%s is not VP070', async (_label, digits) => {
        expect((await checkPlan(evaluation(`Nummer ${digits}`))).codes.filter(c => c !== 'VP071')).toEqual([]);
    });

    test('a `born` that passes the eleven-test is VP070 on the number, and VP060 never repeats it (issue 15)', async () => {
        const text = examplePlan({ household: EXAMPLE_SECTIONS.household.replace('born 1986', `born ${bsn}`) });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP060', 'VP070']);
        const [found] = withCode(result, 'VP070');
        expect(found.severity).toBe(ERROR);
        const line = text.split('\n')[found.range.start.line];
        expect(line.slice(found.range.start.character, found.range.end.character)).toBe(bsn);
        expect(found.message).toBe('This number passes the BSN eleven-test (a citizen service number). ' +
            'A plan never holds a BSN: remove the number and refer to the case file instead.');
        for (const d of result.diagnostics) expect(JSON.stringify(d)).not.toContain(bsn);
    });

    test('a duration amount that passes the eleven-test is VP070, and the date it gives is VP060 (issue 15)', async () => {
        const text = examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('extend for 18 days', `extend for ${bsn} days`) });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP060', 'VP070']);
        for (const d of result.diagnostics) expect(JSON.stringify(d)).not.toContain(bsn);
    });

    test('a stray number is VP070, and the syntax error names its kind instead of quoting it (issue 15)', async () => {
        for (const stray of [bsn, groupings[0]]) {
            const text = withExtra(`    ${stray}`);
            const result = await checkPlan(text);
            expect(result.codes).toContain('VP000');
            expect(withCode(result, 'VP070')).toHaveLength(1);
            for (const d of result.diagnostics) {
                expect(JSON.stringify(d), stray).not.toContain(bsn.slice(0, 3) + (stray === bsn ? bsn.slice(3, 6) : ' '));
            }
            expect(withCode(result, 'VP000')[0].message).toMatch(/^Unexpected number \(not repeated/);
        }
    });

    test('digit groups across a `born` and stray numbers (`born 123 456 789`) are one sequence', async () => {
        const text = examplePlan({ household: EXAMPLE_SECTIONS.household.replace('born 1986', `born ${groupings[0]}`) });
        const result = await checkPlan(text);
        const [found] = withCode(result, 'VP070');
        const line = text.split('\n')[found.range.start.line];
        expect(line.slice(found.range.start.character, found.range.end.character)).toBe(groupings[0]);
        for (const d of result.diagnostics) expect(JSON.stringify(d)).not.toContain(groupings[0]);
    });

    test('the plan\'s own numbers and dates are not VP070', async () => {
        const text = withExtra(INVALID.map((n, i) => `    evaluation 2026-05-0${i + 1} "E"`).join('\n'));
        expect((await checkPlan(text)).codes).toEqual([]);
        expect((await checkPlan(examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('extend for 18 days', `extend for ${INVALID[0]} days`) }))).codes).toEqual(['VP060']);
    });
});

describe('VP071 no direct personal data', () => {
    test.each([
        'Sinds 2024 GI 2 keer een melding', 'In 2025 OM 3 zaken geseponeerd', 'Vanaf 2026 VT 1 keer per week', 'In 2023 PO 4 meldingen',
        'Sinds 2024 JR 2 gesprekken', 'Overdracht aan WT 2026, 3 gesprekken', 'Melding 12, 2024 VT'
    ])('a year, a chain abbreviation and a count are no address: %s', async title => {
        const text = withExtra(`    evaluation 2026-05-01 "${title}"\n    // ${title}`);
        expect((await checkPlan(text)).codes).toEqual([]);
    });

    test.each(['3311 AB 12', 'Dorpsstraat 12, 3311 AB', '3311AB 12', 'Adres 2024 GJ 2'])('%s stays caught', async title => {
        expect((await checkPlan(evaluation(`Adres ${title}`))).codes).toEqual(['VP071']);
    });

    const personal = [
        '06-12345678', '0612345678', '06 1234 5678', '010 123 4567', '010-1234567', '+31 6 12345678', '+31612345678', '+31 (0)6 12345678', '0031 6 12345678',
        'mail: j.doe@example.nl',
        '3311 AB 12', '3311AB 12', 'Dorpsstraat 12, 3311 AB',
        'geboren 12-03-2015', 'geb. 12-03-2015', 'DOB: 2015-03-12', 'geboortedatum 12 maart 2015', 'noor 2015-03-12', 'Noor (12/03/2015)'
    ];

    for (const data of personal) {
        test(`'${data}' in a string and in a comment is VP071, and the message does not repeat it`, async () => {
            const text = withExtra(`    evaluation 2026-05-01 "Contact ${data} x"\n    // contact ${data}`);
            const result = await checkPlan(text);
            expect(result.codes).toEqual(['VP071', 'VP071']);
            const found = withCode(result, 'VP071');
            expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, '"Contact'), lineOf(text, '// contact')]);
            expect(found[0].severity).toBe(WARNING);
            for (const d of found) {
                expect(d.message).not.toMatch(/\d/);
                expect(d.message).not.toContain('@');
            }
            // The range points at the data itself.
            const line = text.split('\n')[found[0].range.start.line];
            expect(line.slice(found[0].range.start.character, found[0].range.end.character)).toContain(data.replace(/^(mail: |geboren |geb\. |DOB: |geboortedatum |noor |Noor \()/, '').replace(/\)$/, ''));
        });
    }

    test.each([
        ['an e-mail address', 'Mail naar a.jansen@example.nl'],
        ['a mobile number with a hyphen', 'Bel 06-12345678'],
        ['a landline with spaces', 'Bel 010 123 4567'],
        ['a +31 number', 'Bel +31612345678'],
        ['a 0031 number with spaces', 'Bel 0031 6 12345678'],
        ['a postcode with a house number', 'Adres 3311 AB 12'],
        ['a street, number and postcode', 'Dorpsstraat 12, 3311 AB'],
        ['a date of birth next to a birth word', 'geboren 12-03-2015'],
        ['a date of birth next to a member name', 'noor 2015-03-12 en sanne 1989-05-01']
    ])('%s in a string is VP071 (a warning that never repeats the data)', async (_label, title) => {
        const result = await checkPlan(evaluation(title));
        expect(new Set(result.codes)).toEqual(new Set(['VP071']));
        const [d] = withCode(result, 'VP071');
        expect(d.severity).toBe(WARNING);
        const sensitive = title.split(' ').slice(1).join(' ');
        expect(d.message).not.toContain(sensitive);
    });

    test('the message names the kind of data', async () => {
        const result = await checkPlan(withExtra('    // bel 06-12345678 of mail j.doe@example.nl, geboren 12-03-2015, 3311 AB 12'));
        expect(withCode(result, 'VP071').map(d => d.message)).toEqual([
            'This comment holds what looks like a phone number, which is direct personal data. Remove it from the plan and keep it in the case file; refer to people by their pseudonym.',
            'This comment holds what looks like an e-mail address, which is direct personal data. Remove it from the plan and keep it in the case file; refer to people by their pseudonym.',
            'This comment holds what looks like a date of birth, which is direct personal data. Remove it from the plan and keep it in the case file; refer to people by their pseudonym.',
            'This comment holds what looks like a postcode with a house number, which is direct personal data. Remove it from the plan and keep it in the case file; refer to people by their pseudonym.'
        ]);
    });

    test('personal data in a comment is VP071 on the comment line', async () => {
        const text = withExtra('    // contact: a.jansen@example.nl');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP071']);
        expect(withCode(result, 'VP071')[0].range.start.line).toBe(lineOf(text, 'contact:'));
    });

    test('dates, durations, years and the plan\'s own date tokens are not VP071', async () => {
        const harmless = [
            'van 01-02-2026 tot 03-04-2026', 'gesprek 12-03-2026', 'op 2026-01-15 besproken', '10 dagen', '18 months', 'sinds 2015',
            'week 12', 'om 09:30 uur', '2026-01-12 2026-02-09', 'art. 1:260 BW', 'Zuid-Holland Zuid 2026 AB', 'nummer 0612345', '06123456789'
        ];
        const text = withExtra(harmless.map((h, i) => `    evaluation 2026-05-0${(i % 9) + 1} "${h}"\n    // ${h}`).join('\n'));
        const result = await checkPlan(text);
        expect(withCode(result, 'VP071')).toEqual([]);
        expect(withCode(result, 'VP070')).toEqual([]);
    });

    test.each([
        ['a postcode without a house number', 'Wijk 3311 AB'],
        ['a date that is not next to a birth word or a name', 'Overleg 2026-03-12'],
        ['a longer digit run is not a phone number', 'Zaak 0612345678901'],
        ['a plain amount', 'Schuld 1200 euro']
    ])('%s is not VP071', async (_label, title) => {
        expect((await checkPlan(evaluation(title))).codes).toEqual([]);
    });

    test('identifiers are not read for VP071, and a member name followed by a plan date token is not a birth date', async () => {
        const text = withExtra('    // noor heeft een afspraak\n    risk x0612345678 "Risico" {\n        severity low\n        nature static\n        domain social\n        affects noor\n    }');
        expect(withCode(await checkPlan(text), 'VP071')).toEqual([]);
    });

    test('a duplicate declaration still gets VP071', async () => {
        const text = examplePlan({ agreements: `${EXAMPLE_SECTIONS.agreements}\n\n${EXAMPLE_SECTIONS.agreements.replace('"Mark zoekt', '"Bel 06-12345678, Mark zoekt')}` });
        expect((await checkPlan(text)).codes).toEqual(['VP071', 'VP080']);
    });
});

describe('Dutch', () => {
    test('messages are rendered in Dutch for the nl locale, still without the data', async () => {
        const [bsn] = VALID;
        const result = await checkPlan(withExtra(`    // ${bsn}\n    // bel 06-12345678`), { locale: 'nl' });
        expect(withCode(result, 'VP070')[0].message).toContain('voldoet aan de elfproef');
        expect(withCode(result, 'VP071')[0].message).toBe('Dit commentaar bevat iets dat lijkt op een telefoonnummer: een direct persoonsgegeven. ' +
            'Haal het uit het plan en bewaar het in het dossier; noem mensen bij hun pseudoniem.');
    });
});

describe('the tokens the checks read', () => {
    /** Invented numbers that pass the eleven-test (not anybody's BSN). */
    const BSN_A = '271828183';
    const BSN_B = '314159265';

    // A comment before the first declaration, between items, at the end of a line and after the
    // last declaration, a string and an identifier.
    const PLAN = (brokenLine: string) => `// intake ${BSN_A}
organisation vt "VT" kind veiligthuis
plan p "Plan" {
    status active // bel 06-12345678
    period 2026-01-12 to 2027-01-12
    household {
        member sanne adult born 1989 roles victim
        member noor child born 2015 roles witness
    }
    /* Dorpsstraat 12, 3311 AB */
    evaluation 2026-04-15 "Evaluatie, mail sanne@example.org"
${brokenLine}
}
/* noor geboren 12-03-2015, ${BSN_B} */
`;

    function privacyFindings(diagnostics: Diagnostic[]): string[] {
        return diagnostics
            .filter(d => d.code === 'VP070' || d.code === 'VP071')
            .map(d => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.message)}`);
    }

    test('a clean file (CST leaves) and a file with a parse error (lexed again) give the same findings, in the same order', async () => {
        const clean = await checkText(services, PLAN('    evaluation 2026-05-15 "Tweede evaluatie"'), { locale: 'en' });
        const broken = await checkText(services, PLAN('    evaluation 2026-05-15 "Tweede evaluatie" }}'), { locale: 'en' });
        expect(clean.codes).not.toContain('VP000');
        expect(broken.codes).toContain('VP000');
        const findings = privacyFindings(clean.diagnostics);
        expect(findings).toEqual(privacyFindings(broken.diagnostics));
        // Every planted item is found: two BSNs, a phone number, an address, an e-mail address, a
        // birth date; strings and names first, then comments, each in text order (in one token,
        // a BSN before personal data).
        expect(findings.map(f => f.slice(0, f.indexOf('-')))).toEqual([
            'VP071 10:43', 'VP070 0:10', 'VP071 3:25', 'VP071 9:7', 'VP070 13:28', 'VP071 13:16'
        ]);
    });

    test('text the parser left out of the tree is read too', async () => {
        const result = await checkText(services, PLAN(`    evaluatie 2026-05-15 "Bel 06-12345678"\n    }}} "Kenmerk ${BSN_A}"`));
        expect(result.codes).toContain('VP000');
        const findings = privacyFindings(result.diagnostics);
        expect(findings.filter(f => f.startsWith('VP070'))).toHaveLength(3);
        expect(findings.filter(f => f.startsWith('VP071'))).toHaveLength(5);
    });
});

describe('VP072 no hidden direction changes', () => {
    const CONTROLS = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

    test.each(CONTROLS.map(code => [code.toString(16).toUpperCase(), code]))('U+%s in a string and in a comment is VP072, named by its code point', async (hex, code) => {
        const control = String.fromCharCode(code as number);
        const text = withExtra(`    evaluation 2026-05-01 "Evaluatie ${control}tekst"\n    // opmerking ${control}`);
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP072', 'VP072']);
        const found = withCode(result, 'VP072');
        expect(found[0].severity).toBe(WARNING);
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, 'Evaluatie'), lineOf(text, '// opmerking')]);
        for (const d of found) expect(d.message).toContain(`U+${hex}`);
        const line = text.split('\n')[found[0].range.start.line];
        expect(line.slice(found[0].range.start.character, found[0].range.end.character)).toBe(control);
    });

    test('the message names the first control and counts the rest, in English and Dutch', async () => {
        const text = evaluation('Evaluatie \u202Enietgeen\u202C');
        expect(withCode(await checkPlan(text), 'VP072')[0].message).toBe('This text holds the invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE) and 1 more, ' +
            'which can make the plan read differently in review than it means. Remove it.');
        expect(withCode(await checkPlan(text, { locale: 'nl' }), 'VP072')[0].message).toBe('Deze tekst bevat het onzichtbare richtingsteken U+202E (RIGHT-TO-LEFT OVERRIDE) en nog 1, ' +
            'waardoor het plan bij een review anders kan lezen dan het bedoelt. Verwijder het.');
    });

    test('other invisible or right-to-left characters (a zero-width space, Arabic letters, U+2029) are not VP072', async () => {
        expect((await checkPlan(evaluation('Evaluatie \u200B \u0627\u0644 \u202F'))).codes).toEqual([]);
    });

    test('the quick fix removes the controls, and the plan checks clean again', async () => {
        const text = evaluation('Evaluatie \u202Enietgeen\u202C');
        const fixed = await applyFix(text, 'VP072');
        expect(fixed.actions.map(a => a.title)).toEqual(['Remove the 2 hidden direction controls']);
        expect(fixed.after).toBe(evaluation('Evaluatie nietgeen'));
        await expectFixed(text, fixed.after, 'VP072');
    });

    test('a file with syntax errors and a duplicate declaration still report VP072', async () => {
        const broken = await checkPlan(withExtra('    evaluation 2026-05-01 "Evaluatie \u2066x" }}'));
        expect(broken.codes).toContain('VP000');
        expect(broken.codes).toContain('VP072');
        const duplicate = examplePlan({ agreements: `${EXAMPLE_SECTIONS.agreements}\n\n${EXAMPLE_SECTIONS.agreements.replace('"Mark zoekt', '"\u202EMark zoekt')}` });
        expect((await checkPlan(duplicate)).codes).toEqual(['VP072', 'VP080']);
    });
});

describe('documentation examples', () => {
    test.each([vp070, vp071, vp072])('the example of $code gives that rule and nothing else', async rule => {
        const codes = await exampleCodes(rule);
        expect(codes.length).toBeGreaterThan(0);
        expect(new Set(codes)).toEqual(new Set([rule.code]));
    });
});
