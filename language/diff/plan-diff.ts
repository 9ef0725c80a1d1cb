/**
 * The semantic diff (`vplan diff`, the git driver, and `vplan review`): what a change means, not
 * which lines it touched. Pure: no I/O; the caller loads and links each side in its own workspace
 * (cli/diff-workspace.ts) and renders the result (plan-diff-text.ts, or JSON following
 * schemas/vplan-diff.schema.json).
 *
 * API
 * - `diffChangeSet(oldSide, newSide, pairs, options?)`: two sides, each a set of loaded files
 *   (`DiffSideInput`: every file the diff may report on, by a key that names the same file on
 *   both sides, such as its path relative to the workspace root or the repository, and the
 *   diagnostics of every file), and the pairs of files that changed (`FilePair`: the key on each
 *   side, one of them absent for an added or deleted file, two different keys for a rename).
 *   Returns a `ChangeSet`: per pair, the items added, removed, changed and renamed, with
 *   regie handovers; and over all files, the diagnostics the change introduces and resolves (in
 *   the pairs' files and in any other file whose text is the same on both sides, such as a plan
 *   that names a changed organisation), plus the counts.
 * - `singleFileDiff(changeSet, labels)`: the document `vplan diff` prints as JSON (version 2).
 * - `diffDiagnostics(old, new)`: the multiset comparison of two lists of diagnostics.
 *
 * Rules (cli.md, `vplan diff`, v2): items are matched by kind and name; unnamed items within what
 * they are written with (a title, a phase's kind, a regie entry's organisation), equal meaning
 * first, then the same date, then in order, never by position alone (`pairGroup`); an added or
 * removed item carries its whole text as written; a changed one only the fields that differ,
 * with names as written (resolved or not); a named item whose name changed and nothing else is a
 * rename, and the references to it that changed with it are not repeated; a pair without a
 * change in meaning says what did change in its text (`comments`, `layout`, `wording`).
 * Diagnostics are compared by code and message, ignoring positions (and, in another file's
 * message, which of the two versions of a compared file it cites: the loader says so in
 * `compared`).
 */

import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { VplanFile } from '../generated/ast.js';
import {
    PLAN_ITEM_KINDS, fileItems, type DiffItem, type FieldValue, type ItemField, type ItemKind, type PlanItems, type RegieHolder
} from './diff-items.js';
import { textDifference, type TextDifference } from './written-form.js';

export type { FieldValue, ItemKind } from './diff-items.js';
export type { TextDifference } from './written-form.js';

export const DIFF_FORMAT_VERSION = 2;

export type SeverityName = 'error' | 'warning' | 'info';

// ---------------------------------------------------------------------------------------------
// Input

/** One loaded, linked file of a side. */
export interface DiffSourceFile {
    /** How the file is shown: the path as given, or `a/PATH` / `b/PATH` in git's manner. */
    label: string;
    text: string;
    root: VplanFile;
}

/** A diagnostic as the diff reads it (1-based positions, as the CLI reports them). */
export interface DiffDiagnostic {
    file: string;
    line: number;
    column: number;
    severity: SeverityName;
    code: string;
    message: string;
}

export interface DiffSideInput {
    /** Every file of the side the diff may report on, by its key. */
    files: ReadonlyMap<string, DiffSourceFile>;
    /**
     * The diagnostics of those files, each with its file's key; `compared`, when present, is the
     * message as the diff compares it (the loader's: in another file's message, the compared
     * file's name, which differs between its two versions, put as one), never shown.
     */
    diagnostics: ReadonlyArray<DiffDiagnostic & { key: string; compared?: string }>;
}

/** A file that changed: its key on each side (absent on the side where it does not exist). */
export interface FilePair {
    old?: string;
    new?: string;
}

