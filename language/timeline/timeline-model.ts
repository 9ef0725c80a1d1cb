/**
 * The timeline of a plan (language reference, section 8) as plain data: drawn from the plan's
 * facts (analysis/plan-facts.ts: coverage, regie), so it shows exactly what the checks judge;
 * JSON-serialisable, and drawn by one renderer for the CLI (SVG/HTML) and the
 * editor's preview. Dates are ISO `YYYY-MM-DD`; every end is exclusive, as in the language.
 * Pure: the only clock is `options.today`.
 *
 * Bounded by the plan text, never by the length of a period: the axis gets at most `MAX_TICKS`
 * ticks (months, or every few months or years on a long axis), and everything else is one entry
 * per declaration or per stretch between two of them.
 */

import type { AstNode } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { dayFromParts, formatDay, partsFromDay, type Day, type DurationValue } from '../model/dates.js';
import type { Interval, ResolvedAction } from '../model/plan-model.js';
import type { PlanFacts } from '../analysis/plan-facts.js';
import { declarationOf } from '../model/declaration-views.js';
import type { EndedReason } from '../model/vocabulary.js';

export type TimelineMode = 'dwang' | 'drang' | 'voluntary' | 'unknown';
export type TimelineItemKind = 'measure' | 'intervention' | 'agreement';
/** How an item concerns a member: the subject (`on`, `for`) or protected (`protects`). */
export type TimelineRelation = 'on' | 'for' | 'protects';
export type TimelineSeverity = 'error' | 'warning' | 'info';

/** A zero-based LSP-style source range, for "reveal the declaration". */
export interface TimelineRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

export interface TimelineDiagnostic {
    code: string;
    severity: TimelineSeverity;
    message: string;
    range: TimelineRange;
}

/** A half-open period of ISO dates (`end` not covered). */
export interface TimelineSpan {
    start: string;
    end: string;
}

export interface TimelineTerm extends TimelineSpan {
    kind: 'first' | 'extend';
    /** The first term's end is the type's default (or the plan end), not written in the plan. */
    defaultEnd: boolean;
}

/** v2: an intervention's `ended DATE REASON`: the help stopped on DATE (the first day without it). */
export interface TimelineEnded {
    /** Undefined when the date written is not a date (VP060). */
    date?: string;
    /** Undefined when the reason is not a value word (VP000). */
    reason?: EndedReason;
    /**
     * Why the date does not cut the planned period short (both are VP060): it is not a date
     * (`invalid`), or it is on or before the start (`notAfterStart`). The item is then drawn with
     * its planned period, as if there were no `ended`, and the reason still shows as text.
     */
    ignored?: 'invalid' | 'notAfterStart';
}

export interface TimelineItem {
    /** Unique in the model, stable for one text: `kind:name`. */
    id: string;
    kind: TimelineItemKind;
    mode: TimelineMode;
    /** The declaration's title (for a measure: its type's title). */
    title: string;
    name: string;
    /** For measures: the measure type's name. */
    typeName?: string;
    /**
     * The days the item really runs (for an intervention with `ended`: up to its `ended` date; with an
     * `ended` date that is not valid, its planned period). Undefined when the dates are missing or
     * invalid (the item then shows only in the table).
     */
    start?: string;
    end?: string;
    terms: TimelineTerm[];
    /** v2: an intervention's planned period when `ended` cut it short (its rest is drawn faintly). */
    planned?: TimelineSpan;
    /** v2: when and why an intervention stopped (with `ignored` when its date is not valid: VP060). */
    ended?: TimelineEnded;
    /** v2: a measure's type requires one of these measure types alongside (`requires`). */
    requires?: string[];
    /** An agreement without `from` holds for the whole plan. */
    wholePlan: boolean;
    by?: string;
    range?: TimelineRange;
    diagnostics: TimelineDiagnostic[];
}

/** An item as placed on one member's lane. */
export interface TimelineLaneItem {
    itemId: string;
    relation: TimelineRelation;
}

