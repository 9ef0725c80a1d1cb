/**
 * Privacy: VP070 (no BSN in a string, identifier or comment) and VP071 (no e-mail address, Dutch
 * phone number, postcode with house number or date of birth in a string or comment). Both are
 * file checks and always report, also inside duplicate declarations.
 *
 * The checks read tokens, not the AST (comments are hidden tokens). A file that parsed cleanly
 * holds every token in its CST, comments included as hidden leaves; for a file with syntax errors
 * the check reads the lexer's tokens (`tokens()` of the file context), which also reach text that
 * parse-error recovery left out of the tree. Only STRING, ID and comment tokens are read: the
 * plan's own DATE and INT tokens never trigger either check. Messages never repeat the data they
 * found; the diagnostic's range points at it. No quick fix: removing personal data is the author's call.
 *
 * The file check reads nothing but the document's own text and syntax tree: its findings are
 * recorded per tree and replayed when the document is validated again unchanged (vplan-validator.ts).
 */

import { isCompositeCstNode, isLeafCstNode, type CompositeCstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { IToken } from 'chevrotain';
import { isPlan, type VplanFile } from '../generated/ast.js';
import { planMembers, planSupporters } from '../model/ast-queries.js';
import { defineRule, defineRules, finding, type FindingArgs, type ModuleFindings } from './rule-unit.js';
import { examplePlan, EXAMPLE_SECTIONS } from './example-plan.js';

/** The kind of token a finding lies in (the message names it). */
export type TokenKind = 'string' | 'comment' | 'identifier';
export type PersonalDataKind = 'email' | 'phone' | 'address' | 'birthdate';

const WHERE = {
    en: { string: 'This text', comment: 'This comment', identifier: 'This name' },
    nl: { string: 'Deze tekst', comment: 'Dit commentaar', identifier: 'Deze naam' }
};

const DATA = {
    en: { email: 'an e-mail address', phone: 'a phone number', address: 'a postcode with a house number', birthdate: 'a date of birth' },
    nl: { email: 'een e-mailadres', phone: 'een telefoonnummer', address: 'een postcode met huisnummer', birthdate: 'een geboortedatum' }
};

/**
 * A number that passes the eleven-test, made from an eight-digit prefix with the formula (for the
 * documentation example: never a number taken from a person).
 */
function elevenTestNumber(prefix: string): string {
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(prefix[i]);
    return `${prefix}${sum % 11}`;
}

export const vp070 = defineRule({
    code: 'VP070',
    severity: 'error',
    title: { en: 'No BSN', nl: 'Geen BSN' },
    findings: {
        bsn: finding<{ where: TokenKind }>({
            en: a => `${WHERE.en[a.where]} holds a number that passes the BSN eleven-test (a citizen service number). ` +
                (a.where === 'identifier'
                    ? 'Names are pseudonyms: rename it without the number.'
                    : 'A plan never holds a BSN: remove the number and refer to the case file instead.'),
            nl: a => `${WHERE.nl[a.where]} bevat een getal dat voldoet aan de elfproef voor een BSN (burgerservicenummer). ` +
                (a.where === 'identifier'
                    ? 'Namen zijn pseudoniemen: hernoem zonder het nummer.'
                    : 'Een plan bevat nooit een BSN: verwijder het nummer en verwijs naar het dossier.')
        })
    },
    docs: {
        checks: 'No string, identifier or comment holds a run of exactly nine digits (also written `1234.56.789`) that passes the ' +
            'BSN eleven-test (*elfproef*: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11, not all zeros). The message never repeats the ' +
            'number. Reported also inside duplicate declarations and in files with syntax errors.',
        why: 'The BSN may only be used where a law allows it; consent does not make it lawful [S55]. Plans in git keep their ' +
            'history, so a BSN must never get in.',
        example: {
            // No real or valid number is shown on purpose; the checked file holds one made with the formula.
            show: 'member opa adult born 1950 no-action "BSN <nine digits>"\n// dossier <nine digits that pass the eleven-test, e.g. a real BSN>',
            file: examplePlan({
                household: EXAMPLE_SECTIONS.household.replace('\n    }', `\n        member opa adult born 1950 no-action "BSN ${elevenTestNumber('31415926')}"\n    }`),
                extra: `    // dossier ${elevenTestNumber('27182818')}`
            })
        },
        fix: 'Remove the number (and, if it was committed, from the repository\'s history).'
    }
});

export const vp071 = defineRule({
    code: 'VP071',
    severity: 'warning',
    title: { en: 'No direct personal data', nl: 'Geen directe persoonsgegevens' },
    findings: {
        personalData: finding<{ where: TokenKind; kind: PersonalDataKind }>({
            en: a => `${WHERE.en[a.where]} holds what looks like ${DATA.en[a.kind]}, which is direct personal data. ` +
                'Remove it from the plan and keep it in the case file; refer to people by their pseudonym.',
            nl: a => `${WHERE.nl[a.where]} bevat iets dat lijkt op ${DATA.nl[a.kind]}: een direct persoonsgegeven. ` +
                'Haal het uit het plan en bewaar het in het dossier; noem mensen bij hun pseudoniem.'
        })
    },
    docs: {
        checks: 'No string or comment holds an e-mail address; a Dutch phone number (`06-12345678`, `010 123 4567`, `+31 ...`); a ' +
            'postcode with a house number (`3311 AB 12`); or a full date of birth next to a birth word or a member\'s or ' +
            'supporter\'s name (`geboren 12-03-2015`). The message never repeats the data. Reported also inside duplicate ' +
            'declarations and in files with syntax errors.',
        why: 'Plans hold special-category data (health) and criminal-law data [S56]; identifiers are pseudonyms. Referral forms ' +
            'ask for exactly such data [S61e] — it does not belong in a plan file.',
        example: {
            show: 'supporter oma "Oma van Noor, tel. 06-12345678" supports sanne, noor aware',
            file: examplePlan({ network: EXAMPLE_SECTIONS.network.replace('"Oma van Noor"', '"Oma van Noor, tel. 06-12345678"') })
        },
        fix: 'Remove the data; keep contact details in the case system.'
    }
});

const RULES = [vp070, vp071] as const;
type PrivacyFindings = ModuleFindings<typeof RULES>;

export const privacyRules = defineRules({
    rules: RULES,
    documentLocal: true,
    file: ({ file, document, report, tokens }) => {
        // The birth-date context names the file's people; it is built only when a full date turns up.
        let birthContext: RegExp | undefined;
        const birthContextOfFile = () => birthContext ??= birthContextPattern(personNames(file));
        // On the file, with the range of the data inside the token.
        const reportAt = <K extends keyof PrivacyFindings & string>(messageId: K, tokenOffset: number, match: TextMatch, args: FindingArgs<PrivacyFindings[K]>) =>
            report(messageId, file, args, {
                range: {
                    start: document.textDocument.positionAt(tokenOffset + match.start),
                    end: document.textDocument.positionAt(tokenOffset + match.end)
                }
            });
        forEachReadToken(document, tokens, (image, startOffset, where) => {
            if (!MAY_HOLD_DATA.test(image)) return;
            for (const match of findBsns(image)) reportAt('VP070.bsn', startOffset, match, { where });
            if (where === 'identifier') return; // VP071 reads strings and comments only
            for (const match of findPersonalData(image, birthContextOfFile)) {
                reportAt('VP071.personalData', startOffset, match, { where, kind: match.kind });
            }
        });
    }
});

// ---------------------------------------------------------------------------------------------
// Patterns. "Whole runs of digits only": every digit pattern refuses a digit right before or after.

/** A run of exactly nine digits, or the dotted form 1234.56.789. */
const BSN_PATTERN = /(?<!\d)(?:\d{4}\.\d{2}\.\d{3}|\d{9})(?!\d)/g;

/** The BSN eleven-test: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), and not all zeros. */
export function passesElfproef(digits: string): boolean {
    if (!/^\d{9}$/.test(digits) || /^0{9}$/.test(digits)) return false;
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
    sum -= Number(digits[8]);
    return sum % 11 === 0;
}

// Matches start only where a run of allowed characters starts, so long tokens stay linear.
const EMAIL_PATTERN = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * A Dutch phone number: `0` and nine more digits, or `+31`/`0031` and nine digits, with optional
 * single spaces or hyphens between digits (also the common `+31 (0)6 12345678`). The digit group may not continue on either side, so
 * dates (`01-02-2026`) and longer numbers stay out.
 */
const PHONE_PATTERN = /(?<![\d+][ -]?)(?:\+31 ?\(0\)|\+31|0031|0)(?:[ -]?\d){9}(?![ -]?\d)/g;

/** `3311 AB 12` (postcode, then house number) or `Dorpsstraat 12, 3311 AB` (street and number, then postcode). */
const POSTCODE_HOUSE_PATTERN = /(?<![\dA-Za-z])[1-9]\d{3} ?[A-Z]{2}(?![A-Za-z]),? +\d{1,5}(?!\d)/g;
const STREET_POSTCODE_PATTERN = /(?<![A-Za-z'.-])[A-Za-z][A-Za-z'.-]+ +\d{1,5}(?!\d)[A-Za-z]?,? +[1-9]\d{3} ?[A-Z]{2}(?![A-Za-z])/g;

const MONTH_WORDS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
    'january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec';

/** A full date: `12-03-2015`, `12/03/2015`, `12.03.2015`, `2015-03-12`, `12 maart 2015`. */
const FULL_DATE_PATTERN = new RegExp(
    `(?<!\\d)(?:\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2} (?:${MONTH_WORDS})\\.? \\d{4})(?!\\d)`, 'gi');

const BIRTH_WORDS = ['geboren', 'geb\\.?', 'geboortedatum', 'geboortedag', 'geboorte', 'born', 'birth', 'birthday', 'birthdate',
    'date of birth', 'dob', 'd\\.o\\.b\\.?', 'geb\\.datum', 'geb\\.dat\\.?'];

/** What may stand between the birth word or name and the date: `:`, `(`, `,`, `op`, `on`. */
function birthContextPattern(names: readonly string[]): RegExp {
    const words = [...BIRTH_WORDS, ...names.map(n => n.replace(/[^A-Za-z0-9_]/g, ''))].filter(w => w.length > 0);
    return new RegExp(`(?:^|[^A-Za-z0-9_])(?:${words.join('|')})\\s*[:(,]?\\s*(?:(?:op|on|d\\.d\\.)\\s+)?$`, 'i');
}

/** Where a pattern matched, as offsets in the token's text. */
interface TextMatch { start: number; end: number }

function findAll(pattern: RegExp, text: string, accept: (match: RegExpMatchArray) => boolean = () => true): TextMatch[] {
    const matches: TextMatch[] = [];
    for (const match of text.matchAll(pattern)) {
        if (accept(match)) matches.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
    }
    return matches;
}

export function findBsns(text: string): TextMatch[] {
    return findAll(BSN_PATTERN, text, m => passesElfproef(m[0].replace(/\./g, '')));
}

/** `birthContext` may be given as a function, to build the pattern only when a full date is found. */
export function findPersonalData(text: string, birthContext: RegExp | (() => RegExp)): Array<TextMatch & { kind: PersonalDataKind }> {
    const lookBack = 40;
    const context = () => typeof birthContext === 'function' ? birthContext() : birthContext;
    return [
        ...findAll(EMAIL_PATTERN, text).map(f => ({ ...f, kind: 'email' as const })),
        ...findAll(PHONE_PATTERN, text).map(f => ({ ...f, kind: 'phone' as const })),
        ...[...findAll(POSTCODE_HOUSE_PATTERN, text), ...findAll(STREET_POSTCODE_PATTERN, text)].map(f => ({ ...f, kind: 'address' as const })),
        ...findAll(FULL_DATE_PATTERN, text, m => context().test(text.slice(Math.max(0, (m.index ?? 0) - lookBack), m.index)))
            .map(f => ({ ...f, kind: 'birthdate' as const }))
    ].sort((a, b) => a.start - b.start);
}

function tokenKind(tokenTypeName: string): TokenKind | undefined {
    switch (tokenTypeName) {
        case 'STRING': return 'string';
        case 'ID': return 'identifier';
        case 'SL_COMMENT':
        case 'ML_COMMENT': return 'comment';
        default: return undefined;
    }
}

/** Every pattern needs a digit, except the e-mail pattern, which needs an `@`: most tokens hold neither. */
const MAY_HOLD_DATA = /[\d@]/;

/** `MAY_HOLD_DATA` on `text[start, end)`, without copying it. */
function mayHoldData(text: string, start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        if ((code >= 48 && code <= 57) || code === 64) return true; // 0-9, @
    }
    return false;
}

/** The distinct names of the file's household members and supporters (a birth date may follow one). */
function personNames(file: VplanFile): string[] {
    const names = new Set<string>();
    for (const declaration of file.declarations) {
        if (!isPlan(declaration)) continue;
        for (const person of [...planMembers(declaration), ...planSupporters(declaration)]) {
            if (typeof person.name === 'string') names.add(person.name); // a name lost to a parse error is undefined
        }
    }
    return [...names];
}

type VisitToken = (image: string, startOffset: number, where: TokenKind) => void;

/**
 * Visits the STRING, ID and comment tokens of the file: first the visible tokens, then the hidden
 * ones (comments), each in text order. A document that parsed without errors holds every token
 * in its CST (comments as hidden leaves), so no second lexing pass is needed; for a document with
 * lexer or parser errors the lexer's tokens are read, because recovery can leave text out of the tree.
 */
function forEachReadToken(document: LangiumDocument, lexedTokens: () => IToken[], visit: VisitToken): void {
    const { parseResult } = document;
    const text = document.textDocument.getText();
    const root = parseResult.value.$cstNode?.root;
    const clean = parseResult.lexerErrors.length === 0 && parseResult.parserErrors.length === 0
        && (parseResult.lexerReport?.diagnostics.length ?? 0) === 0;
    if (root && clean && root.fullText === text) {
        const visible: LeafCstNode[] = [];
        const hidden: LeafCstNode[] = [];
        collectReadLeaves(root, text, visible, hidden);
        for (const leaves of [visible, hidden]) {
            if (!inTextOrder(leaves)) leaves.sort((a, b) => a.offset - b.offset);
            for (const leaf of leaves) {
                visit(text.substring(leaf.offset, leaf.end), leaf.offset, tokenKind(leaf.tokenType.name)!);
            }
        }
        return;
    }
    const tokens = lexedTokens();
    for (const comments of [false, true]) {
        for (const token of tokens) {
            const where = tokenKind(token.tokenType.name);
            if (where && (where === 'comment') === comments) visit(token.image, token.startOffset, where);
        }
    }
}

/**
 * The leaves the checks read, split into visible and hidden ones; a plain loop (no stream objects).
 * Most tokens hold no digit and no `@` and are left out here, without copying their text.
 */
function collectReadLeaves(root: CompositeCstNode, text: string, visible: LeafCstNode[], hidden: LeafCstNode[]): void {
    const stack: CstNode[] = [root];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (isCompositeCstNode(node)) {
            const content = node.content;
            for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
        } else if (isLeafCstNode(node) && tokenKind(node.tokenType.name) && mayHoldData(text, node.offset, node.end)) {
            (node.hidden ? hidden : visible).push(node);
        }
    }
}

function inTextOrder(leaves: readonly LeafCstNode[]): boolean {
    for (let i = 1; i < leaves.length; i++) {
        if (leaves[i - 1].offset > leaves[i].offset) return false;
    }
    return true;
}
