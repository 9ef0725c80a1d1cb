/**
 * Parse and lex errors (VP000). Chevrotain asks for a message string while parsing, before the
 * document's locale is known, so the providers below encode the structured error as a tagged JSON
 * string; the document validator decodes it (`syntaxMessageFor`) and renders it per document with
 * the messages of the VP000 rule unit (rules/syntax-rules.ts).
 */

import { AbstractParserErrorMessageProvider, DefaultLexerErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { RESERVED_WORDS } from '../model/vocabulary.js';

const TAG = '\u0001vplan-syntax:';

export type SyntaxErrorInfo =
    | { kind: 'reserved'; word: string }
    | { kind: 'expected'; expected: string[]; found: string }
    | { kind: 'trailing'; found: string }
    | { kind: 'character'; found: string }
    | { kind: 'string' };

export function encodeSyntaxError(info: SyntaxErrorInfo): string {
    return TAG + JSON.stringify(info);
}

export function decodeSyntaxError(message: string): SyntaxErrorInfo | undefined {
    if (!message.startsWith(TAG)) return undefined;
    try {
        return JSON.parse(message.slice(TAG.length)) as SyntaxErrorInfo;
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

/**
 * A mismatch where a name was expected but a reserved word was found gets its own message, unless
 * the keyword starts a new line (`roles victim,` then `member ...`): that is a missing name.
 */
function mismatch(expected: string[], actual: IToken | undefined, previous?: IToken): string {
    const found = foundText(actual);
    const onNewLine = previous?.endLine !== undefined && actual?.startLine !== undefined && actual.startLine > previous.endLine;
    if (expected.includes('<ID>') && actual && RESERVED_WORDS.has(actual.image) && isKeyword(actual) && !onNewLine) {
        return encodeSyntaxError({ kind: 'reserved', word: actual.image });
    }
    return encodeSyntaxError({ kind: 'expected', expected: [...new Set(expected)], found });
}

export class VplanParserErrorMessageProvider extends AbstractParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return mismatch([tokenKey(options.expected)], options.actual, options.previous);
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return encodeSyntaxError({ kind: 'trailing', found: foundText(options.firstRedundant) });
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = options.expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean).map(tokenKey);
        return mismatch(expected, options.actual[0], options.previous);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription: string; ruleName: string }): string {
        const expected = options.expectedIterationPaths.map(path => path[0]).filter(Boolean).map(tokenKey);
        return mismatch(expected, options.actual[0], options.previous);
    }
}

export class VplanLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + Math.max(length, 1));
        if (text.startsWith('"')) return encodeSyntaxError({ kind: 'string' });
        return encodeSyntaxError({ kind: 'character', found: text.slice(0, 1) });
    }
}

/** A decoded syntax error: the id of its VP000 finding (rules/syntax-rules.ts) and the finding's arguments. */
export type SyntaxMessage =
    | { [K in SyntaxErrorInfo['kind']]: { messageId: `VP000.${K}`; args: Omit<Extract<SyntaxErrorInfo, { kind: K }>, 'kind'> } }[SyntaxErrorInfo['kind']]
    | { messageId: 'VP000.unknown'; args: { text: string } };

/** Message id and arguments of an encoded syntax error (or a generic fallback). */
export function syntaxMessageFor(message: string): SyntaxMessage {
    const info = decodeSyntaxError(message);
    if (!info) return { messageId: 'VP000.unknown', args: { text: message } };
    const { kind, ...args } = info;
    return { messageId: `VP000.${kind}`, args } as SyntaxMessage;
}
