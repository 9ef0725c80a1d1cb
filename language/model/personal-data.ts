/**
 * What looks like personal data in a piece of text: a BSN (VP070), an e-mail address, a Dutch
 * phone number, a postcode with a house number or a date of birth (VP071), and the invisible
 * direction controls of *Trojan Source* (VP072). Text functions only: the privacy rules
 * (rules/privacy-rules.ts) run them over the tokens of a file, and a syntax error (VP000) asks them
 * whether the token it would quote may be repeated (spec section 7: it never quotes what VP070 or
 * VP071 would report).
 *
 * "Whole runs of digits only": every digit pattern refuses a digit right before or after.
 */

/** Where a pattern matched, as offsets in the text it was given. */
export interface TextMatch { start: number; end: number }

export type PersonalDataKind = 'email' | 'phone' | 'address' | 'birthdate';

// ---------------------------------------------------------------------------------------------
// BSN

/** A run of exactly nine digits, or the dotted form 1234.56.789 (version 1). */
const BSN_PATTERN = /(?<!\d)(?:\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)/g;

/**
 * v2: a sequence of digit groups joined by single spaces, dots or hyphens (`123 456 789`,
 * `1234 56 789`, `123-45-6789`), as a whole: it neither starts nor ends next to another digit or
 * group. The groups' sizes and the total of nine digits are checked afterwards. The separators are
 * no digits, so the match is linear: each run of groups is read once.
 */
const DIGIT_GROUPS_PATTERN = /(?<![\d]|\d[ .-])\d+(?:[ .-]\d+)+(?![ .-]?\d)/g;

/** The BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), and not all zeros. */
export function passesElfproef(digits: string): boolean {
    if (!/^\d{9}$/.test(digits) || /^0{9}$/.test(digits)) return false;
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
    sum -= Number(digits[8]);
    return sum % 11 === 0;
}

/** Whether a sequence of digit groups is a BSN written in groups: two to four digits each, nine in all, passing the eleven-test. */
function isGroupedBsn(sequence: string): boolean {
    const groups = sequence.split(/[ .-]/);
    if (groups.some(group => group.length < 2 || group.length > 4)) return false;
    const digits = groups.join('');
    return digits.length === 9 && passesElfproef(digits);
}

/** Every BSN in the text: nine digits in a row, dotted, or (v2) in groups; overlapping findings count once. */
export function findBsns(text: string): TextMatch[] {
    const matches = findAll(BSN_PATTERN, text, m => passesElfproef(m[0].replace(/\./g, '')));
    for (const grouped of findAll(DIGIT_GROUPS_PATTERN, text, m => isGroupedBsn(m[0]))) {
        if (!matches.some(m => m.start < grouped.end && grouped.start < m.end)) matches.push(grouped);
    }
    return matches.sort((a, b) => a.start - b.start);
}

/**
 * The digit groups around `text[start, end)` (a number or date token of the plan's own syntax), as
 * far as they are joined by single spaces, dots or hyphens: `born 123 456 789` is one sequence of
 * three integer tokens. Returns the offsets of the sequence in `text`.
 */
export function digitSequenceAround(text: string, start: number, end: number): TextMatch {
    const isDigit = (i: number) => i >= 0 && i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
    const isSeparator = (i: number) => text[i] === ' ' || text[i] === '.' || text[i] === '-';
    let from = start;
    for (;;) {
        while (isDigit(from - 1)) from--;
        if (isSeparator(from - 1) && isDigit(from - 2)) from -= 2;
        else break;
    }
    let to = end;
    for (;;) {
        while (isDigit(to)) to++;
        if (isSeparator(to) && isDigit(to + 1)) to += 2;
        else break;
    }
    return { start: from, end: to };
}

// ---------------------------------------------------------------------------------------------
// Direct personal data (VP071)

