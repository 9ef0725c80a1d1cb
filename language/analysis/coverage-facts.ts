/**
 * Coverage: what covers each household member, by name and over time. The one home of "covered":
 * VP001–VP004, the hover, the code lens and the timeline's uncovered days all read these facts.
 *
 * - By name (VP001): the member is the subject of an intervention (`for`) or a measure (`on`), or is
 *   protected (`protects`) by a measure or an agreement. A `no-action` with a reason excuses the
 *   member; an empty reason does not.
 * - Approached (VP002): `for` an intervention or `on` a measure.
 * - Protected as a child (VP003): `for` an intervention, protected by a measure or agreement, or `on`
 *   a measure whose type has `subject minor`.
 * - Over time (VP004, the timeline): the days of the plan period on which none of those items runs,
 *   each over its own period (an intervention cut short by `ended`; an agreement without `from`
 *   holds for the whole plan).
 */

import type { Member } from '../generated/ast.js';
import type {
    Interval, ResolvedAgreement, ResolvedIntervention, ResolvedMeasure, ResolvedMember, ResolvedPlan
} from '../model/plan-model.js';
import { uncoveredIntervals } from './intervals.js';

/** How an item names a member: as its subject (`on`, `for`) or protected (`protects`). */
export type CoverRelation = 'on' | 'for' | 'protects';

export type CoverItem =
    | { kind: 'measure'; item: ResolvedMeasure; relation: 'on' | 'protects'; interval?: Interval }
    | { kind: 'intervention'; item: ResolvedIntervention; relation: 'for'; interval?: Interval }
    | { kind: 'agreement'; item: ResolvedAgreement; relation: 'protects'; interval?: Interval };

/** What VP001 concludes for a member: covered by an item, excused by `no-action`, or neither. */
export type CoverageStatus = 'covered' | 'no-action' | 'uncovered';

export interface MemberCoverage {
    member: ResolvedMember;
    /** Every item that names the member, in the order measures, interventions, agreements (source order within). */
    items: CoverItem[];
    /** Named by at least one item (VP001's "covered"). */
    named: boolean;
    /** `for` an intervention or `on` a measure (VP002). */
    approached: boolean;
    /** `for` an intervention, protected, or `on` a measure of a type with `subject minor` (VP003). */
    protectedAsChild: boolean;
    /** `on` a measure whose type does not resolve: it might be a child-protection measure (VP003 stays silent). */
    onUnknownType: boolean;
    /** The `no-action` reason when it has one that is not blank. */
    noActionReason?: string;
    /** `no-action ""`: written, but without a reason, so it excuses nothing. */
    emptyNoAction: boolean;
    status: CoverageStatus;
    /**
     * The stretches of the plan period on which nothing covers the member, in calendar order.
     * Empty for a member excused by `no-action`; undefined without a valid plan period. Items with
     * invalid dates count for nothing here (see `datesKnown`).
     */
    uncovered?: Interval[];
    /** Whether every item that names the member has a valid period (VP004 is silent otherwise). */
    datesKnown: boolean;
}

export interface CoverageFacts {
    members: MemberCoverage[];
    /** The coverage of a member declaration of this plan. */
    of(member: Member): MemberCoverage | undefined;
}

export function computeCoverage(plan: ResolvedPlan): CoverageFacts {
    const itemsByMember = new Map<Member, CoverItem[]>();
    const add = (member: Member, entry: CoverItem) => {
        const list = itemsByMember.get(member);
        if (list) list.push(entry);
        else itemsByMember.set(member, [entry]);
    };
    for (const measure of plan.measures) {
        for (const member of measure.on) add(member, { kind: 'measure', item: measure, relation: 'on', interval: measure.interval });
        for (const member of measure.protects) add(member, { kind: 'measure', item: measure, relation: 'protects', interval: measure.interval });
    }
    for (const intervention of plan.interventions) {
        for (const member of intervention.for) add(member, { kind: 'intervention', item: intervention, relation: 'for', interval: intervention.interval });
    }
    for (const agreement of plan.agreements) {
        const interval = agreement.dates === undefined ? plan.period : agreement.dates.interval;
        for (const member of agreement.protects) add(member, { kind: 'agreement', item: agreement, relation: 'protects', interval });
    }

    const members = plan.members.map(member => {
        const items = itemsByMember.get(member.node) ?? [];
        const named = items.length > 0;
        const approached = items.some(entry => entry.relation === 'for' || entry.relation === 'on');
        const onUnknownType = items.some(entry => entry.kind === 'measure' && entry.relation === 'on' && !entry.item.type);
        const protectedAsChild = items.some(entry =>
            entry.relation === 'for' || entry.relation === 'protects' || (entry.kind === 'measure' && entry.item.type?.subject === 'minor'));
        const hasReason = member.noAction !== undefined && member.noAction.trim() !== '';
        const status: CoverageStatus = named ? 'covered' : hasReason ? 'no-action' : 'uncovered';
        const covered: Interval[] = [];
        let datesKnown = true;
        for (const entry of items) {
            if (entry.interval) covered.push(entry.interval);
            else datesKnown = false;
        }
        const uncovered = !plan.period ? undefined : hasReason ? [] : uncoveredIntervals(plan.period, covered);
        return {
            member, items, named, approached, protectedAsChild, onUnknownType,
            noActionReason: hasReason ? member.noAction : undefined,
            emptyNoAction: member.noAction !== undefined && !hasReason,
            status, uncovered, datesKnown
        } satisfies MemberCoverage;
    });
    const byNode = new Map(members.map(coverage => [coverage.member.node, coverage]));
    return { members, of: member => byNode.get(member) };
}

/**
 * The first stretch without cover longer than `maxGapDays` (VP004), when the member's cover over
 * time is known: a valid plan period, and a valid period for every item that names the member.
 */
export function firstLongGap(coverage: MemberCoverage, maxGapDays: number): Interval | undefined {
    if (!coverage.datesKnown || !coverage.uncovered) return undefined;
    return coverage.uncovered.find(stretch => stretch.end - stretch.start > maxGapDays);
}

/** Whether a member is covered by name and all along (no stretch without cover longer than `maxGapDays`). */
export function coveredAllAlong(coverage: MemberCoverage, maxGapDays: number): boolean {
    return coverage.status !== 'uncovered' && firstLongGap(coverage, maxGapDays) === undefined;
}
