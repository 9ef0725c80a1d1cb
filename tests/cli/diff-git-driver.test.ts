/**
 * `vplan diff --git` as git's external diff driver (cli.md, `vplan diff`, v2), in real git
 * repositories made in temporary folders: `git diff`, `git log -p`, `git show`, renames, binary
 * and non-UTF-8 versions, a catalogue edit, a deletion, paths that are not `.vplan` and paths that
 * look like options. The driver never makes git stop.
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_PLAN, ORGANISATIONS, VPLAN_COMMAND, cleanEnv, ensureBuilt, lines, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

const CHANGED_PLAN = CLEAN_PLAN
    .replace('vt_noord from 2026-01-12 to 2026-02-09', 'vt_noord from 2026-01-12 to 2026-02-16')
    .replace('wt_oost from 2026-02-09', 'wt_oost from 2026-02-16')
    .replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12 for 10 days\n        extend for 18 days\n');
const MOVED_EN = 'regie moves from vt_noord to wt_oost on 2026-02-16 instead of 2026-02-09';
const WORKING_TREE_NOTE = "Note: both sides were resolved against the working tree's workspace";
const DRIVER = `${VPLAN_COMMAND} diff --git`;

const gitAvailable = spawnSync('git', ['--version']).status === 0;

/** A git repository in a temporary folder, with vplan as the diff driver of `*.vplan`. */
function repository(files: Record<string, string | Buffer>, attributes = '*.vplan diff=vplan\n') {
    const dir = makeTempDir('vplan-git-');
    const env = (extra: Record<string, string> = {}) => cleanEnv({ GIT_PAGER: 'cat', GIT_CONFIG_NOSYSTEM: '1', HOME: dir, ...extra });
    const git = (args: string[], extra: Record<string, string> = {}, cwd = dir) => {
        const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: env(extra), maxBuffer: 64 * 1024 * 1024 });
        if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
        return result.stdout;
    };
    git(['init', '-q']);
    git(['config', 'user.email', 'reviewer@example.invalid']);
    git(['config', 'user.name', 'Reviewer']);
    git(['config', 'commit.gpgsign', 'false']);
    git(['config', 'diff.vplan.command', DRIVER]);
    writeFiles(dir, { '.gitattributes': attributes, ...files });
    const commit = (message: string, changes: Record<string, string | Buffer> = {}) => {
        writeFiles(dir, changes);
        git(['add', '-A']);
        git(['commit', '-q', '-m', message]);
    };
    return { dir, git, commit };
}

