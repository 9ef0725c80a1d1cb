/**
 * The resolved meaning of a plan: every period as a half-open interval of day numbers, default
 * ends applied (spec sections 1, 4 and 6), references followed. The checks, the timeline, the
 * export and the semantic diff all read this one model, so they can never disagree about what a
 * plan says. Building it walks the plan once; it never throws on a broken plan: whatever cannot
 * be resolved (a missing item, an invalid date, an unresolved reference) is left `undefined`.
 */

import type { AstNode, Reference } from 'langium';
import {
    type ActionItem, type ActionOwner, type AffectsItem, type Aftercare, type Agreement, type AgreementParty, type ByItem, type ChairItem, type CheckedByItem,
    type DomainItem, type Duration, type EndedItem, type EscalateItem, type Evaluation, type ExtendItem, type FallbackItem,
    type FrameworkItem, type Incident, type Intervention, type InterventionPhaseItem, type Measure, type Meeting,
    type Member, type NatureItem, type Organisation, type OwnerItem, type Phase, type Plan, type PlanPeriod,
    type PosedByItem, type RegieEntry, type Risk, type SeverityItem, type SpanItem, type StatusItem, type Supporter
} from '../generated/ast.js';
import { addDurationInRange, ageInYear, isBirthYear, parseDate, type Day, type DurationValue } from './dates.js';
import { planNamespace, type PlanDeclaration } from './ast-queries.js';
import {
    checkerView, durationValue, measureTypeView, organisationView, type CheckerView, type MeasureTypeView, type OrganisationView
} from './declaration-views.js';
import {
    isValueOf, type ClientMode, type EndedReason, type Framework, type MemberKind, type Nature, type PhaseKind, type Role, type Severity
} from './vocabulary.js';

export { durationValue, hasLimit, type MeasureTypeView, type OrganisationView } from './declaration-views.js';

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
        // An end after 9999-12-31 is invalid, like a date that does not exist (VP060).
        end = duration ? addDurationInRange(start, duration) : undefined;
    }
    const interval = start !== undefined && end !== undefined && end > start ? { start, end } : undefined;
    return { start, end, hasEnd, interval };
}

function resolved<T>(ref: Reference<T & { $type: string }> | undefined): T | undefined {
    return ref?.ref as T | undefined;
}

function resolvedAll<T>(refs: ReadonlyArray<Reference<T & { $type: string }>>): T[] {
    const result: T[] = [];
    for (const reference of refs) {
        const target = reference.ref as T | undefined;
        if (target !== undefined) result.push(target);
    }
    return result;
}

/** Appends the targets of the references that resolve, in order. */
function pushResolved<T extends AstNode>(into: T[], references: ReadonlyArray<Reference<T>>): void {
    for (const reference of references) {
        const target = reference.ref;
        if (target !== undefined) into.push(target);
    }
}

/** The view of an organisation reference that resolves. */
function resolvedOrganisation(reference: Reference<Organisation> | undefined): OrganisationView | undefined {
    const target = reference?.ref;
    return target ? organisationView(target) : undefined;
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
    type?: MeasureTypeView;
    on: Member[];
    protects: Member[];
    by?: OrganisationView;
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
    by?: OrganisationView;
    /** The planned period, as written. */
    dates: SpanDates;
    framework: Framework;
    addresses: Risk[];
    phase?: PhaseKind;
    fallback?: string;
    /** v2: when and why the help actually stopped. */
    ended?: ResolvedEnded;
    /**
     * The days the help really runs: the planned interval cut short by a valid `ended` date (an
     * `ended` on or after the planned end changes nothing). Undefined when the planned interval is
     * invalid, or when `ended` is on or before the start (VP060).
     */
    interval?: Interval;
}

export interface ResolvedEnded {
    node: EndedItem;
    /** Undefined when the date is not a valid date (VP060). */
    day?: Day;
    reason?: EndedReason;
}

export interface ResolvedAgreement {
    node: Agreement;
    name: string;
    title?: string;
    by: AgreementParty[];
    protects: Member[];
    checkedBy?: CheckerView;
    /** Undefined when the agreement has no `from`: it then holds for the whole plan. */
    dates?: SpanDates;
}

export interface ResolvedRegieEntry {
    node: RegieEntry;
    organisation?: OrganisationView;
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
    owner?: OrganisationView;
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
    chair?: OrganisationView;
    participants: OrganisationView[];
    clients: ResolvedClient[];
    /** v2: what the meeting decided. */
    actions: ResolvedAction[];
}

/** v2: a meeting's `action STRING owner REF due DATE`. */
export interface ResolvedAction {
    node: ActionItem;
    text?: string;
    /** An organisation, or a member or supporter of the plan; undefined when it does not resolve. */
    owner?: OrganisationView | Member | Supporter;
    /** The last day it is due (inclusive); undefined when invalid. */
    due?: Day;
}

