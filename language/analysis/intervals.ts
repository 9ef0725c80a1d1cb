/**
 * Half-open day intervals: merging, complements and overlaps. Everything works on sorted
 * intervals (sort and sweep), never day by day, so a plan of a hundred years costs what one of a
 * year costs.
 */

import type { Day } from '../model/dates.js';
import type { Interval } from '../model/plan-model.js';

/** Sorts and merges overlapping or touching intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
    const sorted = intervals.filter(i => i.end > i.start).map(i => ({ ...i })).sort((a, b) => a.start - b.start || a.end - b.end);
    const merged: Interval[] = [];
    for (const interval of sorted) {
        const last = merged[merged.length - 1];
        if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
        else merged.push(interval);
    }
    return merged;
}

/** The parts of `within` that none of `covered` covers. */
export function uncoveredIntervals(within: Interval, covered: readonly Interval[]): Interval[] {
    const gaps: Interval[] = [];
    let cursor = within.start;
    for (const interval of mergeIntervals(covered)) {
        if (interval.end <= cursor) continue;
        if (interval.start >= within.end) break;
        if (interval.start > cursor) gaps.push({ start: cursor, end: Math.min(interval.start, within.end) });
        cursor = Math.max(cursor, interval.end);
        if (cursor >= within.end) break;
    }
    if (cursor < within.end) gaps.push({ start: cursor, end: within.end });
    return gaps;
}

/** The maximal intervals where two or more of the labelled intervals overlap, with their labels. */
export function overlapIntervals<T>(intervals: ReadonlyArray<Interval & { label: T }>): Array<Interval & { labels: T[] }> {
    const events: Array<{ day: Day; delta: 1 | -1; index: number }> = [];
    intervals.forEach((interval, index) => {
        if (interval.end <= interval.start) return;
        events.push({ day: interval.start, delta: 1, index }, { day: interval.end, delta: -1, index });
    });
    // Ends before starts on the same day: a handover on that day is no overlap.
    events.sort((a, b) => a.day - b.day || a.delta - b.delta);
    const active = new Set<number>();
    const result: Array<Interval & { labels: T[] }> = [];
    for (let i = 0; i < events.length; i++) {
        const event = events[i];
        if (event.delta === 1) active.add(event.index);
        else active.delete(event.index);
        const nextDay = events[i + 1]?.day;
        // Settle all events of one day first, then the days up to the next event share one state.
        if (nextDay === undefined || nextDay === event.day) continue;
        if (active.size >= 2) {
            result.push({ start: event.day, end: nextDay, labels: [...new Set([...active].sort((a, b) => a - b).map(k => intervals[k].label))] });
        }
    }
    return mergeAdjacentOverlaps(result);
}

/** Joins touching overlap pieces, uniting their labels, so one overlap is reported once. */
function mergeAdjacentOverlaps<T>(pieces: Array<Interval & { labels: T[] }>): Array<Interval & { labels: T[] }> {
    const merged: Array<Interval & { labels: T[] }> = [];
    for (const piece of pieces) {
        const last = merged[merged.length - 1];
        if (last && last.end === piece.start) {
            last.end = piece.end;
            for (const label of piece.labels) if (!last.labels.includes(label)) last.labels.push(label);
        } else merged.push({ ...piece, labels: [...piece.labels] });
    }
    return merged;
}