export interface DiffOptions {
    /**
     * The other files whose diagnostics are compared: `unchanged` (default) those whose text is the
     * same on both sides, so that every difference is the pairs' doing; `all` every file on both
     * sides (a reviewer of a whole change set, whose every changed file is a pair).
     */
    otherFiles?: 'unchanged' | 'all';
}

// ---------------------------------------------------------------------------------------------
// Result

export interface FieldChange {
    /** The keyword of the field (`posed by`), or the reference's word for an unkeyed value (`title`). */
    field: string;
    old: FieldValue;
    new: FieldValue;
    /** For list fields: the entries only in the new version. */
    added?: string[];
    /** For list fields: the entries only in the old version. */
    removed?: string[];
}

export interface ItemChange {
    change: 'added' | 'removed' | 'changed' | 'renamed';
    kind: ItemKind;
    /** The item's name or key (for a rename: the old name). */
    name: string;
    /** For a rename: the new name. */
    newName?: string;
    /** The plan that holds the item; absent for plans, organisations and measure types. */
    plan?: string;
    /** For `added` and `removed`: the item as written, one line per item of it (nested ones indented). */
    text?: string[];
    /** For `changed`: the fields that differ. */
    fields?: FieldChange[];
}

/**
 * The key of a changed item on the new side, where it differs from its key on the old side (an
 * item without a name is keyed by its title and place, `Casusoverleg #2`, and its place may
 * change when another of the same title is added or removed). Kept beside the change, not in it:
 * the printed change (and its JSON) names the item by its old key, as before.
 */
const NEW_KEYS = new WeakMap<ItemChange, string>();

/** The key of the item a change leaves on the new side (the review's timeline marks read it). */
export function newKeyOf(change: ItemChange): string {
    return change.newName ?? NEW_KEYS.get(change) ?? change.name;
}

/** On `date` casusregie passes from one organisation to the next. */
export interface HandoverChange {
    plan: string;
    change: 'added' | 'removed' | 'moved';
    from: string;
    to: string;
    oldDate?: string;
    newDate?: string;
}

export interface FileDiff {
    old: string | null;
    new: string | null;
    changes: ItemChange[];
    handovers: HandoverChange[];
    /** When nothing changed in meaning: what differs in the text; null when the meaning differs or a side is absent. */
    sameMeaning: TextDifference | null;
}

export interface DiagnosticsDiff {
    introduced: DiffDiagnostic[];
    resolved: DiffDiagnostic[];
}

export interface SeverityCounts {
    errors: number;
    warnings: number;
    infos: number;
}

export interface DiffSummary {
    added: number;
    changed: number;
    removed: number;
    introduced: SeverityCounts;
    resolved: SeverityCounts;
}

export interface ChangeSet {
    files: FileDiff[];
    diagnostics: DiagnosticsDiff;
    /**
     * Whether a diagnostic of the diff may depend on another file: one lies in another file, or a
     * changed file names a declaration of another file (or a global name that does not resolve).
     * The git driver says then that it resolved both sides against the working tree.
     */
    dependsOnOtherFiles: boolean;
    summary: DiffSummary;
}

/** What `vplan diff --format json` prints (schemas/vplan-diff.schema.json). */
export interface SingleFileDiff {
    version: typeof DIFF_FORMAT_VERSION;
    old: string;
    new: string;
    /** No change in meaning and no diagnostic introduced or resolved. */
    identical: boolean;
    sameMeaning: TextDifference | null;
    /** Sides that could not be compared (git driver): why, one line each. */
    notes: Array<{ side: 'old' | 'new'; file: string; reason: string }>;
    changes: ItemChange[];
    handovers: HandoverChange[];
    diagnostics: DiagnosticsDiff;
    /** Git driver: the diagnostics were resolved against the working tree's workspace and may depend on another file. */
    resolvedAgainstWorkingTree: boolean;
    summary: DiffSummary;
}

// ---------------------------------------------------------------------------------------------
// Items

type Renames = Map<string, string>;

