/**
 * The resolved plan as plain JSON data for other tools (`vplan export`), following
 * schemas/vplan-export.schema.json: dates as ISO calendar dates, every period as a half-open
 * `{start, end}` (end exclusive), references as names, default ends applied. Pure: reads only
 * the ResolvedPlan. The semantic diff compares two of these snapshots, so export and diff always
 * agree about what a plan says. Whatever cannot be resolved is `null`, never guessed.
 *
 * The version-2 constructs (an intervention's `ended`, `incident`s, a meeting's `action`s) are
 * optional fields, present only when the plan writes them, so that a plan without them exports
 * exactly as before: `ended` with `effectivePeriod` on an intervention, `incidents` on the plan,
 * `actions` on a meeting.
 *
 * Likewise a plan with more than one `aftercare` block: `aftercare` stays the first block, and
 * `moreAftercare` (present only then) holds the others, in source order, in the same shape.
 */

import type { Interval, ResolvedAftercare, ResolvedIntervention, ResolvedMeeting, ResolvedPlan, SpanDates } from '../model/plan-model.js';
import { formatDay, type Day, type DurationValue } from '../model/dates.js';
import type { EndedReason } from '../model/vocabulary.js';

export const EXPORT_FORMAT_VERSION = 1;

export type IsoDate = string;

/** A half-open period: `start` is the first day, `end` the first day after it. */
export interface ExportPeriod {
    start: IsoDate;
    end: IsoDate;
}

export interface ExportDuration {
    amount: number;
    unit: 'day' | 'week' | 'month' | 'year';
}

export interface ExportMember {
    name: string;
    kind: string | null;
    born: number | null;
    age: number | null;
    roles: string[];
    outside: boolean;
    noAction: string | null;
}

export interface ExportSupporter {
    name: string;
    title: string | null;
    supports: string[];
    aware: boolean;
}

export interface ExportRisk {
    name: string;
    title: string | null;
    severity: string | null;
    nature: string | null;
    domain: string | null;
    affectsHousehold: boolean;
    affects: string[];
    posedBy: string[];
}

export interface ExportPhase {
    kind: string | null;
    period: ExportPeriod | null;
}

export interface ExportMeasureTerm {
    kind: 'first' | 'extension';
    period: ExportPeriod | null;
    /** True when the end is the type's default (or the plan end), not written in the plan. */
    defaultEnd: boolean;
}

export interface ExportMeasure {
    name: string;
    type: string | null;
    typeTitle: string | null;
    mode: string | null;
    on: string[];
    protects: string[];
    by: string | null;
    /** From the first day to the computed end of the last term; null when a term is invalid. */
    period: ExportPeriod | null;
    terms: ExportMeasureTerm[];
}

export interface ExportIntervention {
    name: string;
    title: string | null;
    for: string[];
    by: string | null;
    period: ExportPeriod | null;
    framework: string;
    addresses: string[];
    phase: string | null;
    fallback: string | null;
    /** v2, only when the plan writes `ended`: when and why the help actually stopped. */
    ended?: ExportEnded;
    /**
     * v2, only with `ended`: the period every check and the timeline use, `period` cut short at
     * the `ended` date (the same as `period` when `ended` is on or after the planned end); null
     * when `period` is, or when the `ended` date is invalid or on or before the start (VP060).
     */
    effectivePeriod?: ExportPeriod | null;
}

/** v2: an intervention's `ended DATE REASON`. */
export interface ExportEnded {
    /** The first day without the help (half-open, like a period's `end`). */
    date: IsoDate | null;
    reason: EndedReason | null;
}

export interface ExportAgreement {
    name: string;
    title: string | null;
    by: string[];
    protects: string[];
    checkedBy: string | null;
    /** Null when the agreement has no `from` (it holds for the whole plan) or its dates are invalid. */
    period: ExportPeriod | null;
    wholePlan: boolean;
}

export interface ExportRegieEntry {
    organisation: string | null;
    /** With the computed end: the written end, else the next later start, else the plan end. */
    period: ExportPeriod | null;
    explicitEnd: boolean;
    note: string | null;
}

