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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
    return month === 2 ? (isLeapYear(year) ? 29 : 28) : DAYS_IN_MONTH[month - 1];
}

/**
 * The largest day number a JavaScript `Date` can hold (±8.64e15 ms). The day arithmetic below is
 * plain integer arithmetic, so it gives NaN beyond this range, as the `Date` methods it replaced did.
 */
const MAX_DAY = 100_000_000;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (the "days from civil" algorithm). Plain
 * arithmetic instead of a `Date` object per call: the checks convert thousands of dates. Like
 * `Date.prototype.setUTCFullYear`, a month or day outside its range rolls over into the next or
 * previous month or year, and years 0–99 are not mapped to 1900–1999.
 */
export function dayFromParts(year: number, month: number, day: number): Day {
    const y0 = year + Math.floor((month - 1) / 12);
    const m = month - 1 - 12 * Math.floor((month - 1) / 12) + 1; // 1..12
    const y = m <= 2 ? y0 - 1 : y0;
    const era = Math.floor(y / 400);
    const yearOfEra = y - era * 400;
    const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
    const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    const result = era * 146_097 + dayOfEra - 719_468;
    return Math.abs(result) <= MAX_DAY ? result : NaN;
}

export interface DateParts { year: number; month: number; day: number }

/** The calendar date of a day number ("civil from days"; the inverse of `dayFromParts`). */
export function partsFromDay(day: Day): DateParts {
    if (!(Math.abs(day) <= MAX_DAY)) return { year: NaN, month: NaN, day: NaN };
    const z = Math.floor(day) + 719_468;
    const era = Math.floor(z / 146_097);
    const dayOfEra = z - era * 146_097;
    const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
    const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const mp = Math.floor((5 * dayOfYear + 2) / 153);
    const month = mp < 10 ? mp + 3 : mp - 9;
    return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** The value of the ASCII digit at `index`, or -1 when it is not a digit. */
function digitAt(text: string, index: number): number {
    const code = text.charCodeAt(index) - 48;
    return code >= 0 && code <= 9 ? code : -1;
}

/** `text[start, start + count)` read as a decimal number, or -1 when it is not all digits. */
function digitsAt(text: string, start: number, count: number): number {
    let value = 0;
    for (let i = start; i < start + count; i++) {
        const digit = digitAt(text, i);
        if (digit < 0) return -1;
        value = value * 10 + digit;
    }
    return value;
}

/** Parses `YYYY-MM-DD`; `undefined` when the text is not a date that exists in the calendar. */
export function parseDate(text: string | undefined): Day | undefined {
    // Read by character codes (no regular expression, no match array): every date of every plan passes here.
    if (!text || text.length !== 10 || text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45) return undefined;
    const year = digitsAt(text, 0, 4);
    const month = digitsAt(text, 5, 2);
    const day = digitsAt(text, 8, 2);
    if (year < 0 || month < 0 || day < 0) return undefined;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return dayFromParts(year, month, day);
}

function pad(value: number, width: number): string {
    return String(value).padStart(width, '0');
}

export function formatDay(day: Day): string {
    const { year, month, day: d } = partsFromDay(day);
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(d, 2)}`;
}

export function addMonthsClamped(day: Day, months: number): Day {
    const { year, month, day: d } = partsFromDay(day);
    const index = year * 12 + (month - 1) + months;
    const targetYear = Math.floor(index / 12);
    const targetMonth = index - targetYear * 12 + 1;
    return dayFromParts(targetYear, targetMonth, Math.min(d, daysInMonth(targetYear, targetMonth)));
}

/** 9999-12-31: the last day a plan can name or compute (spec section 1, v2). */
export const LAST_DAY: Day = dayFromParts(9999, 12, 31);

/**
 * What `addDuration` gives for any result after LAST_DAY: the day after it, whatever the size of
 * the step. Arithmetic saturates instead of turning NaN (or an imprecise huge number), so a result
 * out of range is one value every caller can recognise (`isPastLastDay`) and VP060 reports.
 */
export const PAST_LAST_DAY: Day = LAST_DAY + 1;

/** More months than lie between year 0 and 9999-12-31: a step this long always ends past LAST_DAY. */
const MONTHS_PAST_RANGE = 12 * 10_000;

export function isPastLastDay(day: Day): boolean {
    return day > LAST_DAY;
}

/** `day` + a duration, saturating at PAST_LAST_DAY (also for amounts beyond Number.MAX_SAFE_INTEGER or Infinity). */
export function addDuration(day: Day, duration: DurationValue): Day {
    const { amount } = duration;
    if (day > LAST_DAY) return PAST_LAST_DAY;
    let result: Day;
    switch (duration.unit) {
        case 'day': result = day + amount; break;
        case 'week': result = day + 7 * amount; break;
        case 'month': result = amount > MONTHS_PAST_RANGE ? PAST_LAST_DAY : addMonthsClamped(day, amount); break;
        case 'year': result = amount > MONTHS_PAST_RANGE / 12 ? PAST_LAST_DAY : addMonthsClamped(day, 12 * amount); break;
    }
    // `!(result <= LAST_DAY)` also catches NaN.
    return result <= LAST_DAY ? result : PAST_LAST_DAY;
}

/** `day` + a duration, or `undefined` when the result lies after 9999-12-31 (VP060): the model treats it as an invalid date. */
export function addDurationInRange(day: Day, duration: DurationValue): Day | undefined {
    const result = addDuration(day, duration);
    return result > LAST_DAY ? undefined : result;
}

/** Whether a `born` value is a birth year the language accepts: 1900–9999 (spec section 1, v2). */
export function isBirthYear(born: number): boolean {
    return Number.isSafeInteger(born) && born >= 1900 && born <= 9999;
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
