/**
 * The workspace rule through the real binary (issue 12, item 1; cli.md v2, common rules): in a git
 * repository with nested configs and two `"root": true` workspaces, `vplan check FILE` reports
 * exactly what `vplan check .` reports for FILE, `render` and `export` see the same diagnostics,
 * `--config` replaces the cascade, and `check --stdin --stdin-filename PATH` checks the text as
 * if it were PATH in its workspace. Paths are relative to the current folder (`../vplan.config.json`).
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    ERROR_PLAN, ORGANISATIONS, WARNING_PLAN, cleanEnv, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles
} from './cli-test-helpers.js';

const gitAvailable = spawnSync('git', ['--version']).status === 0;

/** A plan with its own id (plans of one workspace share one namespace). */
function planWithId(plan: string, id: string): string {
    return plan.replace('plan linde_2026 ', `plan ${id} `);
}

let repo: string;

/** Every plan file of the repository, relative to its top. */
const PLANS = ['b.vplan', 'team/a.vplan', 'region/c.vplan', 'other/d.vplan'];

beforeAll(() => {
    ensureBuilt();
    repo = makeTempDir('vplan-parity-');
    writeFiles(repo, {
        // The repository's own workspace (root: the top of the git work tree).
        'catalogue/orgs.vplan': ORGANISATIONS,
        // VP999 is no rule: VP009 on this file, for every file it applies to; VP041 still becomes an error.
        'vplan.config.json': JSON.stringify({ rules: { VP041: 'error', VP999: 'off' } }, null, 2) + '\n',
        'b.vplan': planWithId(WARNING_PLAN, 'b_2026'),
        // A nested config: VP033 an info below team/, VP041 an error from the config above.
        'team/vplan.config.json': JSON.stringify({ rules: { VP033: 'info' } }) + '\n',
        'team/a.vplan': planWithId(WARNING_PLAN, 'a_2026'),
        // A workspace of its own: its own catalogue (the GGZ may impose a huisverbod here: it is
        // declared as a burgemeester) and no settings from above; the same plan id is no duplicate.
        'region/vplan.config.json': JSON.stringify({ root: true }) + '\n',
        'region/orgs.vplan': ORGANISATIONS.replace('organisation ggz_noord "GGZ Noord" kind ggz', 'organisation ggz_noord "GGZ Noord" kind burgemeester'),
        'region/c.vplan': planWithId(WARNING_PLAN, 'a_2026'),
        // Another root without any organisation: every organisation named is VP081.
        'other/vplan.config.json': JSON.stringify({ root: true, rules: { VP041: 'off' } }) + '\n',
        'other/d.vplan': planWithId(ERROR_PLAN, 'a_2026'),
        'strict.config.json': JSON.stringify({ rules: { VP033: 'error' } }) + '\n'
    });
    if (gitAvailable) spawnSync('git', ['init', '-q'], { cwd: repo, env: cleanEnv() });
});

afterAll(() => removeDir(repo));

function check(args: string[], cwd = repo, input?: string) {
    return runVplan(['check', ...args], { cwd, input });
}

/** The diagnostic lines of text output (the summary line dropped). */
function diagnosticLines(stdout: string): string[] {
    return lines(stdout).filter(line => /^\S.*:\d+:\d+: (error|warning|info) VP\d{3} /.test(line));
}

