/**
 * Which files the CLI reads, by their names (cli.md v2, common rules; language reference, section
 * 2), through the real binary:
 *
 * - a folder search, and the workspace of a file, leave out every file and folder whose name
 *   starts with a dot, as the language server does (`isWorkspaceEntryName`): a file named `.vplan` in
 *   a workspace is no internal error for any command on it;
 * - a file named explicitly is plan text whatever its name, for `check` and `fmt` as for
 *   `render`, `export` and `diff`; diagnostics and messages show its real path.
 */

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isWorkspaceEntryName } from '../../language/workspace/workspace-layout.js';
import {
    CLEAN_PLAN, ORGANISATIONS, UNFORMATTED_PLAN, WARNING_PLAN, cleanEnv, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles
} from './cli-test-helpers.js';

const gitAvailable = spawnSync('git', ['--version']).status === 0;
const ROOT_CONFIG = '{ "root": true }\n';
/** A catalogue file named `.vplan`: Langium finds no extension in that name. */
const DOT_VPLAN = 'organisation zz "Wijkteam Z" kind wijkteam\n';
/** A file whose name starts with a dot that would make `orgs.vplan` a duplicate (VP080) if it took part. */
const DOT_DRAFT = 'organisation vt_noord "Veilig Thuis Noord (concept)" kind veiligthuis\n';

let root: string;

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-names-');
});
afterAll(() => removeDir(root));

function run(args: string[], cwd: string, env?: Record<string, string>, input?: string) {
    return runVplan(args, { cwd, env, input });
}

function git(cwd: string, ...args: string[]): void {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: cwd }) });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

function expectNoInternalError(result: { status: number | null; stderr: string }, what: string): void {
    expect(result.stderr, what).not.toMatch(/internal error|service registry/);
    expect(result.status, `${what}: ${result.stderr}`).not.toBe(2);
}

