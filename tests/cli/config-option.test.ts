/**
 * `--config FILE` on `vplan fmt` and `vplan review` (cli.md, common rules: one
 * `vplan.config.json` that replaces the cascade for every file of the call), through the real
 * binary: its settings (locale, rules) apply to every file; a FILE that is missing or not a file
 * is exit 2 with one line, as for `vplan check --config`; `review` reads FILE once from the
 * working tree and checks both revisions with it, whatever config files the revisions hold.
 */

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
    CLEAN_PLAN, ORGANISATIONS, RUNNING_AS_ROOT, UNFORMATTED_PLAN, cleanEnv, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles
} from './cli-test-helpers.js';

const BROKEN_PLAN = 'plan kapot "Kapot" {\n  status active\n    period 2026-01-01 to\n}\n';
/** A plan without a `network`: VP100 (a warning by default). */
const NO_NETWORK = CLEAN_PLAN.replace(/ {4}network \{\n.*?\n {4}\}\n\n/s, '');
const named = (plan: string, name: string, title: string) => plan.replace('plan linde_2026 "Veiligheidsplan gezin Linde"', `plan ${name} "${title}"`);

let dir: string;

beforeAll(() => ensureBuilt());
beforeEach(() => {
    dir = makeTempDir('vplan-config-option-');
});
afterEach(() => removeDir(dir));

const run = (args: string[], cwd = dir) => runVplan(args, { cwd });

describe('vplan fmt --config FILE', () => {
    beforeEach(() => {
        writeFiles(dir, {
            'plans/orgs.vplan': ORGANISATIONS,
            'plans/messy.vplan': UNFORMATTED_PLAN,
            'plans/kapot.vplan': BROKEN_PLAN,
            'nl.config.json': JSON.stringify({ locale: 'nl' }),
            // The cascade's own file says English: --config replaces it.
            'plans/vplan.config.json': JSON.stringify({ locale: 'en' })
        });
    });

    test("the named file's locale gives the messages of every file; --locale still beats it", () => {
        const english = run(['fmt', '--check', 'plans']);
        expect(english.status).toBe(1);
        expect(lines(english.stdout)).toEqual(['plans/messy.vplan']);
        expect(english.stderr).toMatch(/^plans\/kapot\.vplan:\d+:\d+: VP000 .* \(not formatted\)\n$/);

        const dutch = run(['fmt', '--check', '--config', 'nl.config.json', 'plans']);
        expect(dutch.status).toBe(1);
        expect(lines(dutch.stdout)).toEqual(['plans/messy.vplan']);
        expect(dutch.stderr).toMatch(/^plans\/kapot\.vplan:\d+:\d+: VP000 .* \(niet geformatteerd\)\n$/);
        // The syntax message itself is Dutch too: not the English line with another ending.
        expect(dutch.stderr.replace(' (niet geformatteerd)', '')).not.toBe(english.stderr.replace(' (not formatted)', ''));

        expect(run(['fmt', '--check', '--config', 'nl.config.json', '--locale', 'en', 'plans']).stderr).toBe(english.stderr);
        // Formatting itself does not depend on the settings.
        expect(run(['fmt', '--config', 'nl.config.json', 'plans/messy.vplan']).status).toBe(0);
        expect(readFileSync(join(dir, 'plans/messy.vplan'), 'utf8')).toBe(CLEAN_PLAN);
    });

    test('a missing FILE, or one that is not a file, is exit 2 with one line, and nothing is written', () => {
        for (const [config, reason] of [['nope.config.json', 'no such file or folder (given with --config)'], ['plans', 'is not a file (given with --config)']]) {
            const result = run(['fmt', '--config', config, 'plans']);
            expect(result.status).toBe(2);
            expect(result.stdout).toBe('');
            expect(result.stderr).toBe(`vplan: ${config}: ${reason}\n`);
            // The same line as `vplan check --config`.
            expect(run(['check', '--config', config, 'plans']).stderr).toBe(result.stderr);
        }
        expect(readFileSync(join(dir, 'plans/messy.vplan'), 'utf8')).toBe(UNFORMATTED_PLAN);
    });

    test.skipIf(RUNNING_AS_ROOT)('a FILE that cannot be read is exit 2 with one line', () => {
        chmodSync(join(dir, 'nl.config.json'), 0o000);
        const result = run(['fmt', '--config', 'nl.config.json', 'plans']);
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('vplan: nl.config.json: cannot be read (EACCES)\n');
        expect(readFileSync(join(dir, 'plans/messy.vplan'), 'utf8')).toBe(UNFORMATTED_PLAN);
    });

    test('--help names the option', () => {
        expect(run(['fmt', '--help']).stdout).toMatch(/--config <file> +use this vplan\.config\.json instead of the nearest one/);
    });
});

const gitAvailable = spawnSync('git', ['--version']).status === 0;