export interface TimelineMemberLane {
    /** `member:NAME`; `member#INDEX` for a member without a name (while typing). */
    id: string;
    /** Empty for a member without a name. */
    name: string;
    kind?: string;
    roles: string[];
    outside: boolean;
    noAction?: string;
    items: TimelineLaneItem[];
    /** Periods of the plan during which nothing covers this member (empty with `no-action`). */
    uncovered: TimelineSpan[];
    range?: TimelineRange;
    diagnostics: TimelineDiagnostic[];
}

export interface TimelinePhase extends TimelineSpan {
    kind: string;
    range?: TimelineRange;
    diagnostics: TimelineDiagnostic[];
}

export interface TimelineRegiePeriod extends TimelineSpan {
    id: string;
    organisation: string;
    organisationTitle?: string;
    explicitEnd: boolean;
    note?: string;
    range?: TimelineRange;
    diagnostics: TimelineDiagnostic[];
}

export interface TimelineHandover {
    date: string;
    from: string;
    to: string;
}

export interface TimelineRegieProblem extends TimelineSpan {
    kind: 'gap' | 'overlap';
    /** For an overlap: the holders sharing these days. */
    holders: string[];
}

export interface TimelineCheckpoint {
    date: string;
    /** The offset in the language's words, e.g. `3 months`. */
    offset: string;
    /** The offset as a value, for views that show it in the reader's language. */
    duration: DurationValue;
}

export interface TimelineAftercare {
    /**
     * Unique in the model, stable for one text: `aftercare` for the first block (the id it had when
     * only the first was shown), `aftercare:INDEX` for a later one (the zero-based index in source
     * order, so the second block is `aftercare:1`).
     */
    id: string;
    owner?: string;
    start?: string;
    end?: string;
    checkpoints: TimelineCheckpoint[];
    signals: string[];
    escalate?: string;
    range?: TimelineRange;
    diagnostics: TimelineDiagnostic[];
}

/** v2: what a meeting decided (`action STRING owner REF due DATE`). */
export interface TimelineAction {
    text: string;
    /** The owner's name as written (resolved or not); undefined when none is written. */
    owner?: string;
    /** The last day it is due (inclusive); undefined when invalid. */
    due?: string;
}

export interface TimelineMarker {
    id: string;
    kind: 'meeting' | 'evaluation';
    date?: string;
    title: string;
    /** v2: a meeting's actions (empty for an evaluation). */
    actions: TimelineAction[];
    range?: TimelineRange;
    diagnostics: TimelineDiagnostic[];
}

/** v2: a new incident or report (*nieuwe melding*), drawn across all lanes. */
export interface TimelineIncident {
    id: string;
    /** Undefined when the date is invalid (the incident then shows only in the table). */
    date?: string;
    title: string;
    range?: TimelineRange;
    diagnostics: TimelineDiagnostic[];
}

export interface TimelineTick {
    /** The first day of a month (of every `tickMonths`-th month on a long axis). */
    date: string;
    year: number;
    month: number;
}

export interface TimelineAxis extends TimelineSpan {
    /** Number of days from start to end. */
    days: number;
    /** Months between two ticks: 1, or more on a long axis so there are at most `MAX_TICKS`. */
    tickMonths: number;
    ticks: TimelineTick[];
}

export interface TimelineModel {
    version: 2;
    plan: { name: string; title: string; status?: string; period?: TimelineSpan; range?: TimelineRange };
    /**
     * From the plan start to the latest end of the aftercare blocks (or of the plan, if later);
     * without a valid plan period, the span of the dated items. Undefined when there is neither.
     */
    axis?: TimelineAxis;
    today: string;
    /** Whether today lies on the axis (the marker is drawn only then). */
    todayOnAxis: boolean;
    phases: TimelinePhase[];
    regie: { periods: TimelineRegiePeriod[]; handovers: TimelineHandover[]; problems: TimelineRegieProblem[] };
    items: TimelineItem[];
    members: TimelineMemberLane[];
    /** The first aftercare block: `aftercareBlocks[0]`. */
    aftercare?: TimelineAftercare;
    /** Every aftercare block, in source order (a plan may hold several; each is drawn with its checkpoints). */
    aftercareBlocks: TimelineAftercare[];
    markers: TimelineMarker[];
    /** v2: incidents, by date (those without a valid date last). */
    incidents: TimelineIncident[];
    /** How many dated items, markers and incidents lie wholly outside the axis (drawn only in the table). */
    outsideAxis: number;
    /** Every diagnostic inside the plan, for the table's summary. */
    diagnostics: TimelineDiagnostic[];
}

