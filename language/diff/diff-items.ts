/**
 * The unit of the semantic diff: the items of a file (plans and what they hold, organisations,
 * measure types), each with a key that names it (a named item is matched across versions by it;
 * one without a name within its group, see plan-diff.ts), its text as written (shown whole when it
 * is added or removed) and its fields (compared when it is in both versions).
 *
 * Fields hold what the item means: names as written (resolved or not; whether a name resolves is
 * the diagnostics' business), value words as written, defaults applied (an intervention without
 * `framework` is `voluntary`), and every period resolved from the plan model (a measure's end
 * computed from its type, a regie entry's from the next one). Field names are the language's
 * keywords (`posed by`, `checked by`, `no-action`) or, for a value written without one, the word
 * the language reference uses for it (`title`, `kind`, `type`, `date`, `organisation`, `note`).
 */

import type { AstNode, Reference } from 'langium';
import {
    isMeasureType, isOrganisation, isPlan,
    type Agreement, type Aftercare, type Evaluation, type Incident, type Intervention, type Measure, type MeasureType,
    type Meeting, type Member, type Organisation, type Phase, type Plan, type RegieEntry, type Risk, type Supporter, type VplanFile
} from '../generated/ast.js';
import { formatDay, parseDate, type Day } from '../model/dates.js';
import { resolveMeasure, resolvePlan, resolveRegie, spanDates, type Interval } from '../model/plan-model.js';
import { writtenLines, writtenText } from './written-form.js';

/** What an item is, by the keyword that introduces it (`regie` for an entry of a regie block). */
export type ItemKind =
    | 'plan' | 'organisation' | 'measure type' | 'member' | 'supporter' | 'risk' | 'phase' | 'measure' | 'intervention'
    | 'agreement' | 'regie' | 'aftercare' | 'meeting' | 'incident' | 'evaluation';

/** The order in which the diff lists the kinds of a plan's items. */
export const PLAN_ITEM_KINDS: readonly ItemKind[] = [
    'plan', 'member', 'supporter', 'risk', 'phase', 'measure', 'intervention', 'agreement', 'regie', 'aftercare', 'meeting', 'incident', 'evaluation'
];

export type FieldValue = string | number | boolean | null | string[];

export interface ItemField {
    /** The keyword of the field (`posed by`), or the reference's word for a value without one (`title`). */
    field: string;
    value: FieldValue;
    /** The value names other declarations (a rename of one of them is not a change of this item). */
    references?: boolean;
}

export interface DiffItem {
    kind: ItemKind;
    /** Names the item in the diff: its name; for an item without one, what it is written with, `#2` for a repeat. */
    key: string;
    /**
     * The key without the repeat number: items without a name are paired across versions within
     * it (plan-diff.ts, `pairItems`), never by position alone, so that adding or removing one of
     * two meetings of the same title leaves the other unchanged.
     */
    group: string;
    /** The name, for items that have one. */
    name?: string;
    /** The item as written: its own line, then each item of its block (indented) on its own line. */
    written: string[];
    fields: ItemField[];
}

/** A regie entry as the handovers read it: who holds regie from when. */
export interface RegieHolder {
    organisation: string;
    start?: string;
}

export interface PlanItems {
    plan: DiffItem;
    /** Every item of the plan, in the order of PLAN_ITEM_KINDS, then source order. */
    items: DiffItem[];
    regie: RegieHolder[];
}

export interface FileItems {
    plans: PlanItems[];
    /** Organisations and measure types, in source order. */
    declarations: DiffItem[];
}

/** The items of a parsed and linked file. */
export function fileItems(root: VplanFile): FileItems {
    const plans: PlanItems[] = [];
    const declarations: DiffItem[] = [];
    for (const declaration of root.declarations) {
        if (isPlan(declaration)) plans.push(planItems(declaration));
        else if (isOrganisation(declaration)) declarations.push(organisationItem(declaration));
        else if (isMeasureType(declaration)) declarations.push(measureTypeItem(declaration));
    }
    return { plans, declarations: numbered(declarations) };
}

// ---------------------------------------------------------------------------------------------
// Values

const refText = (reference: Reference | undefined): string | null => reference?.$refText || null;
const refTexts = (references: ReadonlyArray<Reference> | undefined): string[] => (references ?? []).map(r => r.$refText).filter(Boolean);
const orNull = <T>(value: T | undefined): T | null => value ?? null;