describe.skipIf(!gitAvailable)('vplan review --config FILE', () => {
    let repo: string;
    const git = (...args: string[]) => {
        const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: repo }) });
        if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
        return result.stdout;
    };
    const commit = (files: Record<string, string>, message: string) => {
        writeFiles(repo, files);
        git('add', '-A');
        git('commit', '-q', '--allow-empty', '-m', message);
    };
    const review = (args: string[]) => run(['review', ...args], repo);
    type Json = { files: Array<{ path: string; type: string; diagnostics: { introduced: Array<{ code: string }>; resolved: Array<{ code: string }> } }> };
    const codes = (stdout: string, side: 'introduced' | 'resolved') => (JSON.parse(stdout) as Json).files.flatMap(f => f.diagnostics[side].map(d => `${f.path} ${d.code}`));

    beforeEach(() => {
        repo = join(dir, 'repo');
        writeFiles(dir, { 'off.config.json': JSON.stringify({ rules: { VP100: 'off' } }) });
        mkdirSync(repo);
        git('init', '-q');
        git('config', 'user.email', 'reviewer@example.invalid');
        git('config', 'user.name', 'Reviewer');
        git('config', 'commit.gpgsign', 'false');
        commit({
            'vplan.config.json': '{}\n',
            'plans/orgs.vplan': ORGANISATIONS,
            'plans/linde.vplan': CLEAN_PLAN,
            'plans/berk.vplan': named(NO_NETWORK, 'berk_2026', 'Veiligheidsplan gezin Berk')
        }, 'Begin');
        // The change: a plan without a network added (VP100 introduced), Berk's network added (VP100 resolved).
        writeFiles(repo, {
            'plans/hazel.vplan': named(NO_NETWORK, 'hazel_2026', 'Veiligheidsplan gezin Hazel'),
            'plans/berk.vplan': named(CLEAN_PLAN, 'berk_2026', 'Veiligheidsplan gezin Berk')
        });
    });

    test("the named file's rules apply to both revisions: a rule it turns off is neither introduced nor resolved", () => {
        const without = review(['HEAD', '--format', 'json']);
        expect(without.status).toBe(0);
        expect(codes(without.stdout, 'introduced')).toEqual(['plans/hazel.vplan VP100']);
        expect(codes(without.stdout, 'resolved')).toEqual(['plans/berk.vplan VP100']);

        const withConfig = review(['HEAD', '--format', 'json', '--config', '../off.config.json']);
        expect(withConfig.stderr).toBe('');
        expect(withConfig.status).toBe(0);
        expect(codes(withConfig.stdout, 'introduced')).toEqual([]);
        expect(codes(withConfig.stdout, 'resolved')).toEqual([]);
        // The changes in meaning are the same.
        const paths = (stdout: string) => (JSON.parse(stdout) as Json).files.map(f => f.path);
        expect(paths(withConfig.stdout)).toEqual(['plans/berk.vplan', 'plans/hazel.vplan']);
        expect(review(['HEAD', '--config', '../off.config.json']).stdout).not.toContain('VP100');
    });

    test("a revision's own vplan.config.json does not change the result, and is not listed", () => {
        const before = review(['HEAD', '--format', 'json', '--config', '../off.config.json']).stdout;
        // The working tree's config makes VP100 an error and messages Dutch.
        writeFiles(repo, { 'vplan.config.json': JSON.stringify({ rules: { VP100: 'error' }, locale: 'nl' }) });
        const without = review(['HEAD', '--format', 'json']).stdout;
        expect((JSON.parse(without) as Json).files.map(f => f.path)).toContain('vplan.config.json');
        expect(codes(without, 'introduced')).toEqual(['plans/hazel.vplan VP100']);
        expect(review(['HEAD', '--format', 'json', '--config', '../off.config.json']).stdout).toBe(before);
        // Between two commits as well.
        commit({}, 'Hazel, and settings');
        expect(codes(review(['HEAD~1', 'HEAD', '--format', 'json']).stdout, 'introduced')).toEqual(['plans/hazel.vplan VP100']);
        const committed = review(['HEAD~1', 'HEAD', '--format', 'json', '--config', '../off.config.json']).stdout;
        expect(codes(committed, 'introduced')).toEqual([]);
        expect((JSON.parse(committed) as Json).files.map(f => f.path)).toEqual(['plans/berk.vplan', 'plans/hazel.vplan']);
    });

    test('FILE is read from the working tree, not from the revisions, also where a revision has a file of that name', () => {
        commit({}, 'Hazel');
        // Both commits hold `{}`; the working tree's file turns VP100 off.
        writeFiles(repo, { 'vplan.config.json': JSON.stringify({ rules: { VP100: 'off' } }) });
        expect(codes(review(['HEAD~1', 'HEAD', '--format', 'json']).stdout, 'introduced')).toEqual(['plans/hazel.vplan VP100']);
        const result = review(['HEAD~1', 'HEAD', '--format', 'json', '--config', 'vplan.config.json']);
        expect(result.stderr).toBe('');
        expect(codes(result.stdout, 'introduced')).toEqual([]);
        expect(codes(result.stdout, 'resolved')).toEqual([]);
    });

    test('a missing FILE, or one that is not a file, is exit 2 with one line; -o never writes over FILE', () => {
        for (const [config, reason] of [['nope.config.json', 'no such file or folder (given with --config)'], ['plans', 'is not a file (given with --config)']]) {
            const result = review(['HEAD', '--config', config]);
            expect(result).toEqual({ status: 2, stdout: '', stderr: `vplan: ${config}: ${reason}\n` });
        }
        const overwrite = review(['HEAD', '--config', '../off.config.json', '-o', '../off.config.json']);
        expect(overwrite.status).toBe(2);
        expect(lines(overwrite.stderr)).toHaveLength(1);
        expect(readFileSync(join(dir, 'off.config.json'), 'utf8')).toBe(JSON.stringify({ rules: { VP100: 'off' } }));
    });

    test('--help names the option', () => {
        expect(review(['--help']).stdout).toMatch(/--config <file> +use this vplan\.config\.json instead of the nearest one/);
    });
});
