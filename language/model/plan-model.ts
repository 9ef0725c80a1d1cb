/**
 * The resolved meaning of a plan: every period as a half-open interval of day numbers, default
 * ends applied (spec sections 1, 4 and 6), references followed. The checks, the timeline, the
 * export and the semantic diff all read this one model, so they can never disagree about what a
 * plan says. Building it walks the plan once; it never throws on a broken plan: whatever cannot
 * be resolved (a missing item, an invalid date, an unresolved reference) is left `undefined`.
 */

import type { AstNode, Reference } from 'langium';
import {
    isAddressesItem, isAffectsItem, isAftercare, isAgreement, isBasisItem, isByItem, isChairItem, isCheckedByItem,
    isCheckedItem, isCheckpointsItem, isClientItem, isDomainItem, isEscalateItem, isEvaluation, isExtendItem,
    isFallbackItem, isForItem, isFrameworkItem, isImposedByItem, isInitialItem, isIntervention, isInterventionPhaseItem,
    isMeasure, isMeeting, isModeItem, isNatureItem, isOnItem, isOwnerItem, isParticipantsItem, isPartiesItem, isPhase,
    isPlanPeriod, isPosedByItem, isProtectsItem, isRegieBlock, isRegieKindItem, isRisk, isSeverityItem, isSignalItem,
    isSourceItem, isSpanItem, isStatusItem, isSubjectItem, isTermMaxItem, isTotalMaxItem,
    type Aftercare, type Agreement, type AgreementParty, type Checker, type Duration, type Evaluation, type ExtendItem,
    type Intervention, type Measure, type MeasureType, type Meeting, type Member, type Organisation, type Phase,
    type Plan, type PlanPeriod, type RegieEntry, type Risk, type SpanItem, type Supporter
} from '../generated/ast.js';
import { addDuration, ageInYear, parseDate, parseUnit, type Day, type DurationValue } from './dates.js';
import { firstItem, itemsOf, planDeclarations, planMembers, planSupporters } from './ast-queries.js';
import {
    isValueOf, type ClientMode, type Framework, type MeasureMode, type MemberKind, type Nature, type OrganisationKind,
    type PhaseKind, type Role, type Severity, type Subject
} from './vocabulary.js';

/** A half-open interval of days: `start` is covered, `end` is not. */
export interface Interval {
    start: Day;
    end: Day;
}

export function intervalLength(interval: Interval): number {
    return interval.end - interval.start;
}

export function covers(interval: Interval, day: Day): boolean {
    return interval.start <= day && day < interval.end;
}

export function overlaps(a: Interval, b: Interval): boolean {
    return a.start < b.end && b.start < a.end;
}

/** A duration node read into a value; `undefined` when its unit is not a unit word (VP000). */
export function durationValue(node: Duration | undefined): DurationValue | undefined {
    if (!node) return undefined;
    const unit = parseUnit(node.unit);
    return unit === undefined || !Number.isFinite(node.amount) ? undefined : { amount: node.amount, unit };
}

/** Start and end of `from DATE (to DATE | for DUR)?`, with `undefined` for what is missing or invalid. */
export interface SpanDates {
    start?: Day;
    /** The exclusive end; `undefined` when absent or invalid. */
    end?: Day;
    /** Whether the source wrote an end (`to` or `for`). */
    hasEnd: boolean;
    /** The span as an interval, only when both ends are valid and end > start. */
    interval?: Interval;
}

export function spanDates(node: { start?: string; end?: string; duration?: Duration } | undefined): SpanDates {
    if (!node) return { hasEnd: false };
    const start = parseDate(node.start);
    const hasEnd = node.end !== undefined || node.duration !== undefined;
    let end: Day | undefined;
    if (node.end !== undefined) {
        end = parseDate(node.end);
    } else if (node.duration !== undefined && start !== undefined) {
        const duration = durationValue(node.duration);
        end = duration ? addDuration(start, duration) : undefined;
    }
    const interval = start !== undefined && end !== undefined && end > start ? { start, end } : undefined;
    return { start, end, hasEnd, interval };
}

