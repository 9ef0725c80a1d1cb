/**
 * Privacy: VP070 (no BSN in a string, identifier, comment or, since version 2, integer), VP071 (no
 * e-mail address, Dutch phone number, postcode with house number or date of birth in a string or
 * comment) and VP072 (v2: no hidden direction change in a string or comment). All are file checks
 * and always report, also inside duplicate declarations and in files with syntax errors.
 *
 * The checks read tokens, not the AST (comments are hidden tokens). A file that parsed cleanly
 * holds every token in its CST, comments included as hidden leaves; for a file with syntax errors
 * the check reads the lexer's tokens (`tokens()` of the file context), which also reach text that
 * parse-error recovery left out of the tree. STRING, ID and comment tokens are read, and (v2) the
 * plan's own INT and DATE tokens for VP070 only: a number is judged with the digit groups it stands
 * in (`born 123 456 789` is three integer tokens). Messages never repeat the data they found; the
 * diagnostic's range points at it. The patterns are in model/personal-data.ts, which a syntax error
 * (VP000) also asks before it quotes a token. No quick fix for VP070 and VP071: removing personal
 * data is the author's call; VP072's fix removes the invisible controls.
 *
 * The file check reads nothing but the document's own text and syntax tree: its findings are
 * recorded per tree and replayed when the document is validated again unchanged (vplan-validator.ts).
 */

import { isCompositeCstNode, isLeafCstNode, type CompositeCstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import type { IToken } from 'chevrotain';
import { isPlan, type VplanFile } from '../generated/ast.js';
import { planMembers, planSupporters } from '../model/ast-queries.js';
import {
    birthContextPattern, codePointText, digitSequenceAround, DIRECTION_CONTROL_NAMES, findBsns, findDirectionControls, findPersonalData,
    isDirectionControl, type PersonalDataKind, type TextMatch
} from '../model/personal-data.js';
import { defineRule, defineRules, finding, message, text, type FindingArgs, type ModuleFindings } from './rule-unit.js';
import { examplePlan, EXAMPLE_SECTIONS } from './example-plan.js';
import type { FixProposal } from './fix-support.js';

export { findBsns, findPersonalData, passesElfproef, type PersonalDataKind } from '../model/personal-data.js';

/** The kind of token a finding lies in (the message names it). */
export type TokenKind = 'string' | 'comment' | 'identifier' | 'integer';

const WHERE = {
    en: { string: 'This text', comment: 'This comment', identifier: 'This name', integer: 'This number' },
    nl: { string: 'Deze tekst', comment: 'Dit commentaar', identifier: 'Deze naam', integer: 'Dit getal' }
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
            en: a => `${a.where === 'integer' ? 'This number passes' : `${WHERE.en[a.where]} holds a number that passes`} the BSN eleven-test (a citizen service number). ` +
                (a.where === 'identifier'
                    ? 'Names are pseudonyms: rename it without the number.'
                    : 'A plan never holds a BSN: remove the number and refer to the case file instead.'),
            nl: a => `${a.where === 'integer' ? 'Dit getal voldoet' : `${WHERE.nl[a.where]} bevat een getal dat voldoet`} aan de elfproef voor een BSN (burgerservicenummer). ` +
                (a.where === 'identifier'
                    ? 'Namen zijn pseudoniemen: hernoem zonder het nummer.'
                    : 'Een plan bevat nooit een BSN: verwijder het nummer en verwijs naar het dossier.')
        })
    },
    docs: {
        checks: 'No string, identifier, comment or (since version 2) integer holds a run of exactly nine digits (also written ' +
            '`1234.56.789`, and since version 2 as groups of two to four digits separated by single spaces, dots or hyphens, such as ' +
            '`123 456 789`, `1234 56 789` or `123-45-6789`, the whole group sequence standing between non-digits) that passes the ' +
            'BSN eleven-test (*elfproef*: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11, not all zeros). An integer counts wherever it ' +
            'stands: a `born`, a duration\'s amount, a stray number. The message never repeats the number, and neither does any ' +
            'other message (a syntax error names the kind of the token instead). Reported also inside duplicate declarations and ' +
            'in files with syntax errors.',
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
            'postcode with a house number (`3311 AB 12`, `Dorpsstraat 12, 3311 AB`); or a full date of birth next to a birth word ' +
            'or a member\'s or supporter\'s name (`geboren 12-03-2015`). Abbreviations of the chain in running text (VT, GI, OM, PO, ' +
            'JR, ...) are not postcode letters: "Sinds 2024 GI 2 keer" is a year, an organisation and a count. The message never ' +
            'repeats the data. Reported also inside duplicate declarations and in files with syntax errors.',
        why: 'Plans hold special-category data (health) and criminal-law data [S56]; identifiers are pseudonyms. Referral forms ' +
            'ask for exactly such data [S61e] — it does not belong in a plan file.',
        example: {
            show: 'supporter oma "Oma van Noor, tel. 06-12345678" supports sanne, noor aware',
            file: examplePlan({ network: EXAMPLE_SECTIONS.network.replace('"Oma van Noor"', '"Oma van Noor, tel. 06-12345678"') })
        },
        fix: 'Remove the data; keep contact details in the case system.'
    }
});

type DirectionArgs = { where: 'string' | 'comment'; codePoint: string; name: string; count: number };

