import { describe, expect, test } from 'vitest';
import { addDuration, formatDay, isLongerThan, isPastLastDay, LAST_DAY, PAST_LAST_DAY, parseDate, parseUnit } from '../../../language/model/dates.js';

const day = (text: string) => {
    const value = parseDate(text);
    if (value === undefined) throw new Error(`not a date: ${text}`);
    return value;
};
const plus = (text: string, amount: number, unit: 'day' | 'week' | 'month' | 'year') => formatDay(addDuration(day(text), { amount, unit }));

describe('calendar arithmetic (spec section 1)', () => {
    test('month steps clamp to the last day of the month', () => {
        expect(plus('2026-01-31', 1, 'month')).toBe('2026-02-28');
        expect(plus('2028-01-31', 1, 'month')).toBe('2028-02-29');
        expect(plus('2026-03-31', 1, 'month')).toBe('2026-04-30');
    });

    test('year steps clamp on leap days', () => {
        expect(plus('2028-02-29', 1, 'year')).toBe('2029-02-28');
        expect(plus('2028-02-29', 4, 'year')).toBe('2032-02-29');
    });

    test('chained terms clamp step by step', () => {
        const once = addDuration(day('2026-01-31'), { amount: 1, unit: 'month' });
        expect(formatDay(addDuration(once, { amount: 1, unit: 'month' }))).toBe('2026-03-28');
    });

    test('days and weeks are plain day counts', () => {
        expect(plus('2026-01-12', 10, 'day')).toBe('2026-01-22');
        expect(plus('2026-12-28', 1, 'week')).toBe('2027-01-04');
    });

    test('invalid calendar dates do not parse', () => {
        expect(parseDate('2026-02-30')).toBeUndefined();
        expect(parseDate('2026-13-01')).toBeUndefined();
        expect(parseDate('2026-00-10')).toBeUndefined();
        expect(parseDate('2028-02-29')).toBeDefined();
        expect(parseDate('2027-02-29')).toBeUndefined();
    });

    test('lengths compare as calendar dates', () => {
        const start = day('2026-01-12');
        expect(isLongerThan(start, day('2026-02-09'), { amount: 28, unit: 'day' })).toBe(false);
        expect(isLongerThan(start, day('2026-02-10'), { amount: 28, unit: 'day' })).toBe(true);
        expect(isLongerThan(day('2028-02-29'), day('2029-02-28'), { amount: 1, unit: 'year' })).toBe(false);
        expect(isLongerThan(day('2028-02-29'), day('2029-03-01'), { amount: 1, unit: 'year' })).toBe(true);
    });

    test('singular and plural units are interchangeable', () => {
        expect(parseUnit('day')).toBe('day');
        expect(parseUnit('days')).toBe('day');
        expect(parseUnit('months')).toBe('month');
        expect(parseUnit('fortnight')).toBeUndefined();
        expect(parseUnit('constructor')).toBeUndefined();
    });

    test('years before 100 are not mapped to the 1900s', () => {
        expect(formatDay(day('0099-12-31'))).toBe('0099-12-31');
    });

    test('v2: arithmetic saturates the day after 9999-12-31, never NaN, whatever the amount', () => {
        expect(plus('9999-12-01', 30, 'day')).toBe('9999-12-31');
        expect(addDuration(day('9999-12-01'), { amount: 31, unit: 'day' })).toBe(PAST_LAST_DAY);
        for (const unit of ['day', 'week', 'month', 'year'] as const) {
            for (const amount of [5_000_000, 10_000_000, Number.MAX_SAFE_INTEGER, 1e25, Infinity]) {
                expect(addDuration(day('2026-03-09'), { amount, unit })).toBe(PAST_LAST_DAY);
            }
        }
        expect(isPastLastDay(PAST_LAST_DAY)).toBe(true);
        expect(isPastLastDay(LAST_DAY)).toBe(false);
        expect(formatDay(PAST_LAST_DAY)).toBe('10000-01-01');
        // A limit that saturates is never exceeded.
        expect(isLongerThan(day('2026-01-12'), day('9999-12-31'), { amount: 5_000_000, unit: 'month' })).toBe(false);
    });
});