/** A value with the names of a rename put in: tokens outside quoted text that equal an old name. */
function renamed(value: FieldValue, renames: Renames): FieldValue {
    if (renames.size === 0) return value;
    const mapText = (text: string) => text.replace(/"(?:\\.|[^"\\])*"|[A-Za-z_][A-Za-z0-9_]*/g, token => renames.get(token) ?? token);
    if (Array.isArray(value)) return value.map(mapText);
    return typeof value === 'string' ? mapText(value) : value;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
    return a === b;
}

function fieldChanges(oldFields: readonly ItemField[], newFields: readonly ItemField[], renames: Renames): FieldChange[] {
    const changes: FieldChange[] = [];
    const after = new Map(newFields.map(f => [f.field, f]));
    for (const before of oldFields) {
        const other = after.get(before.field);
        const oldValue = before.value;
        const newValue = other?.value ?? null;
        const compared = before.references ? renamed(oldValue, renames) : oldValue;
        if (sameValue(compared, newValue)) continue;
        const change: FieldChange = { field: before.field, old: oldValue, new: newValue };
        if (Array.isArray(oldValue) || Array.isArray(newValue)) {
            const oldList = Array.isArray(compared) ? compared : [];
            const newList = Array.isArray(newValue) ? newValue : [];
            change.added = newList.filter(x => !oldList.includes(x));
            change.removed = (Array.isArray(oldValue) ? oldValue : []).filter((x, i) => !newList.includes(oldList[i]));
        }
        changes.push(change);
    }
    return changes;
}

function sameFields(oldItem: DiffItem, newItem: DiffItem, renames: Renames): boolean {
    return fieldChanges(oldItem.fields, newItem.fields, renames).length === 0;
}

/**
 * Pairs removed and added items of one named kind whose fields are equal (with the renames found so
 * far put in): each such pair, when it is the only candidate on both sides, is a rename.
 */
function findRenames(kind: ItemKind, oldItems: DiffItem[], newItems: DiffItem[], renames: Renames): void {
    const newKeys = new Set(newItems.filter(i => i.kind === kind).map(i => i.key));
    const oldKeys = new Set(oldItems.filter(i => i.kind === kind).map(i => i.key));
    const removed = oldItems.filter(i => i.kind === kind && !newKeys.has(i.key) && i.name);
    const added = newItems.filter(i => i.kind === kind && !oldKeys.has(i.key) && i.name);
    if (removed.length === 0 || added.length === 0) return;
    const candidates = new Map(removed.map(r => [r, added.filter(a => sameFields(r, a, renames))]));
    for (const [oldItem, matches] of candidates) {
        if (matches.length !== 1) continue;
        const [newItem] = matches;
        const others = [...candidates.entries()].filter(([o, m]) => o !== oldItem && m.includes(newItem));
        if (others.length === 0) renames.set(oldItem.name!, newItem.name!);
    }
}

/** The day an item is dated or starts (`date`, or the start of `from`): what tells apart two items of one group. */
function anchorOf(item: DiffItem): string | null {
    const dated = item.fields.find(f => f.field === 'date') ?? item.fields.find(f => f.field === 'from');
    return typeof dated?.value === 'string' ? dated.value.split(' to ')[0] : null;
}

/**
 * Pairs the entries of one group across versions, round by round, each round in source order: an
 * old entry takes the first new one not yet taken that the round accepts; the last round accepts
 * any (the rest, in order). Items of one group (one kind, one key before its repeat number) use
 * the rounds "the same meaning" (no field differs), then "the same day" (`date`, or the start of
 * `from`): adding or removing one of two meetings titled alike pairs the other with itself, and a
 * lone meeting whose date moved is still that meeting, changed. Returns the new entry of each old
 * one that has one.
 */
