/** `vplan fmt [PATH...] [--check]`, run through the real binary on files in a temporary folder. */

import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CLEAN_PLAN, ORGANISATIONS, UNFORMATTED_PLAN, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

const BROKEN_PLAN = 'plan kapot "Kapot" {\n  status active\n    period 2026-01-01 to\n}\n';
const OLD_TIME = new Date('2024-01-01T00:00:00Z');

let dir: string;

beforeAll(() => ensureBuilt());
beforeEach(() => {
    dir = makeTempDir('vplan-fmt-');
    writeFiles(dir, {
        'plans/orgs.vplan': ORGANISATIONS,
        'plans/clean.vplan': CLEAN_PLAN,
        'plans/sub/messy.vplan': UNFORMATTED_PLAN,
        'plans/.hidden/messy.vplan': UNFORMATTED_PLAN,
        'plans/node_modules/dep/messy.vplan': UNFORMATTED_PLAN,
        'plans/notes.txt': 'status    active\n',
        'other/messy.vplan': UNFORMATTED_PLAN
    });
    // Old times, so that a rewrite would show in the modification time.
    for (const path of ['plans/orgs.vplan', 'plans/clean.vplan', 'plans/sub/messy.vplan', 'other/messy.vplan']) {
        utimesSync(join(dir, path), OLD_TIME, OLD_TIME);
    }
});
afterEach(() => removeDir(dir));

const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const mtime = (path: string) => statSync(join(dir, path)).mtimeMs;

