/**
 * Calendar arithmetic for vplan. A day is an integer: days since 1970-01-01 (UTC), so periods
 * are plain half-open integer intervals [start, end). Month and year steps clamp to the last day
 * of the target month, step by step (spec section 1).
 */

export type Day = number;

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

export interface DurationValue {
    amount: number;
    unit: DurationUnit;
}

export const DURATION_UNIT_WORDS: Readonly<Record<string, DurationUnit>> = {
    day: 'day', days: 'day',
    week: 'week', weeks: 'week',
    month: 'month', months: 'month',
    year: 'year', years: 'year'
};

const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
    return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function dayFromParts(year: number, month: number, day: number): Day {
    // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return Math.round(date.getTime() / MS_PER_DAY);
}

export interface DateParts { year: number; month: number; day: number }

export function partsFromDay(day: Day): DateParts {
    const d = new Date(day * MS_PER_DAY);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Parses `YYYY-MM-DD`; `undefined` when the text is not a date that exists in the calendar. */
export function parseDate(text: string | undefined): Day | undefined {
    if (!text) return undefined;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return undefined;
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return dayFromParts(year, month, day);
}

export function formatDay(day: Day): string {
    const { year, month, day: d } = partsFromDay(day);
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addMonthsClamped(day: Day, months: number): Day {
    const { year, month, day: d } = partsFromDay(day);
    const index = year * 12 + (month - 1) + months;
    const targetYear = Math.floor(index / 12);
    const targetMonth = index - targetYear * 12 + 1;
    return dayFromParts(targetYear, targetMonth, Math.min(d, daysInMonth(targetYear, targetMonth)));
}

export function addDuration(day: Day, duration: DurationValue): Day {
    switch (duration.unit) {
        case 'day': return day + duration.amount;
        case 'week': return day + 7 * duration.amount;
        case 'month': return addMonthsClamped(day, duration.amount);
        case 'year': return addMonthsClamped(day, 12 * duration.amount);
    }
}

/** Parses a unit word (`day`, `days`, ...); `undefined` for anything else. */
export function parseUnit(word: string | undefined): DurationUnit | undefined {
    return word !== undefined && Object.prototype.hasOwnProperty.call(DURATION_UNIT_WORDS, word) ? DURATION_UNIT_WORDS[word] : undefined;
}

/** Human text of a duration, e.g. `18 months`, in the canonical plural/singular form. */
export function formatDuration(duration: DurationValue): string {
    return `${duration.amount} ${duration.unit}${duration.amount === 1 ? '' : 's'}`;
}

/**
 * "Lengths compare as calendar dates": a period [start, end) is longer than `limit` when its end
 * falls after start + limit.
 */
export function isLongerThan(start: Day, end: Day, limit: DurationValue): boolean {
    return end > addDuration(start, limit);
}

/** Whole years between a birth year and a reference day (plan start year − born). */
export function ageInYear(born: number, day: Day): number {
    return partsFromDay(day).year - born;
}

/** Today's date as a day number (UTC), injectable for tests. */
export function today(now: Date = new Date()): Day {
    return Math.floor(now.getTime() / MS_PER_DAY);
}
