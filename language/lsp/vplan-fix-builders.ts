/**
 * The quick fixes themselves: for one diagnostic, the raw text changes that resolve it. Each reads
 * the diagnostic's `data.fix` where the check provides it and otherwise the resolved plan
 * (plan-model.ts) at the diagnostic's place. White space does not matter here: vplan-fix-apply.ts
 * lays the touched lines out canonically afterwards.
 */

import { AstUtils, CstUtils, type AstNode, type LeafCstNode } from 'langium';
import {
    isAftercare, isEvaluation, isExtendItem, isIntervention, isMeasure, isMeeting, isMember, isOwnerItem, isPlan, isRegieBlock,
    isSpanItem, type Intervention, type Member, type Organisation, type Plan, type RegieEntry, type VplanFile
} from '../generated/ast.js';
import { addMonthsClamped, formatDay, today, type Day } from '../model/dates.js';
import { resolvePlan, type Interval, type ResolvedPlan, type ResolvedRegieEntry } from '../model/plan-model.js';
import type { Locale } from '../i18n/locale.js';
import type { VplanConfig } from '../config/vplan-config.js';
import type { RawEdit } from './vplan-fix-apply.js';
import { planMembers } from '../model/ast-queries.js';

export interface FixContext {
    file: VplanFile;
    text: string;
    /** Offsets of the diagnostic's range. */
    start: number;
    end: number;
    data: { code: string; messageId?: string; args: Record<string, unknown>; fix?: Record<string, unknown> };
    locale: Locale;
    config: VplanConfig;
    /** Organisations visible in the workspace (first declarations), in a stable order. */
    organisations: Organisation[];
}

export interface FixProposal {
    title: string;
    edits: RawEdit[];
    preferred: boolean;
}

type Texts = Record<Locale, string>;

/** Placeholders the author must replace; no digits, so they never look like personal data. */
const PLACEHOLDER = {
    noActionReason: { en: 'TODO: record the reason', nl: 'TODO: reden vastleggen' },
    regieNote: { en: 'TODO: describe the casusregie', nl: 'TODO: casusregie beschrijven' },
    fallback: { en: 'TODO: what happens on drop-out', nl: 'TODO: afspraak bij uitval vastleggen' }
} satisfies Record<string, Texts>;

const PLACEHOLDER_NAME = { regie: 'regievoerder', owner: 'eigenaar_nazorg' };