// Matches start only where a run of allowed characters starts, so long tokens stay linear.
const EMAIL_PATTERN = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * A Dutch phone number: `0` and nine more digits, or `+31`/`0031` and nine digits, with optional
 * single spaces or hyphens between digits (also the common `+31 (0)6 12345678`). The digit group may not continue on either side, so
 * dates (`01-02-2026`) and longer numbers stay out.
 */
const PHONE_PATTERN = /(?<![\d+][ -]?)(?:\+31 ?\(0\)|\+31|0031|0)(?:[ -]?\d){9}(?![ -]?\d)/g;

/**
 * `3311 AB 12` (postcode, then house number) or `Dorpsstraat 12, 3311 AB` (street and number, then
 * postcode). The letters are captured: see `isPostcodeLetters`.
 */
const POSTCODE_HOUSE_PATTERN = /(?<![\dA-Za-z])[1-9]\d{3} ?([A-Z]{2})(?![A-Za-z]),? +\d{1,5}(?!\d)/g;
const STREET_POSTCODE_PATTERN = /(?<![A-Za-z'.-])[A-Za-z][A-Za-z'.-]+ +\d{1,5}(?!\d)[A-Za-z]?,? +[1-9]\d{3} ?([A-Z]{2})(?![A-Za-z])/g;

/**
 * Abbreviations of the chain (*keten*) that stand in running text the way postcode letters do:
 * "Sinds 2024 GI 2 keer", "In 2025 OM 3 zaken" are a year, an organisation and a count, not an
 * address. (Longer ones, RvdK, ZVH, GGZ, never match two capitals on their own.)
 */
const CHAIN_ABBREVIATIONS = new Set([
    'VT', // Veilig Thuis
    'GI', // gecertificeerde instelling
    'OM', // Openbaar Ministerie
    'PO', // politie
    'JB', // jeugdbescherming
    'JR', // jeugdreclassering
    'RN', // reclassering
    'WT', // wijkteam
    'HA', // huisarts
    'AM', // Advies- en Meldpunt (AMHK)
    'BW', // Beschermd Wonen
    'MO' // maatschappelijke opvang
]);

/** Whether two capitals can be the letters of a Dutch postcode in this text: not a chain abbreviation, and not SA, SD or SS (never issued). */
function isPostcodeLetters(letters: string): boolean {
    return !CHAIN_ABBREVIATIONS.has(letters) && letters !== 'SA' && letters !== 'SD' && letters !== 'SS';
}

const MONTH_WORDS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
    'january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec';

/** A full date: `12-03-2015`, `12/03/2015`, `12.03.2015`, `2015-03-12`, `12 maart 2015`. */
const FULL_DATE_PATTERN = new RegExp(
    `(?<!\\d)(?:\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2} (?:${MONTH_WORDS})\\.? \\d{4})(?!\\d)`, 'gi');

const BIRTH_WORDS = ['geboren', 'geb\\.?', 'geboortedatum', 'geboortedag', 'geboorte', 'born', 'birth', 'birthday', 'birthdate',
    'date of birth', 'dob', 'd\\.o\\.b\\.?', 'geb\\.datum', 'geb\\.dat\\.?'];

/** What may stand between the birth word or name and the date: `:`, `(`, `,`, `op`, `on`. */
export function birthContextPattern(names: readonly string[]): RegExp {
    const words = [...BIRTH_WORDS, ...names.map(n => n.replace(/[^A-Za-z0-9_]/g, ''))].filter(w => w.length > 0);
    return new RegExp(`(?:^|[^A-Za-z0-9_])(?:${words.join('|')})\\s*[:(,]?\\s*(?:(?:op|on|d\\.d\\.)\\s+)?$`, 'i');
}

function findAll(pattern: RegExp, text: string, accept: (match: RegExpMatchArray) => boolean = () => true): TextMatch[] {
    const matches: TextMatch[] = [];
    for (const match of text.matchAll(pattern)) {
        if (accept(match)) matches.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
    }
    return matches;
}

/** `birthContext` may be given as a function, to build the pattern only when a full date is found. */
export function findPersonalData(text: string, birthContext: RegExp | (() => RegExp)): Array<TextMatch & { kind: PersonalDataKind }> {
    const lookBack = 40;
    const context = () => typeof birthContext === 'function' ? birthContext() : birthContext;
    const postcode = (match: RegExpMatchArray) => isPostcodeLetters(match[1]);
    return [
        ...findAll(EMAIL_PATTERN, text).map(f => ({ ...f, kind: 'email' as const })),
        ...findAll(PHONE_PATTERN, text).map(f => ({ ...f, kind: 'phone' as const })),
        ...[...findAll(POSTCODE_HOUSE_PATTERN, text, postcode), ...findAll(STREET_POSTCODE_PATTERN, text, postcode)].map(f => ({ ...f, kind: 'address' as const })),
        ...findAll(FULL_DATE_PATTERN, text, m => context().test(text.slice(Math.max(0, (m.index ?? 0) - lookBack), m.index)))
            .map(f => ({ ...f, kind: 'birthdate' as const }))
    ].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Direction controls (VP072)

/** Whether a UTF-16 code unit is a bidirectional control: U+202A–U+202E or U+2066–U+2069. */
export function isDirectionControl(code: number): boolean {
    return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** The names of the direction controls, as the Unicode standard gives them. */
export const DIRECTION_CONTROL_NAMES: Readonly<Record<number, string>> = {
    0x202a: 'LEFT-TO-RIGHT EMBEDDING',
    0x202b: 'RIGHT-TO-LEFT EMBEDDING',
    0x202c: 'POP DIRECTIONAL FORMATTING',
    0x202d: 'LEFT-TO-RIGHT OVERRIDE',
    0x202e: 'RIGHT-TO-LEFT OVERRIDE',
    0x2066: 'LEFT-TO-RIGHT ISOLATE',
    0x2067: 'RIGHT-TO-LEFT ISOLATE',
    0x2068: 'FIRST STRONG ISOLATE',
    0x2069: 'POP DIRECTIONAL ISOLATE'
};

/** `U+202E`. */
export function codePointText(code: number): string {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The offsets of the direction controls in `text[start, end)`. */
export function findDirectionControls(text: string, start = 0, end = text.length): number[] {
    const offsets: number[] = [];
    for (let i = start; i < end; i++) if (isDirectionControl(text.charCodeAt(i))) offsets.push(i);
    return offsets;
}

// ---------------------------------------------------------------------------------------------
// What a syntax error may quote

/** The token kinds a syntax error can find. */
export type FoundTokenType = 'INT' | 'DATE' | 'STRING' | 'ID' | string;

/**
 * Whether a token of the file, `text[start, end)`, holds what VP070 or VP071 would report (or a
 * direction control, VP072): a syntax error then names the token's kind instead of quoting it. A
 * number or date is judged with the digit groups it stands in (`123 456 789`). A string is judged
 * without knowing the plan's names, so any full date in it counts as a possible date of birth.
 */
export function tokenMayHoldPersonalData(text: string, start: number, end: number, type: FoundTokenType): boolean {
    if (findDirectionControls(text, start, end).length > 0) return true;
    if (type === 'INT' || type === 'DATE') {
        const sequence = digitSequenceAround(text, start, end);
        if (findBsns(text.slice(sequence.start, sequence.end)).some(m => sequence.start + m.start < end && start < sequence.start + m.end)) return true;
        // A phone number written as a bare number (`0612345678`, `+31612345678`) is withheld too:
        // VP071 looks in strings only, but a syntax error would put it in a CI log.
        const from = text[sequence.start - 1] === '+' ? sequence.start - 1 : sequence.start;
        return findAll(PHONE_PATTERN, text.slice(from, sequence.end)).length > 0;
    }
    const image = text.slice(start, end);
    if (!/[\d@]/.test(image)) return false;
    if (findBsns(image).length > 0) return true;
    return type === 'STRING' && findPersonalData(image, /(?:)/).length > 0;
}
