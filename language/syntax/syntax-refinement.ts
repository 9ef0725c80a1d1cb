/**
 * Makes a parse error's message helpful, with the document's text that the parser's message
 * provider (syntax-errors.ts) does not have:
 * - what is valid at that point, in full: Chevrotain knows only the token it tried last (`'}'`
 *   after `protect ann` in a measure), so the tokens that may follow are computed again the way
 *   completion does (Langium's completion parser and `findNextFeatures`), over the text of the
 *   top-level declaration the error lies in;
 * - "did you mean `protects`?": the valid keyword a misspelt word is closest to (also in the
 *   diagnostic's fix data, for the quick fix of the VP000 rule);
 * - never quoting a token that VP070 or VP071 would report (spec section 7): its kind is named instead.
 *
 * The prefix parses are bounded per document (a count of errors and of characters), so a file full
 * of errors costs no more than a few parses; later errors keep the parser's own list.
 */

import { GrammarAST, type AstNode, type LangiumCoreServices, type ParseResult } from 'langium';
import { findNextFeatures } from 'langium/lsp';
import type { IToken } from 'chevrotain';
import { isVplanFile } from '../generated/ast.js';
import { tokenMayHoldPersonalData } from '../model/personal-data.js';
import { nearestNames } from '../model/name-distance.js';
import { decodeSyntaxErrorWithToken, syntaxMessageOf, type FoundToken, type SyntaxErrorInfo, type SyntaxMessage } from './syntax-errors.js';

/** How many errors of one document get the full list, and how much text all their prefix parses may read together. */
const MAX_REFINED_ERRORS = 20;
const MAX_PREFIX_CHARACTERS = 2_000_000;

/** The terminals a message names by their kind; a cross-reference reads as the name of what it refers to. */
const TERMINAL_KEYS: Record<string, string> = { ID: '<ID>', STRING: '<STRING>', DATE: '<DATE>', INT: '<INT>' };

/** What may start a top-level declaration. */
const DECLARATION_KEYS = ["'plan'", "'organisation'", "'measure type'"] as const;

export interface RefinedSyntaxMessage {
    message: SyntaxMessage;
    /** For the quick fix: the keyword that replaces the misspelt token. */
    fix?: { replacement: string };
}

/** One document's budget of prefix parses. */
export interface RefinementBudget {
    errors: number;
    characters: number;
}

export function newRefinementBudget(): RefinementBudget {
    return { errors: MAX_REFINED_ERRORS, characters: MAX_PREFIX_CHARACTERS };
}

export class SyntaxMessageRefiner {
    constructor(private readonly services: LangiumCoreServices) {}

    /**
     * Created on first use: building a parser is a grammar analysis of about 20 ms, which a check
     * of files without syntax errors (most `vplan check` runs, docs/performance.md) never needs.
     */
    private get completionParser(): LangiumCoreServices['parser']['CompletionParser'] {
        return this.services.parser.CompletionParser;
    }

    /** The message of an encoded syntax error, refined with the document's text. */
    refine(encoded: string, parseResult: ParseResult, budget: RefinementBudget): RefinedSyntaxMessage | undefined {
        const decoded = decodeSyntaxErrorWithToken(encoded);
        if (!decoded) return undefined;
        const { info, token } = decoded;
        const text = parseResult.value.$cstNode?.root.fullText;
        if (!token || text === undefined || (info.kind !== 'expected' && info.kind !== 'trailing')) return { message: syntaxMessageOf(info) };
        const end = token.offset + info.found.length;
        if (text.slice(token.offset, end) !== info.found) return { message: syntaxMessageOf(info) }; // not the text's own token
        // `affects household, noor`: the parser saw a stray comma after `household`.
        if (info.found === ',' && /\baffects\s+household\s*$/.test(text.slice(Math.max(0, token.offset - 100), token.offset))) {
            return { message: syntaxMessageOf({ kind: 'householdMixed' }) };
        }
        const refined: SyntaxErrorInfo = info.kind === 'expected' ? { ...info, expected: this.expectedAt(text, token, parseResult, budget) ?? info.expected } : { ...info };
        // Never repeat what VP070/VP071 would report: name the token's kind.
        if (tokenMayHoldPersonalData(text, token.offset, end, token.type)) {
            return { message: syntaxMessageOf({ ...refined, found: TERMINAL_KEYS[token.type] ?? '<STRING>' }) };
        }
        const candidates = refined.kind === 'expected' ? refined.expected : DECLARATION_KEYS;
        const suggestion = token.type === 'ID' || isKeywordType(token.type) ? suggestKeyword(info.found, candidates) : undefined;
        if (!suggestion) return { message: syntaxMessageOf(refined) };
        return { message: syntaxMessageOf({ ...refined, suggestion }), fix: { replacement: suggestion } };
    }

