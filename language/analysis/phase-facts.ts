/**
 * Phases (gefaseerde ketenzorg): the plan's valid phases in calendar order. VP050/VP051, the
 * timeline's bands and the hover on a date ("which phase") read these facts.
 */

import type { Day } from '../model/dates.js';
import type { Interval, ResolvedPhase, ResolvedPlan } from '../model/plan-model.js';
import type { PhaseKind } from '../model/vocabulary.js';

/** A phase with a known kind and a valid period. */
export type ValidPhase = ResolvedPhase & { kind: PhaseKind; dates: { interval: Interval } };

export interface PhaseFacts {
    /** Valid phases sorted by start, then end (source order for equal ones). */
    sorted: ValidPhase[];
    /** The earliest `safety` phase's period (VP051). */
    earliestSafety?: Interval;
    /** The phases running on a day. */
    on(day: Day): ValidPhase[];
}

export function computePhases(plan: ResolvedPlan): PhaseFacts {
    const sorted = plan.phases
        .filter((p): p is ValidPhase => p.kind !== undefined && p.dates.interval !== undefined)
        .sort((a, b) => a.dates.interval.start - b.dates.interval.start || a.dates.interval.end - b.dates.interval.end);
    let earliestSafety: Interval | undefined;
    for (const phase of plan.phases) {
        const interval = phase.dates.interval;
        if (phase.kind === 'safety' && interval && (!earliestSafety || interval.start < earliestSafety.start)) earliestSafety = interval;
    }
    return {
        sorted,
        earliestSafety,
        on: day => sorted.filter(p => p.dates.interval.start <= day && day < p.dates.interval.end)
    };
}
