/**
 * dates.ts computes day numbers with integer arithmetic (no `Date` object per call). These tests
 * hold it to JavaScript's own UTC calendar, which it replaced: the same day numbers, the same
 * roll-over of out-of-range months and days, NaN outside the range a `Date` can hold.
 */

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addMonthsClamped, dayFromParts, formatDay, parseDate, partsFromDay } from '../../../language/model/dates.js';

const MS_PER_DAY = 86_400_000;

/** The `Date`-based reference: `setUTCFullYear` does not map years 0–99 to the 1900s. */
function referenceDay(year: number, month: number, day: number): number {
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return Math.round(date.getTime() / MS_PER_DAY);
}

function referenceParts(day: number): { year: number; month: number; day: number } {
    const date = new Date(day * MS_PER_DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

describe('day arithmetic agrees with the UTC calendar of Date', () => {
    test('day numbers of dates, with months and days out of range rolling over', () => {
        fc.assert(fc.property(fc.integer({ min: -300_000, max: 300_000 }), fc.integer({ min: -30, max: 40 }), fc.integer({ min: -40, max: 70 }),
            (year, month, day) => { expect(dayFromParts(year, month, day)).toEqual(referenceDay(year, month, day)); }), { numRuns: 20_000 });
    });

    test('dates of day numbers, also beyond the range a Date holds (NaN)', () => {
        fc.assert(fc.property(fc.integer({ min: -100_000_100, max: 100_000_100 }),
            day => { expect(partsFromDay(day)).toEqual(referenceParts(day)); }), { numRuns: 20_000 });
        for (const day of [100_000_000, -100_000_000, 100_000_001, -100_000_001, NaN]) expect(partsFromDay(day)).toEqual(referenceParts(day));
    });

    test('every day of some whole years parses and formats back', () => {
        for (const year of [0, 1, 99, 100, 1600, 1900, 1970, 2000, 2024, 2026, 2100, 9999]) {
            for (let day = referenceDay(year, 1, 1); day < referenceDay(year + 1, 1, 1); day++) {
                const text = formatDay(day);
                expect(parseDate(text)).toBe(day);
                const { year: y, month, day: d } = referenceParts(day);
                expect(text).toBe(`${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
            }
        }
    });

    test('text that is not YYYY-MM-DD does not parse', () => {
        for (const text of ['', '2026-1-01', '2026-01-011', ' 2026-01-01', '2026/01/01', '2026-01-0a', '+026-01-01', '2026-01-01\n', '２026-01-01']) {
            expect(parseDate(text)).toBeUndefined();
        }
    });

    test('month steps clamp as before, also for very large steps', () => {
        fc.assert(fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -5_000_000, max: 5_000_000 }), (day, months) => {
            const { year, month, day: d } = referenceParts(day);
            const index = year * 12 + (month - 1) + months;
            const targetYear = Math.floor(index / 12);
            const targetMonth = index - targetYear * 12 + 1;
            const lastDay = referenceDay(targetYear, targetMonth + 1, 1) - referenceDay(targetYear, targetMonth, 1);
            expect(addMonthsClamped(day, months)).toEqual(referenceDay(targetYear, targetMonth, Math.min(d, lastDay)));
        }), { numRuns: 10_000 });
    });
});