describe.skipIf(!gitAvailable)('vplan diff as git\'s diff driver', () => {
    let repo: ReturnType<typeof repository>;

    beforeAll(() => {
        ensureBuilt();
        repo = repository({ 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': CLEAN_PLAN });
        repo.commit('Plan Linde');
        writeFiles(repo.dir, { 'plans/linde.vplan': CHANGED_PLAN });
    });
    afterAll(() => removeDir(repo.dir));

    test('git diff shows the semantic diff, with git\'s header and the count line', () => {
        const output = repo.git(['diff']);
        expect(output).toContain('diff --vplan a/plans/linde.vplan b/plans/linde.vplan');
        expect(output).toContain(MOVED_EN);
        expect(output).toContain('0 added, 2 changed, 0 removed');
        expect(output).not.toMatch(/VP08[01]/);
        // Without the driver, git shows its line diff.
        expect(repo.git(['diff', '--no-ext-diff'])).toContain('+        extend for 18 days');
    });

    test('GIT_EXTERNAL_DIFF, also from a subfolder', () => {
        expect(repo.git(['diff'], { GIT_EXTERNAL_DIFF: DRIVER })).toContain(MOVED_EN);
        expect(repo.git(['diff'], { GIT_EXTERNAL_DIFF: DRIVER }, join(repo.dir, 'plans'))).toContain(MOVED_EN);
    });

    test('git log -p and git show', () => {
        repo.commit('Regie later over');
        const log = repo.git(['log', '-p', '--ext-diff']);
        expect(log).toContain('Regie later over');
        expect(log).toContain(MOVED_EN);
        // The first commit added the files: /dev/null is the old side, the plan is shown whole.
        expect(log).toContain('+ plan linde_2026 "Veiligheidsplan gezin Linde"\n      status active\n');
        expect(log).toContain('+ organisation vt_noord "Veilig Thuis Noord" kind veiligthuis');
        expect(repo.git(['show', '--ext-diff', 'HEAD'])).toContain(MOVED_EN);
    });

    test('a pure rename: nine arguments, no changes and no diagnostics of its own', () => {
        // Before: a pure file rename showed diagnostics introduced and resolved.
        repo.git(['mv', 'plans/linde.vplan', 'plans/linde-2026.vplan']);
        const output = repo.git(['diff', '--cached', '-M', 'HEAD']);
        expect(lines(output)).toEqual([
            'diff --vplan a/plans/linde.vplan b/plans/linde-2026.vplan',
            'No differences.',
            '0 added, 0 changed, 0 removed'
        ]);
        writeFiles(repo.dir, { 'plans/linde-2026.vplan': CLEAN_PLAN });
        repo.git(['add', '-A']);
        expect(repo.git(['diff', '--cached', '-M', 'HEAD'])).toContain('regie moves from vt_noord to wt_oost on 2026-02-09 instead of 2026-02-16');
        repo.git(['reset', '-q', '--hard']);
    });

    test('a deleted plan is shown removed, whole', () => {
        repo.git(['rm', '-q', 'plans/linde.vplan']);
        const output = repo.git(['diff', '--cached']);
        expect(output).toContain('- plan linde_2026 "Veiligheidsplan gezin Linde"');
        expect(output).toContain('0 added, 0 changed, 1 removed');
        repo.git(['reset', '-q', '--hard']);
    });

    test('a catalogue edit shows the diagnostics it introduces in the plans, and says it resolved them against the working tree', () => {
        writeFiles(repo.dir, { 'plans/orgs.vplan': ORGANISATIONS.replace('kind burgemeester', 'kind ggz') });
        const output = repo.git(['diff']);
        expect(output).toContain('diff --vplan a/plans/orgs.vplan b/plans/orgs.vplan');
        expect(output).toContain('~ organisation burg_noord: kind burgemeester → ggz');
        expect(output).toMatch(/\+ plans\/linde\.vplan:\d+: VP033 warning: /);
        expect(output).toContain(WORKING_TREE_NOTE);
        expect(lines(output).at(-1)).toBe('0 added, 1 changed, 0 removed; 1 warning introduced');
        repo.git(['checkout', '-q', '--', 'plans/orgs.vplan']);
    });

    test('no note about the working tree when no diagnostic depends on another file', () => {
        writeFiles(repo.dir, { 'plans/linde.vplan': CHANGED_PLAN.replace('    evaluation 2026-04-15 "Evaluatie"', '    evaluation 2026-04-15 "Evaluatie"\n    incident 2026-09-01 "Melding"') });
        const output = repo.git(['diff']);
        expect(output).toContain('VP052');
        // The plan names organisations of orgs.vplan, so its diagnostics may depend on that file.
        expect(output).toContain(WORKING_TREE_NOTE);
        repo.git(['checkout', '-q', '--', 'plans/linde.vplan']);
        const alone = repository({ 'solo.vplan': 'organisation a "A" kind wijkteam\n' });
        try {
            alone.commit('A');
            writeFiles(alone.dir, { 'solo.vplan': 'organisation a "A" kind wijkteam\norganisation a "A twee" kind ggz\n' });
            const solo = alone.git(['diff']);
            expect(solo).toContain('VP080');
            expect(solo).not.toContain(WORKING_TREE_NOTE);
        } finally {
            removeDir(alone.dir);
        }
    });
});

describe.skipIf(!gitAvailable)('the git driver never makes git stop', () => {
    test('a binary and a non-UTF-8 version in history: a one-line note, the other side shown, git log -p goes on', () => {
        // Before: exit 2, "external diff died", and `git log -p` stopped there for good.
        const repo = repository({ 'orgs.vplan': ORGANISATIONS, 'plan.vplan': Buffer.from([0x70, 0x6c, 0x61, 0x6e, 0x00, 0x01, 0x02]) });
        try {
            repo.commit('Binary by mistake');
            repo.commit('Latin-1 by mistake', { 'plan.vplan': Buffer.from('plan linde_2026 "Caf\xe9" {\n}\n', 'latin1') });
            repo.commit('Plan text', { 'plan.vplan': CLEAN_PLAN });
            const log = repo.git(['log', '-p', '--ext-diff']);
            expect(log).toContain('Binary by mistake');
            expect(log).toContain('Latin-1 by mistake');
            expect(log).toContain('vplan: a/plan.vplan: is not UTF-8 text (first invalid byte at offset 20) (not compared: the other side is shown alone)');
            expect(log).toContain('vplan: b/plan.vplan: is a binary file, not plan text (not compared: the other side is shown alone)');
            expect(log).toContain('+ plan linde_2026 "Veiligheidsplan gezin Linde"');
            expect(log).toContain('+ organisation vt_noord');
            const show = spawnSync('git', ['show', '--ext-diff', 'HEAD~1', '--format=%s'], {
                cwd: repo.dir, encoding: 'utf8', env: cleanEnv({ GIT_PAGER: 'cat', GIT_CONFIG_NOSYSTEM: '1', HOME: repo.dir })
            });
            expect(show.status).toBe(0);
            expect(show.stderr).toBe('');
        } finally {
            removeDir(repo.dir);
        }
    });

    test('the JSON of a side that is not plan text carries the note', () => {
        const dir = makeTempDir('vplan-git-json-');
        try {
            writeFiles(dir, { 'plan.vplan': CLEAN_PLAN, 'binary.bin': Buffer.from([0, 1, 2]) });
            const result = runVplan(['diff', '--git', '--format', 'json', 'plan.vplan', 'binary.bin', 'a1b2c3d', '100644', 'plan.vplan', 'd4e5f6a', '100644'], { cwd: dir });
            expect(result.status).toBe(0);
            const document = JSON.parse(result.stdout);
            expect(document.notes).toEqual([{ side: 'old', file: 'a/plan.vplan', reason: 'is a binary file, not plan text' }]);
            expect(document.changes[0]).toMatchObject({ change: 'added', kind: 'plan', name: 'linde_2026' });
        } finally {
            removeDir(dir);
        }
    });

    test('the side shown alone brings no diagnostics introduced or resolved: nothing was compared', () => {
        // Before: "0 added, 0 changed, 1 removed; 1 error resolved", as if a version git
        // cannot show as text had fixed the errors of the one before it.
        const dir = makeTempDir('vplan-git-alone-');
        try {
            const broken = CLEAN_PLAN.replace('        by burg_noord\n', '        by onbekende_org\n');
            writeFiles(dir, {
                'orgs.vplan': ORGANISATIONS, 'plan.vplan': CLEAN_PLAN,
                // git's temporary files: the old version with an error (VP081), the new one not UTF-8.
                'tmp/old_plan.vplan': broken, 'tmp/new_plan.vplan': Buffer.from('plan linde_2026 "Caf\xe9" {\n}\n', 'latin1')
            });
            // Compared with plan text, the change resolves them.
            const compared = runVplan(['diff', '--git', 'plan.vplan', 'tmp/old_plan.vplan', 'a1b2c3d', '100644', 'plan.vplan', 'd4e5f6a', '100644'], { cwd: dir }).stdout;
            expect(compared).toMatch(/; 1 error resolved\n$/);
            const removed = runVplan(['diff', '--git', 'plan.vplan', 'tmp/old_plan.vplan', 'a1b2c3d', '100644', 'tmp/new_plan.vplan', 'd4e5f6a', '100644'], { cwd: dir });
            expect(removed).toMatchObject({ status: 0, stderr: '' });
            const shown = lines(removed.stdout);
            expect(shown.slice(0, 3)).toEqual([
                'diff --vplan a/plan.vplan b/plan.vplan',
                'vplan: b/plan.vplan: is not UTF-8 text (first invalid byte at offset 20) (not compared: the other side is shown alone)',
                '- plan linde_2026 "Veiligheidsplan gezin Linde"'
            ]);
            expect(shown.map(line => line.trim())).toContain('by onbekende_org');
            expect(removed.stdout).not.toMatch(/Diagnostics|VP0\d\d|introduced|resolved/);
            expect(shown.at(-1)).toBe('0 added, 0 changed, 1 removed');
            const added = runVplan(['diff', '--git', '--format', 'json', 'plan.vplan', 'tmp/new_plan.vplan', 'a1b2c3d', '100644', 'tmp/old_plan.vplan', 'd4e5f6a', '100644'], { cwd: dir });
            const document = JSON.parse(added.stdout);
            expect(document.notes).toEqual([{ side: 'old', file: 'a/plan.vplan', reason: 'is not UTF-8 text (first invalid byte at offset 20)' }]);
            expect(document.changes).toEqual([expect.objectContaining({ change: 'added', kind: 'plan', name: 'linde_2026' })]);
            expect(document.diagnostics).toEqual({ introduced: [], resolved: [] });
            expect(document.summary).toEqual({ added: 1, changed: 0, removed: 0, introduced: { errors: 0, warnings: 0, infos: 0 }, resolved: { errors: 0, warnings: 0, infos: 0 } });
            expect(document).toMatchObject({ identical: false, resolvedAgainstWorkingTree: false });
        } finally {
            removeDir(dir);
        }
    });

    test('paths that are not .vplan files', () => {
        // Before: "internal error: The service registry contains no services for the extension '.json'".
        const repo = repository({ 'orgs.vplan': ORGANISATIONS, 'linde.plan': CLEAN_PLAN, 'settings.json': '{}\n' }, '*.vplan diff=vplan\n*.plan diff=vplan\n');
        try {
            repo.commit('Plans');
            writeFiles(repo.dir, { 'linde.plan': CHANGED_PLAN, 'settings.json': '{ "a": 1 }\n' });
            const output = repo.git(['diff', '--', 'linde.plan']);
            expect(output).toContain('diff --vplan a/linde.plan b/linde.plan');
            expect(output).toContain(MOVED_EN);
            expect(output).not.toContain('VP081');
            // GIT_EXTERNAL_DIFF applies to every file: a JSON file is read as plan text, and git goes on.
            const all = repo.git(['diff'], { GIT_EXTERNAL_DIFF: DRIVER });
            expect(all).toContain('diff --vplan a/settings.json b/settings.json');
            expect(all).not.toContain('internal error');
        } finally {
            removeDir(repo.dir);
        }
    });

    test('file names that look like options are not read as options', () => {
        const names = ['--config=x.vplan', '-h.vplan', '--git.vplan', '--locale'];
        const repo = repository({ 'orgs.vplan': ORGANISATIONS, ...Object.fromEntries(names.map(name => [name, CLEAN_PLAN])) }, '*.vplan diff=vplan\n--locale diff=vplan\n');
        try {
            repo.commit('Plans with odd names');
            writeFiles(repo.dir, Object.fromEntries(names.map(name => [name, CHANGED_PLAN])));
            const output = repo.git(['diff']);
            for (const name of names) expect(output).toContain(`diff --vplan a/${name} b/${name}\nplan linde_2026:`);
            expect(output.split(MOVED_EN)).toHaveLength(names.length + 1);
            expect(output).not.toMatch(/Usage:|internal error|unknown option/);
            // Options written after --git in the configured command stay options.
            const dutch = repo.git(['-c', `diff.vplan.command=${DRIVER} --locale nl`, 'diff', '--', '-h.vplan']);
            expect(dutch).toContain('regie gaat van vt_noord naar wt_oost over op 2026-02-16');
        } finally {
            removeDir(repo.dir);
        }
    });

    test('history after a rename across files: the driver says it resolved against the working tree', () => {
        // git does not tell the driver which commit it shows; the driver says so instead of
        // presenting errors of today's tree as the history's (`vplan review` is exact for history).
        const repo = repository({ 'orgs.vplan': ORGANISATIONS, 'plan.vplan': CLEAN_PLAN });
        try {
            repo.commit('Plan');
            repo.commit('Regie later', { 'plan.vplan': CHANGED_PLAN });
            repo.commit('Veilig Thuis renamed', {
                'orgs.vplan': ORGANISATIONS.replace('vt_noord', 'vt_zhz'),
                'plan.vplan': CHANGED_PLAN.replace(/vt_noord/g, 'vt_zhz')
            });
            const log = repo.git(['log', '-p', '--ext-diff', '--format=commit %s']);
            // The first commit's plan named vt_noord, which today's tree no longer declares.
            const first = log.slice(log.indexOf('commit Plan\n'));
            expect(first).toMatch(/\+ VP081 error: 'vt_noord'/);
            expect(first).toContain(WORKING_TREE_NOTE);
            // Both sides of the second commit name vt_noord: nothing introduced, nothing resolved.
            const second = log.slice(log.indexOf('commit Regie later'), log.indexOf('commit Plan\n'));
            expect(second).toContain(MOVED_EN);
            expect(second).not.toContain('VP081');
            const rename = log.slice(log.indexOf('commit Veilig Thuis renamed'), log.indexOf('commit Regie later'));
            expect(rename).toContain('~ organisation vt_noord renamed to vt_zhz');
            expect(rename).toContain(WORKING_TREE_NOTE);
        } finally {
            removeDir(repo.dir);
        }
    });
});