describe('names that start with a dot', () => {
    let dir: string;

    beforeAll(() => {
        dir = join(root, 'dot');
        writeFiles(dir, {
            'vplan.config.json': ROOT_CONFIG,
            'orgs.vplan': ORGANISATIONS,
            'p.vplan': CLEAN_PLAN,
            '.vplan': DOT_VPLAN,
            '.draft.vplan': DOT_DRAFT,
            '.hidden/x.vplan': DOT_DRAFT
        });
    });

    test('the workspace rule (one for the CLI, review, the language server and its watcher), entry by entry', () => {
        const files = ['.vplan', '.draft.vplan', 'p.vplan', 'notes.txt', 'a.vplan.txt', '..vplan', 'x..vplan'];
        expect(files.filter(name => isWorkspaceEntryName(name, 'file'))).toEqual(['p.vplan', 'x..vplan']);
        const folders = ['.hidden', 'node_modules', 'plans', '.vplan', 'x.vplan'];
        expect(folders.filter(name => isWorkspaceEntryName(name, 'folder'))).toEqual(['plans', 'x.vplan']);
        expect([...files, ...folders].filter(name => isWorkspaceEntryName(name, 'other'))).toEqual([]);
    });

    test('every command on the workspace works as if they were not there', () => {
        const checkFile = run(['check', 'p.vplan'], dir);
        expect(checkFile.stderr).toBe('');
        expect(checkFile).toMatchObject({ status: 0, stdout: '1 file checked: 0 errors, 0 warnings, 0 infos.\n' });
        // `.draft.vplan` declares vt_noord before orgs.vplan does (in path order): no VP080 on orgs.vplan.
        const checkAll = run(['check', '.'], dir);
        expect(checkAll.stderr).toBe('');
        expect(checkAll).toMatchObject({ status: 0, stdout: '2 files checked: 0 errors, 0 warnings, 0 infos.\n' });
        for (const args of [['check', 'orgs.vplan', '--format', 'json'], ['render', 'p.vplan'], ['export', 'p.vplan'], ['fmt', '--check', '.'], ['diff', 'p.vplan', 'p.vplan']]) {
            const result = run(args, dir);
            expect(result.stderr, args.join(' ')).toBe('');
            expect(result.status, args.join(' ')).toBe(0);
        }
    });

    test.skipIf(!gitAvailable)('check --changed and review too, with `.vplan` itself changed', () => {
        const repo = join(root, 'dot-git');
        writeFiles(repo, { 'orgs.vplan': ORGANISATIONS, 'p.vplan': CLEAN_PLAN, '.vplan': DOT_VPLAN, '.draft.vplan': DOT_DRAFT });
        git(repo, 'init', '-q');
        git(repo, 'add', '-A');
        git(repo, '-c', 'user.email=r@example.invalid', '-c', 'user.name=R', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Begin');
        writeFiles(repo, { 'p.vplan': WARNING_PLAN, '.vplan': `${DOT_VPLAN}organisation yy "Y" kind wijkteam\n` });
        const changed = run(['check', '--changed', 'HEAD'], repo);
        expect(changed.stderr).toBe('');
        expect(changed.status).toBe(0);
        expect(lines(changed.stdout).at(-1)).toBe('1 file checked: 0 errors, 2 warnings, 0 infos.');
        // vplan review reads both revisions through git, by the same rule.
        const review = run(['review', 'HEAD', '--format', 'json'], repo);
        expectNoInternalError(review, 'review HEAD');
        const files = (JSON.parse(review.stdout) as { files: Array<{ path: string }> }).files.map(file => file.path);
        expect(files).toEqual(['p.vplan']);
    });

    test('a file named `.vplan` explicitly is plan text: check, fmt, render, export, diff, --stdin-filename', () => {
        const check = run(['check', '.vplan'], dir);
        expect(check.stderr).toBe('');
        expect(check).toMatchObject({ status: 0, stdout: '1 file checked: 0 errors, 0 warnings, 0 infos.\n' });
        expect(run(['check', '.vplan', '--format', 'json'], dir).stdout).toContain('"files": 1');
        expect(run(['fmt', '--check', '.vplan'], dir)).toMatchObject({ status: 0, stdout: '', stderr: '' });
        expect(run(['render', '.vplan'], dir).stderr).toBe('vplan: .vplan: holds no plan to render\n');
        expect(run(['export', '.vplan'], dir).stderr).toBe('vplan: .vplan: holds no plan to export\n');
        const diff = run(['diff', '.vplan', '.vplan'], dir);
        expect(diff.stderr).toBe('');
        expect(diff.status).toBe(0);
        const stdin = run(['check', '--stdin', '--stdin-filename', '.vplan'], dir, undefined, DOT_VPLAN);
        expect(stdin.stderr).toBe('');
        expect(stdin).toMatchObject({ status: 0, stdout: '1 file checked: 0 errors, 0 warnings, 0 infos.\n' });
        expectNoInternalError(run(['check', '.draft.vplan'], dir), 'check .draft.vplan');
    });
});

describe('a file named explicitly is plan text whatever its name', () => {
    let dir: string;

    beforeAll(() => {
        dir = join(root, 'txt');
        writeFiles(dir, {
            'vplan.config.json': ROOT_CONFIG,
            'orgs.vplan': ORGANISATIONS,
            'notes.txt': WARNING_PLAN,
            // Sorts before plan.vplan, so it declares linde_2026 first: VP080 on plan.vplan names it.
            'a.txt': CLEAN_PLAN,
            'plan.vplan': CLEAN_PLAN,
            'broken.txt': 'plan x "y" {\n    status active\n',
            'ugly.txt': UNFORMATTED_PLAN,
            'ugly.vplan.bak': UNFORMATTED_PLAN
        });
    });

    test('check reports its diagnostics under the name as given, in every format', () => {
        const text = run(['check', 'notes.txt'], dir);
        expect(text.stderr).toBe('');
        expect(text.status).toBe(0);
        const diagnostics = lines(text.stdout).slice(0, -1);
        expect(diagnostics.length).toBe(2);
        for (const line of diagnostics) expect(line).toMatch(/^notes\.txt:\d+:\d+: warning VP0(33|41) /);
        expect(lines(text.stdout).at(-1)).toBe('1 file checked: 0 errors, 2 warnings, 0 infos.');
        const json = JSON.parse(run(['check', 'notes.txt', '--format', 'json'], dir).stdout);
        expect(json.diagnostics.map((d: { file: string }) => d.file)).toEqual(['notes.txt', 'notes.txt']);
        expect(run(['check', 'notes.txt', '--format', 'junit'], dir).stdout).toContain('<testsuite name="notes.txt"');
        expect(run(['check', 'notes.txt', '--format', 'github'], dir).stdout).toContain('::warning file=notes.txt,');
        const syntax = run(['check', 'broken.txt'], dir);
        expect(syntax.status).toBe(1);
        expect(syntax.stdout).toMatch(/^broken\.txt:2:\d+: error VP000 /m);
    });

    test('a message that names it shows its real path, not a stand-in', () => {
        for (const env of [{}, { VPLAN_CHECK_BATCH: '1' }] as Array<Record<string, string>>) {
            const result = run(['check', 'a.txt', 'plan.vplan'], dir, env);
            expect(result.stderr).toBe('');
            expect(result.status).toBe(1);
            expect(lines(result.stdout)).toEqual([
                expect.stringMatching(/^plan\.vplan:\d+:\d+: error VP080 The name 'linde_2026' is already used by a plan declared in a\.txt, line \d+; /),
                '2 files checked: 1 error, 0 warnings, 0 infos.'
            ]);
        }
    });

    test('in Dutch too: no line about the name of the file', () => {
        const result = run(['check', 'notes.txt', '--locale', 'nl'], dir);
        expect(result.stderr).toBe('');
        expect(lines(result.stdout).at(-1)).toBe('1 bestand gecontroleerd: 0 fouten, 2 waarschuwingen, 0 opmerkingen.');
    });

    test('fmt --check lists it, fmt rewrites it in place and creates no other file', () => {
        const check = run(['fmt', '--check', 'ugly.txt', 'notes.txt'], dir);
        expect(check).toMatchObject({ status: 1, stdout: 'ugly.txt\n', stderr: '' });
        const syntax = run(['fmt', '--check', 'broken.txt'], dir);
        expect(syntax.status).toBe(1);
        expect(lines(syntax.stderr)).toEqual([expect.stringMatching(/^broken\.txt:2:\d+: VP000 .*\(not formatted\)$/)]);
        const before = readdirSync(dir).sort();
        const format = run(['fmt', 'ugly.txt'], dir);
        expect(format).toMatchObject({ status: 0, stdout: 'ugly.txt\n', stderr: '' });
        expect(readFileSync(join(dir, 'ugly.txt'), 'utf8')).toBe(CLEAN_PLAN);
        expect(readdirSync(dir).sort()).toEqual(before);
        expect(run(['fmt', '--check', 'ugly.txt'], dir)).toMatchObject({ status: 0, stdout: '' });
        // A folder search still finds `*.vplan` files only.
        expect(run(['fmt', '--check', '.'], dir)).toMatchObject({ status: 0, stdout: '' });
        expect(readFileSync(join(dir, 'ugly.vplan.bak'), 'utf8')).toBe(UNFORMATTED_PLAN);
    });
});