function pairGroup<T>(before: readonly T[], after: readonly T[], rounds: ReadonlyArray<(a: T, b: T) => boolean>): Map<T, T> {
    const pairs = new Map<T, T>();
    const taken = new Set<T>();
    for (const matches of [...rounds, () => true]) {
        for (const oldItem of before) {
            if (pairs.has(oldItem)) continue;
            const newItem = after.find(candidate => !taken.has(candidate) && matches(oldItem, candidate));
            if (newItem === undefined) continue;
            pairs.set(oldItem, newItem);
            taken.add(newItem);
        }
    }
    return pairs;
}

/**
 * The new item of each old one of a kind: a named item by its key (its name); one without a name
 * within its group (`pairGroup`), never by its repeat number, which an item added or removed before
 * it shifts.
 */
function pairItems(before: readonly DiffItem[], after: readonly DiffItem[], renames: Renames): Map<DiffItem, DiffItem> {
    const pairs = new Map<DiffItem, DiffItem>();
    const afterByKey = new Map(after.filter(i => i.name !== undefined).map(i => [i.key, i]));
    for (const oldItem of before) {
        const newItem = oldItem.name !== undefined ? afterByKey.get(oldItem.key) : undefined;
        if (newItem !== undefined && newItem.name !== undefined) pairs.set(oldItem, newItem);
    }
    const groups = (items: readonly DiffItem[]) => {
        const map = new Map<string, DiffItem[]>();
        for (const item of items.filter(i => i.name === undefined)) {
            if (!map.has(item.group)) map.set(item.group, []);
            map.get(item.group)!.push(item);
        }
        return map;
    };
    const afterGroups = groups(after);
    for (const [group, oldItems] of groups(before)) {
        const grouped = pairGroup(oldItems, afterGroups.get(group) ?? [], [
            (a, b) => sameFields(a, b, renames),
            (a, b) => anchorOf(a) !== null && anchorOf(a) === anchorOf(b)
        ]);
        for (const [oldItem, newItem] of grouped) pairs.set(oldItem, newItem);
    }
    return pairs;
}

/** The changes between two lists of items (of one plan, or a file's organisations and measure types). */
function diffItems(oldItems: DiffItem[], newItems: DiffItem[], renames: Renames, plan: string | undefined, kinds: readonly ItemKind[]): ItemChange[] {
    const changes: ItemChange[] = [];
    const where = plan !== undefined ? { plan } : {};
    for (const kind of kinds) {
        const before = oldItems.filter(i => i.kind === kind);
        const after = newItems.filter(i => i.kind === kind);
        const pairs = pairItems(before, after, renames);
        const paired = new Set(pairs.values());
        const beforeKeys = new Set(before.map(i => i.key));
        const renamedTo = new Set<DiffItem>();
        for (const oldItem of before) {
            const newItem = pairs.get(oldItem);
            if (newItem) {
                const fields = fieldChanges(oldItem.fields, newItem.fields, renames);
                if (fields.length > 0) {
                    const change: ItemChange = { change: 'changed', kind, name: oldItem.key, ...where, fields };
                    if (newItem.key !== oldItem.key) NEW_KEYS.set(change, newItem.key);
                    changes.push(change);
                }
                continue;
            }
            const newName = oldItem.name !== undefined ? renames.get(oldItem.name) : undefined;
            const target = newName !== undefined ? after.find(i => i.name === newName && !beforeKeys.has(i.key)) : undefined;
            if (target) {
                renamedTo.add(target);
                changes.push({ change: 'renamed', kind, name: oldItem.key, newName: target.key, ...where });
            } else {
                changes.push({ change: 'removed', kind, name: oldItem.key, ...where, text: oldItem.written });
            }
        }
        for (const newItem of after) {
            if (!paired.has(newItem) && !renamedTo.has(newItem)) {
                changes.push({ change: 'added', kind, name: newItem.key, ...where, text: newItem.written });
            }
        }
    }
    return changes;
}