describe.skipIf(!gitAvailable)('one workspace rule for every command', () => {
    let whole: string[];
    beforeAll(() => {
        whole = diagnosticLines(check(['.']).stdout);
    });

    test('check . sees four workspaces: the cascade, the roots and their own catalogues', () => {
        const of = (file: string) => whole.filter(line => line.startsWith(`${file}:`)).map(line => / (error|warning|info) (VP\d{3}) /.exec(line)!.slice(1).join(' '));
        expect(of('b.vplan')).toEqual(['warning VP033', 'error VP041']);
        expect(of('team/a.vplan')).toEqual(['info VP033', 'error VP041']);
        expect(of('region/c.vplan')).toEqual(['warning VP041']);
        expect(of('other/d.vplan').length).toBeGreaterThan(3);
        expect(new Set(of('other/d.vplan'))).toEqual(new Set(['error VP081']));
        expect(whole.filter(line => line.startsWith('vplan.config.json:'))).toHaveLength(1);
        expect(whole.join('\n')).not.toContain('VP080');
    });

    test.each(PLANS)('check %s reports exactly what check . reports for it (and the configs that apply)', file => {
        const single = diagnosticLines(check([file]).stdout);
        const expected = whole.filter(line => line.startsWith(`${file}:`)
            || (line.startsWith('vplan.config.json:') && !file.startsWith('region/') && !file.startsWith('other/')));
        expect(single).toEqual(expected);
    });

    test('several files of different workspaces in one call: each in its own', () => {
        const named = diagnosticLines(check(['other/d.vplan', 'team/a.vplan', 'region/c.vplan']).stdout);
        expect(named).toEqual(whole.filter(line => /^(other\/d|team\/a|region\/c)\.vplan:|^vplan\.config\.json:/.test(line)));
    });

    test('paths are relative to the current folder in every format, the config file above it too', () => {
        const team = join(repo, 'team');
        const text = check(['a.vplan'], team);
        // Sorted by path as shown: `../vplan.config.json` comes first.
        expect(diagnosticLines(text.stdout)).toEqual(whole.filter(line => line.startsWith('team/a.vplan:') || line.startsWith('vplan.config.json:'))
            .map(line => line.startsWith('team/') ? line.slice('team/'.length) : `../${line}`).sort((a, b) => (a < b ? -1 : 1)));
        const json = JSON.parse(check(['--format', 'json', 'a.vplan'], team).stdout) as { diagnostics: Array<{ file: string }> };
        expect(new Set(json.diagnostics.map(d => d.file))).toEqual(new Set(['../vplan.config.json', 'a.vplan']));
        const github = check(['--format', 'github', 'a.vplan'], team).stdout;
        expect(github).toMatch(/^::error file=\.\.\/vplan\.config\.json,line=\d+/m);
        expect(github).not.toContain(repo);
        const junit = check(['--format', 'junit', 'a.vplan'], team).stdout;
        expect(junit).toContain('name="../vplan.config.json"');
        expect(junit).not.toContain(repo);
        for (const format of ['text', 'json', 'github', 'junit']) {
            expect(check(['--format', format, '.'], team).stdout, format).not.toContain(repo);
        }
    });

    test.each(PLANS)('export and render of %s see the diagnostics check reports for it', file => {
        const own = whole.filter(line => line.startsWith(`${file}:`));
        const count = (severity: string) => own.filter(line => line.includes(`: ${severity} VP`)).length;
        const exported = runVplan(['export', file], { cwd: repo });
        expect(exported.stderr).toBe('');
        expect(JSON.parse(exported.stdout).diagnostics).toEqual({ errors: count('error'), warnings: count('warning'), infos: count('info') });
        const html = runVplan(['render', file], { cwd: repo, env: { SOURCE_DATE_EPOCH: '1790000000' } }).stdout;
        const shown = new Set([...html.matchAll(/\b(error|warning|info) (VP\d{3})(?::|&#58;) /g)].map(m => `${m[1]} ${m[2]}`));
        const checked = new Set(own.map(line => / (error|warning|info) (VP\d{3}) /.exec(line)!.slice(1).join(' ')));
        expect(shown.size).toBeGreaterThan(0);
        expect(shown).toEqual(checked);
    });

    test('--config replaces the whole cascade (its settings only, for every file of the call)', () => {
        const strict = diagnosticLines(check(['--config', 'strict.config.json', 'team/a.vplan', 'b.vplan']).stdout);
        expect(strict.map(line => / (error|warning|info) (VP\d{3}) /.exec(line)!.slice(1).join(' ')))
            .toEqual(['error VP033', 'warning VP041', 'error VP033', 'warning VP041']);
        expect(strict.join('\n')).not.toContain('VP009');
    });
});

describe.skipIf(!gitAvailable)('vplan check --stdin --stdin-filename PATH', () => {
    test('checks the text as if it were PATH in its workspace', () => {
        const file = 'team/a.vplan';
        const onDisk = check([file]);
        const fromStdin = check(['--stdin', '--stdin-filename', file], repo, readFileSync(join(repo, file), 'utf8'));
        expect(fromStdin.stdout).toBe(onDisk.stdout);
        expect(fromStdin.status).toBe(onDisk.status);
    });

    test('the text on stdin replaces the file: an unsaved edit, never a duplicate of the file on disk', () => {
        const edited = planWithId(ERROR_PLAN, 'a_2026');
        const result = check(['--stdin', '--stdin-filename', 'team/a.vplan'], repo, edited);
        const codes = diagnosticLines(result.stdout).map(line => / (VP\d{3}) /.exec(line)![1]);
        expect(codes).toContain('VP081');
        expect(codes).not.toContain('VP080');
        expect(diagnosticLines(result.stdout).filter(line => !line.startsWith('vplan.config.json:')).every(line => line.startsWith('team/a.vplan:'))).toBe(true);
        expect(result.status).toBe(1);
    });

    test('a new file that does not exist yet resolves against its workspace too; a name not ending in .vplan works', () => {
        for (const name of ['team/new.vplan', 'team/Untitled-1']) {
            const result = check(['--stdin', '--stdin-filename', name, '--format', 'json'], repo, planWithId(WARNING_PLAN, 'nieuw_2026'));
            const json = JSON.parse(result.stdout) as { diagnostics: Array<{ file: string; code: string; severity: string }> };
            expect(json.diagnostics.filter(d => d.file === name).map(d => `${d.severity} ${d.code}`), name).toEqual(['info VP033', 'error VP041']);
        }
    });

    test('bad use and bad text: exit 2 with one line', () => {
        const withoutName = check(['--stdin'], repo, 'plan x "X" {}\n');
        expect(withoutName.status).toBe(2);
        expect(lines(withoutName.stderr)).toEqual(['vplan: --stdin: needs --stdin-filename PATH: the file the text stands for']);
        const withPath = check(['--stdin', '--stdin-filename', 'b.vplan', 'team'], repo, '');
        expect(withPath.status).toBe(2);
        expect(lines(withPath.stderr)).toHaveLength(1);
        const withoutStdin = check(['--stdin-filename', 'b.vplan'], repo);
        expect(withoutStdin.status).toBe(2);
        expect(lines(withoutStdin.stderr)).toEqual(['vplan: --stdin-filename: is only used with --stdin']);
        const notUtf8 = runVplan(['check', '--stdin', '--stdin-filename', 'b.vplan'], { cwd: repo, input: Buffer.from([0x70, 0x6c, 0xe9, 0x0a]) });
        expect(notUtf8.status).toBe(2);
        expect(lines(notUtf8.stderr)).toEqual(['vplan: b.vplan: is not UTF-8 text (first invalid byte at offset 2)']);
    });
});
