/**
 * Privacy checks of spec section 7: VP070 (no BSN in a string, identifier or comment) and VP071
 * (no e-mail address, Dutch phone number, postcode with house number or date of birth in a string
 * or comment). Both are file checks and always report, also inside duplicate declarations.
 *
 * The checks read tokens, not the AST (comments are hidden tokens). A file that parsed cleanly
 * holds every token in its CST, comments included as hidden leaves; a file with syntax errors is
 * lexed again, which also reaches text that parse-error recovery left out of the tree. Only STRING, ID and comment
 * tokens are read: the plan's own DATE and INT tokens never trigger either check. Messages
 * never repeat the data they found; the diagnostic's range points at it.
 *
 * Quick-fix data (`diagnostic.data.fix`): none (removing personal data is the author's call).
 *
 * The file check reads nothing but the document's own text and syntax tree: its findings are
 * recorded per tree and replayed when the document is validated again unchanged (vplan-validator.ts).
 */

import { isCompositeCstNode, isLeafCstNode, type CompositeCstNode, type CstNode, type LangiumDocument, type LeafCstNode, type Lexer } from 'langium';
import { isPlan, type VplanFile } from '../generated/ast.js';
import { planMembers, planSupporters } from '../model/ast-queries.js';
import type { MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck } from '../validation/report.js';

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

export const privacyMessages = {
    'VP070.bsn': {
        en: (a: { where: TokenKind }) =>
            `${WHERE.en[a.where]} holds a number that passes the BSN eleven-test (a citizen service number). ` +
            (a.where === 'identifier'
                ? 'Names are pseudonyms: rename it without the number.'
                : 'A plan never holds a BSN: remove the number and refer to the case file instead.'),
        nl: (a: { where: TokenKind }) =>
            `${WHERE.nl[a.where]} bevat een getal dat voldoet aan de elfproef voor een BSN (burgerservicenummer). ` +
            (a.where === 'identifier'
                ? 'Namen zijn pseudoniemen: hernoem zonder het nummer.'
                : 'Een plan bevat nooit een BSN: verwijder het nummer en verwijs naar het dossier.')
    },
    'VP071.personalData': {
        en: (a: { where: TokenKind; kind: PersonalDataKind }) =>
            `${WHERE.en[a.where]} holds what looks like ${DATA.en[a.kind]}, which is direct personal data. ` +
            'Remove it from the plan and keep it in the case file; refer to people by their pseudonym.',
        nl: (a: { where: TokenKind; kind: PersonalDataKind }) =>
            `${WHERE.nl[a.where]} bevat iets dat lijkt op ${DATA.nl[a.kind]}: een direct persoonsgegeven. ` +
            'Haal het uit het plan en bewaar het in het dossier; noem mensen bij hun pseudoniem.'
    }
} satisfies MessageCatalogue;

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

interface Finding { start: number; end: number }

function findAll(pattern: RegExp, text: string, accept: (match: RegExpMatchArray) => boolean = () => true): Finding[] {
    const findings: Finding[] = [];
    for (const match of text.matchAll(pattern)) {
        if (accept(match)) findings.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
    }
    return findings;
}

export function findBsns(text: string): Finding[] {
    return findAll(BSN_PATTERN, text, m => passesElfproef(m[0].replace(/\./g, '')));
}

/** `birthContext` may be given as a function, to build the pattern only when a full date is found. */
export function findPersonalData(text: string, birthContext: RegExp | (() => RegExp)): Array<Finding & { kind: PersonalDataKind }> {
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

export const privacyPlanChecks: PlanCheck[] = [];

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
 * in its CST (comments as hidden leaves), so no second lexing pass is needed; a document with
 * lexer or parser errors is lexed again, because recovery can leave text out of the tree.
 */
function forEachReadToken(document: LangiumDocument, lexer: Lexer, visit: VisitToken): void {
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
    const { tokens, hidden } = lexer.tokenize(text);
    for (const group of [tokens, hidden]) {
        for (const token of group) {
            const where = tokenKind(token.tokenType.name);
            if (where) visit(token.image, token.startOffset, where);
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

export const privacyFileChecks: FileCheck[] = [
    ({ file, document, services, report }) => {
        // The birth-date context names the file's people; it is built only when a full date turns up.
        let birthContext: RegExp | undefined;
        const birthContextOfFile = () => birthContext ??= birthContextPattern(personNames(file));
        const reportAt = (id: string, startOffset: number, finding: Finding, args: Record<string, unknown>) =>
            report(id, file, args, {
                range: {
                    start: document.textDocument.positionAt(startOffset + finding.start),
                    end: document.textDocument.positionAt(startOffset + finding.end)
                }
            });
        forEachReadToken(document, services.parser.Lexer, (image, startOffset, where) => {
            if (!MAY_HOLD_DATA.test(image)) return;
            for (const finding of findBsns(image)) reportAt('VP070.bsn', startOffset, finding, { where });
            if (where === 'identifier') return; // VP071 reads strings and comments only
            for (const finding of findPersonalData(image, birthContextOfFile)) {
                reportAt('VP071.personalData', startOffset, finding, { where, kind: finding.kind });
            }
        });
    }
];
