/**
 * A day as the editor describes it, from the plan facts: its weekday, its day number in the plan
 * period, the phases it falls in. Hover and completion use the same words. Periods are half-open,
 * so an end (`to`, `ended`) is the first day no longer covered and is also shown as the last day
 * that is (docs/editor.md, "How dates are shown").
 */

import { text, type Locale } from '../i18n/locale.js';
import { formatDay, type Day } from '../model/dates.js';
import type { PlanFacts } from '../analysis/plan-facts.js';
import { valueWord } from '../i18n/phrases.js';
import { editorTexts } from './editor-texts.js';

/** 0 for Monday ... 6 for Sunday (day 0, 1970-01-01, was a Thursday). */
export function weekdayIndex(day: Day): number {
    return (((day + 3) % 7) + 7) % 7;
}

export function weekdayName(day: Day, locale: Locale): string {
    return text(editorTexts.weekday, { index: weekdayIndex(day) }, locale);
}

/** `2026-01-12 (Monday)` / `2026-01-12 (maandag)`. */
export function dayWithWeekday(day: Day, locale: Locale): string {
    return `${formatDay(day)} (${weekdayName(day, locale)})`;
}

/** Where a day lies relative to the plan period. */
export type PlanDayPlace =
    | { inside: true; dayNumber: number; days: number }
    | { inside: false; before: number }
    | { inside: false; after: number }
    | undefined;

/** Day N of the plan period (1 for its first day), or how far before or after it; undefined without a valid period. */
export function planDayOf(facts: PlanFacts | undefined, day: Day): PlanDayPlace {
    const period = facts?.plan.period;
    if (!period) return undefined;
    if (day < period.start) return { inside: false, before: period.start - day };
    if (day >= period.end) return { inside: false, after: day - period.end + 1 };
    return { inside: true, dayNumber: day - period.start + 1, days: period.end - period.start };
}

/** The phase kinds running on a day, as people read them. */
export function phasesOn(facts: PlanFacts | undefined, day: Day, locale: Locale): string[] {
    return (facts?.phases.on(day) ?? []).map(phase => valueWord('phaseKind', phase.kind, locale));
}
