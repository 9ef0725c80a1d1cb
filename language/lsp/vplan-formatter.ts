/**
 * The canonical layout of spec section 5 for the editor (Format Document, Format Selection, format
 * on typing `}`) and for `vplan fmt` (`formatText`). The layout itself is vplan-format-layout.ts;
 * this file turns a parse result into its token stream and the layout into LSP text edits.
 *
 * A file with syntax errors is never touched: the parser may have skipped text, and re-emitting
 * only what it kept would delete the rest.
 */

import { AstUtils, CstUtils, TextDocument, type AstNode, type LangiumCoreServices, type LangiumDocument, type ParseResult } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentOnTypeFormattingParams,
    DocumentRangeFormattingParams, TextEdit
} from 'vscode-languageserver-protocol';
import { layoutTokens, type Layout, type LayoutToken, type LayoutTokenKind } from './vplan-format-layout.js';

/** The properties whose elements are items: one per line (blocks and the file's declarations). */
const ITEM_PROPERTIES = new Set(['items', 'members', 'supporters', 'entries', 'declarations']);

function tokenKind(text: string, hidden: boolean): LayoutTokenKind {
    if (hidden) return text.startsWith('//') ? 'lineComment' : 'blockComment';
    if (text === '{') return 'open';
    if (text === '}') return 'close';
    if (text === ',') return 'comma';
    return 'token';
}

/**
 * The tokens of a parsed text, or `undefined` when the text has syntax errors or anything other
 * than white space lies outside the tokens (which would be lost).
 */
export function layoutTokensOf(parseResult: ParseResult, text: string): LayoutToken[] | undefined {
    if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return undefined;
    const root = parseResult.value.$cstNode;
    if (!root) return /^\s*$/.test(text) ? [] : undefined;
    const itemStarts = new Set<number>();
    for (const node of AstUtils.streamAst(parseResult.value)) {
        if (node.$containerProperty && ITEM_PROPERTIES.has(node.$containerProperty)) {
            const first = firstSignificantLeaf(node);
            if (first !== undefined) itemStarts.add(first);
        }
    }
    const tokens: LayoutToken[] = [];
    let cursor = 0;
    for (const leaf of CstUtils.flattenCst(root)) {
        if (leaf.offset < cursor || !/^\s*$/.test(text.slice(cursor, leaf.offset))) return undefined;
        const leafText = text.slice(leaf.offset, leaf.end);
        if (leafText.length === 0) continue;
        tokens.push({
            offset: leaf.offset,
            end: leaf.end,
            text: leafText,
            kind: tokenKind(leafText, leaf.hidden),
            itemStart: !leaf.hidden && itemStarts.has(leaf.offset)
        });
        cursor = leaf.end;
    }
    if (!/^\s*$/.test(text.slice(cursor))) return undefined;
    return tokens;
}

function firstSignificantLeaf(node: AstNode): number | undefined {
    if (!node.$cstNode) return undefined;
    for (const leaf of CstUtils.flattenCst(node.$cstNode)) {
        if (!leaf.hidden) return leaf.offset;
    }
    return undefined;
}

/** The canonical layout of a parsed text, or `undefined` when it has syntax errors. */
export function layoutOf(parseResult: ParseResult, text: string): Layout | undefined {
    const tokens = layoutTokensOf(parseResult, text);
    return tokens ? layoutTokens(text, tokens) : undefined;
}

/**
 * The canonical text of a vplan file, or `undefined` when it has syntax errors (it must then not
 * be rewritten). Used by `vplan fmt`; pass `createVplanServices(...)` or its `.Vplan`.
 */
export async function formatText(services: LangiumCoreServices | { Vplan: LangiumCoreServices }, text: string): Promise<string | undefined> {
    return formatTextSync(services, text);
}

/** Synchronous `formatText`. */
export function formatTextSync(services: LangiumCoreServices | { Vplan: LangiumCoreServices }, text: string): string | undefined {
    const language = 'Vplan' in services ? services.Vplan : services;
    const parseResult = language.parser.LangiumParser.parse(text);
    return layoutOf(parseResult, text)?.formatted;
}

export class VplanFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const textDocument = document.textDocument;
        return this.edits(document, textDocument.offsetAt(params.range.start), textDocument.offsetAt(params.range.end));
    }

    /** Typing `}` lays out the line it closes. */
    formatDocumentOnType(document: LangiumDocument, params: DocumentOnTypeFormattingParams): TextEdit[] {
        const textDocument = document.textDocument;
        const line = params.position.line;
        const start = textDocument.offsetAt({ line, character: 0 });
        const end = textDocument.offsetAt({ line: line + 1, character: 0 });
        return this.edits(document, start, end);
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return { firstTriggerCharacter: '}' };
    }

    /** The edits of the canonical layout; with a range, only those that touch it. */
    protected edits(document: LangiumDocument, rangeStart?: number, rangeEnd?: number): TextEdit[] {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const layout = layoutOf(document.parseResult, text);
        if (!layout) return [];
        return layout.edits
            .filter(edit => rangeStart === undefined || rangeEnd === undefined || touches(edit, rangeStart, rangeEnd))
            .map(edit => ({
                range: { start: textDocument.positionAt(edit.offset), end: textDocument.positionAt(edit.end) },
                newText: edit.newText
            }));
    }
}

/** Whether an edit lies (partly) inside a range; an insertion counts when it is inside or at its ends. */
function touches(edit: { offset: number; end: number }, rangeStart: number, rangeEnd: number): boolean {
    if (edit.offset === edit.end) return rangeStart <= edit.offset && edit.offset <= rangeEnd;
    return edit.offset < rangeEnd && edit.end > rangeStart;
}

/** Applies text edits to a text (for tests and for quick fixes that re-format their result). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///apply.vplan', 'vplan', 0, text), [...edits]);
}
