/**
 * Measure terms against their legal limits (spec section 6): the one home of "how long may this
 * term run". VP030 reports from these facts; the hover, inlay hints and quick fixes read them too.
 *
 * Lengths compare as calendar dates: a term [start, end) is longer than `term max` when its end
 * falls after start + term max; the whole measure is longer than `total max` when the end of a
 * term falls after the first day + total max.
 */

import { addDuration, type Day, type DurationValue } from '../model/dates.js';
import type { Interval, MeasureTerm, ResolvedMeasure, ResolvedPlan } from '../model/plan-model.js';

export interface TermFacts {
    term: MeasureTerm & { interval: Interval };
    /** 0 for the first term, k for the k-th `extend`. */
    index: number;
    /** The latest legal (exclusive) end of this term under `term max`, when the type has one. */
    termMaxEnd?: Day;
    /** The term ends after `termMaxEnd`. */
    exceedsTermMax: boolean;
}

export interface MeasureLimitFacts {
    measure: ResolvedMeasure;
    /** Every term, when all of them are valid; empty otherwise (an invalid term makes the length unknown). */
    terms: TermFacts[];
    termMax?: DurationValue;
    totalMax?: DurationValue;
    /** The latest legal (exclusive) end of the whole measure under `total max`. */
    totalMaxEnd?: Day;
    /** The first term whose end passes `totalMaxEnd`: the one to shorten or remove. */
    firstBeyondTotal?: TermFacts;
}

export function computeMeasureLimits(plan: ResolvedPlan): MeasureLimitFacts[] {
    return plan.measures.map(measureLimits);
}

export function measureLimits(measure: ResolvedMeasure): MeasureLimitFacts {
    const type = measure.type;
    const termMax = type?.termMax;
    const totalMax = type?.totalMax;
    // An invalid term makes the measure's length unknown: nothing is judged.
    if (!type || !measure.interval || measure.terms.length === 0) return { measure, terms: [], termMax, totalMax };
    const terms: TermFacts[] = (measure.terms as Array<MeasureTerm & { interval: Interval }>).map((term, index) => {
        const termMaxEnd = termMax ? addDuration(term.interval.start, termMax) : undefined;
        return { term, index, termMaxEnd, exceedsTermMax: termMaxEnd !== undefined && term.interval.end > termMaxEnd };
    });
    const totalMaxEnd = totalMax ? addDuration(measure.interval.start, totalMax) : undefined;
    const firstBeyondTotal = totalMaxEnd === undefined ? undefined : terms.find(t => t.term.interval.end > totalMaxEnd);
    return { measure, terms, termMax, totalMax, totalMaxEnd, firstBeyondTotal };
}