/** A resolved period as the language writes it: `2026-01-12 to 2026-02-09` (the end exclusive). */
function periodText(start: Day | undefined, end: Day | undefined, interval?: Interval): string | null {
    if (interval) return `${formatDay(interval.start)} to ${formatDay(interval.end)}`;
    if (start !== undefined && end !== undefined) return `${formatDay(start)} to ${formatDay(end)}`;
    if (start !== undefined) return formatDay(start);
    return null;
}

function dateText(text: string | undefined): string | null {
    const day = parseDate(text);
    return day !== undefined ? formatDay(day) : orNull(text);
}

function field(name: string, value: FieldValue | undefined, references = false): ItemField {
    return references ? { field: name, value: value ?? null, references } : { field: name, value: value ?? null };
}

/** The items of a node's block of one type, by `$type`. */
function itemsOfType<T extends AstNode>(items: readonly AstNode[], type: string): T[] {
    return items.filter(item => item.$type === type) as T[];
}

function firstOfType<T extends AstNode>(items: readonly AstNode[], type: string): T | undefined {
    return items.find(item => item.$type === type) as T | undefined;
}

/** Gives items without a name of their own a stable key: the base key, with ` #2`, ` #3` for repeats. */
function numbered(items: DiffItem[]): DiffItem[] {
    const counts = new Map<string, number>();
    for (const item of items) {
        const base = `${item.kind}\u0000${item.key}`;
        const n = (counts.get(base) ?? 0) + 1;
        counts.set(base, n);
        if (n > 1) item.key = `${item.key} #${n}`;
    }
    return items;
}

function item(kind: ItemKind, node: AstNode, key: string | undefined, fields: ItemField[], name?: string): DiffItem {
    const written = writtenLines(node);
    const itemKey = key || written[0] || kind;
    return { kind, key: itemKey, group: itemKey, ...(name !== undefined ? { name } : {}), written, fields };
}

// ---------------------------------------------------------------------------------------------
// Organisations and measure types

function organisationItem(node: Organisation): DiffItem {
    return item('organisation', node, node.name, [field('title', node.title), field('kind', node.kind)], node.name);
}

function measureTypeItem(node: MeasureType): DiffItem {
    const items = node.items;
    const durationOf = (type: string) => writtenText((firstOfType<AstNode & { duration?: AstNode }>(items, type))?.duration) ?? null;
    return item('measure type', node, node.name, [
        field('title', node.title),
        field('mode', firstOfType<{ value: string } & AstNode>(items, 'ModeItem')?.value),
        field('basis', firstOfType<{ text: string } & AstNode>(items, 'BasisItem')?.text),
        field('initial', durationOf('InitialItem')),
        field('term max', durationOf('TermMaxItem')),
        field('total max', durationOf('TotalMaxItem')),
        // `any` when not written (language reference, section 6).
        field('subject', firstOfType<{ value: string } & AstNode>(items, 'SubjectItem')?.value ?? 'any'),
        field('imposed by', firstOfType<{ kinds: string[] } & AstNode>(items, 'ImposedByItem')?.kinds ?? []),
        field('regie', firstOfType<{ kind: string } & AstNode>(items, 'RegieKindItem')?.kind),
        field('requires', refTexts(firstOfType<{ types: Reference[] } & AstNode>(items, 'RequiresItem')?.types), true),
        field('source', firstOfType<{ text: string } & AstNode>(items, 'SourceItem')?.text),
        field('checked', dateText(firstOfType<{ date: string } & AstNode>(items, 'CheckedItem')?.date))
    ], node.name);
}

// ---------------------------------------------------------------------------------------------
// Plans