/** v2: a new incident or report during the plan. */
export interface ResolvedIncident {
    node: Incident;
    day?: Day;
    title?: string;
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
    /** v2: incidents, in source order. */
    incidents: ResolvedIncident[];
    evaluations: ResolvedEvaluation[];
}

/**
 * Resolves a linked plan. Not cached on the AST node: Langium relinks an unchanged document in
 * place when another document changes, so callers keep the model for one pass only.
 */
export function resolvePlan(plan: Plan): ResolvedPlan {
    // A later declaration of a name already declared in the plan is VP080 and takes part in no other check.
    const { duplicates } = planNamespace(plan);
    const isFirst = (node: PlanDeclaration) => !duplicates.has(node);

    // One pass sorts the plan's items by kind (item types have no subtypes: `$type` is the type test).
    let statusItem: StatusItem | undefined;
    let periodNode: PlanPeriod | undefined;
    const memberNodes: Member[] = [];
    const supporterNodes: Supporter[] = [];
    const riskNodes: Risk[] = [];
    const phaseNodes: Phase[] = [];
    const measureNodes: Measure[] = [];
    const interventionNodes: Intervention[] = [];
    const agreementNodes: Agreement[] = [];
    const regieEntries: RegieEntry[] = [];
    const aftercareNodes: Aftercare[] = [];
    const meetingNodes: Meeting[] = [];
    const incidentNodes: Incident[] = [];
    const evaluationNodes: Evaluation[] = [];
    let hasRegieBlock = false;
    for (const item of plan.items) {
        switch (item.$type) {
            case 'StatusItem': statusItem ??= item; break;
            case 'PlanPeriod': periodNode ??= item; break;
            case 'Household': for (const member of item.members) if (isFirst(member)) memberNodes.push(member); break;
            case 'Network': for (const supporter of item.supporters) if (isFirst(supporter)) supporterNodes.push(supporter); break;
            case 'Risk': if (isFirst(item)) riskNodes.push(item); break;
            case 'Phase': phaseNodes.push(item); break;
            case 'Measure': if (isFirst(item)) measureNodes.push(item); break;
            case 'Intervention': if (isFirst(item)) interventionNodes.push(item); break;
            case 'Agreement': if (isFirst(item)) agreementNodes.push(item); break;
            case 'RegieBlock': hasRegieBlock = true; for (const entry of item.entries) regieEntries.push(entry); break;
            case 'Aftercare': aftercareNodes.push(item); break;
            case 'Meeting': meetingNodes.push(item); break;
            case 'Incident': incidentNodes.push(item); break;
            case 'Evaluation': evaluationNodes.push(item); break;
        }
    }
    const periodDates = spanDates(periodNode);
    const period = periodDates.interval;
    const planEnd = period?.end;

    const members: ResolvedMember[] = memberNodes.map(node => ({
        node,
        name: node.name,
        kind: isValueOf('memberKind', node.kind) ? node.kind : undefined,
        born: node.born,
        // A `born` outside 1900–9999 is VP060; the checks that need the age stay silent.
        age: node.born !== undefined && isBirthYear(node.born) && period ? ageInYear(node.born, period.start) : undefined,
        roles: new Set(node.roles.filter((r): r is Role => isValueOf('role', r))),
        outside: node.outside,
        noAction: node.noAction
    }));

    const supporters: ResolvedSupporter[] = supporterNodes.map(node => ({
        node, name: node.name, supports: resolvedAll<Member>(node.supports), aware: node.aware
    }));

    const risks: ResolvedRisk[] = riskNodes.map(resolveRisk);

    const phases: ResolvedPhase[] = phaseNodes.map(node => ({
        node, kind: isValueOf('phaseKind', node.kind) ? node.kind : undefined, dates: spanDates(node)
    }));

    const measures = measureNodes.map(node => resolveMeasure(node, planEnd));

    const interventions: ResolvedIntervention[] = interventionNodes.map(resolveIntervention);

    const agreements: ResolvedAgreement[] = agreementNodes.map(resolveAgreement);

    const regie = resolveRegie(regieEntries, planEnd);

    // A plan may hold several aftercare blocks (section 4: only status, period and household are
    // once-only); every view shows all of them, and `aftercare` is the first (the export's own field).
    const aftercareBlocks: ResolvedAftercare[] = aftercareNodes.map(resolveAftercare);
    const aftercare = aftercareBlocks[0];

    const meetings: ResolvedMeeting[] = meetingNodes.map(resolveMeeting);

    const incidents: ResolvedIncident[] = incidentNodes.map(node => ({
        node, day: parseDate(node.date), title: node.title
    }));

    const evaluations: ResolvedEvaluation[] = evaluationNodes.map(node => ({
        node, day: parseDate(node.date), title: node.title
    }));

    return {
        node: plan,
        name: plan.name,
        title: plan.title,
        status: statusItem?.value,
        periodNode,
        period,
        members,
        supporters,
        risks,
        phases,
        measures,
        interventions,
        agreements,
        hasRegieBlock,
        regie,
        aftercare,
        aftercareBlocks,
        meetings,
        incidents,
        evaluations
    };
}

