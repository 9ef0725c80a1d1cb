/**
 * How things are written, for the semantic diff: an item's text as the author wrote it (tokens
 * only, comments and layout dropped, so that an added or removed item reads as plan text), and
 * what kind of difference two texts of equal meaning have ("only comments", "only layout").
 */

import { isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode } from 'langium';

/** One level of nesting in the written lines of an item (the canonical layout's indentation). */
export const WRITTEN_INDENT = '    ';

/** Joins tokens as the canonical layout does: one space between tokens, none before a comma. */
export function joinTokens(tokens: readonly string[]): string {
    let line = '';
    for (const token of tokens) {
        if (line === '' || token === ',') line += token;
        else line += ` ${token}`;
    }
    return line;
}

interface WrittenState {
    header: string[];
    body: string[];
    /** Depth of braces opened inside the node's own content (its block). */
    inBlock: boolean;
}

/**
 * The node as written, one line per item: its own tokens first (`measure hv huisverbod`), then
 * every item of its block on a line of its own, indented one level (nested blocks deeper).
 * Braces, comments and layout are left out; names are as written, resolved or not.
 */
export function writtenLines(node: AstNode): string[] {
    const cst = node.$cstNode;
    if (!cst) return [];
    const state: WrittenState = { header: [], body: [], inBlock: false };
    visit(cst, node, state);
    const first = joinTokens(state.header);
    return [...(first ? [first] : []), ...state.body];
}

function visit(cst: CstNode, owner: AstNode, state: WrittenState): void {
    if (isLeafCstNode(cst)) {
        if (cst.hidden) return;
        const token = cst.text;
        if (token === '{') { state.inBlock = true; return; }
        if (token === '}') { state.inBlock = false; return; }
        if (state.inBlock) state.body.push(WRITTEN_INDENT + token);
        else state.header.push(token);
        return;
    }
    if (!isCompositeCstNode(cst)) return;
    for (const child of cst.content) {
        const childNode = child.astNode;
        if (isCompositeCstNode(child) && childNode !== owner && childNode.$container !== undefined && isWithinOwner(childNode, owner)) {
            if (state.inBlock) {
                // An item of the block: a line of its own (with its own block's items below it).
                state.body.push(...writtenLines(childNode).map(line => WRITTEN_INDENT + line));
            } else {
                // A part of the node's own line (a duration, for example).
                state.header.push(...tokensOf(child));
            }
        } else {
            visit(child, owner, state);
        }
    }
}

function isWithinOwner(node: AstNode, owner: AstNode): boolean {
    for (let current: AstNode | undefined = node.$container; current; current = current.$container) {
        if (current === owner) return true;
    }
    return false;
}

/** The non-hidden tokens under a syntax node, in order. */
export function tokensOf(cst: CstNode): string[] {
    const tokens: string[] = [];
    const walk = (node: CstNode) => {
        if (isLeafCstNode(node)) {
            if (!node.hidden) tokens.push(node.text);
        } else if (isCompositeCstNode(node)) {
            for (const child of node.content) walk(child);
        }
    };
    walk(cst);
    return tokens;
}

/** The node's tokens as one line (`from 2026-01-12 for 10 days`). */
export function writtenText(node: AstNode | undefined): string | undefined {
    return node?.$cstNode ? joinTokens(tokensOf(node.$cstNode)) : undefined;
}

/**
 * What differs between two texts whose meaning is equal: nothing (`identical`), only comments,
 * only layout (white space and line breaks), or the way it is written (other tokens with the same
 * meaning: items in another order, `for 10 days` instead of `to 2026-01-22`, a default written out).
 */
export type TextDifference = 'identical' | 'comments' | 'layout' | 'wording';

/** Tokens and comments of a text, read by the lexical rules of the language (robust on any text). */
function lexical(text: string): { tokens: string[]; comments: string[] } {
    const tokens: string[] = [];
    const comments: string[] = [];
    const pattern = /\/\/[^\n\r]*|\/\*[\s\S]*?\*\/|"(?:\\[^\r\n]|[^"\\\r\n])*"|\s+|[{},]|[^\s{},"/]+|[\s\S]/g;
    for (const match of text.matchAll(pattern)) {
        const token = match[0];
        if (/^\s/.test(token)) continue;
        if (token.startsWith('//') || (token.startsWith('/*') && token.endsWith('*/') && token.length >= 4)) comments.push(token.trim());
        else tokens.push(token);
    }
    return { tokens, comments };
}

export function textDifference(oldText: string, newText: string): TextDifference {
    if (oldText === newText) return 'identical';
    const before = lexical(oldText);
    const after = lexical(newText);
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    if (!same(before.tokens, after.tokens)) return 'wording';
    return same(before.comments, after.comments) ? 'layout' : 'comments';
}