function planItems(plan: Plan): PlanItems {
    const resolved = resolvePlan(plan);
    const planEnd = resolved.period?.end;
    const byKind = new Map<ItemKind, DiffItem[]>(PLAN_ITEM_KINDS.map(kind => [kind, []]));
    const add = (entry: DiffItem) => byKind.get(entry.kind)!.push(entry);
    const regieEntries: RegieEntry[] = [];
    const measures = new Map(resolved.measures.map(m => [m.node, m]));

    for (const planItem of plan.items) {
        switch (planItem.$type) {
            case 'Household': for (const member of planItem.members) add(memberItem(member)); break;
            case 'Network': for (const supporter of planItem.supporters) add(supporterItem(supporter)); break;
            case 'Risk': add(riskItem(planItem)); break;
            case 'Phase': add(phaseItem(planItem)); break;
            case 'Measure': add(measureItem(planItem, measures.get(planItem) ?? resolveMeasure(planItem, planEnd))); break;
            case 'Intervention': add(interventionItem(planItem)); break;
            case 'Agreement': add(agreementItem(planItem)); break;
            case 'RegieBlock': regieEntries.push(...planItem.entries); break;
            case 'Aftercare': add(aftercareItem(planItem)); break;
            case 'Meeting': add(meetingItem(planItem)); break;
            case 'Incident': add(datedItem('incident', planItem)); break;
            case 'Evaluation': add(datedItem('evaluation', planItem)); break;
        }
    }
    // Regie entries of all blocks are read together (an entry's end depends on the next start).
    const regie = resolveRegie(regieEntries, planEnd);
    regie.forEach(entry => add(item('regie', entry.node, refText(entry.node.organisation) ?? undefined, [
        field('from', periodText(entry.start, entry.end, entry.interval)),
        field('note', entry.note)
    ])));
    const planItem = item('plan', plan, plan.name, [
        field('title', plan.title),
        field('status', resolved.status),
        field('period', periodText(spanDates(resolved.periodNode).start, spanDates(resolved.periodNode).end, resolved.period))
    ], plan.name);
    const items = PLAN_ITEM_KINDS.filter(kind => kind !== 'plan').flatMap(kind => numbered(byKind.get(kind)!));
    return {
        plan: planItem,
        items,
        regie: regieEntries.map((entry, index) => ({
            organisation: refText(entry.organisation) ?? '',
            start: regie[index].start !== undefined ? formatDay(regie[index].start!) : undefined
        }))
    };
}

function memberItem(node: Member): DiffItem {
    return item('member', node, node.name, [
        field('kind', node.kind),
        field('born', node.born),
        field('roles', [...node.roles]),
        field('outside', node.outside),
        field('no-action', node.noAction)
    ], node.name);
}

function supporterItem(node: Supporter): DiffItem {
    return item('supporter', node, node.name, [
        field('title', node.title),
        field('supports', refTexts(node.supports), true),
        field('aware', node.aware)
    ], node.name);
}

function riskItem(node: Risk): DiffItem {
    const items = node.items;
    const affects = firstOfType<{ household: boolean; members: Reference[] } & AstNode>(items, 'AffectsItem');
    return item('risk', node, node.name, [
        field('title', node.title),
        field('severity', firstOfType<{ value: string } & AstNode>(items, 'SeverityItem')?.value),
        field('nature', firstOfType<{ value: string } & AstNode>(items, 'NatureItem')?.value),
        field('domain', firstOfType<{ value: string } & AstNode>(items, 'DomainItem')?.value),
        field('affects', affects?.household ? ['household', ...refTexts(affects.members)] : refTexts(affects?.members), true),
        field('posed by', refTexts(firstOfType<{ members: Reference[] } & AstNode>(items, 'PosedByItem')?.members), true)
    ], node.name);
}

function phaseItem(node: Phase): DiffItem {
    const dates = spanDates(node);
    return item('phase', node, node.kind, [field('from', periodText(dates.start, dates.end, dates.interval))]);
}

function measureItem(node: Measure, resolved: ReturnType<typeof resolveMeasure>): DiffItem {
    const items = node.items;
    return item('measure', node, node.name, [
        field('type', refText(node.type), true),
        field('on', itemsOfType<{ members: Reference[] } & AstNode>(items, 'OnItem').flatMap(i => refTexts(i.members)), true),
        field('protects', itemsOfType<{ members: Reference[] } & AstNode>(items, 'ProtectsItem').flatMap(i => refTexts(i.members)), true),
        field('by', refText(firstOfType<{ organisation: Reference } & AstNode>(items, 'ByItem')?.organisation), true),
        // The whole run, first term to the end of the last (a first term without an end lasts its type's term).
        field('from', periodText(resolved.start, resolved.terms[resolved.terms.length - 1]?.interval?.end, resolved.interval)),
        field('extend', itemsOfType<AstNode>(items, 'ExtendItem').map(extend => (writtenText(extend) ?? '').replace(/^extend /, '')))
    ], node.name);
}

