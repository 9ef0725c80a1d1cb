/**
 * Parse and lex errors (VP000). Chevrotain asks for a message string while parsing, before the
 * document's locale is known, so the providers below encode the structured error as a tagged JSON
 * string; the document validator decodes it (`syntaxMessageFor`) and renders it per document with
 * the messages of the VP000 rule unit (rules/syntax-rules.ts). The encoded error also records the
 * token it found (offset and type): with the document's text, syntax/syntax-refinement.ts then
 * lists what is valid at that point, suggests the keyword a misspelt word was meant to be, and
 * names the token's kind instead of quoting it when it may hold personal data (spec section 7).
 */

import { AbstractParserErrorMessageProvider, DefaultLexerErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { RESERVED_WORDS } from '../model/vocabulary.js';
import { codePointText } from '../model/personal-data.js';

const TAG = '\u0001vplan-syntax:';

/**
 * A syntax error as the VP000 messages read it. `found` is the token's text, or the neutral key of
 * its kind (`<INT>`, `<STRING>`) when it may not be repeated; `suggestion` is the keyword a
 * misspelt word was probably meant to be ("did you mean `protects`?").
 */
export type SyntaxErrorInfo =
    | { kind: 'reserved'; word: string }
    | { kind: 'expected'; expected: string[]; found: string; suggestion?: string }
    | { kind: 'trailing'; found: string; suggestion?: string }
    | { kind: 'householdMixed' }
    | { kind: 'character'; found: string }
    | { kind: 'string' }
    | { kind: 'comment' }
    | { kind: 'trailingComma'; found: string }
    | { kind: 'bornDate' }
    | { kind: 'memberKind' };

/** The token a parse error found: where it starts and its token type (`ID`, `INT`, `STRING`, a keyword's own text). */
export interface FoundToken {
    offset: number;
    type: string;
}

export function encodeSyntaxError(info: SyntaxErrorInfo, token?: FoundToken): string {
    return TAG + JSON.stringify(token ? { ...info, token } : info);
}

export function decodeSyntaxError(message: string): SyntaxErrorInfo | undefined {
    return decodeSyntaxErrorWithToken(message)?.info;
}

/** The error and, for a parse error, the token it found. */
export function decodeSyntaxErrorWithToken(message: string): { info: SyntaxErrorInfo; token?: FoundToken } | undefined {
    if (!message.startsWith(TAG)) return undefined;
    try {
        const { token, ...info } = JSON.parse(message.slice(TAG.length)) as SyntaxErrorInfo & { token?: FoundToken };
        return { info: info as SyntaxErrorInfo, token };
    } catch {
        return undefined;
    }
}

/** Token type → a name a person understands, as a neutral key rendered per locale. */
const TERMINALS = new Set(['ID', 'STRING', 'DATE', 'INT', 'EOF']);

function tokenKey(type: TokenType): string {
    return TERMINALS.has(type.name) ? `<${type.name}>` : `'${type.name}'`;
}

function isKeyword(token: IToken): boolean {
    return !TERMINALS.has(token.tokenType.name);
}

function foundText(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') return '<EOF>';
    return token.image;
}

/** The token for the refinement of the message: only a real token of the text (recovery may insert virtual ones). */
function foundToken(token: IToken | undefined): FoundToken | undefined {
    if (!token || token.tokenType?.name === 'EOF' || !Number.isFinite(token.startOffset) || token.startOffset < 0) return undefined;
    return { offset: token.startOffset, type: token.tokenType.name };
}

/**
 * `affects noor, household`: `household` names the whole household and cannot be listed with
 * members; the parser sees a keyword where a name belongs. (`affects household, noor`, a stray
 * comma, is recognised with the text: syntax-refinement.ts.)
 */
function mixesHousehold(actual: IToken | undefined, previous: IToken | undefined, ruleName: string | undefined): boolean {
    // Langium marks its rule names with a zero-width space.
    return actual !== undefined && previous !== undefined && actual.image === 'household' && isKeyword(actual) && previous.image === ','
        && ruleName?.replace(/\u200B/g, '') === 'AffectsItem';
}

/**
 * A mismatch where a name was expected but a reserved word was found gets its own message, unless
 * the keyword starts a new line (`roles victim,` then `member ...`): that is a missing name.
 */
function mismatch(expected: string[], actual: IToken | undefined, previous?: IToken, ruleName?: string): string {
    const found = foundText(actual);
    const onNewLine = previous?.endLine !== undefined && actual?.startLine !== undefined && actual.startLine > previous.endLine;
    if (mixesHousehold(actual, previous, ruleName)) {
        return encodeSyntaxError({ kind: 'householdMixed' });
    }
    // `member noor born 2015`: right after a member's name comes its kind, which is missing.
    if (ruleName?.replace(/\u200B/g, '') === 'Member' && previous?.tokenType?.name === 'ID' && expected.includes('<ID>')) {
        return encodeSyntaxError({ kind: 'memberKind' });
    }
    // `born 2015-03-12`: a full date where a year belongs is most likely a date of birth, never repeated (spec section 7).
    if (actual?.tokenType?.name === 'DATE' && previous?.image === 'born' && isKeyword(previous)) {
        return encodeSyntaxError({ kind: 'bornDate' });
    }
    // `for sanne, by wijkteam` or `roles victim,` at the end of a line: a list never ends with a comma.
    if (expected.includes('<ID>') && actual && actual.tokenType?.name !== 'EOF' && isKeyword(actual) && previous?.image === ',' && isKeyword(previous)) {
        return encodeSyntaxError({ kind: 'trailingComma', found: actual.image });
    }
    if (expected.includes('<ID>') && actual && RESERVED_WORDS.has(actual.image) && isKeyword(actual) && !onNewLine) {
        return encodeSyntaxError({ kind: 'reserved', word: actual.image });
    }
    return encodeSyntaxError({ kind: 'expected', expected: [...new Set(expected)], found }, foundToken(actual));
}

export class VplanParserErrorMessageProvider extends AbstractParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return mismatch([tokenKey(options.expected)], options.actual, options.previous, options.ruleName);
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return encodeSyntaxError({ kind: 'trailing', found: foundText(options.firstRedundant) }, foundToken(options.firstRedundant));
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean).map(tokenKey);
        return mismatch(expected, options.actual[0], options.previous, options.ruleName);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = options.expectedIterationPaths.map(path => path[0]).filter(Boolean).map(tokenKey);
        return mismatch(expected, options.actual[0], options.previous, options.ruleName);
    }
}

