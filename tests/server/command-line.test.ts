/**
 * The server's environment settings (server/command-line.ts): `VPLAN_LEAN_MIN_FILES` (from how
 * many files the server loads lean) and `VPLAN_CHECK_UPDATES` (the tests' check of every update).
 */

import { describe, expect, test } from 'vitest';
import { checkUpdatesFrom, leanMinFilesFrom } from '../../server/command-line.js';

describe('the server\'s environment', () => {
    test('VPLAN_LEAN_MIN_FILES: a whole number of files, else the default', () => {
        expect(leanMinFilesFrom({ VPLAN_LEAN_MIN_FILES: '0' })).toBe(0);
        expect(leanMinFilesFrom({ VPLAN_LEAN_MIN_FILES: ' 500 ' })).toBe(500);
        expect(leanMinFilesFrom({})).toBeUndefined();
        expect(leanMinFilesFrom({ VPLAN_LEAN_MIN_FILES: 'many' })).toBeUndefined();
        expect(leanMinFilesFrom({ VPLAN_LEAN_MIN_FILES: '-1' })).toBeUndefined();
    });

    test('VPLAN_CHECK_UPDATES: only 1 turns the check on', () => {
        expect(checkUpdatesFrom({ VPLAN_CHECK_UPDATES: '1' })).toBe(true);
        expect(checkUpdatesFrom({ VPLAN_CHECK_UPDATES: '0' })).toBe(false);
        expect(checkUpdatesFrom({})).toBe(false);
        // The tests set it for every server they start (tests/setup/check-updates.ts).
        expect(checkUpdatesFrom(process.env)).toBe(true);
    });
});