// The constructs below read their items in one pass each, with `$type` as the type test (item
// types have no subtypes): a guard per item kind would walk the items once per kind. The first
// item of a kind counts (a repeated one is VP005); list items (`for`, `addresses`, ...) add up.

function resolveRisk(node: Risk): ResolvedRisk {
    let severity: SeverityItem | undefined;
    let nature: NatureItem | undefined;
    let domain: DomainItem | undefined;
    let affects: AffectsItem | undefined;
    let posedBy: PosedByItem | undefined;
    for (const item of node.items) {
        switch (item.$type) {
            case 'SeverityItem': severity ??= item; break;
            case 'NatureItem': nature ??= item; break;
            case 'DomainItem': domain ??= item; break;
            case 'AffectsItem': affects ??= item; break;
            case 'PosedByItem': posedBy ??= item; break;
        }
    }
    return {
        node,
        name: node.name,
        severity: isValueOf('severity', severity?.value) ? severity.value : undefined,
        nature: isValueOf('nature', nature?.value) ? nature.value : undefined,
        domain: domain?.value,
        affectsHousehold: affects?.household ?? false,
        affects: affects ? resolvedAll<Member>(affects.members) : [],
        posedBy: resolvedAll<Member>(posedBy?.members ?? [])
    };
}

function resolveIntervention(node: Intervention): ResolvedIntervention {
    const forMembers: Member[] = [];
    const addresses: Risk[] = [];
    let by: ByItem | undefined;
    let span: SpanItem | undefined;
    let framework: FrameworkItem | undefined;
    let phase: InterventionPhaseItem | undefined;
    let fallback: FallbackItem | undefined;
    let ended: EndedItem | undefined;
    for (const item of node.items) {
        switch (item.$type) {
            case 'ForItem': pushResolved(forMembers, item.members); break;
            case 'ByItem': by ??= item; break;
            case 'SpanItem': span ??= item; break;
            case 'FrameworkItem': framework ??= item; break;
            case 'AddressesItem': pushResolved(addresses, item.risks); break;
            case 'InterventionPhaseItem': phase ??= item; break;
            case 'FallbackItem': fallback ??= item; break;
            case 'EndedItem': ended ??= item; break;
        }
    }
    const dates = spanDates(span);
    const endedInfo: ResolvedEnded | undefined = ended
        ? { node: ended, day: parseDate(ended.date), reason: isValueOf('endedReason', ended.reason) ? ended.reason : undefined }
        : undefined;
    return {
        node,
        name: node.name,
        title: node.title,
        for: forMembers,
        by: resolvedOrganisation(by?.organisation),
        dates,
        framework: isValueOf('framework', framework?.value) ? framework.value : 'voluntary',
        addresses,
        phase: isValueOf('phaseKind', phase?.kind) ? phase.kind : undefined,
        fallback: fallback?.text,
        ended: endedInfo,
        interval: effectiveInterval(dates.interval, endedInfo)
    };
}

/** The planned interval cut short by a valid `ended` date; undefined when `ended` lies on or before the start. */
function effectiveInterval(planned: Interval | undefined, ended: ResolvedEnded | undefined): Interval | undefined {
    if (!planned || !ended) return planned;
    if (ended.day === undefined) return undefined;
    if (ended.day <= planned.start) return undefined;
    return ended.day < planned.end ? { start: planned.start, end: ended.day } : planned;
}

function resolveAgreement(node: Agreement): ResolvedAgreement {
    const by: AgreementParty[] = [];
    const protects: Member[] = [];
    let checkedBy: CheckedByItem | undefined;
    let span: SpanItem | undefined;
    for (const item of node.items) {
        switch (item.$type) {
            case 'PartiesItem': pushResolved(by, item.parties); break;
            case 'ProtectsItem': pushResolved(protects, item.members); break;
            case 'CheckedByItem': checkedBy ??= item; break;
            case 'SpanItem': span ??= item; break;
        }
    }
    return {
        node,
        name: node.name,
        title: node.title,
        by,
        protects,
        checkedBy: checkedBy?.checker?.ref ? checkerView(checkedBy.checker.ref) : undefined,
        dates: span ? spanDates(span) : undefined
    };
}