/**
 * A character as a message shows it: itself when it is visible, else its code point (`U+202E`): a
 * direction control or another invisible character, printed raw, would reorder or hide the text
 * of the message in a terminal or a CI log (spec section 7, VP072).
 */
function shownCharacter(code: number): string {
    const character = String.fromCodePoint(code);
    return /[\p{C}\p{Z}]/u.test(character) ? codePointText(code) : character;
}

export class VplanLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + Math.max(length, 1));
        if (text.startsWith('"')) return encodeSyntaxError({ kind: 'string' });
        if (fullText.startsWith('/*', startOffset)) return encodeSyntaxError({ kind: 'comment' });
        return encodeSyntaxError({ kind: 'character', found: shownCharacter(fullText.codePointAt(startOffset) ?? 0) });
    }
}

/** A decoded syntax error: the id of its VP000 finding (rules/syntax-rules.ts) and the finding's arguments. */
export type SyntaxMessage =
    | { [K in SyntaxErrorInfo['kind']]: { messageId: `VP000.${K}`; args: Omit<Extract<SyntaxErrorInfo, { kind: K }>, 'kind'> } }[SyntaxErrorInfo['kind']]
    | { messageId: 'VP000.unknown'; args: { text: string } };

/** Message id and arguments of an encoded syntax error (or a generic fallback). */
export function syntaxMessageFor(message: string): SyntaxMessage {
    const info = decodeSyntaxError(message);
    return info ? syntaxMessageOf(info) : { messageId: 'VP000.unknown', args: { text: message } };
}

/** Message id and arguments of a decoded syntax error. */
export function syntaxMessageOf(info: SyntaxErrorInfo): SyntaxMessage {
    const { kind, ...args } = info;
    return { messageId: `VP000.${kind}`, args } as SyntaxMessage;
}
