/**
 * How a quick fix becomes a text edit: the fix states raw changes (offsets in the current text,
 * white space not yet canonical); they are applied, the lines they touch are laid out canonically
 * (spec section 5) and the result is handed to the editor as one minimal edit. A fix whose result
 * would not parse is dropped, so a quick fix never introduces a syntax error (VP000).
 */

import { TextDocument, type LangiumCoreServices } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import { layoutTokens, type LayoutEdit } from './vplan-format-layout.js';
import { layoutTokensOf } from './vplan-formatter.js';

/** A raw change: replace `text[offset, end)` by `newText`. */
export type RawEdit = LayoutEdit;

function lineStart(text: string, offset: number): number {
    let i = offset;
    while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
    return i;
}

function lineEnd(text: string, offset: number): number {
    let i = offset;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    return i;
}

function applyOffsetEdits(text: string, edits: readonly RawEdit[]): string {
    let result = text;
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
        result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.end);
    }
    return result;
}

/**
 * Applies raw edits and lays out the lines they touch. Returns the new text, or `undefined` when
 * the result has a syntax error.
 */
export function applyFixEdits(services: LangiumCoreServices, text: string, edits: readonly RawEdit[]): string | undefined {
    const sorted = [...edits].sort((a, b) => a.offset - b.offset);
    const regions: Array<{ start: number; end: number }> = [];
    let shift = 0;
    let changed = text;
    for (const edit of sorted) {
        const start = edit.offset + shift;
        changed = changed.slice(0, start) + edit.newText + changed.slice(edit.end + shift);
        shift += edit.newText.length - (edit.end - edit.offset);
        regions.push({ start, end: start + edit.newText.length });
    }
    const tokens = layoutTokensOf(services.parser.LangiumParser.parse(changed), changed);
    if (!tokens) return undefined;
    const lines = regions.map(r => ({ start: lineStart(changed, r.start), end: lineEnd(changed, r.end) }));
    const layoutEdits = layoutTokens(changed, tokens).edits.filter(edit =>
        lines.some(line => edit.offset === edit.end
            ? line.start <= edit.offset && edit.offset <= line.end
            : edit.offset < line.end && edit.end > line.start));
    return applyOffsetEdits(changed, layoutEdits);
}

/** The one edit that turns `before` into `after` (common prefix and suffix left alone). */
export function minimalTextEdit(before: string, after: string): TextEdit | undefined {
    if (before === after) return undefined;
    let prefix = 0;
    const shortest = Math.min(before.length, after.length);
    while (prefix < shortest && before[prefix] === after[prefix]) prefix++;
    // Never split a CRLF pair.
    if (prefix > 0 && before[prefix - 1] === '\r') prefix--;
    let suffix = 0;
    while (suffix < shortest - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    if (suffix > 0 && before[before.length - suffix] === '\n' && before.length - suffix - 1 >= prefix && before[before.length - suffix - 1] === '\r') suffix--;
    const document = TextDocument.create('file:///fix.vplan', 'vplan', 0, before);
    return {
        range: { start: document.positionAt(prefix), end: document.positionAt(before.length - suffix) },
        newText: after.slice(prefix, after.length - suffix)
    };
}
