/**
 * What a rule's quick fix works with: the document's text and tree at the diagnostic, and helpers
 * that turn "add this item" or "give this span that end" into raw text changes. White space does
 * not matter here: the code action provider (lsp/vplan-code-actions.ts) lays the touched lines out
 * canonically, and drops a fix whose result would not parse.
 */

import { AstUtils, CstUtils, type AstNode, type LeafCstNode } from 'langium';
import { isPlan, type Plan, type RegieEntry, type VplanFile } from '../generated/ast.js';
import { formatDay, today, type Day } from '../model/dates.js';
import type { MeasureTypeView, OrganisationView } from '../model/declaration-views.js';
import type { VplanConfig } from '../config/vplan-config.js';
import type { Locale } from '../i18n/locale.js';
import { planDeclarations } from '../model/ast-queries.js';

/** A raw change: replace `text[offset, end)` by `newText`. */
export interface RawEdit {
    offset: number;
    end: number;
    newText: string;
}

export interface FixProposal {
    title: string;
    edits: RawEdit[];
    preferred: boolean;
}

/** The document and settings every quick fix can read. */
export interface FixSupport {
    file: VplanFile;
    text: string;
    /** Offsets of the diagnostic's range. */
    start: number;
    end: number;
    locale: Locale;
    config: VplanConfig;
    /** Organisations visible in the workspace (first declarations), sorted by name. */
    organisations: OrganisationView[];
    /** Measure types visible in the workspace (first declarations), sorted by name. */
    measureTypes: MeasureTypeView[];
}

/** A string literal for `text`. */
export function quoted(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The innermost node that passes the guard and whose text contains `offset`. */
export function nodeAt<T extends AstNode>(file: VplanFile, offset: number, guard: (node: unknown) => node is T): T | undefined {
    let best: T | undefined;
    for (const node of AstUtils.streamAst(file)) {
        const cst = node.$cstNode;
        if (!cst || !guard(node) || cst.offset > offset || cst.end < offset) continue;
        if (!best || cst.end - cst.offset <= best.$cstNode!.end - best.$cstNode!.offset) best = node;
    }
    return best;
}

/** The plan the diagnostic lies in (or the file's only plan). */
export function containingPlanAt(context: FixSupport): Plan | undefined {
    return nodeAt(context.file, context.start, isPlan)
        ?? (context.file.declarations.filter(isPlan).length === 1 ? context.file.declarations.find(isPlan) : undefined);
}

export function significantLeaves(node: AstNode): LeafCstNode[] {
    return node.$cstNode ? CstUtils.flattenCst(node.$cstNode).filter(leaf => !leaf.hidden).toArray() : [];
}

/** Where text can go right after a node: past its last token and any comment on the same line. */
export function offsetAfter(file: VplanFile, text: string, node: AstNode): number {
    const leaves = significantLeaves(node);
    let offset = leaves.length > 0 ? leaves[leaves.length - 1].end : node.$cstNode!.end;
    for (const leaf of CstUtils.flattenCst(file.$cstNode!)) {
        if (leaf.offset < offset) continue;
        if (!leaf.hidden || /[\r\n]/.test(text.slice(offset, leaf.offset))) break;
        offset = leaf.end;
    }
    return offset;
}

/** The offset just after a block's `{`. */
export function offsetAfterOpenBrace(node: AstNode): number {
    const brace = significantLeaves(node).find(leaf => leaf.text === '{');
    return brace ? brace.end : node.$cstNode!.end;
}

/** Inserts a new item into a block: after the last item that `after` accepts, else first. */
export function insertItem(context: FixSupport, block: AstNode & { items: readonly AstNode[] }, itemText: string, after: (item: AstNode) => boolean, blankLine: boolean): RawEdit {
    const previous = [...block.items].reverse().find(after);
    const offset = previous ? offsetAfter(context.file, context.text, previous) : offsetAfterOpenBrace(block);
    return { offset, end: offset, newText: (blankLine ? '\n\n' : '\n') + itemText };
}

/**
 * The edit that gives a `from DATE (to DATE | for DUR)?` node (a span, an extension or a regie
 * entry) the end `endText` (`to 2026-02-09`, `for 3 months`), replacing the end it has.
 */
export function setEnd(node: AstNode, endText: string): RawEdit | undefined {
    const leaves = significantLeaves(node);
    const endKeyword = leaves.findIndex((leaf, i) => i > 0 && (leaf.text === 'to' || leaf.text === 'for'));
    if (endKeyword >= 0) {
        const last = isRegieEntryWithNote(node) ? leaves.length - 2 : leaves.length - 1;
        return { offset: leaves[endKeyword].offset, end: leaves[last].end, newText: endText };
    }
    // No end yet: it goes right after the start date.
    const date = leaves.find(leaf => /^\d{4}-\d{2}-\d{2}$/.test(leaf.text));
    return date ? { offset: date.end, end: date.end, newText: ' ' + endText } : undefined;
}

function isRegieEntryWithNote(node: AstNode): boolean {
    return node.$type === 'RegieEntry' && (node as RegieEntry).note !== undefined;
}

/** The edit that removes a node (an item, a regie entry) with the line break before it. */
export function removeNode(file: VplanFile, node: AstNode): RawEdit {
    const leaves = CstUtils.flattenCst(file.$cstNode!).toArray();
    const first = leaves.findIndex(leaf => leaf.offset === node.$cstNode!.offset);
    const from = first > 0 ? leaves[first - 1].end : node.$cstNode!.offset;
    return { offset: from, end: significantLeaves(node).at(-1)!.end, newText: '' };
}

/** The leaf of the first date written in a node. */
export function firstDateLeaf(node: AstNode): LeafCstNode | undefined {
    return significantLeaves(node).find(leaf => /^\d{4}-\d{2}-\d{2}$/.test(leaf.text));
}

/** A date for a skeleton: the plan's own when it has one, else today. */
export function dayText(day: Day | undefined, written: string | undefined): string {
    if (day !== undefined) return formatDay(day);
    if (written && /^\d{4}-\d{2}-\d{2}$/.test(written)) return written;
    return formatDay(today());
}

/** Organisations ordered by a preference of kinds; the rest follow in their own order. */
export function byKindPreference(organisations: readonly OrganisationView[], kinds: readonly string[]): OrganisationView[] {
    const rank = (org: OrganisationView) => {
        const index = kinds.indexOf(org.kind ?? '');
        return index < 0 ? kinds.length : index;
    };
    return [...organisations].sort((a, b) => rank(a) - rank(b));
}

/** A name not yet declared in the plan's own namespace: `base`, else `base_2`, `base_3`, ... */
export function unusedPlanName(base: string, plan: Plan): string {
    const taken = new Set(planDeclarations(plan).map(declaration => declaration.name));
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}
