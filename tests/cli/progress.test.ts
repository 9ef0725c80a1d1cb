/**
 * Progress on stderr (cli.md v2 `--progress`; issue 14, item 6): `check`, `fmt` and `review`
 * print "files done of total" with `--progress`, and on a terminal for work longer than about
 * two seconds; never in a CI log or a pipe otherwise, and never on stdout. Through the real
 * binary, and cli/progress.ts with a fake terminal and clock for the terminal's behaviour.
 */

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startProgress, TERMINAL_DELAY_MS } from '../../cli/progress.js';
import { CLEAN_PLAN, ORGANISATIONS, UNFORMATTED_PLAN, cleanEnv, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

const PLANS = 6;
let root: string;

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-progress-');
    const files: Record<string, string> = { 'plans/orgs.vplan': ORGANISATIONS };
    for (let i = 0; i < PLANS; i++) files[`plans/p${i}.vplan`] = (i % 2 ? UNFORMATTED_PLAN : CLEAN_PLAN).replace('linde_2026', `p${i}_2026`);
    writeFiles(root, files);
});
afterAll(() => removeDir(root));

const TOTAL = PLANS + 1;
const run = (args: string[], env?: Record<string, string>) => runVplan(args, { cwd: root, env });

/** The progress lines of a run: every stderr line must be one, the last says all files are done. */
function progressLines(stderr: string, command: string, total: number, words = 'of', files = 'files done'): string[] {
    const found = lines(stderr);
    const pattern = new RegExp(`^vplan ${command}: (\\d+) ${words} ${total} ${files}$`);
    expect(found.length, stderr).toBeGreaterThan(0);
    for (const line of found) expect(line).toMatch(pattern);
    expect(found.at(-1)).toBe(`vplan ${command}: ${total} ${words} ${total} ${files}`);
    const counts = found.map(line => Number(pattern.exec(line)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    return found;
}

describe('the real binary', () => {
    test('check --progress: lines on stderr only; stdout as without it', () => {
        const plain = run(['check', 'plans', '--format', 'json']);
        expect(plain.stderr).toBe('');
        const withProgress = run(['check', 'plans', '--format', 'json', '--progress']);
        expect(withProgress.stdout).toBe(plain.stdout);
        expect(withProgress.status).toBe(plain.status);
        progressLines(withProgress.stderr, 'check', TOTAL);
    });

    test('no progress in a pipe or a CI log unless asked for', () => {
        expect(run(['check', 'plans']).stderr).toBe('');
        expect(run(['check', 'plans'], { CI: 'true' }).stderr).toBe('');
        progressLines(run(['check', 'plans', '--progress'], { CI: 'true' }).stderr, 'check', TOTAL);
    });

    test('fmt --progress, and fmt --check --progress; in Dutch', () => {
        const dir = makeTempDir('vplan-progress-fmt-');
        try {
            writeFiles(dir, { 'a.vplan': UNFORMATTED_PLAN, 'b.vplan': CLEAN_PLAN.replace('linde_2026', 'b_2026') });
            const checked = runVplan(['fmt', '--check', '--progress', '.'], { cwd: dir });
            expect(checked.stdout).toBe('a.vplan\n');
            progressLines(checked.stderr, 'fmt', 2);
            const written = runVplan(['fmt', '--progress', '--locale', 'nl', '.'], { cwd: dir });
            expect(written.stdout).toBe('a.vplan\n');
            progressLines(written.stderr, 'fmt', 2, 'van', 'bestanden klaar');
        } finally {
            removeDir(dir);
        }
    });

    test.skipIf(spawnSync('git', ['--version']).status !== 0)('review --progress counts the files of both sides', () => {
        const dir = makeTempDir('vplan-progress-review-');
        const git = (...args: string[]) => {
            const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8', env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: dir }) });
            expect(result.status, result.stderr).toBe(0);
        };
        try {
            writeFiles(dir, { 'orgs.vplan': ORGANISATIONS, 'plan.vplan': CLEAN_PLAN });
            git('init', '-q');
            git('-c', 'user.email=r@example.invalid', '-c', 'user.name=R', 'commit', '-q', '--allow-empty', '-m', 'leeg');
            git('add', '-A');
            git('-c', 'user.email=r@example.invalid', '-c', 'user.name=R', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'plannen');
            const plain = runVplan(['review', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: dir });
            const result = runVplan(['review', 'HEAD~1', 'HEAD', '--format', 'json', '--progress'], { cwd: dir });
            expect(result.stdout).toBe(plain.stdout);
            expect(plain.stderr).toBe('');
            // The base has no files, the head two.
            progressLines(result.stderr, 'review', 2);
        } finally {
            removeDir(dir);
        }
    });
});

describe('on a terminal (cli/progress.ts)', () => {
    function terminal(env: NodeJS.ProcessEnv = {}) {
        let clock = 0;
        const written: string[] = [];
        const progress = startProgress({
            command: 'check', total: 3, forced: false, locale: 'en', env, now: () => clock,
            stream: { isTTY: true, write: (chunk: string | Uint8Array) => { written.push(String(chunk)); return true; } }
        });
        return { progress, written, tick: (ms: number) => { clock += ms; } };
    }

    test('nothing for work shorter than about two seconds', () => {
        const { progress, written, tick } = terminal();
        for (let i = 0; i < 3; i++) {
            tick(100);
            progress.advance();
        }
        progress.finish();
        expect(written).toEqual([]);
    });

    test('longer work: one line rewritten in place, cleared at the end', () => {
        const { progress, written, tick } = terminal();
        progress.advance();
        tick(TERMINAL_DELAY_MS);
        progress.advance();
        tick(500);
        progress.advance();
        progress.finish();
        expect(written).toEqual(['\rvplan check: 2 of 3 files done\u001b[K', '\rvplan check: 3 of 3 files done\u001b[K', '\r\u001b[K']);
    });

    test('never in CI, even on a terminal', () => {
        const { progress, written, tick } = terminal({ CI: 'true' });
        tick(TERMINAL_DELAY_MS * 10);
        progress.advance();
        progress.finish();
        expect(written).toEqual([]);
    });
});
