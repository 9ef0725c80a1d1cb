/**
 * Regie: who holds casusregie when. The one home of regie periods, gaps, overlaps and handovers:
 * VP010–VP013, their quick fixes, the code lens, the hover and the timeline read these facts.
 *
 * Entries of all `regie` blocks are read together; the model (plan-model.ts) gives each its implied
 * end (an open entry lasts until the next later start, else to the plan end). Every period is
 * half-open, so a handover `to D` / `from D` has neither a gap nor an overlap.
 */

import type { Day } from '../model/dates.js';
import type { Interval, ResolvedPlan, ResolvedRegieEntry } from '../model/plan-model.js';
import { overlapIntervals } from './intervals.js';

/** A regie entry with usable dates. */
export interface RegieSegment {
    entry: ResolvedRegieEntry;
    /** The entry's position among the entries of all regie blocks, in source order. */
    index: number;
    start: Day;
    /** Exclusive end; Infinity for an open entry when there is no plan end to stop at. */
    end: number;
    /** The holder's name as written (also when it does not resolve). */
    holder: string;
}

/** Days of the plan period nobody holds regie. */
export interface RegieGap extends Interval {
    /** The segment that ends where the gap starts (absent when the gap opens the plan). */
    previous?: RegieSegment;
    /** The segment that starts where the gap ends (absent when the gap runs to the plan end). */
    next?: RegieSegment;
}

/** A segment that starts while an earlier one still runs (VP012 reports it on the later one). */
export interface RegieOverlap {
    later: RegieSegment;
    /** The earlier segment reaching furthest when the later one starts. */
    earlier: RegieSegment;
    /** The first shared day. */
    start: Day;
    /** The first day no longer shared; Infinity when both are open. */
    end: number;
}

export interface RegieHandover {
    day: Day;
    from: RegieSegment;
    to: RegieSegment;
}

export interface RegieFacts {
    /** Whether the plan has a `regie` block (an empty block is VP010 too, but not "missing"). */
    hasBlock: boolean;
    /** Whether the plan names at least one regie entry. */
    defined: boolean;
    /** An entry's own dates are broken (VP060/VP000): checks that need regie dates stay silent. */
    broken: boolean;
    /** Entries with usable dates, sorted by start, then source order. */
    segments: RegieSegment[];
    /** Entries with a valid interval (an end known), sorted by start, then source order: what the timeline draws. */
    periods: RegieSegment[];
    /** Gaps inside the plan period (empty without a valid plan period), in calendar order. */
    gaps: RegieGap[];
    /** Overlaps as VP012 reports them: one per later segment that starts while another runs. */
    overlaps: RegieOverlap[];
    /** The maximal stretches held by two or more periods at once, with their holders. */
    overlapSpans: Array<Interval & { holders: string[] }>;
    /** A period ends where one of another holder starts. */
    handovers: RegieHandover[];
    /** The segments holding regie on a day. */
    holdersOn(day: Day): RegieSegment[];
}

function isBroken(entry: ResolvedRegieEntry): boolean {
    if (entry.start === undefined) return true;
    return entry.explicitEnd && (entry.end === undefined || entry.end <= entry.start);
}

export function holderName(entry: ResolvedRegieEntry): string {
    return entry.node.organisation?.$refText ?? entry.organisation?.name ?? '?';
}

export function computeRegie(plan: ResolvedPlan): RegieFacts {
    const segments: RegieSegment[] = [];
    plan.regie.forEach((entry, index) => {
        if (entry.start === undefined) return;
        const end = entry.end ?? Number.POSITIVE_INFINITY;
        if (end > entry.start) segments.push({ entry, index, start: entry.start, end, holder: holderName(entry) });
    });
    segments.sort((a, b) => a.start - b.start || a.index - b.index);
    const periods = segments.filter(segment => segment.entry.interval !== undefined);
    const period = plan.period;
    return {
        hasBlock: plan.hasRegieBlock,
        defined: plan.regie.length > 0,
        broken: plan.regie.some(isBroken),
        segments,
        periods,
        gaps: period ? findGaps(period, segments) : [],
        overlaps: findOverlaps(segments),
        overlapSpans: overlapIntervals(periods.map(p => ({ start: p.start, end: p.end, label: p.holder })))
            .map(({ start, end, labels }) => ({ start, end, holders: labels })),
        handovers: findHandovers(periods),
        holdersOn: day => segments.filter(segment => segment.start <= day && day < segment.end)
    };
}

/** One sweep over the sorted segments, clipped to the plan period. */
function findGaps(period: Interval, segments: readonly RegieSegment[]): RegieGap[] {
    const gaps: RegieGap[] = [];
    let cursor = period.start;
    let previous: RegieSegment | undefined;
    for (const current of segments) {
        if (cursor >= period.end) break;
        if (current.end <= cursor) continue;
        if (current.start > cursor) {
            const end = Math.min(current.start, period.end);
            gaps.push({ start: cursor, end, previous, next: end < period.end ? current : undefined });
        }
        if (current.end > cursor) {
            cursor = current.end;
            previous = current;
        }
    }
    if (cursor < period.end) gaps.push({ start: cursor, end: period.end, previous });
    return gaps;
}

/** Sweep keeping the segment that reaches furthest; a later start before its end overlaps. */
function findOverlaps(segments: readonly RegieSegment[]): RegieOverlap[] {
    const overlaps: RegieOverlap[] = [];
    let reach: RegieSegment | undefined;
    for (const current of segments) {
        if (reach && current.start < reach.end) {
            overlaps.push({ later: current, earlier: reach, start: current.start, end: Math.min(reach.end, current.end) });
        }
        if (!reach || current.end > reach.end) reach = current;
    }
    return overlaps;
}

function findHandovers(periods: readonly RegieSegment[]): RegieHandover[] {
    const handovers: RegieHandover[] = [];
    for (const previous of periods) {
        for (const next of periods) {
            if (previous !== next && previous.end === next.start && previous.holder !== next.holder) {
                handovers.push({ day: next.start, from: previous, to: next });
            }
        }
    }
    return handovers;
}