describe('vplan fmt --check', () => {
    test('lists the files that are not canonical, writes nothing and exits 1', () => {
        const result = runVplan(['fmt', '--check', 'plans'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(lines(result.stdout)).toEqual(['plans/sub/messy.vplan']);
        expect(read('plans/sub/messy.vplan')).toBe(UNFORMATTED_PLAN);
        expect(mtime('plans/sub/messy.vplan')).toBe(OLD_TIME.getTime());
    });

    test('exits 0 and prints nothing when every file is canonical', () => {
        const result = runVplan(['fmt', '--check', 'plans/clean.vplan', 'plans/orgs.vplan'], { cwd: dir });
        expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
    });

    test('without a PATH checks the current folder', () => {
        const result = runVplan(['fmt', '--check'], { cwd: join(dir, 'plans') });
        expect(result.status).toBe(1);
        expect(lines(result.stdout)).toEqual(['sub/messy.vplan']);
    });
});

describe('vplan fmt', () => {
    test('rewrites a non-canonical file into the canonical layout, which then passes --check', () => {
        const result = runVplan(['fmt', 'plans'], { cwd: dir });
        expect(result.status).toBe(0);
        expect(lines(result.stdout)).toEqual(['plans/sub/messy.vplan']);
        expect(read('plans/sub/messy.vplan')).toBe(CLEAN_PLAN);
        expect(runVplan(['fmt', '--check', 'plans'], { cwd: dir }).status).toBe(0);
    });

    test('does not touch a file that is already canonical (modification time unchanged)', () => {
        runVplan(['fmt', 'plans'], { cwd: dir });
        expect(mtime('plans/clean.vplan')).toBe(OLD_TIME.getTime());
        expect(mtime('plans/orgs.vplan')).toBe(OLD_TIME.getTime());
    });

    test('never changes a file it was not asked to: other folders, hidden folders, node_modules, other extensions', () => {
        runVplan(['fmt', 'plans'], { cwd: dir });
        expect(read('other/messy.vplan')).toBe(UNFORMATTED_PLAN);
        expect(read('plans/.hidden/messy.vplan')).toBe(UNFORMATTED_PLAN);
        expect(read('plans/node_modules/dep/messy.vplan')).toBe(UNFORMATTED_PLAN);
        expect(read('plans/notes.txt')).toBe('status    active\n');
        runVplan(['fmt', 'other/messy.vplan'], { cwd: dir });
        expect(read('other/messy.vplan')).toBe(CLEAN_PLAN);
    });

    test('formatting is idempotent', () => {
        runVplan(['fmt', 'plans'], { cwd: dir });
        const once = read('plans/sub/messy.vplan');
        const result = runVplan(['fmt', 'plans'], { cwd: dir });
        expect(result.stdout).toBe('');
        expect(read('plans/sub/messy.vplan')).toBe(once);
    });

    test('writes atomically: no temporary file is left behind and the permissions are kept', () => {
        chmodSync(join(dir, 'plans/sub/messy.vplan'), 0o640);
        runVplan(['fmt', 'plans'], { cwd: dir });
        expect(readdirSync(join(dir, 'plans/sub'))).toEqual(['messy.vplan']);
        expect(statSync(join(dir, 'plans/sub/messy.vplan')).mode & 0o777).toBe(0o640);
    });

    test('formats the target of a symbolic link and keeps the link', () => {
        symlinkSync(join(dir, 'other/messy.vplan'), join(dir, 'link.vplan'));
        const result = runVplan(['fmt', 'link.vplan'], { cwd: dir });
        expect(result.status).toBe(0);
        expect(lstatSync(join(dir, 'link.vplan')).isSymbolicLink()).toBe(true);
        expect(readlinkSync(join(dir, 'link.vplan'))).toBe(join(dir, 'other/messy.vplan'));
        expect(read('other/messy.vplan')).toBe(CLEAN_PLAN);
    });

    test('a file with syntax errors is reported in one line, never rewritten, and the exit code is 1', () => {
        writeFiles(dir, { 'plans/broken.vplan': BROKEN_PLAN });
        const result = runVplan(['fmt', 'plans'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(read('plans/broken.vplan')).toBe(BROKEN_PLAN);
        const errors = lines(result.stderr);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(/^plans\/broken\.vplan:4:1: VP000 .*not formatted/);
        // The other files are still formatted.
        expect(read('plans/sub/messy.vplan')).toBe(CLEAN_PLAN);
        const check = runVplan(['fmt', '--check', 'plans/broken.vplan'], { cwd: dir });
        expect(check.status).toBe(1);
        expect(check.stdout).toBe('');
        expect(lines(check.stderr)).toHaveLength(1);
    });

    test('reports syntax errors in Dutch with --locale nl', () => {
        writeFiles(dir, { 'broken.vplan': BROKEN_PLAN });
        const result = runVplan(['fmt', '--locale', 'nl', 'broken.vplan'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('niet geformatteerd');
    });

    test('an empty file is canonical as it is', () => {
        writeFiles(dir, { 'empty.vplan': '' });
        const result = runVplan(['fmt', '--check', 'empty.vplan'], { cwd: dir });
        expect(result.status).toBe(0);
        expect(existsSync(join(dir, 'empty.vplan'))).toBe(true);
    });
});

describe('vplan fmt on a truncated file', () => {
    test('points at the end of the file, as vplan check does', () => {
        const truncated = 'plan kort "Kort" {\n    status active\n';
        const tmp = makeTempDir('vplan-fmt-trunc-');
        try {
            writeFiles(tmp, { 'kort.vplan': truncated });
            const result = runVplan(['fmt', 'kort.vplan'], { cwd: tmp });
            expect(result.status).toBe(1);
            const check = runVplan(['check', '--format', 'json', 'kort.vplan'], { cwd: tmp });
            const syntax = JSON.parse(check.stdout).diagnostics.find((d: { code: string }) => d.code === 'VP000');
            expect(lines(result.stderr)).toEqual([`kort.vplan:${syntax.line}:${syntax.column}: VP000 ${syntax.message} (not formatted)`]);
            expect(readFileSync(join(tmp, 'kort.vplan'), 'utf8')).toBe(truncated);
        } finally {
            removeDir(tmp);
        }
    });
});