function quoted(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// ---------------------------------------------------------------------------------------------
// Finding nodes and places

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

function significantLeaves(node: AstNode): LeafCstNode[] {
    return node.$cstNode ? CstUtils.flattenCst(node.$cstNode).filter(leaf => !leaf.hidden).toArray() : [];
}

/** Where text can go right after a node: past its last token and any comment on the same line. */
function offsetAfter(file: VplanFile, text: string, node: AstNode): number {
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
function offsetAfterOpenBrace(node: AstNode): number {
    const brace = significantLeaves(node).find(leaf => leaf.text === '{');
    return brace ? brace.end : node.$cstNode!.end;
}

/** Inserts a new item into a block: after the last item that `after` accepts, else first. */
function insertItem(context: FixContext, block: AstNode & { items: readonly AstNode[] }, itemText: string, after: (item: AstNode) => boolean, blankLine: boolean): RawEdit {
    const previous = [...block.items].reverse().find(after);
    const offset = previous ? offsetAfter(context.file, context.text, previous) : offsetAfterOpenBrace(block);
    return { offset, end: offset, newText: (blankLine ? '\n\n' : '\n') + itemText };
}

/**
 * The edit that gives a `from DATE (to DATE | for DUR)?` node (a span, an extension or a regie
 * entry) the end `endText` (`to 2026-02-09`, `for 3 months`), replacing the end it has.
 */
function setEnd(node: AstNode, endText: string): RawEdit | undefined {
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

function containingPlan(context: FixContext): Plan | undefined {
    return nodeAt(context.file, context.start, isPlan) ?? (context.file.declarations.filter(isPlan).length === 1 ? context.file.declarations.find(isPlan) : undefined);
}

/** A date for a skeleton: the plan's own when it has one, else today. */
function dayText(day: Day | undefined, written: string | undefined): string {
    if (day !== undefined) return formatDay(day);
    if (written && /^\d{4}-\d{2}-\d{2}$/.test(written)) return written;
    return formatDay(today());
}

/** Organisations ordered by a preference of kinds; the rest follow in their own order. */
function byKindPreference(organisations: readonly Organisation[], kinds: readonly string[]): Organisation[] {
    const rank = (org: Organisation) => {
        const index = kinds.indexOf(org.kind ?? '');
        return index < 0 ? kinds.length : index;
    };
    return [...organisations].sort((a, b) => rank(a) - rank(b));
}

// ---------------------------------------------------------------------------------------------
// The fixes

/** A member of the diagnostic's plan by name (when the diagnostic does not sit on the member). */
function memberNamed(context: FixContext, name: unknown): Member | undefined {
    const plan = containingPlan(context);
    return typeof name === 'string' && plan ? planMembers(plan).find(m => m.name === name) : undefined;
}

/** VP001: the member gets `no-action "<placeholder>"`, to be filled in with the real reason. */
export function fixMemberNotCovered(context: FixContext): FixProposal[] {
    const member = nodeAt(context.file, context.start, isMember) ?? memberNamed(context, context.data.args.member ?? context.data.args.name);
    if (!member) return [];
    const reason = quoted(PLACEHOLDER.noActionReason[context.locale]);
    const title = { en: `Record a reason for no action for '${member.name}'`, nl: `Reden vastleggen waarom '${member.name}' geen hulp of bescherming krijgt` }[context.locale];
    const existing = member.noAction !== undefined ? significantLeaves(member).find(leaf => leaf.text.startsWith('"')) : undefined;
    if (existing) return [{ title, edits: [{ offset: existing.offset, end: existing.end, newText: reason }], preferred: false }];
    const last = significantLeaves(member).at(-1);
    if (!last) return [];
    // Several fixes are possible (help, protection or a reason): this one is not preferred.
    return [{ title, edits: [{ offset: last.end, end: last.end, newText: ` no-action ${reason}` }], preferred: false }];
}

/** VP010: a regie block with one entry from the plan start, for a fitting organisation. */
export function fixMissingRegie(context: FixContext): FixProposal[] {
    const plan = containingPlan(context);
    if (!plan) return [];
    const resolved = resolvePlan(plan);
    const start = dayText(resolved.period?.start, resolved.periodNode?.start);
    // The kinds the plan's measures name for regie come first (a huisverbod: Veilig Thuis).
    const measureKinds = resolved.measures.map(m => m.type?.regie).filter((k): k is NonNullable<typeof k> => k !== undefined);
    const candidates = byKindPreference(context.organisations, [...measureKinds, 'veiligthuis', 'wijkteam', 'gi', 'zvh']).slice(0, 3).map(o => o.name);
    const names = candidates.length > 0 ? candidates : [PLACEHOLDER_NAME.regie];
    const note = quoted(PLACEHOLDER.regieNote[context.locale]);
    // An empty regie block gets the entry; otherwise a block goes before aftercare, meetings and evaluations.
    const emptyBlock = plan.items.filter(isRegieBlock).find(block => block.entries.length === 0);
    return names.map((name, index) => {
        const entry = `${name} from ${start} ${note}`;
        const edit = emptyBlock
            ? { offset: offsetAfterOpenBrace(emptyBlock), end: offsetAfterOpenBrace(emptyBlock), newText: `\n${entry}` }
            : insertItem(context, plan, `regie {\n${entry}\n}`, item => !isAftercare(item) && !isMeeting(item) && !isEvaluation(item), true);
        return {
            title: emptyBlock
                ? { en: `Add a regie entry: ${name} from ${start}`, nl: `Regievoerder toevoegen: ${name} vanaf ${start}` }[context.locale]
                : { en: `Add a regie block: ${name} from ${start}`, nl: `Regieblok toevoegen: ${name} vanaf ${start}` }[context.locale],
            edits: [edit],
            preferred: index === 0
        };
    });
}

/** VP020: an aftercare block from the plan end, long enough, with checkpoints. */
export function fixMissingAftercare(context: FixContext): FixProposal[] {
    const plan = containingPlan(context);
    if (!plan) return [];
    const resolved = resolvePlan(plan);
    const start = dayText(resolved.period?.end, resolved.periodNode?.end);
    const months = Math.max(12, context.config.aftercareMinMonths);
    const checkpoints = [...new Set([3, 6, 12, months])].filter(m => m <= months).sort((a, b) => a - b).map(m => `${m} months`).join(', ');
    const owner = lastRegieHolder(resolved)
        ?? byKindPreference(context.organisations, ['wijkteam', 'veiligthuis', 'gi', 'zvh'])[0]?.name
        ?? PLACEHOLDER_NAME.owner;
    return [{
        title: { en: `Add aftercare: ${owner} from ${start} for ${months} months`, nl: `Nazorg toevoegen: ${owner} vanaf ${start} gedurende ${months} maanden` }[context.locale],
        edits: [insertItem(context, plan, `aftercare {\nowner ${owner}\nfrom ${start} for ${months} months\ncheckpoints ${checkpoints}\n}`,
            item => !isMeeting(item) && !isEvaluation(item), true)],
        preferred: true
    }];
}

/**
 * VP021: the missing owner, period, end or checkpoints of an aftercare block. A zero or too late
 * checkpoint has no single right answer, so it gets no fix.
 */
export function fixIncompleteAftercare(context: FixContext): FixProposal[] {
    const aftercare = nodeAt(context.file, context.start, isAftercare);
    const plan = aftercare ? AstUtils.getContainerOfType(aftercare, isPlan) : undefined;
    if (!aftercare || !plan) return [];
    const resolved = resolvePlan(plan);
    const months = context.config.aftercareMinMonths;
    const span = aftercare.items.find(isSpanItem);
    const t = (en: string, nl: string) => ({ en, nl })[context.locale];
    switch (context.data.messageId) {
        case 'VP021.noOwner': {
            const owner = lastRegieHolder(resolved) ?? byKindPreference(context.organisations, ['wijkteam', 'veiligthuis'])[0]?.name ?? PLACEHOLDER_NAME.owner;
            return [{ title: t(`Add owner ${owner}`, `Eigenaar ${owner} toevoegen`), edits: [insertItem(context, aftercare, `owner ${owner}`, () => false, false)], preferred: true }];
        }
        case 'VP021.noPeriod': {
            const item = `from ${dayText(resolved.period?.end, undefined)} for ${months} months`;
            return [{ title: t(`Add the period: ${item}`, `Periode toevoegen: ${item}`), edits: [insertItem(context, aftercare, item, isOwnerItem, false)], preferred: true }];
        }
        case 'VP021.noEnd': {
            const edit = span ? setEnd(span, `for ${months} months`) : undefined;
            return edit ? [{ title: t(`End the aftercare after ${months} months`, `Nazorg na ${months} maanden laten eindigen`), edits: [edit], preferred: true }] : [];
        }
        case 'VP021.noCheckpoint': {
            const interval = resolved.aftercare?.dates?.interval;
            let offsets = [3, 6, 12].filter(m => !interval || addMonthsClamped(interval.start, m) <= interval.end).map(m => `${m} months`);
            if (offsets.length === 0 && interval) offsets = [`${interval.end - interval.start} days`];
            const item = `checkpoints ${offsets.join(', ')}`;
            return [{
                title: t(`Add checkpoints: ${offsets.join(', ')}`, `Controlemomenten toevoegen: ${offsets.join(', ')}`),
                edits: [insertItem(context, aftercare, item, node => isOwnerItem(node) || isSpanItem(node), false)],
                preferred: true
            }];
        }
        default:
            return [];
    }
}

/** VP022: the aftercare runs the minimum number of months. */
export function fixShortAftercare(context: FixContext): FixProposal[] {
    const aftercare = nodeAt(context.file, context.start, isAftercare);
    const span = aftercare?.items.find(isSpanItem);
    const fix = context.data.fix ?? {};
    const months = typeof fix.minMonths === 'number' ? fix.minMonths : context.config.aftercareMinMonths;
    const edit = span ? setEnd(span, `for ${months} months`) : undefined;
    return edit ? [{
        title: { en: `Extend the aftercare to ${months} months`, nl: `Nazorg verlengen tot ${months} maanden` }[context.locale],
        edits: [edit],
        preferred: true
    }] : [];
}

/** VP023: the aftercare starts when the plan ends. */
export function fixLateAftercare(context: FixContext): FixProposal[] {
    const aftercare = nodeAt(context.file, context.start, isAftercare);
    const span = aftercare?.items.find(isSpanItem);
    const plan = aftercare ? AstUtils.getContainerOfType(aftercare, isPlan) : undefined;
    const planEnd = typeof context.data.fix?.planEnd === 'string' ? context.data.fix.planEnd
        : plan && resolvePlan(plan).period ? formatDay(resolvePlan(plan).period!.end) : undefined;
    const date = span ? significantLeaves(span).find(leaf => /^\d{4}-\d{2}-\d{2}$/.test(leaf.text)) : undefined;
    return date && planEnd ? [{
        title: { en: `Start the aftercare when the plan ends (${planEnd})`, nl: `Nazorg laten beginnen als het plan eindigt (${planEnd})` }[context.locale],
        edits: [{ offset: date.offset, end: date.end, newText: planEnd }],
        preferred: true
    }] : [];
}

function lastRegieHolder(plan: ResolvedPlan): string | undefined {
    const entries = plan.regie.filter(e => e.organisation && e.start !== undefined).sort((a, b) => a.start! - b.start!);
    return entries.at(-1)?.organisation?.name;
}

/** The first day of the plan period no regie entry covers, and where that gap ends. */
export function firstRegieGap(entries: readonly ResolvedRegieEntry[], period: Interval, from?: Day): Interval | undefined {
    const intervals = entries.map(e => e.interval).filter((i): i is Interval => i !== undefined).sort((a, b) => a.start - b.start);
    let cursor = period.start;
    for (const interval of intervals) {
        if (interval.start > cursor && cursor < period.end) {
            const gap = { start: cursor, end: Math.min(interval.start, period.end) };
            if (from === undefined || gap.end > from) return gap;
        }
        cursor = Math.max(cursor, interval.end);
    }
    return cursor < period.end ? { start: cursor, end: period.end } : undefined;
}

function dayArg(...values: unknown[]): Day | undefined {
    for (const value of values) {
        if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
            const day = Date.parse(`${value}T00:00:00Z`);
            if (Number.isFinite(day)) return Math.floor(day / 86_400_000);
        }
    }
    return undefined;
}

/** VP011: the holder before the gap keeps regie until the gap ends (or the next holder starts earlier). */
export function fixRegieGap(context: FixContext): FixProposal[] {
    const plan = containingPlan(context);
    if (!plan) return [];
    const resolved = resolvePlan(plan);
    if (!resolved.period) return [];
    const { fix = {}, args } = context.data;
    const hint = dayArg(fix.gapStart, fix.start, fix.day, args.day, args.start, args.from, args.firstDay);
    const gap = firstRegieGap(resolved.regie, resolved.period, hint);
    if (!gap) return [];
    const gapStart = formatDay(gap.start);
    const gapEnd = formatDay(gap.end);
    const previous = resolved.regie.filter(e => e.interval?.end === gap.start).sort((a, b) => b.interval!.start - a.interval!.start)[0];
    if (previous) {
        const edit = setEnd(previous.node, `to ${gapEnd}`);
        const name = previous.organisation?.name ?? previous.node.organisation?.$refText ?? '?';
        return edit ? [{
            title: { en: `Let ${name} hold regie until ${gapEnd}`, nl: `${name} de regie laten houden tot ${gapEnd}` }[context.locale],
            edits: [edit],
            preferred: true
        }] : [];
    }
    // A gap at the start of the plan: the first holder starts earlier.
    const next = resolved.regie.filter(e => e.interval?.start === gap.end)[0];
    const dateLeaf = next ? significantLeaves(next.node).find(leaf => /^\d{4}-\d{2}-\d{2}$/.test(leaf.text)) : undefined;
    if (!next || !dateLeaf) return [];
    const name = next.organisation?.name ?? next.node.organisation?.$refText ?? '?';
    return [{
        title: { en: `Let ${name} hold regie from ${gapStart}`, nl: `${name} de regie laten houden vanaf ${gapStart}` }[context.locale],
        edits: [{ offset: dateLeaf.offset, end: dateLeaf.end, newText: gapStart }],
        preferred: true
    }];
}

/** VP012: the earlier of two overlapping regie periods ends where the later begins. */
export function fixRegieOverlap(context: FixContext): FixProposal[] {
    const plan = containingPlan(context);
    if (!plan) return [];
    const resolved = resolvePlan(plan);
    const entries = resolved.regie.filter(e => e.interval !== undefined).sort((a, b) => a.interval!.start - b.interval!.start);
    const pairs: Array<[ResolvedRegieEntry, ResolvedRegieEntry]> = [];
    for (let i = 0; i < entries.length; i++) {
        for (let j = i + 1; j < entries.length; j++) {
            const [a, b] = [entries[i], entries[j]];
            if (b.interval!.start < a.interval!.end && a.interval!.start < b.interval!.start) pairs.push([a, b]);
        }
    }
    const within = (entry: ResolvedRegieEntry) => {
        const cst = entry.node.$cstNode;
        return cst !== undefined && cst.offset <= context.start && context.start <= cst.end;
    };
    const { fix = {}, args } = context.data;
    const sharedDay = dayArg(fix.firstSharedDay, fix.day, fix.start, args.day, args.start, args.firstDay, args.date);
    const pair = pairs.find(([a, b]) => (within(a) || within(b)) && (sharedDay === undefined || b.interval!.start === sharedDay))
        ?? pairs.find(([a, b]) => within(a) || within(b))
        ?? pairs[0];
    if (!pair) return [];
    const [earlier, later] = pair;
    const end = formatDay(later.interval!.start);
    const edit = setEnd(earlier.node, `to ${end}`);
    const name = earlier.organisation?.name ?? earlier.node.organisation?.$refText ?? '?';
    return edit ? [{
        title: { en: `End ${name}'s regie on ${end}, when the next holder starts`, nl: `Regie van ${name} laten eindigen op ${end}, als de volgende begint` }[context.locale],
        edits: [edit],
        preferred: true
    }] : [];
}

/** VP030: the term that breaks the limit is shortened to the longest legal one (or removed). */
export function fixLegalLimit(context: FixContext): FixProposal[] {
    const measure = nodeAt(context.file, context.start, isMeasure);
    if (!measure) return [];
    const fix = context.data.fix ?? {};
    const terms: AstNode[] = [...measure.items.filter(isSpanItem).slice(0, 1), ...measure.items.filter(isExtendItem)];
    const termIndex = typeof fix.termIndex === 'number' ? fix.termIndex : terms.findIndex(t => t.$cstNode && t.$cstNode.offset <= context.start && context.start <= t.$cstNode.end);
    const term = terms[termIndex];
    const maxEnd = typeof fix.maxEnd === 'string' ? fix.maxEnd : typeof context.data.args.maxEnd === 'string' ? context.data.args.maxEnd : undefined;
    if (!term || !maxEnd) return [];
    if (fix.maxDays === 0 && isExtendItem(term)) {
        // The limit is reached before this extension starts: it goes.
        const leaves = CstUtils.flattenCst(context.file.$cstNode!).toArray();
        const first = leaves.findIndex(leaf => leaf.offset === term.$cstNode!.offset);
        const from = first > 0 ? leaves[first - 1].end : term.$cstNode!.offset;
        return [{
            title: { en: `Remove the extension: the limit is reached on ${maxEnd}`, nl: `Verlenging verwijderen: het maximum is op ${maxEnd} bereikt` }[context.locale],
            edits: [{ offset: from, end: significantLeaves(term).at(-1)!.end, newText: '' }],
            preferred: true
        }];
    }
    const endText = context.data.messageId === 'VP030.term' && typeof fix.maxDuration === 'string' ? `for ${fix.maxDuration}` : `to ${maxEnd}`;
    const edit = setEnd(term, endText);
    return edit ? [{
        title: { en: `Shorten the term to the legal maximum (${endText})`, nl: `Termijn inkorten tot het wettelijk maximum (${endText})` }[context.locale],
        edits: [edit],
        preferred: true
    }] : [];
}

/** VP041: the intervention gets a `fallback` line to fill in. */
export function fixMissingFallback(context: FixContext): FixProposal[] {
    const intervention = nodeAt(context.file, context.start, isIntervention) as Intervention | undefined;
    if (!intervention) return [];
    const fallback = `fallback ${quoted(PLACEHOLDER.fallback[context.locale])}`;
    return [{
        title: { en: `Add a fallback for drop-out to '${intervention.name}'`, nl: `Afspraak bij uitval toevoegen aan '${intervention.name}'` }[context.locale],
        edits: [insertItem(context, intervention, fallback, () => true, false)],
        preferred: true
    }];
}

export const FIXES: Readonly<Record<string, (context: FixContext) => FixProposal[]>> = {
    VP001: fixMemberNotCovered,
    VP010: fixMissingRegie,
    VP011: fixRegieGap,
    VP012: fixRegieOverlap,
    VP020: fixMissingAftercare,
    VP021: fixIncompleteAftercare,
    VP022: fixShortAftercare,
    VP023: fixLateAftercare,
    VP030: fixLegalLimit,
    VP041: fixMissingFallback
};