function resolveAftercare(node: Aftercare): ResolvedAftercare {
    let owner: OwnerItem | undefined;
    let span: SpanItem | undefined;
    let escalate: EscalateItem | undefined;
    const offsets: Duration[] = [];
    const signals: string[] = [];
    for (const item of node.items) {
        switch (item.$type) {
            case 'OwnerItem': owner ??= item; break;
            case 'SpanItem': span ??= item; break;
            case 'CheckpointsItem': for (const offset of item.offsets) offsets.push(offset); break;
            case 'SignalItem': signals.push(item.text); break;
            case 'EscalateItem': escalate ??= item; break;
        }
    }
    const dates = span ? spanDates(span) : undefined;
    return {
        node,
        owner: resolvedOrganisation(owner?.organisation),
        dates,
        checkpoints: offsets.map(offsetNode => {
            const offset = durationValue(offsetNode);
            return { node: offsetNode, offset, day: offset && dates?.start !== undefined ? addDurationInRange(dates.start, offset) : undefined };
        }),
        signals,
        escalate: escalate?.text
    };
}

function resolveMeeting(node: Meeting): ResolvedMeeting {
    let chair: ChairItem | undefined;
    const participants: OrganisationView[] = [];
    const clients: ResolvedClient[] = [];
    const actions: ResolvedAction[] = [];
    for (const item of node.items) {
        switch (item.$type) {
            case 'ChairItem': chair ??= item; break;
            case 'ParticipantsItem':
                for (const reference of item.organisations) {
                    const organisation = resolvedOrganisation(reference);
                    if (organisation) participants.push(organisation);
                }
                break;
            case 'ClientItem': clients.push({ member: resolved<Member>(item.member), mode: isValueOf('clientMode', item.mode) ? item.mode : undefined }); break;
            case 'ActionItem': actions.push({ node: item, text: item.text, owner: actionOwner(item.owner?.ref), due: parseDate(item.date) }); break;
        }
    }
    return {
        node,
        day: parseDate(node.date),
        title: node.title,
        chair: resolvedOrganisation(chair?.organisation),
        participants,
        clients,
        actions
    };
}

function actionOwner(target: ActionOwner | undefined): OrganisationView | Member | Supporter | undefined {
    if (!target) return undefined;
    return target.$type === 'Organisation' ? organisationView(target as Organisation) : target as Member | Supporter;
}

/**
 * A measure's terms: the first term ends where written, else after the type's `initial`, else its
 * `term max`, else its `total max`, else at the end of the plan period. Each `extend` starts where
 * the previous term ended.
 */
export function resolveMeasure(node: Measure, planEnd: Day | undefined): ResolvedMeasure {
    const typeNode = node.type?.ref;
    const type = typeNode ? measureTypeView(typeNode) : undefined;
    const on: Member[] = [];
    const protects: Member[] = [];
    const extensions: ExtendItem[] = [];
    let first: SpanItem | undefined;
    let by: ByItem | undefined;
    for (const item of node.items) {
        switch (item.$type) {
            case 'OnItem': pushResolved(on, item.members); break;
            case 'ProtectsItem': pushResolved(protects, item.members); break;
            case 'ByItem': by ??= item; break;
            case 'SpanItem': first ??= item; break;
            case 'ExtendItem': extensions.push(item); break;
        }
    }
    const firstDates = spanDates(first);
    const terms: MeasureTerm[] = [];
    let valid = first !== undefined && firstDates.start !== undefined;
    let previousEnd: Day | undefined;
    if (first && firstDates.start !== undefined) {
        let end = firstDates.end;
        let defaultEnd = false;
        if (!firstDates.hasEnd) {
            const length = type?.initial ?? type?.termMax ?? type?.totalMax;
            end = length ? addDurationInRange(firstDates.start, length) : planEnd;
            defaultEnd = true;
        }
        const interval = end !== undefined && end > firstDates.start ? { start: firstDates.start, end } : undefined;
        valid = interval !== undefined;
        terms.push({ node: first, interval, defaultEnd });
        previousEnd = interval?.end;
    } else if (first) {
        terms.push({ node: first, interval: undefined, defaultEnd: false });
    }
    for (const extend of extensions) {
        let interval: Interval | undefined;
        if (valid && previousEnd !== undefined) {
            let end: Day | undefined;
            if (extend.end !== undefined) end = parseDate(extend.end);
            else {
                const duration = durationValue(extend.duration);
                end = duration ? addDurationInRange(previousEnd, duration) : undefined;
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
        on,
        protects,
        by: resolvedOrganisation(by?.organisation),
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
            organisation: resolvedOrganisation(node.organisation),
            start,
            end,
            explicitEnd: dates.hasEnd,
            interval: start !== undefined && end !== undefined && end > start ? { start, end } : undefined,
            note: node.note
        };
    });
}
