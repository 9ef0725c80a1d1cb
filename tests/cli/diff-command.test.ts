/**
 * `vplan diff OLD NEW` and `vplan diff --git`, through the real binary; the git driver is tested
 * in a real repository made in a temporary folder (`git diff`, GIT_EXTERNAL_DIFF, `git log -p`).
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_PLAN, ORGANISATIONS, VPLAN_COMMAND, cleanEnv, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

/** The clean plan with regie handed over a week later and the huisverbod extended. */
const CHANGED_PLAN = CLEAN_PLAN
    .replace('vt_noord from 2026-01-12 to 2026-02-09', 'vt_noord from 2026-01-12 to 2026-02-16')
    .replace('wt_oost from 2026-02-09', 'wt_oost from 2026-02-16')
    .replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12 for 10 days\n        extend for 18 days\n');

const MOVED_EN = 'regie moves from vt_noord to wt_oost on 2026-02-16 instead of 2026-02-09';
const MOVED_NL = 'regie gaat van vt_noord naar wt_oost over op 2026-02-16 in plaats van 2026-02-09';

let root: string;

beforeAll(() => {
    ensureBuilt();
    root = makeTempDir('vplan-diff-');
    writeFiles(root, {
        'old/orgs.vplan': ORGANISATIONS, 'old/plan.vplan': CLEAN_PLAN,
        'new/orgs.vplan': ORGANISATIONS, 'new/plan.vplan': CHANGED_PLAN,
        'broken/orgs.vplan': ORGANISATIONS, 'broken/plan.vplan': CHANGED_PLAN.replace('        by burg_noord\n', '        by onbekende_org\n'),
        'alone/plan.vplan': CLEAN_PLAN,
        'cfg/vplan.config.json': '{}', 'cfg/orgs.vplan': ORGANISATIONS, 'cfg/plans/plan.vplan': CLEAN_PLAN
    });
});
afterAll(() => removeDir(root));