const vp072Texts = {
    fixTitle: message<{ count: number }>({
        en: a => a.count === 1 ? 'Remove the hidden direction control' : `Remove the ${a.count} hidden direction controls`,
        nl: a => a.count === 1 ? 'Verborgen richtingsteken verwijderen' : `De ${a.count} verborgen richtingstekens verwijderen`
    })
};

export const vp072 = defineRule({
    code: 'VP072',
    severity: 'warning',
    title: { en: 'No hidden direction changes', nl: 'Geen verborgen richtingswisselingen' },
    findings: {
        directionControl: finding<DirectionArgs>({
            en: a => `${WHERE.en[a.where]} holds the invisible direction control ${a.codePoint} (${a.name})` +
                `${a.count > 1 ? ` and ${a.count - 1} more` : ''}, which can make the plan read differently in review than it means. Remove it.`,
            nl: a => `${WHERE.nl[a.where]} bevat het onzichtbare richtingsteken ${a.codePoint} (${a.name})` +
                `${a.count > 1 ? ` en nog ${a.count - 1}` : ''}, waardoor het plan bij een review anders kan lezen dan het bedoelt. Verwijder het.`
        })
    },
    texts: vp072Texts,
    fix: (context): FixProposal[] => {
        const offsets = findDirectionControls(context.text, context.start, context.end);
        if (offsets.length === 0) return [];
        return [{
            title: text(vp072Texts.fixTitle, { count: offsets.length }, context.locale),
            edits: offsets.map(offset => ({ offset, end: offset + 1, newText: '' })),
            preferred: true
        }];
    },
    docs: {
        checks: 'No string or comment holds a Unicode bidirectional control character (U+202A–U+202E, U+2066–U+2069). One ' +
            'diagnostic per string or comment, from its first such character to its last; the message names the first by its ' +
            'code point. Reported also inside duplicate declarations and in files with syntax errors.',
        why: 'These characters are invisible, but they reorder the text around them: a title or comment can show one thing in a ' +
            'review and say another (*Trojan Source*, CVE-2021-42574). A plan is reviewed as text; what a reviewer sees must be ' +
            'what it says.',
        example: {
            show: 'evaluation 2026-06-01 "Evaluatie <U+202E>nietgeen<U+202C>"',
            file: examplePlan({ extra: '    evaluation 2026-06-01 "Evaluatie \u202Enietgeen\u202C"' })
        },
        fix: 'Remove the characters (the quick fix does); write the text in its reading order.'
    }
});

const RULES = [vp070, vp071, vp072] as const;
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
        const fullText = document.textDocument.getText();
        // v2: a number is read with the digit groups it stands in; each sequence once.
        let sequencesRead: Set<number> | undefined;
        const readNumber = (startOffset: number, endOffset: number) => {
            const sequence = digitSequenceAround(fullText, startOffset, endOffset);
            if (!holdsNineDigits(fullText, sequence)) return; // a date, a year, a small amount: most numbers
            sequencesRead ??= new Set();
            if (sequencesRead.has(sequence.start)) return;
            sequencesRead.add(sequence.start);
            for (const match of findBsns(fullText.slice(sequence.start, sequence.end))) {
                reportAt('VP070.bsn', sequence.start, match, { where: 'integer' });
            }
        };
        forEachReadToken(document, tokens, (image, startOffset, where) => {
            if (where === 'integer') {
                readNumber(startOffset, startOffset + image.length);
                return;
            }
            if (!MAY_HOLD_DATA.test(image)) return;
            for (const match of findBsns(image)) reportAt('VP070.bsn', startOffset, match, { where });
            if (where === 'identifier') return; // VP071 and VP072 read strings and comments only
            for (const match of findPersonalData(image, birthContextOfFile)) {
                reportAt('VP071.personalData', startOffset, match, { where, kind: match.kind });
            }
            const controls = findDirectionControls(image);
            if (controls.length > 0) {
                const first = image.charCodeAt(controls[0]);
                reportAt('VP072.directionControl', startOffset, { start: controls[0], end: controls[controls.length - 1] + 1 }, {
                    where, codePoint: codePointText(first), name: DIRECTION_CONTROL_NAMES[first], count: controls.length
                });
            }
        });
    }
});

/** Whether a digit sequence holds at least nine digits (none of fewer can hold a BSN). */
function holdsNineDigits(text: string, sequence: TextMatch): boolean {
    let digits = 0;
    for (let i = sequence.start; i < sequence.end && digits < 9; i++) {
        const code = text.charCodeAt(i);
        if (code >= 48 && code <= 57) digits++;
    }
    return digits >= 9;
}

function tokenKind(tokenTypeName: string): TokenKind | undefined {
    switch (tokenTypeName) {
        case 'STRING': return 'string';
        case 'ID': return 'identifier';
        case 'SL_COMMENT':
        case 'ML_COMMENT': return 'comment';
        case 'INT':
        case 'DATE': return 'integer';
        default: return undefined;
    }
}

/**
 * Every pattern needs a digit, except the e-mail pattern, which needs an `@`, and VP072, which
 * needs a direction control: most tokens hold none of these.
 */
const MAY_HOLD_DATA = /[\d@\u202A-\u202E\u2066-\u2069]/;

/** `MAY_HOLD_DATA` on `text[start, end)`, without copying it. */
function mayHoldData(text: string, start: number, end: number): boolean {
    for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        if ((code >= 48 && code <= 57) || code === 64 || isDirectionControl(code)) return true; // 0-9, @
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
