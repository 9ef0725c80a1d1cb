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
import { layoutTokens, type Layout, type LayoutEdit, type LayoutToken, type LayoutTokenKind } from './vplan-format-layout.js';

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

    /**
     * The edits of the canonical layout; with a range, only the white space of the lines it
     * covers that the range touches (see `editsInRange`).
     */
    protected edits(document: LangiumDocument, rangeStart?: number, rangeEnd?: number): TextEdit[] {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const layout = layoutOf(document.parseResult, text);
        if (!layout) return [];
        const edits = rangeStart === undefined || rangeEnd === undefined
            ? layout.edits
            : editsInRange(textDocument, layout.edits, rangeStart, rangeEnd);
        return edits.map(edit => ({
            range: { start: textDocument.positionAt(edit.offset), end: textDocument.positionAt(edit.end) },
            newText: edit.newText
        }));
    }
}

/**
 * The part of the layout's edits that Format Selection and format on typing apply: they change the
 * lines the range covers and nothing else. A range that ends at the start of a line does not cover
 * that line (a selection of whole lines, the line typed in), unless that is the end of the text.
 * An edit that runs over the edge of those lines (the line break before a line and its indentation
 * are one edit) is split at its line breaks and only its pieces on the covered lines are kept, such
 * as the indentation of the first line; a piece that would join or split lines across the edge is
 * left out. Of the covered lines only what the range touches changes, but a range that starts in a
 * line's indentation (or at its first character) takes in that indentation. Format Document keeps
 * the layout's edits as they are.
 */
function editsInRange(textDocument: TextDocument, edits: readonly LayoutEdit[], rangeStart: number, rangeEnd: number): LayoutEdit[] {
    const text = textDocument.getText();
    const startLine = textDocument.positionAt(rangeStart).line;
    const endPosition = textDocument.positionAt(rangeEnd);
    const endLine = endPosition.character === 0 && rangeStart < rangeEnd && rangeEnd < text.length ? endPosition.line - 1 : endPosition.line;
    const linesStart = textDocument.offsetAt({ line: startLine, character: 0 });
    const linesEnd = textDocument.offsetAt({ line: endLine, character: text.length });
    const touchStart = /^[ \t]*$/.test(text.slice(linesStart, rangeStart)) ? linesStart : rangeStart;
    const onLines = (edit: LayoutEdit) => linesStart <= edit.offset && edit.end <= linesEnd;
    const kept: LayoutEdit[] = [];
    for (const edit of edits) {
        if (edit.end < linesStart || edit.offset > linesEnd) continue;
        const pieces = onLines(edit) ? [edit] : splitAtLineBreaks(text, edit);
        kept.push(...pieces.filter(piece => onLines(piece) && touches(piece, touchStart, rangeEnd)));
    }
    return kept;
}

/**
 * An edit cut into pieces at its line breaks, so that a piece lies on one line or replaces only
 * line breaks (and blank lines). With as many line breaks before as after, each line's part and
 * each line break is a piece of its own; otherwise the text before the first and after the last
 * line break are pieces and the rest is one. An edit that joins or splits lines stays whole,
 * unless it only deletes (white space at the start of the file), which may be cut anywhere.
 */
function splitAtLineBreaks(text: string, edit: LayoutEdit): LayoutEdit[] {
    const oldText = text.slice(edit.offset, edit.end);
    const oldBreaks = lineBreaksIn(oldText);
    const newBreaks = lineBreaksIn(edit.newText);
    if (edit.newText === '' && oldBreaks.length > 0) {
        const lastBreakEnd = oldBreaks[oldBreaks.length - 1].end;
        return [
            { offset: edit.offset, end: edit.offset + lastBreakEnd, newText: '' },
            { offset: edit.offset + lastBreakEnd, end: edit.end, newText: '' }
        ];
    }
    if (oldBreaks.length === 0 || newBreaks.length === 0) return [edit];
    // Cut points: [start in the old text, end in the old text, start in the new text, end in the new text].
    const cuts: Array<[number, number, number, number]> = oldBreaks.length === newBreaks.length
        ? oldBreaks.map((oldBreak, i) => [oldBreak.start, oldBreak.end, newBreaks[i].start, newBreaks[i].end])
        : [[oldBreaks[0].start, oldBreaks[oldBreaks.length - 1].end, newBreaks[0].start, newBreaks[newBreaks.length - 1].end]];
    const pieces: LayoutEdit[] = [];
    const piece = (oldStart: number, oldEnd: number, newStart: number, newEnd: number) => {
        const newText = edit.newText.slice(newStart, newEnd);
        if (oldText.slice(oldStart, oldEnd) !== newText) pieces.push({ offset: edit.offset + oldStart, end: edit.offset + oldEnd, newText });
    };
    let oldCursor = 0;
    let newCursor = 0;
    for (const [oldStart, oldEnd, newStart, newEnd] of cuts) {
        piece(oldCursor, oldStart, newCursor, newStart);
        piece(oldStart, oldEnd, newStart, newEnd);
        oldCursor = oldEnd;
        newCursor = newEnd;
    }
    piece(oldCursor, oldText.length, newCursor, edit.newText.length);
    return pieces;
}

function lineBreaksIn(text: string): Array<{ start: number; end: number }> {
    return [...text.matchAll(/\r\n|\r|\n/g)].map(match => ({ start: match.index, end: match.index + match[0].length }));
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