/** Consecutive regie holders (by start date) and the day regie passes from one to the next. */
export function handoversOf(regie: readonly RegieHolder[]): Array<{ from: string; to: string; date: string }> {
    const entries = regie
        .map((entry, index) => ({ entry, index }))
        .filter(e => e.entry.start !== undefined)
        .sort((a, b) => (a.entry.start! < b.entry.start! ? -1 : a.entry.start! > b.entry.start! ? 1 : a.index - b.index));
    const handovers: Array<{ from: string; to: string; date: string }> = [];
    for (let i = 1; i < entries.length; i++) {
        const from = entries[i - 1].entry.organisation;
        const to = entries[i].entry.organisation;
        if (from !== to) handovers.push({ from, to, date: entries[i].entry.start! });
    }
    return handovers;
}

/**
 * The handovers added, removed and moved. Handovers between the same two organisations are paired
 * as items without a name are: the same day first, then the rest in order (a handover that moved
 * is one left over on both sides), never by their number alone.
 */
function diffHandovers(plan: string, oldRegie: readonly RegieHolder[], newRegie: readonly RegieHolder[], renames: Renames): HandoverChange[] {
    type Handover = { from: string; to: string; date: string };
    const mapped = oldRegie.map(r => ({ ...r, organisation: renames.get(r.organisation) ?? r.organisation }));
    const before = handoversOf(mapped);
    const after = handoversOf(newRegie);
    const between = (list: Handover[], h: Handover) => list.filter(x => x.from === h.from && x.to === h.to);
    const pairs = new Map<Handover, Handover>();
    const groups = new Set<string>();
    for (const old of before) {
        if (groups.has(`${old.from}>${old.to}`)) continue;
        groups.add(`${old.from}>${old.to}`);
        for (const [a, b] of pairGroup(between(before, old), between(after, old), [(a, b) => a.date === b.date])) pairs.set(a, b);
    }
    const paired = new Set(pairs.values());
    const changes: HandoverChange[] = [];
    for (const old of before) {
        const now = pairs.get(old);
        if (!now) changes.push({ plan, change: 'removed', from: old.from, to: old.to, oldDate: old.date });
        else if (now.date !== old.date) changes.push({ plan, change: 'moved', from: old.from, to: old.to, oldDate: old.date, newDate: now.date });
    }
    for (const now of after) {
        if (!paired.has(now)) changes.push({ plan, change: 'added', from: now.from, to: now.to, newDate: now.date });
    }
    return changes;
}

/** Whether a regie entry's only change is a period whose moved ends a moved handover already tells. */
function explainedByHandovers(change: ItemChange, handovers: readonly HandoverChange[]): boolean {
    if (change.kind !== 'regie' || change.change !== 'changed' || !change.fields) return false;
    const moves = new Set(handovers.filter(h => h.change === 'moved').map(h => `${h.oldDate}>${h.newDate}`));
    if (moves.size === 0) return false;
    return change.fields.every(f => {
        if (f.field !== 'from' || typeof f.old !== 'string' || typeof f.new !== 'string') return false;
        const [oldStart, oldEnd] = f.old.split(' to ');
        const [newStart, newEnd] = f.new.split(' to ');
        const startOk = oldStart === newStart || moves.has(`${oldStart}>${newStart}`);
        const endOk = oldEnd === newEnd || moves.has(`${oldEnd}>${newEnd}`);
        return startOk && endOk;
    });
}

function diffPlans(oldPlan: PlanItems, newPlan: PlanItems, globalRenames: Renames): { changes: ItemChange[]; handovers: HandoverChange[]; renames: Renames } {
    const name = newPlan.plan.key;
    const renames: Renames = new Map(globalRenames);
    for (const kind of ['member', 'supporter', 'risk', 'measure', 'intervention', 'agreement'] as const) {
        findRenames(kind, oldPlan.items, newPlan.items, renames);
    }
    const planFields = fieldChanges(oldPlan.plan.fields, newPlan.plan.fields, renames);
    const handovers = diffHandovers(name, oldPlan.regie, newPlan.regie, renames);
    const changes: ItemChange[] = planFields.length > 0 ? [{ change: 'changed', kind: 'plan', name, fields: planFields }] : [];
    const kinds = PLAN_ITEM_KINDS.filter(k => k !== 'plan');
    changes.push(...diffItems(oldPlan.items, newPlan.items, renames, name, kinds).filter(c => !explainedByHandovers(c, handovers)));
    return { changes, handovers, renames };
}

