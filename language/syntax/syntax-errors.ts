/**
 * Parse and lex errors (VP000) in both languages. Chevrotain asks for a message string while
 * parsing, before the document's locale is known, so the providers below encode the structured
 * error as a tagged JSON string; the document validator decodes and renders it per document.
 */

import { AbstractParserErrorMessageProvider, DefaultLexerErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Locale, MessageCatalogue } from '../i18n/locale.js';
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

const TERMINAL_NAMES: Record<string, Record<Locale, string>> = {
    '<ID>': { en: 'a name', nl: 'een naam' },
    '<STRING>': { en: 'a quoted text', nl: 'een tekst tussen aanhalingstekens' },
    '<DATE>': { en: 'a date (YYYY-MM-DD)', nl: 'een datum (JJJJ-MM-DD)' },
    '<INT>': { en: 'a number', nl: 'een getal' },
    '<EOF>': { en: 'the end of the file', nl: 'het einde van het bestand' }
};

function renderToken(key: string, locale: Locale): string {
    return TERMINAL_NAMES[key]?.[locale] ?? key;
}

function foundText(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') return '<EOF>';
    return token.image;
}

/** "Unexpected 'x'" / "Unexpected end of file", in the locale. */
function unexpected(found: string, locale: Locale): string {
    if (found === '<EOF>') return locale === 'nl' ? 'Onverwacht einde van het bestand' : 'Unexpected end of file';
    const shown = `'${found.length > 40 ? found.slice(0, 40) + '…' : found}'`;
    return locale === 'nl' ? `Onverwacht ${shown}` : `Unexpected ${shown}`;
}

/** "a, b or c" / "a, b of c". */
function alternatives(keys: string[], locale: Locale): string {
    const items = keys.map(key => renderToken(key, locale));
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${locale === 'nl' ? 'of' : 'or'} ${items[items.length - 1]}`;
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

export const syntaxMessages = {
    'VP000.reserved': {
        en: (a: { word: string }) => `'${a.word}' is a reserved word and cannot be used as a name; choose another pseudonym.`,
        nl: (a: { word: string }) => `'${a.word}' is een gereserveerd woord en kan geen naam zijn; kies een ander pseudoniem.`
    },
    'VP000.expected': {
        en: (a: { expected: string[]; found: string }) => `${unexpected(a.found, 'en')}: expected ${alternatives(a.expected, 'en')}.`,
        nl: (a: { expected: string[]; found: string }) => `${unexpected(a.found, 'nl')}: verwacht ${alternatives(a.expected, 'nl')}.`
    },
    'VP000.trailing': {
        en: (a: { found: string }) => `${unexpected(a.found, 'en')}: expected a declaration ('plan', 'organisation' or 'measure type').`,
        nl: (a: { found: string }) => `${unexpected(a.found, 'nl')}: verwacht een declaratie ('plan', 'organisation' of 'measure type').`
    },
    'VP000.character': {
        en: (a: { found: string }) => `Unexpected character '${a.found}'.`,
        nl: (a: { found: string }) => `Onverwacht teken '${a.found}'.`
    },
    'VP000.string': {
        en: () => 'Unterminated string: a text in double quotes must end on the same line.',
        nl: () => 'Tekst niet afgesloten: een tekst tussen dubbele aanhalingstekens moet op dezelfde regel eindigen.'
    },
    'VP000.unknown': {
        en: (a: { text: string }) => `Syntax error: ${a.text}`,
        nl: (a: { text: string }) => `Syntaxfout: ${a.text}`
    }
} satisfies MessageCatalogue;

/** Message id and arguments of an encoded syntax error (or a generic fallback). */
export function syntaxMessageFor(message: string): { messageId: keyof typeof syntaxMessages; args: Record<string, unknown> } {
    const info = decodeSyntaxError(message);
    if (!info) return { messageId: 'VP000.unknown', args: { text: message } };
    switch (info.kind) {
        case 'reserved': return { messageId: 'VP000.reserved', args: { word: info.word } };
        case 'expected': return { messageId: 'VP000.expected', args: { expected: info.expected, found: info.found } };
        case 'trailing': return { messageId: 'VP000.trailing', args: { found: info.found } };
        case 'character': return { messageId: 'VP000.character', args: { found: info.found } };
        case 'string': return { messageId: 'VP000.string', args: {} };
    }
}
