/**
 * Measures that need another measure (v2, a measure type's `requires`): the days of the plan
 * period on which such a measure runs while no measure of a required type runs on the same member
 * (a *machtiging uithuisplaatsing* outside an OTS). VP034 reports the first such stretch of each
 * measure and its quick fix reads the rest; the hover and the timeline can show every stretch.
 *
 * No cascades (spec section 7): a measure is judged only when its type resolves in full (every
 * name in `requires` too) and its terms are valid, and only within a valid plan period. A member is
 * not judged while another measure `on` them has a type that does not resolve (it may be the
 * required one, misspelt) or is of a required type with invalid terms (its days are unknown); no
 * member is judged while a measure that may be a required one names a member that does not resolve.
 */

import { addDuration } from '../model/dates.js';
import type { Member } from '../generated/ast.js';
import type { Interval, MeasureTypeView, ResolvedMeasure, ResolvedPlan } from '../model/plan-model.js';

/** Consecutive days of the plan period on which a member has none of the required measures running. */
export interface RequirementGap extends Interval {
    member: Member;
    /** A measure of a required type on the member that ends on the gap's first day: extending it closes the gap. */
    previous?: ResolvedMeasure;
    /** `extend to` the gap's end on `previous` stays within its type's `term max` and `total max`. */
    previousCanExtend: boolean;
    /**
     * The required type to suggest for a measure over the gap: the first in `requires` that may be
     * imposed on the member and lasts the gap in one term, as far as the plan's own measures show
     * its type (a type no measure of the plan uses is not known here); else the first.
     */
    suggestedType: string;
}

export interface MeasureRequirement {
    measure: ResolvedMeasure;
    /** The names of the required types (the measure type's `requires`). */
    requires: readonly string[];
    /** Every gap of every judged member, sorted by first day, then by the member's place in `on`. */
    gaps: RequirementGap[];
}

/** The measures whose type requires others and that can be judged, each with its gaps (empty when it is fine). */
export function computeRequirements(plan: ResolvedPlan): MeasureRequirement[] {
    const period = plan.period;
    if (!period) return [];
    const result: MeasureRequirement[] = [];
    const knownTypes = new Map<string, MeasureTypeView>();
    for (const measure of plan.measures) if (measure.type) knownTypes.set(measure.type.name, measure.type);
    for (const measure of plan.measures) {
        const type = measure.type;
        if (!type || type.requires.length === 0 || type.requiresUnresolved || !measure.interval) continue;
        const window = { start: Math.max(measure.interval.start, period.start), end: Math.min(measure.interval.end, period.end) };
        if (window.end <= window.start) {
            result.push({ measure, requires: type.requires, gaps: [] });
            continue;
        }
        const requires = new Set(type.requires);
        const others = plan.measures.filter(other => other !== measure);
        // A measure that may be a required one (unknown type, or a required type) but names a member that does not resolve.
        const unknownSubject = others.some(other => (!other.type || requires.has(other.type.name)) && hasUnresolvedOn(other));
        if (unknownSubject) continue;
        const gaps: RequirementGap[] = [];
        for (const member of new Set(measure.on)) {
            const onMember = others.filter(other => other.on.includes(member));
            if (onMember.some(other => !other.type || (requires.has(other.type.name) && !other.interval))) continue;
            const required = onMember.filter(other => requires.has(other.type!.name)) as Array<ResolvedMeasure & { interval: Interval }>;
            for (const gap of uncovered(window, required.map(other => other.interval))) {
                const previous = required.find(other => other.interval.end === gap.start);
                const suggestedType = type.requires.find(name => fits(knownTypes.get(name), member, gap)) ?? type.requires[0];
                gaps.push({ ...gap, member, previous, previousCanExtend: previous !== undefined && canExtend(previous, gap.end), suggestedType });
            }
        }
        const order = measure.on;
        gaps.sort((a, b) => a.start - b.start || order.indexOf(a.member) - order.indexOf(b.member));
        result.push({ measure, requires: type.requires, gaps });
    }
    return result;
}

/** The stretches of `window` that none of `intervals` covers: one sweep over them sorted by start. */
function uncovered(window: Interval, intervals: readonly Interval[]): Interval[] {
    const gaps: Interval[] = [];
    let cursor = window.start;
    for (const interval of [...intervals].sort((a, b) => a.start - b.start)) {
        if (cursor >= window.end) break;
        if (interval.end <= cursor) continue;
        if (interval.start > cursor) gaps.push({ start: cursor, end: Math.min(interval.start, window.end) });
        cursor = Math.max(cursor, interval.end);
    }
    if (cursor < window.end) gaps.push({ start: cursor, end: window.end });
    return gaps;
}

/** Whether an `extend to END` after the measure's last term keeps within its type's limits. */
function canExtend(measure: ResolvedMeasure & { interval: Interval }, end: number): boolean {
    const type = measure.type;
    if (!type) return false;
    if (type.termMax && addDuration(measure.interval.end, type.termMax) < end) return false;
    if (type.totalMax && addDuration(measure.interval.start, type.totalMax) < end) return false;
    return true;
}

/** Whether a measure of the type (when known) may be imposed on the member and last the interval in one term. */
export function fits(type: MeasureTypeView | undefined, member: Member, interval: Interval): boolean {
    if (!type) return true;
    if ((type.subject === 'adult' && member.kind === 'child') || (type.subject === 'minor' && member.kind === 'adult')) return false;
    return [type.termMax, type.totalMax].every(limit => limit === undefined || addDuration(interval.start, limit) >= interval.end);
}

/** Whether a measure's `on` names a member that does not resolve: its references outnumber the members resolved. */
function hasUnresolvedOn(measure: ResolvedMeasure): boolean {
    let written = 0;
    for (const item of measure.node.items) if (item.$type === 'OnItem') written += item.members.length;
    return written > measure.on.length;
}