/** The changes between two versions of one file (either may be absent), and the renames found in it. */
function diffFile(oldRoot: VplanFile | undefined, newRoot: VplanFile | undefined): { changes: ItemChange[]; handovers: HandoverChange[]; renames: Renames } {
    const before = oldRoot ? fileItems(oldRoot) : { plans: [], declarations: [] };
    const after = newRoot ? fileItems(newRoot) : { plans: [], declarations: [] };
    const globalRenames: Renames = new Map();
    const allRenames: Renames = new Map();
    for (const kind of ['organisation', 'measure type'] as const) findRenames(kind, before.declarations, after.declarations, globalRenames);
    const declarationChanges = diffItems(before.declarations, after.declarations, globalRenames, undefined, ['organisation', 'measure type']);

    const changes: ItemChange[] = [];
    const handovers: HandoverChange[] = [];
    const oldPlans = new Map(before.plans.map(p => [p.plan.key, p]));
    const newPlans = new Map(after.plans.map(p => [p.plan.key, p]));
    // A plan renamed and nothing else changed: the same plan under a new name.
    const planRenames = new Map<string, string>();
    const removedPlans = before.plans.filter(p => !newPlans.has(p.plan.key));
    const addedPlans = after.plans.filter(p => !oldPlans.has(p.plan.key));
    for (const oldPlan of removedPlans) {
        const matches = addedPlans.filter(newPlan => {
            const inner = diffPlans(oldPlan, newPlan, globalRenames);
            return inner.handovers.length === 0 && inner.changes.every(c => c.kind === 'plan' && c.fields?.length === 0);
        });
        if (matches.length === 1 && ![...planRenames.values()].includes(matches[0].plan.key)) planRenames.set(oldPlan.plan.key, matches[0].plan.key);
    }
    for (const newPlan of after.plans) {
        const oldPlan = oldPlans.get(newPlan.plan.key);
        if (oldPlan) {
            const inner = diffPlans(oldPlan, newPlan, globalRenames);
            changes.push(...inner.changes);
            handovers.push(...inner.handovers);
            for (const [from, to] of inner.renames) allRenames.set(from, to);
        } else if (![...planRenames.values()].includes(newPlan.plan.key)) {
            changes.push({ change: 'added', kind: 'plan', name: newPlan.plan.key, text: newPlan.plan.written });
        }
    }
    for (const oldPlan of removedPlans) {
        const newName = planRenames.get(oldPlan.plan.key);
        if (newName !== undefined) changes.push({ change: 'renamed', kind: 'plan', name: oldPlan.plan.key, newName });
        else changes.push({ change: 'removed', kind: 'plan', name: oldPlan.plan.key, text: oldPlan.plan.written });
    }
    changes.push(...declarationChanges);
    for (const [from, to] of planRenames) allRenames.set(from, to);
    return { changes, handovers, renames: allRenames };
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

/**
 * A message as the diff compares it: the line numbers it cites (`declared in a.vplan, line 4`) left
 * out, since a layout change moves them, and the names a rename changed put in (an old message
 * about `pim` is the new one about `pieter`).
 */
function messageKey(d: { code: string; message: string; compared?: string }, renames: Renames): string {
    let message = (d.compared ?? d.message).replace(/\b(line|regel) \d+/g, '$1 #');
    if (renames.size > 0) message = message.replace(/[A-Za-z_][A-Za-z0-9_]*/g, word => renames.get(word) ?? word);
    return `${d.code}\u0000${message}`;
}

/**
 * The diagnostics the new version introduces and resolves, compared by code and message (or
 * `compared`, when given) as multisets; `renames` (old name to new) applies to the old version's
 * messages.
 */
export function diffDiagnostics<D extends { code: string; message: string; compared?: string }>(
    oldDiagnostics: readonly D[], newDiagnostics: readonly D[], renames: ReadonlyMap<string, string> = new Map()
): { introduced: D[]; resolved: D[] } {
    const none: Renames = new Map();
    const oldKey = (d: D) => messageKey(d, renames as Renames);
    const newKey = (d: D) => messageKey(d, none);
    const unmatched = (from: readonly D[], fromKey: (d: D) => string, against: readonly D[], againstKey: (d: D) => string) => {
        const remaining = new Map<string, number>();
        for (const d of against) remaining.set(againstKey(d), (remaining.get(againstKey(d)) ?? 0) + 1);
        return from.filter(d => {
            const n = remaining.get(fromKey(d)) ?? 0;
            if (n > 0) remaining.set(fromKey(d), n - 1);
            return n === 0;
        });
    };
    return { introduced: unmatched(newDiagnostics, newKey, oldDiagnostics, oldKey), resolved: unmatched(oldDiagnostics, oldKey, newDiagnostics, newKey) };
}

/** References whose target is a global declaration (an organisation or a measure type, maybe in another file). */
const GLOBAL_REFERENCES = new Set([
    'Measure.type', 'ByItem.organisation', 'RegieEntry.organisation', 'OwnerItem.organisation', 'ChairItem.organisation',
    'ParticipantsItem.organisations', 'CheckedByItem.checker', 'ActionItem.owner', 'RequiresItem.types'
]);

/** Whether a file names a declaration of another file, or a global name that does not resolve. */
function namesOtherFiles(root: VplanFile): boolean {
    const own = (root as AstNode & { $document?: LangiumDocument }).$document;
    for (const node of AstUtils.streamAst(root)) {
        for (const info of AstUtils.streamReferences(node)) {
            const target = 'ref' in info.reference ? info.reference.ref : info.reference.items[0]?.ref;
            if (target) {
                const document = AstUtils.getDocument(target);
                if (document !== own && document.uri.scheme === 'file') return true;
            } else if (GLOBAL_REFERENCES.has(`${info.container.$type}.${info.property}`)) {
                return true;
            }
        }
    }
    return false;
}

function countBySeverity(diagnostics: readonly DiffDiagnostic[]): SeverityCounts {
    return {
        errors: diagnostics.filter(d => d.severity === 'error').length,
        warnings: diagnostics.filter(d => d.severity === 'warning').length,
        infos: diagnostics.filter(d => d.severity === 'info').length
    };
}

const strip = ({ key: _key, compared: _compared, ...diagnostic }: DiffDiagnostic & { key: string; compared?: string }): DiffDiagnostic => diagnostic;

/** The order of `vplan check`: by position, then code. */
const byPosition = (a: DiffDiagnostic, b: DiffDiagnostic) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// The change set

export function diffChangeSet(oldSide: DiffSideInput, newSide: DiffSideInput, pairs: readonly FilePair[], options: DiffOptions = {}): ChangeSet {
    const pairRenames: Renames[] = [];
    const files: FileDiff[] = pairs.map(pair => {
        const before = pair.old !== undefined ? oldSide.files.get(pair.old) : undefined;
        const after = pair.new !== undefined ? newSide.files.get(pair.new) : undefined;
        const { changes, handovers, renames } = diffFile(before?.root, after?.root);
        pairRenames.push(renames);
        const sameMeaning = changes.length === 0 && handovers.length === 0 && before && after ? textDifference(before.text, after.text) : null;
        return { old: before?.label ?? null, new: after?.label ?? null, changes, handovers, sameMeaning };
    });

    // Diagnostics, file by file: the pairs, then every other file both sides hold.
    const byKey = (side: DiffSideInput) => {
        const map = new Map<string, Array<DiffDiagnostic & { key: string }>>();
        for (const d of side.diagnostics) {
            if (!map.has(d.key)) map.set(d.key, []);
            map.get(d.key)!.push(d);
        }
        return map;
    };
    const oldByKey = byKey(oldSide);
    const newByKey = byKey(newSide);
    const comparisons: Array<[string | undefined, string | undefined]> = pairs.map(p => [p.old, p.new]);
    const paired = new Set(pairs.flatMap(p => [p.old, p.new]).filter((k): k is string => k !== undefined));
    const otherKeys = [...new Set([...oldSide.files.keys(), ...newSide.files.keys()])].filter(k => !paired.has(k)).sort();
    for (const key of otherKeys) {
        const before = oldSide.files.get(key);
        const after = newSide.files.get(key);
        if (options.otherFiles === 'all' || (before && after && before.text === after.text)) comparisons.push([before ? key : undefined, after ? key : undefined]);
    }
    const introduced: DiffDiagnostic[] = [];
    const resolved: DiffDiagnostic[] = [];
    let elsewhere = false;
    for (const [index, [oldKey, newKey]] of comparisons.entries()) {
        // A rename in a pair's file changes the messages that name it in that file.
        const renames = index < pairs.length ? pairRenames[index] : undefined;
        const result = diffDiagnostics(oldKey !== undefined ? oldByKey.get(oldKey) ?? [] : [], newKey !== undefined ? newByKey.get(newKey) ?? [] : [], renames);
        introduced.push(...result.introduced.map(strip).sort(byPosition));
        resolved.push(...result.resolved.map(strip).sort(byPosition));
        if ((result.introduced.length > 0 || result.resolved.length > 0) && !paired.has(oldKey ?? newKey!)) elsewhere = true;
    }
    const pairRoots = pairs.flatMap(p => [p.old !== undefined ? oldSide.files.get(p.old)?.root : undefined, p.new !== undefined ? newSide.files.get(p.new)?.root : undefined]);
    const anyDiagnostic = introduced.length > 0 || resolved.length > 0;
    const dependsOnOtherFiles = anyDiagnostic && (elsewhere || pairRoots.some(root => root !== undefined && namesOtherFiles(root)));

    const all = files.flatMap(f => f.changes);
    const summary: DiffSummary = {
        added: all.filter(c => c.change === 'added').length,
        changed: all.filter(c => c.change === 'changed' || c.change === 'renamed').length
            + files.flatMap(f => f.handovers).filter(h => h.change === 'moved').length,
        removed: all.filter(c => c.change === 'removed').length,
        introduced: countBySeverity(introduced),
        resolved: countBySeverity(resolved)
    };
    return { files, diagnostics: { introduced, resolved }, dependsOnOtherFiles, summary };
}

/** The document `vplan diff --format json` prints for one pair of files. */
export function singleFileDiff(
    changeSet: ChangeSet,
    labels: { old: string; new: string },
    extra: { notes?: SingleFileDiff['notes']; resolvedAgainstWorkingTree?: boolean } = {}
): SingleFileDiff {
    const file = changeSet.files[0] ?? { changes: [], handovers: [], sameMeaning: null };
    const { introduced, resolved } = changeSet.diagnostics;
    return {
        version: DIFF_FORMAT_VERSION,
        old: labels.old,
        new: labels.new,
        identical: file.changes.length === 0 && file.handovers.length === 0 && introduced.length === 0 && resolved.length === 0
            && (extra.notes ?? []).length === 0,
        sameMeaning: file.sameMeaning,
        notes: extra.notes ?? [],
        changes: file.changes,
        handovers: file.handovers,
        diagnostics: changeSet.diagnostics,
        resolvedAgainstWorkingTree: extra.resolvedAgainstWorkingTree ?? false,
        summary: changeSet.summary
    };
}