export interface ExportCheckpoint {
    offset: ExportDuration | null;
    date: IsoDate | null;
}

export interface ExportAftercare {
    owner: string | null;
    period: ExportPeriod | null;
    checkpoints: ExportCheckpoint[];
    signals: string[];
    escalate: string | null;
}

export interface ExportClient {
    member: string | null;
    mode: string | null;
}

export interface ExportMeeting {
    date: IsoDate | null;
    title: string | null;
    chair: string | null;
    participants: string[];
    clients: ExportClient[];
    /** v2, only when the meeting has at least one `action`: what it decided, in source order. */
    actions?: ExportAction[];
}

/** v2: a meeting's `action STRING owner REF due DATE`. */
export interface ExportAction {
    text: string | null;
    /** An organisation, or a member or supporter of the plan. */
    owner: string | null;
    /** Inclusive: the last day on which the action is on time (unlike a period's exclusive `end`). */
    due: IsoDate | null;
}

/** v2: `incident DATE STRING`. */
export interface ExportIncident {
    date: IsoDate | null;
    title: string | null;
}

export interface ExportEvaluation {
    date: IsoDate | null;
    title: string | null;
}

export interface PlanExport {
    name: string;
    title: string | null;
    status: string | null;
    period: ExportPeriod | null;
    members: ExportMember[];
    supporters: ExportSupporter[];
    risks: ExportRisk[];
    phases: ExportPhase[];
    measures: ExportMeasure[];
    interventions: ExportIntervention[];
    agreements: ExportAgreement[];
    regie: ExportRegieEntry[];
    /** The first aftercare block (null when there is none). */
    aftercare: ExportAftercare | null;
    /**
     * Only when the plan has more than one `aftercare` block: the blocks after the first, in
     * source order (so every block appears exactly once, `aftercare` or here).
     */
    moreAftercare?: ExportAftercare[];
    meetings: ExportMeeting[];
    /** v2, only when the plan has at least one `incident`: in source order. */
    incidents?: ExportIncident[];
    evaluations: ExportEvaluation[];
}

export interface DiagnosticCounts {
    errors: number;
    warnings: number;
    infos: number;
}

/** The whole document `vplan export` prints. */
export interface ExportDocument {
    format: 'vplan-export';
    version: typeof EXPORT_FORMAT_VERSION;
    source: string;
    diagnostics: DiagnosticCounts;
    plan: PlanExport;
}

const nameOf = (node: { name: string } | undefined): string | null => node?.name ?? null;
const names = (nodes: ReadonlyArray<{ name: string }>): string[] => nodes.map(n => n.name);
const date = (day: Day | undefined): IsoDate | null => (day === undefined ? null : formatDay(day));

function period(interval: Interval | undefined): ExportPeriod | null {
    return interval ? { start: formatDay(interval.start), end: formatDay(interval.end) } : null;
}

function spanPeriod(dates: SpanDates | undefined): ExportPeriod | null {
    return period(dates?.interval);
}

/** v2: `ended` and the period it leaves, only when the plan writes `ended` (none: nothing, as in version 1). */
function endedFields(intervention: ResolvedIntervention): Pick<ExportIntervention, 'ended' | 'effectivePeriod'> {
    const ended = intervention.ended;
    if (!ended) return {};
    return {
        ended: { date: date(ended.day), reason: ended.reason ?? null },
        effectivePeriod: period(intervention.interval)
    };
}

/** v2: a meeting's actions, only when it has any (none: nothing, as in version 1). */
function actionFields(meeting: ResolvedMeeting): Pick<ExportMeeting, 'actions'> {
    if (meeting.actions.length === 0) return {};
    return {
        actions: meeting.actions.map(a => ({ text: a.text ?? null, owner: nameOf(a.owner), due: date(a.due) }))
    };
}

/** v2: the plan's incidents, only when it has any (none: nothing, as in version 1). */
function incidentFields(plan: ResolvedPlan): Pick<PlanExport, 'incidents'> {
    if (plan.incidents.length === 0) return {};
    return { incidents: plan.incidents.map(i => ({ date: date(i.day), title: i.title ?? null })) };
}