function interventionItem(node: Intervention): DiffItem {
    const items = node.items;
    const span = spanDates(firstOfType<AstNode & { start?: string }>(items, 'SpanItem'));
    const ended = firstOfType<{ date: string; reason?: string } & AstNode>(items, 'EndedItem');
    return item('intervention', node, node.name, [
        field('title', node.title),
        field('for', itemsOfType<{ members: Reference[] } & AstNode>(items, 'ForItem').flatMap(i => refTexts(i.members)), true),
        field('by', refText(firstOfType<{ organisation: Reference } & AstNode>(items, 'ByItem')?.organisation), true),
        field('from', periodText(span.start, span.end, span.interval)),
        // `voluntary` when not written (language reference, section 4).
        field('framework', firstOfType<{ value: string } & AstNode>(items, 'FrameworkItem')?.value ?? 'voluntary'),
        field('addresses', itemsOfType<{ risks: Reference[] } & AstNode>(items, 'AddressesItem').flatMap(i => refTexts(i.risks)), true),
        field('phase', firstOfType<{ kind: string } & AstNode>(items, 'InterventionPhaseItem')?.kind),
        field('fallback', firstOfType<{ text: string } & AstNode>(items, 'FallbackItem')?.text),
        field('ended', ended ? [dateText(ended.date), ended.reason].filter(Boolean).join(' ') : null)
    ], node.name);
}

function agreementItem(node: Agreement): DiffItem {
    const items = node.items;
    const span = firstOfType<AstNode & { start?: string }>(items, 'SpanItem');
    const dates = span ? spanDates(span) : undefined;
    return item('agreement', node, node.name, [
        field('title', node.title),
        field('by', itemsOfType<{ parties: Reference[] } & AstNode>(items, 'PartiesItem').flatMap(i => refTexts(i.parties)), true),
        field('protects', itemsOfType<{ members: Reference[] } & AstNode>(items, 'ProtectsItem').flatMap(i => refTexts(i.members)), true),
        field('checked by', refText(firstOfType<{ checker: Reference } & AstNode>(items, 'CheckedByItem')?.checker), true),
        // Without `from` an agreement holds for the whole plan period (language reference, section 4).
        field('from', dates ? periodText(dates.start, dates.end, dates.interval) : null)
    ], node.name);
}

/** Keyed `aftercare`, `aftercare #2` for a second block (numbered with the other repeats). */
function aftercareItem(node: Aftercare): DiffItem {
    const items = node.items;
    const span = firstOfType<AstNode & { start?: string }>(items, 'SpanItem');
    const dates = span ? spanDates(span) : undefined;
    return item('aftercare', node, 'aftercare', [
        field('owner', refText(firstOfType<{ organisation: Reference } & AstNode>(items, 'OwnerItem')?.organisation), true),
        field('from', dates ? periodText(dates.start, dates.end, dates.interval) : null),
        field('checkpoints', itemsOfType<{ offsets: AstNode[] } & AstNode>(items, 'CheckpointsItem').flatMap(i => i.offsets.map(o => writtenText(o) ?? ''))),
        field('signal', itemsOfType<{ text: string } & AstNode>(items, 'SignalItem').map(i => i.text)),
        field('escalate', firstOfType<{ text: string } & AstNode>(items, 'EscalateItem')?.text)
    ]);
}

function meetingItem(node: Meeting): DiffItem {
    const items = node.items;
    return item('meeting', node, node.title ?? dateText(node.date) ?? undefined, [
        field('date', dateText(node.date)),
        field('title', node.title),
        field('chair', refText(firstOfType<{ organisation: Reference } & AstNode>(items, 'ChairItem')?.organisation), true),
        field('participants', itemsOfType<{ organisations: Reference[] } & AstNode>(items, 'ParticipantsItem').flatMap(i => refTexts(i.organisations)), true),
        // `eva present`, `"Nieuwe afspraken" owner vt_noord due 2026-05-13`: as written, names included.
        field('client', itemsOfType<AstNode>(items, 'ClientItem').map(i => (writtenText(i) ?? '').replace(/^client /, '')), true),
        field('action', itemsOfType<AstNode>(items, 'ActionItem').map(i => (writtenText(i) ?? '').replace(/^action /, '')), true)
    ]);
}

function datedItem(kind: 'incident' | 'evaluation', node: Incident | Evaluation): DiffItem {
    return item(kind, node, node.title ?? dateText(node.date) ?? undefined, [
        field('date', dateText(node.date)),
        field('title', node.title)
    ]);
}
