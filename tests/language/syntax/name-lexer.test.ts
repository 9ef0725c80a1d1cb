/**
 * The name lexer re-types a reserved word that stands in a name position (`member regie adult`)
 * as an identifier and records a VP000 lexing error. It decides from a table of token types; this
 * test checks it against the rule written out with strings (as the lexer did before the table) on
 * many generated texts: keywords, identifiers and line breaks in any order.
 */

import fc from 'fast-check';
import { DefaultLexer } from 'langium';
import type { IToken } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { RESERVED_WORDS } from '../../../language/model/vocabulary.js';
import { createTestServices } from '../../helpers.js';

const services = createTestServices();
const vplanLexer = services.Vplan.parser.Lexer;
const plainLexer = new DefaultLexer(services.Vplan);

/** The rule, with strings: a reserved keyword right after a name-introducing keyword on the same line. */
function expectedRetyped(tokens: IToken[]): number[] {
    const introducers = new Set(['plan', 'organisation', 'member', 'supporter', 'risk', 'intervention', 'agreement', 'measure']);
    const terminals = new Set(['ID', 'STRING', 'DATE', 'INT']);
    const retyped = new Set<number>();
    const isKeyword = (i: number) => !retyped.has(i) && !terminals.has(tokens[i].tokenType.name);
    for (let i = 1; i < tokens.length; i++) {
        const token = tokens[i];
        if (!isKeyword(i) || !RESERVED_WORDS.has(token.image) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(token.image)) continue;
        const previous = tokens[i - 1];
        if (!isKeyword(i - 1) || previous.startLine !== token.startLine) continue;
        const namePosition = previous.image === 'measure' ? token.image !== 'type'
            : previous.image === 'type' ? i >= 2 && tokens[i - 2].image === 'measure' && isKeyword(i - 2)
                : introducers.has(previous.image);
        if (namePosition) retyped.add(i);
    }
    return [...retyped];
}

function lexBoth(text: string): { actual: number[]; expected: number[]; errors: number } {
    const result = vplanLexer.tokenize(text);
    const plain = plainLexer.tokenize(text);
    expect(result.tokens.map(t => t.image)).toEqual(plain.tokens.map(t => t.image));
    const actual = result.tokens.flatMap((token, i) => (token.tokenType.name === 'ID' && plain.tokens[i].tokenType.name !== 'ID' ? [i] : []));
    return { actual, expected: expectedRetyped(plain.tokens), errors: result.errors.length - plain.errors.length };
}

const words = ['plan', 'organisation', 'member', 'supporter', 'risk', 'intervention', 'agreement', 'measure', 'type', 'regie',
    'status', 'by', 'from', 'to', 'for', 'no-action', 'kind', 'sanne', 'noor', 'x', '{', '}', ',', '"titel"', '2026-01-12', '12', '// note'];

describe('the name lexer re-types reserved words in name positions', () => {
    test('the examples of the spec: reserved names, and keywords that are no names', () => {
        const { actual, expected, errors } = lexBoth('member regie adult\nmeasure type term {}\nmeasure type type\nmeasure measure x\nplan\nregie');
        expect(actual).toEqual(expected);
        expect(actual.length).toBe(4);
        expect(errors).toBe(4);
    });

    test('any sequence of keywords, names and line breaks', () => {
        // Mostly the few words around a name position, so that every case turns up often.
        const word = fc.oneof({ arbitrary: fc.constantFrom('measure', 'type', 'member', 'regie', 'x'), weight: 3 }, { arbitrary: fc.constantFrom(...words), weight: 2 });
        const text = fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', '\n')), { maxLength: 40 })
            .map(parts => parts.map(([word, gap]) => word + gap).join(''));
        fc.assert(fc.property(text, source => {
            const { actual, expected, errors } = lexBoth(source);
            expect(actual).toEqual(expected);
            expect(errors).toBe(expected.length);
        }), { numRuns: 500 });
    });
});