function duration(value: DurationValue | undefined): ExportDuration | null {
    return value ? { amount: value.amount, unit: value.unit } : null;
}

function aftercareBlock(aftercare: ResolvedAftercare): ExportAftercare {
    return {
        owner: nameOf(aftercare.owner),
        period: spanPeriod(aftercare.dates),
        checkpoints: aftercare.checkpoints.map(c => ({ offset: duration(c.offset), date: date(c.day) })),
        signals: [...aftercare.signals],
        escalate: aftercare.escalate ?? null
    };
}

/** The aftercare blocks after the first, only when there are any (one block or none: nothing, as before). */
function moreAftercareFields(plan: ResolvedPlan): Pick<PlanExport, 'moreAftercare'> {
    if (plan.aftercareBlocks.length <= 1) return {};
    return { moreAftercare: plan.aftercareBlocks.slice(1).map(aftercareBlock) };
}

export function exportPlan(plan: ResolvedPlan): PlanExport {
    return {
        name: plan.name,
        title: plan.title ?? null,
        status: plan.status ?? null,
        period: period(plan.period),
        members: plan.members.map(m => ({
            name: m.name,
            kind: m.kind ?? null,
            born: m.born ?? null,
            age: m.age ?? null,
            roles: [...m.roles],
            outside: m.outside,
            noAction: m.noAction ?? null
        })),
        supporters: plan.supporters.map(s => ({
            name: s.name, title: s.node.title ?? null, supports: names(s.supports), aware: s.aware
        })),
        risks: plan.risks.map(r => ({
            name: r.name,
            title: r.node.title ?? null,
            severity: r.severity ?? null,
            nature: r.nature ?? null,
            domain: r.domain ?? null,
            affectsHousehold: r.affectsHousehold,
            affects: names(r.affects),
            posedBy: names(r.posedBy)
        })),
        phases: plan.phases.map(p => ({ kind: p.kind ?? null, period: spanPeriod(p.dates) })),
        measures: plan.measures.map(m => ({
            name: m.name,
            type: m.type?.name ?? null,
            typeTitle: m.type?.title ?? null,
            mode: m.type?.mode ?? null,
            on: names(m.on),
            protects: names(m.protects),
            by: nameOf(m.by),
            period: period(m.interval),
            terms: m.terms.map((t, index) => ({
                kind: index === 0 ? 'first' as const : 'extension' as const,
                period: period(t.interval),
                defaultEnd: t.defaultEnd
            }))
        })),
        interventions: plan.interventions.map(i => ({
            name: i.name,
            title: i.title ?? null,
            for: names(i.for),
            by: nameOf(i.by),
            period: spanPeriod(i.dates),
            framework: i.framework,
            addresses: names(i.addresses),
            phase: i.phase ?? null,
            fallback: i.fallback ?? null,
            ...endedFields(i)
        })),
        agreements: plan.agreements.map(a => ({
            name: a.name,
            title: a.title ?? null,
            by: names(a.by),
            protects: names(a.protects),
            checkedBy: nameOf(a.checkedBy),
            period: spanPeriod(a.dates),
            wholePlan: a.dates === undefined
        })),
        regie: plan.regie.map(r => ({
            organisation: nameOf(r.organisation),
            period: period(r.interval),
            explicitEnd: r.explicitEnd,
            note: r.note ?? null
        })),
        aftercare: plan.aftercare ? aftercareBlock(plan.aftercare) : null,
        ...moreAftercareFields(plan),
        meetings: plan.meetings.map(m => ({
            date: date(m.day),
            title: m.title ?? null,
            chair: nameOf(m.chair),
            participants: names(m.participants),
            clients: m.clients.map(c => ({ member: nameOf(c.member), mode: c.mode ?? null })),
            ...actionFields(m)
        })),
        ...incidentFields(plan),
        evaluations: plan.evaluations.map(e => ({ date: date(e.day), title: e.title ?? null }))
    };
}

export function exportDocument(plan: ResolvedPlan, source: string, diagnostics: DiagnosticCounts): ExportDocument {
    return { format: 'vplan-export', version: EXPORT_FORMAT_VERSION, source, diagnostics, plan: exportPlan(plan) };
}