export interface BuildTimelineOptions {
    /** Today as `YYYY-MM-DD` or a Date (UTC day). */
    today: string | Date;
}

export { mergeIntervals, overlapIntervals, uncoveredIntervals } from '../analysis/intervals.js';

// ---------------------------------------------------------------------------------------------

function rangeOf(node: AstNode | undefined): TimelineRange | undefined {
    const range = node?.$cstNode?.range;
    return range ? { start: { ...range.start }, end: { ...range.end } } : undefined;
}

function contains(outer: TimelineRange, inner: TimelineRange): boolean {
    const before = (a: { line: number; character: number }, b: { line: number; character: number }) =>
        a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

const SEVERITY_BY_NUMBER: Record<number, TimelineSeverity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

function toTimelineDiagnostic(diagnostic: Diagnostic): TimelineDiagnostic {
    return {
        code: String(diagnostic.code ?? ''),
        severity: SEVERITY_BY_NUMBER[diagnostic.severity ?? 1] ?? 'error',
        message: typeof diagnostic.message === 'string' ? diagnostic.message : String(diagnostic.message),
        range: rangeOf({ $cstNode: { range: diagnostic.range } } as unknown as AstNode)!
    };
}

function span(interval: Interval): TimelineSpan {
    return { start: formatDay(interval.start), end: formatDay(interval.end) };
}

function isoOrUndefined(day: Day | undefined): string | undefined {
    return day === undefined ? undefined : formatDay(day);
}

function todayDay(today: string | Date): Day {
    if (today instanceof Date) return Math.floor(today.getTime() / 86_400_000);
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
    if (!match) throw new Error(`today must be YYYY-MM-DD, not '${today}'`);
    return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

function durationText(amount: number, unit: string): string {
    return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** At most this many ticks on an axis, however long: the output stays bounded by the plan text. */
export const MAX_TICKS = 160;
/** The tick steps in months, from monthly to once a millennium. */
const TICK_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000];

/** Months between two ticks on an axis from `start` to `end`: the smallest step giving at most `MAX_TICKS`. */
export function tickStepMonths(start: Day, end: Day): number {
    const months = Math.max(0, end - start) / 30.436875;
    return TICK_STEPS.find(step => months / step <= MAX_TICKS - 1) ?? TICK_STEPS[TICK_STEPS.length - 1];
}

/**
 * First days of the months inside [start, end], every `stepMonths`-th month (counted from
 * January of year 0, so a yearly step ticks each January).
 */
export function monthTicks(start: Day, end: Day, stepMonths = 1): TimelineTick[] {
    const first = partsFromDay(start);
    let index = first.year * 12 + (first.month - 1) + (first.day === 1 ? 0 : 1);
    index = Math.ceil(index / stepMonths) * stepMonths;
    const ticks: TimelineTick[] = [];
    for (;;) {
        const year = Math.floor(index / 12);
        const month = (index % 12) + 1;
        if (year > 9999) break;
        const tick = dayFromParts(year, month, 1);
        if (tick > end) break;
        ticks.push({ date: formatDay(tick), year, month });
        index += stepMonths;
    }
    return ticks;
}

/** The action's owner as written: the resolved name, else the reference text. */
function ownerName(action: ResolvedAction): string | undefined {
    return action.owner?.name ?? (action.node.owner?.$refText || undefined);
}

const byDate = <T extends { date?: string }>(a: T, b: T): number =>
    (a.date ?? '\uffff') < (b.date ?? '\uffff') ? -1 : (a.date ?? '\uffff') > (b.date ?? '\uffff') ? 1 : 0;

/**
 * Builds the timeline of one plan from its facts. `diagnostics` (of the plan's document) are
 * attached to the items whose source range contains them.
 */
export function buildTimeline(facts: PlanFacts, diagnostics: readonly Diagnostic[] = [], options: BuildTimelineOptions): TimelineModel {
    const plan = facts.plan;
    const today = todayDay(options.today);
    const planRange = rangeOf(plan.node);
    const planDiagnostics = diagnostics.map(toTimelineDiagnostic).filter(d => !planRange || contains(planRange, d.range));
    const diagnosticsIn = (range: TimelineRange | undefined): TimelineDiagnostic[] =>
        range ? planDiagnostics.filter(d => contains(range, d.range)) : [];
    const period = plan.period;
    // Names and titles may be missing while the author types (`member`, `intervention {`): never undefined here.
    const nameOf = (node: { name?: string } | undefined): string => node?.name ?? '';
    const dayRanges: Interval[] = [];
    const note = (interval: Interval | undefined) => { if (interval) dayRanges.push(interval); };
    note(period);

    // Phases
    const phases: TimelinePhase[] = [];
    for (const phase of plan.phases) {
        const interval = phase.dates.interval;
        if (!interval) continue;
        note(interval);
        const range = rangeOf(phase.node);
        phases.push({ kind: phase.kind ?? phase.node.kind ?? '', ...span(interval), range, diagnostics: diagnosticsIn(range) });
    }
    phases.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

    // Items
    const items: TimelineItem[] = [];

    for (const measure of plan.measures) {
        const name = nameOf(measure);
        const range = rangeOf(measure.node);
        const terms: TimelineTerm[] = measure.terms
            .map((term, index) => term.interval ? { ...span(term.interval), kind: index === 0 ? 'first' as const : 'extend' as const, defaultEnd: term.defaultEnd } : undefined)
            .filter((t): t is TimelineTerm => t !== undefined);
        note(measure.interval);
        const requires = measure.type?.requires ?? [];
        items.push({
            id: `measure:${name}`,
            kind: 'measure',
            mode: measure.type?.mode ?? 'unknown',
            title: measure.type?.title ?? measure.node.type?.$refText ?? name,
            name,
            typeName: measure.type?.name ?? measure.node.type?.$refText,
            start: isoOrUndefined(measure.interval?.start),
            end: isoOrUndefined(measure.interval?.end),
            terms,
            wholePlan: false,
            requires: requires.length > 0 ? [...requires] : undefined,
            by: measure.by?.name,
            range,
            diagnostics: diagnosticsIn(range)
        });
    }

    for (const intervention of plan.interventions) {
        const name = nameOf(intervention);
        const range = rangeOf(intervention.node);
        // The days the help really runs: `ended` cuts the planned period short (coverage reads the same interval).
        // An `ended` date that is not valid (VP060: not a date, or on or before the start) leaves the
        // model without that interval: the planned period is drawn instead, as if there were no `ended`.
        const planned = intervention.dates.interval;
        const ended = intervention.ended;
        const ignored = !ended ? undefined : ended.day === undefined ? 'invalid' as const : !intervention.interval && planned ? 'notAfterStart' as const : undefined;
        const interval = ignored ? planned : intervention.interval;
        note(interval);
        items.push({
            id: `intervention:${name}`,
            kind: 'intervention',
            mode: intervention.framework,
            title: intervention.title ?? name,
            name,
            start: isoOrUndefined(interval?.start),
            end: isoOrUndefined(interval?.end),
            terms: interval ? [{ ...span(interval), kind: 'first', defaultEnd: false }] : [],
            wholePlan: false,
            planned: interval && planned && interval.end < planned.end ? span(planned) : undefined,
            ended: ended ? { ...(ended.day !== undefined ? { date: formatDay(ended.day) } : {}), reason: ended.reason, ...(ignored ? { ignored } : {}) } : undefined,
            by: intervention.by?.name,
            range,
            diagnostics: diagnosticsIn(range)
        });
    }

    for (const agreement of plan.agreements) {
        const name = nameOf(agreement);
        const range = rangeOf(agreement.node);
        const wholePlan = agreement.dates === undefined;
        const interval = wholePlan ? period : agreement.dates?.interval;
        note(interval);
        items.push({
            id: `agreement:${name}`,
            kind: 'agreement',
            // A safety agreement is made with the household, not imposed: it is voluntary.
            mode: 'voluntary',
            title: agreement.title ?? name,
            name,
            start: isoOrUndefined(interval?.start),
            end: isoOrUndefined(interval?.end),
            terms: interval ? [{ ...span(interval), kind: 'first', defaultEnd: wholePlan }] : [],
            wholePlan,
            by: agreement.by.map(p => p.name).join(', ') || undefined,
            range,
            diagnostics: diagnosticsIn(range)
        });
    }

    // Member lanes and the days nothing covers (the coverage facts: what VP001–VP004 judge)
    const members: TimelineMemberLane[] = facts.coverage.members.map((coverage, index) => {
        const member = coverage.member;
        const name = nameOf(member);
        const laneItems: TimelineLaneItem[] = [];
        for (const entry of coverage.items) {
            const itemId = `${entry.kind}:${nameOf(entry.item)}`;
            if (!laneItems.some(lane => lane.itemId === itemId && lane.relation === entry.relation)) laneItems.push({ itemId, relation: entry.relation });
        }
        const range = rangeOf(member.node);
        return {
            id: name ? `member:${name}` : `member#${index}`,
            name,
            kind: member.kind ?? member.node.kind,
            roles: [...member.roles],
            outside: member.outside,
            noAction: member.noAction,
            items: laneItems,
            uncovered: (coverage.uncovered ?? []).map(span),
            range,
            diagnostics: diagnosticsIn(range)
        };
    });

    // Regie: periods, handovers, gaps and overlaps (inside the plan period), from the regie facts
    const regiePeriods: TimelineRegiePeriod[] = facts.regie.periods.map(segment => {
        const entry = segment.entry;
        note(entry.interval);
        const range = rangeOf(entry.node);
        return {
            id: `regie:${segment.index}`,
            organisation: segment.holder,
            organisationTitle: entry.organisation ? declarationOf(entry.organisation).title : undefined,
            ...span(entry.interval!),
            explicitEnd: entry.explicitEnd,
            note: entry.note,
            range,
            diagnostics: diagnosticsIn(range)
        };
    });
    const handovers: TimelineHandover[] = facts.regie.handovers.map(h => ({ date: formatDay(h.day), from: h.from.holder, to: h.to.holder }));
    const problems: TimelineRegieProblem[] = [];
    if (period && plan.hasRegieBlock) {
        for (const gap of facts.regie.gaps) problems.push({ kind: 'gap', ...span(gap), holders: [] });
    }
    for (const overlap of facts.regie.overlapSpans) {
        problems.push({ kind: 'overlap', ...span(overlap), holders: overlap.holders });
    }
    problems.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

    // Aftercare: every block (a plan may hold several), the first keeping its id `aftercare`.
    const aftercareBlocks: TimelineAftercare[] = plan.aftercareBlocks.map((block, index) => {
        const dates = block.dates;
        note(dates?.interval);
        const range = rangeOf(block.node);
        const checkpoints: TimelineCheckpoint[] = [];
        for (const checkpoint of block.checkpoints) {
            if (checkpoint.day === undefined || !checkpoint.offset) continue;
            note({ start: checkpoint.day, end: checkpoint.day });
            checkpoints.push({ date: formatDay(checkpoint.day), offset: durationText(checkpoint.offset.amount, checkpoint.offset.unit), duration: { ...checkpoint.offset } });
        }
        return {
            id: index === 0 ? 'aftercare' : `aftercare:${index}`,
            owner: block.owner?.name,
            start: dates?.interval ? formatDay(dates.interval.start) : isoOrUndefined(dates?.start),
            end: dates?.interval ? formatDay(dates.interval.end) : undefined,
            checkpoints,
            signals: [...block.signals],
            escalate: block.escalate,
            range,
            diagnostics: diagnosticsIn(range)
        };
    });

    // Meetings (with what they decided) and evaluations
    const markers: TimelineMarker[] = [];
    plan.meetings.forEach((meeting, index) => {
        if (meeting.day !== undefined) note({ start: meeting.day, end: meeting.day });
        const range = rangeOf(meeting.node);
        const actions: TimelineAction[] = meeting.actions.map(action => ({ text: action.text ?? '', owner: ownerName(action), due: isoOrUndefined(action.due) }));
        markers.push({ id: `meeting:${index}`, kind: 'meeting', date: isoOrUndefined(meeting.day), title: meeting.title ?? '', actions, range, diagnostics: diagnosticsIn(range) });
    });
    plan.evaluations.forEach((evaluation, index) => {
        if (evaluation.day !== undefined) note({ start: evaluation.day, end: evaluation.day });
        const range = rangeOf(evaluation.node);
        markers.push({ id: `evaluation:${index}`, kind: 'evaluation', date: isoOrUndefined(evaluation.day), title: evaluation.title ?? '', actions: [], range, diagnostics: diagnosticsIn(range) });
    });
    markers.sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0));

    // Incidents, across all lanes
    const incidents: TimelineIncident[] = plan.incidents.map((incident, index) => {
        if (incident.day !== undefined) note({ start: incident.day, end: incident.day });
        const range = rangeOf(incident.node);
        return { id: `incident:${index}`, date: isoOrUndefined(incident.day), title: incident.title ?? '', range, diagnostics: diagnosticsIn(range) };
    });
    incidents.sort(byDate);

    // The axis (section 8): from the plan start to the end of aftercare (the latest end of its
    // blocks), or of the plan if that is later; items beyond it are cut at its edges (their dates
    // stay in tooltips and the table).
    // Without a valid plan period: the span of the dated items.
    let axis: TimelineAxis | undefined;
    let todayOnAxis = false;
    let outsideAxis = 0;
    let axisStart: Day | undefined;
    let axisEnd: Day | undefined;
    if (period) {
        axisStart = period.start;
        axisEnd = plan.aftercareBlocks.reduce((end, block) => Math.max(end, block.dates?.interval?.end ?? end), period.end);
    } else if (dayRanges.length > 0) {
        axisStart = dayRanges.reduce((min, r) => Math.min(min, r.start), Infinity);
        axisEnd = dayRanges.reduce((max, r) => Math.max(max, r.end), -Infinity);
    }
    if (axisStart !== undefined && axisEnd !== undefined) {
        const tickMonths = tickStepMonths(axisStart, axisEnd);
        axis = { start: formatDay(axisStart), end: formatDay(axisEnd), days: axisEnd - axisStart, tickMonths, ticks: monthTicks(axisStart, axisEnd, tickMonths) };
        todayOnAxis = today >= axisStart && today < axisEnd;
        const start = axis.start;
        const end = axis.end;
        const offSpan = (s: { start?: string; end?: string }) => s.start !== undefined && s.end !== undefined && (s.end <= start || s.start >= end);
        const offPoint = (date: string | undefined) => date !== undefined && (date < start || date > end);
        outsideAxis = items.filter(offSpan).length + markers.filter(m => offPoint(m.date)).length + incidents.filter(i => offPoint(i.date)).length;
    }

    return {
        version: 2,
        plan: {
            name: plan.name ?? '',
            title: plan.title ?? plan.name ?? '',
            status: plan.status,
            period: period ? span(period) : undefined,
            range: planRange
        },
        axis,
        today: formatDay(today),
        todayOnAxis,
        phases,
        regie: { periods: regiePeriods, handovers, problems },
        items,
        members,
        aftercare: aftercareBlocks[0],
        aftercareBlocks,
        markers,
        incidents,
        outsideAxis,
        diagnostics: planDiagnostics
    };
}