function resolved<T>(ref: Reference<T & { $type: string }> | undefined): T | undefined {
    return ref?.ref as T | undefined;
}

function resolvedAll<T>(refs: ReadonlyArray<Reference<T & { $type: string }>>): T[] {
    return refs.map(r => r.ref as T | undefined).filter((x): x is T => x !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Measure types

export interface MeasureTypeInfo {
    node: MeasureType;
    name: string;
    title?: string;
    mode?: MeasureMode;
    basis?: string;
    initial?: DurationValue;
    termMax?: DurationValue;
    totalMax?: DurationValue;
    subject: Subject;
    imposedBy: OrganisationKind[];
    regie?: OrganisationKind;
    source?: string;
    checked?: Day;
}

const measureTypeCache = new WeakMap<MeasureType, MeasureTypeInfo>();

export function measureTypeInfo(node: MeasureType): MeasureTypeInfo {
    let info = measureTypeCache.get(node);
    if (!info) {
        const mode = firstItem(node, isModeItem)?.value;
        const subject = firstItem(node, isSubjectItem)?.value;
        const regie = firstItem(node, isRegieKindItem)?.kind;
        info = {
            node,
            name: node.name,
            title: node.title,
            mode: isValueOf('mode', mode) ? mode : undefined,
            basis: firstItem(node, isBasisItem)?.text,
            initial: durationValue(firstItem(node, isInitialItem)?.duration),
            termMax: durationValue(firstItem(node, isTermMaxItem)?.duration),
            totalMax: durationValue(firstItem(node, isTotalMaxItem)?.duration),
            subject: isValueOf('subject', subject) ? subject : 'any',
            imposedBy: (firstItem(node, isImposedByItem)?.kinds ?? []).filter((k): k is OrganisationKind => isValueOf('organisationKind', k)),
            regie: isValueOf('organisationKind', regie) ? regie : undefined,
            source: firstItem(node, isSourceItem)?.text,
            checked: parseDate(firstItem(node, isCheckedItem)?.date)
        };
        measureTypeCache.set(node, info);
    }
    return info;
}

export function hasLimit(info: MeasureTypeInfo): boolean {
    return info.termMax !== undefined || info.totalMax !== undefined;
}

export function organisationKind(org: Organisation | undefined): OrganisationKind | undefined {
    return org && isValueOf('organisationKind', org.kind) ? org.kind : undefined;
}

// ---------------------------------------------------------------------------------------------
// The plan

export interface ResolvedMember {
    node: Member;
    name: string;
    kind?: MemberKind;
    born?: number;
    /** Plan start year − born, when both are known. */
    age?: number;
    roles: Set<Role>;
    outside: boolean;
    noAction?: string;
}

export interface ResolvedSupporter {
    node: Supporter;
    name: string;
    supports: Member[];
    aware: boolean;
}

export interface ResolvedRisk {
    node: Risk;
    name: string;
    severity?: Severity;
    nature?: Nature;
    domain?: string;
    affectsHousehold: boolean;
    affects: Member[];
    posedBy: Member[];
}

export interface ResolvedPhase {
    node: Phase;
    kind?: PhaseKind;
    dates: SpanDates;
}

/** One term of a measure: the first (`from`) or an `extend`. */
export interface MeasureTerm {
    node: SpanItem | ExtendItem;
    /** Undefined when a date in this term or before it is invalid. */
    interval?: Interval;
    /** True when the end is the type's default rather than written in the plan. */
    defaultEnd: boolean;
}

export interface ResolvedMeasure {
    node: Measure;
    name: string;
    /** Undefined when the type reference does not resolve (VP081). */
    type?: MeasureTypeInfo;
    on: Member[];
    protects: Member[];
    by?: Organisation;
    start?: Day;
    /** Whether the first term states its end. */
    firstTermHasEnd: boolean;
    terms: MeasureTerm[];
    /** From the first day to the end of the last term, when every term is valid. */
    interval?: Interval;
}

export interface ResolvedIntervention {
    node: Intervention;
    name: string;
    title?: string;
    for: Member[];
    by?: Organisation;
    dates: SpanDates;
    framework: Framework;
    addresses: Risk[];
    phase?: PhaseKind;
    fallback?: string;
}

export interface ResolvedAgreement {
    node: Agreement;
    name: string;
    title?: string;
    by: AgreementParty[];
    protects: Member[];
    checkedBy?: Checker;
    /** Undefined when the agreement has no `from`: it then holds for the whole plan. */
    dates?: SpanDates;
}

export interface ResolvedRegieEntry {
    node: RegieEntry;
    organisation?: Organisation;
    start?: Day;
    /** The end as written or implied (next later start, else plan end). */
    end?: Day;
    explicitEnd: boolean;
    interval?: Interval;
    note?: string;
}

export interface ResolvedCheckpoint {
    node: Duration;
    offset?: DurationValue;
    day?: Day;
}

export interface ResolvedAftercare {
    node: Aftercare;
    owner?: Organisation;
    dates?: SpanDates;
    checkpoints: ResolvedCheckpoint[];
    signals: string[];
    escalate?: string;
}

export interface ResolvedClient {
    member?: Member;
    mode?: ClientMode;
}

export interface ResolvedMeeting {
    node: Meeting;
    day?: Day;
    title?: string;
    chair?: Organisation;
    participants: Organisation[];
    clients: ResolvedClient[];
}

export interface ResolvedEvaluation {
    node: Evaluation;
    day?: Day;
    title?: string;
}

export interface ResolvedPlan {
    node: Plan;
    name: string;
    title?: string;
    status?: string;
    periodNode?: PlanPeriod;
    /** The plan period, only when it is present and valid. */
    period?: Interval;
    members: ResolvedMember[];
    supporters: ResolvedSupporter[];
    risks: ResolvedRisk[];
    phases: ResolvedPhase[];
    measures: ResolvedMeasure[];
    interventions: ResolvedIntervention[];
    agreements: ResolvedAgreement[];
    hasRegieBlock: boolean;
    regie: ResolvedRegieEntry[];
    /** The first aftercare block. */
    aftercare?: ResolvedAftercare;
    /** Every aftercare block, in source order (each is checked by VP021–VP023). */
    aftercareBlocks: ResolvedAftercare[];
    meetings: ResolvedMeeting[];
    evaluations: ResolvedEvaluation[];
}

/**
 * Resolves a linked plan. Not cached on the AST node: Langium relinks an unchanged document in
 * place when another document changes, so callers keep the model for one pass only.
 */
export function resolvePlan(plan: Plan): ResolvedPlan {
    // A later declaration of a name already declared in the plan is VP080 and takes part in no other check.
    const firsts = new Set<AstNode>();
    const seen = new Set<string>();
    for (const declaration of planDeclarations(plan)) {
        if (!seen.has(declaration.name)) {
            seen.add(declaration.name);
            firsts.add(declaration);
        }
    }
    const isFirst = (node: AstNode) => firsts.has(node);
    const periodNode = plan.items.find(isPlanPeriod);
    const periodDates = spanDates(periodNode);
    const period = periodDates.interval;
    const planEnd = period?.end;

    const members: ResolvedMember[] = planMembers(plan).filter(isFirst).map(node => ({
        node,
        name: node.name,
        kind: isValueOf('memberKind', node.kind) ? node.kind : undefined,
        born: node.born,
        age: node.born !== undefined && period ? ageInYear(node.born, period.start) : undefined,
        roles: new Set(node.roles.filter((r): r is Role => isValueOf('role', r))),
        outside: node.outside,
        noAction: node.noAction
    }));

    const supporters: ResolvedSupporter[] = planSupporters(plan).filter(isFirst).map(node => ({
        node, name: node.name, supports: resolvedAll<Member>(node.supports), aware: node.aware
    }));

    const risks: ResolvedRisk[] = plan.items.filter(isRisk).filter(isFirst).map(node => {
        const severity = firstItem(node, isSeverityItem)?.value;
        const nature = firstItem(node, isNatureItem)?.value;
        const affects = firstItem(node, isAffectsItem);
        return {
            node,
            name: node.name,
            severity: isValueOf('severity', severity) ? severity : undefined,
            nature: isValueOf('nature', nature) ? nature : undefined,
            domain: firstItem(node, isDomainItem)?.value,
            affectsHousehold: affects?.household ?? false,
            affects: affects ? resolvedAll<Member>(affects.members) : [],
            posedBy: resolvedAll<Member>(firstItem(node, isPosedByItem)?.members ?? [])
        };
    });

    const phases: ResolvedPhase[] = plan.items.filter(isPhase).map(node => ({
        node, kind: isValueOf('phaseKind', node.kind) ? node.kind : undefined, dates: spanDates(node)
    }));

    const measures = plan.items.filter(isMeasure).filter(isFirst).map(node => resolveMeasure(node, planEnd));

    const interventions: ResolvedIntervention[] = plan.items.filter(isIntervention).filter(isFirst).map(node => {
        const framework = firstItem(node, isFrameworkItem)?.value;
        const phase = firstItem(node, isInterventionPhaseItem)?.kind;
        return {
            node,
            name: node.name,
            title: node.title,
            for: itemsOf(node, isForItem).flatMap(i => resolvedAll<Member>(i.members)),
            by: resolved<Organisation>(firstItem(node, isByItem)?.organisation),
            dates: spanDates(firstItem(node, isSpanItem)),
            framework: isValueOf('framework', framework) ? framework : 'voluntary',
            addresses: itemsOf(node, isAddressesItem).flatMap(i => resolvedAll<Risk>(i.risks)),
            phase: isValueOf('phaseKind', phase) ? phase : undefined,
            fallback: firstItem(node, isFallbackItem)?.text
        };
    });

    const agreements: ResolvedAgreement[] = plan.items.filter(isAgreement).filter(isFirst).map(node => {
        const span = firstItem(node, isSpanItem);
        return {
            node,
            name: node.name,
            title: node.title,
            by: itemsOf(node, isPartiesItem).flatMap(i => resolvedAll<AgreementParty>(i.parties)),
            protects: itemsOf(node, isProtectsItem).flatMap(i => resolvedAll<Member>(i.members)),
            checkedBy: resolved<Checker>(firstItem(node, isCheckedByItem)?.checker),
            dates: span ? spanDates(span) : undefined
        };
    });

    const regieBlocks = plan.items.filter(isRegieBlock);
    const regie = resolveRegie(regieBlocks.flatMap(b => b.entries), planEnd);

    // A plan may hold several aftercare blocks (section 4: only status, period and household are
    // once-only); `aftercare` is the first, which the timeline and export show.
    const aftercareBlocks: ResolvedAftercare[] = plan.items.filter(isAftercare).map(aftercareNode => {
        const span = firstItem(aftercareNode, isSpanItem);
        const dates = span ? spanDates(span) : undefined;
        return {
            node: aftercareNode,
            owner: resolved<Organisation>(firstItem(aftercareNode, isOwnerItem)?.organisation),
            dates,
            checkpoints: itemsOf(aftercareNode, isCheckpointsItem).flatMap(c => c.offsets).map(offsetNode => {
                const offset = durationValue(offsetNode);
                return { node: offsetNode, offset, day: offset && dates?.start !== undefined ? addDuration(dates.start, offset) : undefined };
            }),
            signals: itemsOf(aftercareNode, isSignalItem).map(s => s.text),
            escalate: firstItem(aftercareNode, isEscalateItem)?.text
        };
    });
    const aftercare = aftercareBlocks[0];

    const meetings: ResolvedMeeting[] = plan.items.filter(isMeeting).map(node => ({
        node,
        day: parseDate(node.date),
        title: node.title,
        chair: resolved<Organisation>(firstItem(node, isChairItem)?.organisation),
        participants: itemsOf(node, isParticipantsItem).flatMap(p => resolvedAll<Organisation>(p.organisations)),
        clients: itemsOf(node, isClientItem).map(c => ({
            member: resolved<Member>(c.member),
            mode: isValueOf('clientMode', c.mode) ? c.mode : undefined
        }))
    }));

    const evaluations: ResolvedEvaluation[] = plan.items.filter(isEvaluation).map(node => ({
        node, day: parseDate(node.date), title: node.title
    }));

    return {
        node: plan,
        name: plan.name,
        title: plan.title,
        status: plan.items.find(isStatusItem)?.value,
        periodNode,
        period,
        members,
        supporters,
        risks,
        phases,
        measures,
        interventions,
        agreements,
        hasRegieBlock: regieBlocks.length > 0,
        regie,
        aftercare,
        aftercareBlocks,
        meetings,
        evaluations
    };
}

/**
 * A measure's terms: the first term ends where written, else after the type's `initial`, else its
 * `term max`, else its `total max`, else at the end of the plan period. Each `extend` starts where
 * the previous term ended.
 */
export function resolveMeasure(node: Measure, planEnd: Day | undefined): ResolvedMeasure {
    const typeNode = node.type?.ref;
    const type = typeNode ? measureTypeInfo(typeNode) : undefined;
    const first = firstItem(node, isSpanItem);
    const firstDates = spanDates(first);
    const terms: MeasureTerm[] = [];
    let valid = first !== undefined && firstDates.start !== undefined;
    let previousEnd: Day | undefined;
    if (first && firstDates.start !== undefined) {
        let end = firstDates.end;
        let defaultEnd = false;
        if (!firstDates.hasEnd) {
            const length = type?.initial ?? type?.termMax ?? type?.totalMax;
            end = length ? addDuration(firstDates.start, length) : planEnd;
            defaultEnd = true;
        }
        const interval = end !== undefined && end > firstDates.start ? { start: firstDates.start, end } : undefined;
        valid = interval !== undefined;
        terms.push({ node: first, interval, defaultEnd });
        previousEnd = interval?.end;
    } else if (first) {
        terms.push({ node: first, interval: undefined, defaultEnd: false });
    }
    for (const extend of itemsOf(node, isExtendItem)) {
        let interval: Interval | undefined;
        if (valid && previousEnd !== undefined) {
            let end: Day | undefined;
            if (extend.end !== undefined) end = parseDate(extend.end);
            else {
                const duration = durationValue(extend.duration);
                end = duration ? addDuration(previousEnd, duration) : undefined;
            }
            if (end !== undefined && end > previousEnd) interval = { start: previousEnd, end };
        }
        if (!interval) valid = false;
        terms.push({ node: extend, interval, defaultEnd: false });
        previousEnd = interval?.end;
    }
    const start = firstDates.start;
    const lastEnd = terms.length > 0 ? terms[terms.length - 1].interval?.end : undefined;
    return {
        node,
        name: node.name,
        type,
        on: itemsOf(node, isOnItem).flatMap(i => resolvedAll<Member>(i.members)),
        protects: itemsOf(node, isProtectsItem).flatMap(i => resolvedAll<Member>(i.members)),
        by: resolved<Organisation>(firstItem(node, isByItem)?.organisation),
        start,
        firstTermHasEnd: firstDates.hasEnd,
        terms,
        interval: valid && start !== undefined && lastEnd !== undefined ? { start, end: lastEnd } : undefined
    };
}

/**
 * Regie entries of all blocks, read together. An entry without an end lasts until the next entry
 * with a later start begins, else to the end of the plan period.
 */
export function resolveRegie(entries: readonly RegieEntry[], planEnd: Day | undefined): ResolvedRegieEntry[] {
    const starts = entries.map(e => parseDate(e.start));
    const sortedStarts = [...new Set(starts.filter((s): s is Day => s !== undefined))].sort((a, b) => a - b);
    return entries.map((node, index) => {
        const dates = spanDates(node);
        const start = starts[index];
        let end = dates.end;
        if (!dates.hasEnd && start !== undefined) {
            end = sortedStarts.find(s => s > start) ?? planEnd;
        }
        return {
            node,
            organisation: resolved<Organisation>(node.organisation),
            start,
            end,
            explicitEnd: dates.hasEnd,
            interval: start !== undefined && end !== undefined && end > start ? { start, end } : undefined,
            note: node.note
        };
    });
}