describe('vplan diff OLD NEW', () => {
    test('prints the semantic changes and exits 0', () => {
        const result = runVplan(['diff', 'old/plan.vplan', 'new/plan.vplan'], { cwd: root });
        expect(result.status).toBe(0);
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain(MOVED_EN);
        expect(result.stdout).toContain('~ measure hv: end 2026-01-22 → 2026-02-09; extensions 0 → 1');
        // References resolve through each file's workspace: no diagnostics differ.
        expect(result.stdout).not.toContain('Diagnostics');
    });

    test('exits 0 for identical versions too', () => {
        const result = runVplan(['diff', 'old/plan.vplan', 'alone/plan.vplan'], { cwd: root });
        expect(result.status).toBe(0);
        // alone/ has no organisations file: the references do not resolve there, which the diff reports.
        expect(result.stdout).toContain('Diagnostics introduced:');
        expect(result.stdout).toContain('~ measure hv: by burg_noord → (none)');
        const same = runVplan(['diff', 'old/plan.vplan', 'old/plan.vplan'], { cwd: root });
        expect(same).toMatchObject({ status: 0, stdout: 'No differences in meaning.\n' });
    });

    test('Dutch with --locale nl or a Dutch LANG', () => {
        expect(runVplan(['diff', '--locale', 'nl', 'old/plan.vplan', 'new/plan.vplan'], { cwd: root }).stdout).toContain(MOVED_NL);
        expect(runVplan(['diff', 'old/plan.vplan', 'new/plan.vplan'], { cwd: root, env: { LANG: 'nl_NL.UTF-8' } }).stdout).toContain(MOVED_NL);
        // A diagnostic is a *bevinding* with a Dutch severity (never a *melding*: that is a report of violence).
        const introduced = runVplan(['diff', '--locale', 'nl', 'old/plan.vplan', 'broken/plan.vplan'], { cwd: root }).stdout;
        expect(introduced).toMatch(/Nieuwe bevindingen:\n {2}\+ VP081 fout: .*onbekende_org/);
        expect(introduced).toContain('~ maatregel hv: door burg_noord → (geen)');
        const resolved = runVplan(['diff', '--locale', 'nl', 'broken/plan.vplan', 'old/plan.vplan'], { cwd: root }).stdout;
        expect(resolved).toMatch(/Opgeloste bevindingen:\n {2}- VP081 fout: /);
        expect(introduced + resolved).not.toMatch(/melding|Diagnostics|\berror\b/);
    });

    test('reports the diagnostics a change introduces and resolves', () => {
        const forward = runVplan(['diff', 'old/plan.vplan', 'broken/plan.vplan'], { cwd: root });
        expect(forward.stdout).toMatch(/Diagnostics introduced:\n {2}\+ VP081 error: .*onbekende_org/);
        const back = runVplan(['diff', '--format', 'json', 'broken/plan.vplan', 'old/plan.vplan'], { cwd: root });
        const json = JSON.parse(back.stdout);
        expect(json.diagnostics.resolved.map((d: { code: string }) => d.code)).toEqual(['VP081']);
        expect(json.diagnostics.introduced).toEqual([]);
    });

    test('--format json is the whole diff for tools', () => {
        const json = JSON.parse(runVplan(['diff', '--format', 'json', 'old/plan.vplan', 'new/plan.vplan'], { cwd: root }).stdout);
        expect(json).toMatchObject({ version: 1, old: 'old/plan.vplan', new: 'new/plan.vplan', identical: false });
        expect(json.plans[0].handovers).toEqual([{ change: 'moved', from: 'vt_noord', to: 'wt_oost', oldDate: '2026-02-09', newDate: '2026-02-16' }]);
    });

    test('loads a file with the workspace of the nearest vplan.config.json above it', () => {
        const result = runVplan(['diff', 'old/plan.vplan', 'cfg/plans/plan.vplan'], { cwd: root });
        expect(result.stdout).toBe('No differences in meaning.\n');
    });

    test('needs exactly two files', () => {
        for (const args of [['diff'], ['diff', 'old/plan.vplan'], ['diff', 'a', 'b', 'c']]) {
            const result = runVplan(args, { cwd: root });
            expect(result.status).toBe(2);
            expect(lines(result.stderr)).toHaveLength(1);
        }
    });

    test('--git takes git\'s seven arguments; /dev/null stands for an added or deleted file', () => {
        const added = runVplan(['diff', '--git', 'old/plan.vplan', '/dev/null', '.', '.', 'old/plan.vplan', 'abc123', '100644'], { cwd: root });
        expect(added.status).toBe(0);
        expect(added.stdout).toContain('diff --vplan a/old/plan.vplan b/old/plan.vplan');
        expect(added.stdout).toContain('plan linde_2026: added');
        const deleted = runVplan(['diff', '--git', 'old/plan.vplan', 'old/plan.vplan', 'abc123', '100644', '/dev/null', '.', '.'], { cwd: root });
        expect(deleted.stdout).toContain('plan linde_2026: removed');
        // An unmerged path comes as one argument.
        expect(runVplan(['diff', '--git', 'old/plan.vplan'], { cwd: root })).toMatchObject({ status: 0, stdout: '* Unmerged path old/plan.vplan\n' });
        const wrong = runVplan(['diff', '--git', 'a', 'b'], { cwd: root });
        expect(wrong.status).toBe(2);
        expect(lines(wrong.stderr)).toHaveLength(1);
    });

    test('--git resolves a temporary file against the workspace of the repository path', () => {
        // The text of new/plan.vplan, as git would pass it: a temporary file outside any workspace.
        const result = runVplan(['diff', '--git', 'old/plan.vplan', 'old/plan.vplan', 'a1', '100644', 'new/plan.vplan', 'b2', '100644'], { cwd: root });
        expect(result.stdout).toContain(MOVED_EN);
        expect(result.stdout).not.toContain('VP081');
    });
});

