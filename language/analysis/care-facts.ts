/**
 * Drop-out (*uitval*) and its follow-up: which intervention a member dropped out of, on which day,
 * and what help or measure follows. VP042, the hover and the timeline (ended help drawn up to its
 * `ended` date, and what took over) read these facts.
 *
 * - A drop-out is an intervention with a valid `ended DATE dropout`, after its start (an `ended` on
 *   or before the start is VP060 and counts for nothing here). `DATE` is the first day without the
 *   help, as the end of every period.
 * - A follow-up of a member is another intervention `for` them or a measure `on` them that still
 *   runs on the `ended` date or later; it follows from its first day on or after that date. For a
 *   perpetrator who dropped out of `voluntary` help only `drang` or `dwang` help counts (any measure
 *   counts).
 * - How many days a follow-up may take is a setting (`coverage.followUpDays`): `followUpWithin`
 *   answers for a number of days, the facts themselves do not depend on settings.
 */

import { isFrameworkItem, type Member } from '../generated/ast.js';
import type { Day } from '../model/dates.js';
import type { ResolvedIntervention, ResolvedMeasure, ResolvedMember, ResolvedPlan } from '../model/plan-model.js';
import { isValueOf, type Framework } from '../model/vocabulary.js';
import type { CoverageFacts } from './coverage-facts.js';

export type FollowUp =
    | { kind: 'intervention'; item: ResolvedIntervention; from: Day; framework?: Framework }
    | { kind: 'measure'; item: ResolvedMeasure; from: Day };

export interface DropOutMember {
    member: ResolvedMember;
    /** A perpetrator who dropped out of voluntary help: only drang or dwang help (or a measure) follows up. */
    needsDrangOrDwang: boolean;
    /**
     * Other interventions `for` the member and measures `on` them that run on the `ended` date or
     * later, by the first day they run from then on (source order for equal days). An intervention
     * whose `framework` is not a value word (VP000) has no `framework` here.
     */
    followUps: FollowUp[];
    /** Whether every other intervention for the member and every measure on them has a valid period. */
    datesKnown: boolean;
}

export interface DropOut {
    intervention: ResolvedIntervention;
    /** The `ended` date: the first day without the help. */
    day: Day;
    /** Whether the `ended` date lies inside the plan period; undefined without a valid plan period. */
    insidePlan?: boolean;
    /**
     * Whether the dropped intervention's framework is known (not a misspelt value word, VP000):
     * when it is not, whether a perpetrator needs drang or dwang help is unknown too.
     */
    frameworkKnown: boolean;
    /** One entry per member the intervention is `for`, in the order of its `for` list. */
    members: DropOutMember[];
}

export interface DropOutFacts {
    /** Interventions with a valid `ended ... dropout`, in source order. */
    dropOuts: DropOut[];
    /** The drop-out of an intervention, when it has one. */
    of(intervention: ResolvedIntervention): DropOut | undefined;
}

export function computeDropOuts(plan: ResolvedPlan, coverage: CoverageFacts): DropOutFacts {
    const dropOuts: DropOut[] = [];
    for (const intervention of plan.interventions) {
        const ended = intervention.ended;
        if (ended?.reason !== 'dropout' || ended.day === undefined) continue;
        const start = intervention.dates.start;
        if (start !== undefined && ended.day <= start) continue; // VP060: not a drop-out at all
        const day = ended.day;
        const framework = writtenFramework(intervention);
        const frameworkKnown = framework !== null;
        const members: DropOutMember[] = [];
        const seen = new Set<Member>();
        for (const memberNode of intervention.for) {
            if (seen.has(memberNode)) continue;
            seen.add(memberNode);
            const memberCoverage = coverage.of(memberNode);
            if (!memberCoverage) continue;
            const followUps: FollowUp[] = [];
            let datesKnown = true;
            for (const entry of memberCoverage.items) {
                if (entry.kind === 'intervention' && entry.item !== intervention) {
                    if (!entry.interval) { datesKnown = false; continue; }
                    if (entry.interval.end <= day) continue;
                    const followUpFramework = writtenFramework(entry.item);
                    followUps.push({ kind: 'intervention', item: entry.item, from: Math.max(entry.interval.start, day), framework: followUpFramework ?? undefined });
                } else if (entry.kind === 'measure' && entry.relation === 'on') {
                    if (!entry.interval) { datesKnown = false; continue; }
                    if (entry.interval.end <= day) continue;
                    followUps.push({ kind: 'measure', item: entry.item, from: Math.max(entry.interval.start, day) });
                }
            }
            // A stable sort keeps source order (measures, then interventions) for equal days.
            followUps.sort((a, b) => a.from - b.from);
            members.push({
                member: memberCoverage.member,
                needsDrangOrDwang: memberCoverage.member.roles.has('perpetrator') && framework === 'voluntary',
                followUps,
                datesKnown
            });
        }
        const insidePlan = plan.period ? plan.period.start <= day && day < plan.period.end : undefined;
        dropOuts.push({ intervention, day, insidePlan, frameworkKnown, members });
    }
    const byIntervention = new Map(dropOuts.map(dropOut => [dropOut.intervention, dropOut]));
    return { dropOuts, of: intervention => byIntervention.get(intervention) };
}

/**
 * The framework as written: the value, `voluntary` when none is written, `null` when the written
 * word is not a framework (VP000: what was meant is unknown).
 */
function writtenFramework(intervention: ResolvedIntervention): Framework | null {
    const item = intervention.node.items.find(isFrameworkItem);
    if (!item) return 'voluntary';
    return isValueOf('framework', item.value) ? item.value : null;
}

/** Whether a follow-up counts for the member: any measure; for a perpetrator out of voluntary help, drang or dwang help only. */
export function followUpCounts(member: DropOutMember, followUp: FollowUp): boolean | undefined {
    if (followUp.kind === 'measure' || !member.needsDrangOrDwang) return true;
    if (followUp.framework === undefined) return undefined;
    return followUp.framework !== 'voluntary';
}

/**
 * What follows a member's drop-out within `days` days (the `ended` date through `days` days later,
 * both included): the first follow-up that counts, `'unknown'` when one that runs then might count
 * but its framework is misspelt, or undefined when nothing follows in time.
 */
export function followUpWithin(dropOut: DropOut, member: DropOutMember, days: number): FollowUp | 'unknown' | undefined {
    let unknown = false;
    for (const followUp of member.followUps) {
        if (followUp.from > dropOut.day + days) break;
        const counts = followUpCounts(member, followUp);
        if (counts) return followUp;
        if (counts === undefined) unknown = true;
    }
    return unknown ? 'unknown' : undefined;
}
