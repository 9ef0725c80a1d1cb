/** Privacy checks VP070 (no BSN) and VP071 (no direct personal data) of spec section 7: a corpus test. */

import { describe, expect, test } from 'vitest';
import { passesElfproef } from '../../language/checks/privacy-checks.js';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();

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

const PLAN = (extra: string, title = 'Plan') => `organisation vt "VT" kind veiligthuis
plan p "${title}" {
    status active
    period 2026-01-12 to 2027-01-12
    household {
        member sanne adult born 1989 roles victim
        member noor child born 2015 roles witness
    }
${extra}
    evaluation 2026-04-15 "Evaluatie"
}
`;

const ERROR = 1;
const WARNING = 2;

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
        { where: 'string', text: PLAN(`    evaluation 2026-05-01 "Dossier ${bsn} bespreken"`) , marker: 'Dossier' },
        { where: 'line comment', text: PLAN(`    // bsn: ${bsn}`), marker: '// bsn' },
        { where: 'block comment', text: PLAN(`    /* client\n       nummer ${bsn} */`), marker: 'nummer' },
        { where: 'identifier', text: PLAN('').replace('member noor', `member p${bsn}`), marker: `member p${bsn}` },
        { where: 'dotted form', text: PLAN(`    evaluation 2026-05-01 "Nummer ${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}"`), marker: 'Nummer' }
    ];

    for (const bsn of VALID) {
        test(`a number passing the eleven-test is VP070 in a string, comment, identifier and dotted form (${places(bsn).length} places)`, async () => {
            for (const place of places(bsn)) {
                const result = await checkText(services, place.text);
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

    test('numbers failing the eleven-test, 8- and 10-digit runs, all zeros and plain integers are not VP070', async () => {
        const [bsn] = VALID;
        const strings = [
            ...INVALID,
            bsn.slice(0, 8), // 8 digits
            `1${bsn}`, `${bsn}0`, // 10 digits that contain a valid nine-digit run
            '000000000',
            `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}1`
        ];
        const text = PLAN(strings.map((s, i) => `    evaluation 2026-05-0${(i % 9) + 1} "Nummer ${s}"\n    // nummer ${s}`).join('\n'));
        const result = await checkText(services, text);
        expect(withCode(result, 'VP070')).toEqual([]);
    });

    test('a duplicate declaration still reports VP070', async () => {
        const [bsn] = VALID;
        const text = `${PLAN('')}${PLAN('', `Dubbel ${bsn}`)}`;
        const found = withCode(await checkText(services, text), 'VP070');
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'Dubbel'));
    });
});

describe('VP071 no direct personal data', () => {
    const personal = [
        '06-12345678', '0612345678', '06 1234 5678', '010 123 4567', '010-1234567', '+31 6 12345678', '+31612345678', '+31 (0)6 12345678', '0031 6 12345678',
        'mail: j.doe@example.nl',
        '3311 AB 12', '3311AB 12', 'Dorpsstraat 12, 3311 AB',
        'geboren 12-03-2015', 'geb. 12-03-2015', 'DOB: 2015-03-12', 'geboortedatum 12 maart 2015', 'noor 2015-03-12', 'Noor (12/03/2015)'
    ];

    for (const data of personal) {
        test(`'${data}' in a string and in a comment is VP071, and the message does not repeat it`, async () => {
            const text = PLAN(`    evaluation 2026-05-01 "Contact ${data} x"\n    // contact ${data}`);
            const found = withCode(await checkText(services, text), 'VP071');
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

    test('the message names the kind of data', async () => {
        const result = await checkText(services, PLAN('    // bel 06-12345678 of mail j.doe@example.nl, geboren 12-03-2015, 3311 AB 12'));
        const messages = withCode(result, 'VP071').map(d => d.message).join('\n');
        expect(messages).toContain('a phone number');
        expect(messages).toContain('an e-mail address');
        expect(messages).toContain('a date of birth');
        expect(messages).toContain('a postcode with a house number');
    });

    test('dates, durations, years and the plan\'s own date tokens are not VP071', async () => {
        const harmless = [
            'van 01-02-2026 tot 03-04-2026', 'gesprek 12-03-2026', 'op 2026-01-15 besproken', '10 dagen', '18 months', 'sinds 2015',
            'week 12', 'om 09:30 uur', '2026-01-12 2026-02-09', 'art. 1:260 BW', 'Zuid-Holland Zuid 2026 AB', 'nummer 0612345', '06123456789'
        ];
        const text = PLAN(harmless.map((h, i) => `    evaluation 2026-05-0${(i % 9) + 1} "${h}"\n    // ${h}`).join('\n') + `
    phase safety from 2026-01-12 to 2026-03-01
    meeting 2026-01-15 "Casusoverleg" {
        client noor heard
    }`);
        const result = await checkText(services, text);
        expect(withCode(result, 'VP071')).toEqual([]);
        expect(withCode(result, 'VP070')).toEqual([]);
    });

    test('identifiers are not read for VP071, and a member name followed by a plan date token is not a birth date', async () => {
        const text = PLAN('    // noor heeft een afspraak\n').replace('member noor', 'member x0612345678');
        expect(withCode(await checkText(services, text), 'VP071')).toEqual([]);
    });
});

test('messages are rendered in Dutch for the nl locale', async () => {
    const [bsn] = VALID;
    const result = await checkText(services, PLAN(`    // ${bsn}\n    // bel 06-12345678`), { locale: 'nl' });
    expect(withCode(result, 'VP070')[0].message).toContain('voldoet aan de elfproef');
    expect(withCode(result, 'VP071')[0].message).toContain('een telefoonnummer');
    expect(withCode(result, 'VP071')[0].message).not.toMatch(/\d/);
});
