/**
 * A structural keyword written as the name of a declaration (`member regie adult`) is VP000
 * (spec section 1). Left to the parser, such a keyword breaks the rule that declares the name and
 * error recovery can drop the rest of a block or of the whole plan, so one typo would hide (or
 * fake) many other diagnostics. This lexer re-types a keyword that stands in a name position as
 * an identifier, so the declaration parses, and records a lexing error for it, so that it is still
 * VP000 (with the "reserved word" message) and a file holding it is never reformatted. The
 * grammar is unchanged.
 */

import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { RESERVED_WORDS } from '../model/vocabulary.js';
import { encodeSyntaxError } from './syntax-errors.js';

/** Keywords that are directly followed by the name of the declaration they start. */
const NAME_INTRODUCERS = new Set(['plan', 'organisation', 'member', 'supporter', 'risk', 'intervention', 'agreement', 'measure']);
const NAME_LIKE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TERMINALS = new Set(['ID', 'STRING', 'DATE', 'INT']);

/** What a token type is, by its `tokenTypeIdx`: the re-scan reads a byte per token instead of testing strings. */
const KEYWORD = 1;
/** A keyword that is a reserved word and could be a name (keywords are case-sensitive: the image is the type's name). */
const RESERVED_NAME = 2;
/** A keyword after which a name can stand: an introducer, or `type` (of `measure type NAME`). */
const BEFORE_NAME = 4;

export class VplanLexer extends DefaultLexer {
    private readonly idType: TokenType | undefined;
    private readonly kindByTypeIndex: Uint8Array;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.idType = this.definition['ID'];
        const types = Object.values(this.definition);
        this.kindByTypeIndex = new Uint8Array(Math.max(0, ...types.map(type => type.tokenTypeIdx ?? 0)) + 1);
        for (const type of types) {
            if (type.tokenTypeIdx === undefined || TERMINALS.has(type.name)) continue;
            this.kindByTypeIndex[type.tokenTypeIdx] = KEYWORD
                | (RESERVED_WORDS.has(type.name) && NAME_LIKE.test(type.name) ? RESERVED_NAME : 0)
                | (NAME_INTRODUCERS.has(type.name) || type.name === 'type' ? BEFORE_NAME : 0);
        }
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        const idType = this.idType;
        if (!idType) return result;
        const tokens = result.tokens;
        const kinds = this.kindByTypeIndex;
        for (let i = 1; i < tokens.length; i++) {
            const token = tokens[i];
            // Most tokens fail here: a reserved word can only be a name right after a keyword that
            // introduces one (`isNamePosition` requires that too); the full test runs on the rest.
            if ((kinds[token.tokenTypeIdx] & RESERVED_NAME) === 0 || (kinds[tokens[i - 1].tokenTypeIdx] & BEFORE_NAME) === 0) continue;
            if (!this.isKeyword(token) || !RESERVED_WORDS.has(token.image) || !NAME_LIKE.test(token.image)) continue;
            if (!this.isNamePosition(tokens, i)) continue;
            token.tokenType = idType;
            token.tokenTypeIdx = idType.tokenTypeIdx!;
            // Still a syntax error: reported as VP000, and `vplan fmt` never rewrites the file.
            result.errors.push({
                offset: token.startOffset, length: token.image.length, line: token.startLine, column: token.startColumn,
                message: encodeSyntaxError({ kind: 'reserved', word: token.image })
            });
        }
        return result;
    }

    private isKeyword(token: IToken): boolean {
        return (this.kindByTypeIndex[token.tokenTypeIdx] & KEYWORD) !== 0;
    }

    /** Whether the token at `i` stands where a declaration's name belongs, on the introducer's line. */
    private isNamePosition(tokens: IToken[], i: number): boolean {
        const previous = tokens[i - 1];
        if (!this.isKeyword(previous) || previous.startLine !== tokens[i].startLine) return false;
        if (previous.image === 'measure') return tokens[i].image !== 'type'; // `measure type NAME`
        if (previous.image === 'type') return i >= 2 && tokens[i - 2].image === 'measure' && this.isKeyword(tokens[i - 2]);
        return NAME_INTRODUCERS.has(previous.image);
    }
}