    /** Every token that may stand at the error, as neutral keys, or `undefined` when the budget is spent. */
    private expectedAt(text: string, token: FoundToken, parseResult: ParseResult, budget: RefinementBudget): string[] | undefined {
        const from = declarationStart(parseResult.value, token.offset);
        const length = token.offset - from;
        if (budget.errors <= 0 || budget.characters < length) return undefined;
        budget.errors--;
        budget.characters -= length;
        try {
            const result = this.completionParser.parse(text.slice(from, token.offset));
            // Nothing parsed yet: the error is where a declaration starts.
            if (result.tokenIndex === 0) return [...DECLARATION_KEYS];
            const left = [...result.tokens].splice(result.tokenIndex) as IToken[];
            const keys = new Set<string>();
            for (const { feature } of findNextFeatures([result.elementStack.map(element => ({ feature: element }))], left)) {
                const key = featureKey(feature);
                if (key) keys.add(key);
            }
            return keys.size > 0 ? [...keys] : undefined;
        } catch {
            return undefined;
        }
    }
}

/** Keywords are token types named by their own text. */
function isKeywordType(type: string): boolean {
    return TERMINAL_KEYS[type] === undefined && type !== 'EOF';
}

/** Where the top-level declaration holding `offset` starts (a plan, an organisation, a measure type). */
function declarationStart(root: AstNode, offset: number): number {
    let start = 0;
    if (!isVplanFile(root)) return start;
    for (const declaration of root.declarations) {
        const cst = declaration.$cstNode;
        if (!cst || cst.offset > offset) break;
        start = cst.offset;
    }
    return start;
}

/** The neutral key of a grammar element that may come next: `'term max'`, `<ID>`, `<REF:Member>`. */
function featureKey(feature: GrammarAST.AbstractElement): string | undefined {
    if (GrammarAST.isKeyword(feature)) return `'${keywordPhrase(feature)}'`;
    if (GrammarAST.isCrossReference(feature)) return `<REF:${feature.type.ref?.name ?? 'ID'}>`;
    if (GrammarAST.isRuleCall(feature)) return TERMINAL_KEYS[feature.rule.ref?.name ?? ''];
    return undefined;
}

/** A keyword with the keywords that always follow it in its group: `term` → `term max`, `posed` → `posed by`. */
function keywordPhrase(keyword: GrammarAST.Keyword): string {
    const group: unknown = keyword.$container;
    if (!GrammarAST.isGroup(group) || keyword.cardinality !== undefined) return keyword.value;
    const words = [keyword.value];
    for (let i = group.elements.indexOf(keyword) + 1; i < group.elements.length; i++) {
        const next = group.elements[i];
        if (!GrammarAST.isKeyword(next) || next.cardinality !== undefined || !/^[a-z]/.test(next.value)) break;
        words.push(next.value);
    }
    return words.join(' ');
}

/** The valid keyword a misspelt word was probably meant to be: the first word of the nearest expected keyword. */
export function suggestKeyword(found: string, expected: readonly string[]): string | undefined {
    if (!/^[A-Za-z_-]+$/.test(found)) return undefined;
    const words = expected
        .filter(key => key.startsWith("'") && /^'[a-z]/.test(key))
        .map(key => key.slice(1, -1).split(' ')[0]);
    return nearestNames(found, words, 1)[0];
}