describe('vplan diff as git\'s diff driver', () => {
    let repo: string;
    const git = (args: string[], env: Record<string, string> = {}) => {
        const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: cleanEnv({ GIT_PAGER: 'cat', GIT_CONFIG_NOSYSTEM: '1', HOME: repo, ...env }) });
        if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
        return result.stdout;
    };
    const gitAvailable = spawnSync('git', ['--version']).status === 0;

    beforeAll(() => {
        if (!gitAvailable) return;
        repo = makeTempDir('vplan-git-');
        git(['init', '-q']);
        git(['config', 'user.email', 'reviewer@example.invalid']);
        git(['config', 'user.name', 'Reviewer']);
        git(['config', 'commit.gpgsign', 'false']);
        writeFiles(repo, { '.gitattributes': '*.vplan diff=vplan\n', 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': CLEAN_PLAN });
        git(['add', '-A']);
        git(['commit', '-q', '-m', 'Plan Linde']);
        writeFiles(repo, { 'plans/linde.vplan': CHANGED_PLAN });
    });
    afterAll(() => { if (repo) removeDir(repo); });

    test.skipIf(!gitAvailable)('git diff with diff.vplan.command shows the semantic diff', () => {
        const output = git(['-c', `diff.vplan.command=${VPLAN_COMMAND} diff --git`, 'diff']);
        expect(output).toContain('diff --vplan a/plans/linde.vplan b/plans/linde.vplan');
        expect(output).toContain(MOVED_EN);
        expect(output).not.toContain('VP081');
        // Without the driver, git shows its line diff.
        expect(git(['diff'])).toContain('+        extend for 18 days');
    });

    test.skipIf(!gitAvailable)('git diff with GIT_EXTERNAL_DIFF, also from a subfolder', () => {
        const output = git(['diff'], { GIT_EXTERNAL_DIFF: `${VPLAN_COMMAND} diff --git` });
        expect(output).toContain(MOVED_EN);
        const sub = spawnSync('git', ['diff'], {
            cwd: join(repo, 'plans'), encoding: 'utf8',
            env: cleanEnv({ GIT_PAGER: 'cat', GIT_CONFIG_NOSYSTEM: '1', HOME: repo, GIT_EXTERNAL_DIFF: `${VPLAN_COMMAND} diff --git` })
        });
        expect(sub.stdout).toContain(MOVED_EN);
    });

    test.skipIf(!gitAvailable)('git log -p --ext-diff shows the semantic diff of each commit, with the config', () => {
        git(['add', '-A']);
        git(['commit', '-q', '-m', 'Regie later over']);
        git(['config', 'diff.vplan.command', `${VPLAN_COMMAND} diff --git`]);
        const log = git(['log', '-p', '--ext-diff']);
        expect(log).toContain('Regie later over');
        expect(log).toContain(MOVED_EN);
        // The first commit added the files: the driver sees /dev/null as the old side.
        expect(log).toContain('plan linde_2026: added');
        const show = git(['show', '--ext-diff', 'HEAD']);
        expect(show).toContain(MOVED_EN);
    });

    test.skipIf(!gitAvailable)('a renamed plan: git passes nine arguments', () => {
        git(['mv', 'plans/linde.vplan', 'plans/linde-2026.vplan']);
        writeFiles(repo, { 'plans/linde-2026.vplan': CLEAN_PLAN });
        git(['add', '-A']);
        const output = git(['-c', `diff.vplan.command=${VPLAN_COMMAND} diff --git`, 'diff', '--cached', '-M', 'HEAD']);
        expect(output).toContain('diff --vplan a/plans/linde.vplan b/plans/linde-2026.vplan');
        expect(output).toContain('regie moves from vt_noord to wt_oost on 2026-02-09 instead of 2026-02-16');
        git(['reset', '-q', '--hard']);
    });

    test.skipIf(!gitAvailable)('a deleted plan shows as removed', () => {
        git(['rm', '-q', 'plans/linde.vplan']);
        const output = git(['diff', '--cached']);
        expect(output).toContain('plan linde_2026: removed');
        git(['reset', '-q', '--hard']);
    });
});
