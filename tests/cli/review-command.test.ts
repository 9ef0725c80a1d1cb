/**
 * `vplan review BASE [HEAD]` (cli.md, v2) through the real binary, in real git repositories made
 * in temporary folders: changes in meaning, a catalogue edit that breaks a plan elsewhere (the
 * unchanged plan is listed), renames, deletions, the working tree with uncommitted changes (left
 * as it was), two workspaces, a settings change, every format (JSON against
 * schemas/vplan-review.schema.json), `--fail-on-new`, and the exit-2 lines. The property test
 * against `vplan check` of each revision: review-property.test.ts.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { CLEAN_PLAN, ERROR_PLAN, ORGANISATIONS, REPO_ROOT, WARNING_PLAN, cleanEnv, ensureBuilt, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';
import { computeReview } from '../../cli/review.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/vplan-review.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** A review's JSON, checked against the published schema. */
function reviewJson(stdout: string) {
    const document = JSON.parse(stdout);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
    return document as {
        base: { revision: string; commit: string }; head: { revision: string | null; commit: string | null };
        workspaces: string[];
        files: Array<{
            path: string; oldPath: string | null; newPath: string | null; type: string; status: string; sameMeaning: string | null;
            changes: Array<{ change: string; kind: string; name: string; newName?: string; plan?: string; text?: string[]; fields?: Array<{ field: string; old: unknown; new: unknown }> }>;
            diagnostics: { introduced: Array<{ code: string; severity: string; message: string; line: number }>; resolved: Array<{ code: string; severity: string; message: string }> };
        }>;
        catalogue: Array<{ file: string; change: string; kind: string; name: string; plans: Array<{ plan: string; file: string }> }>;
        notes: Array<{ side: string; file: string; reason: string }>;
        summary: { files: number; added: number; changed: number; removed: number; introduced: { errors: number; warnings: number; infos: number }; resolved: { errors: number; warnings: number; infos: number } };
    };
}

const gitAvailable = spawnSync('git', ['--version']).status === 0;

/** A git repository in a temporary folder. */
class Repository {
    readonly root = makeTempDir('vplan-review-');

    constructor(files: Record<string, string | Buffer>) {
        this.git('init', '-q');
        this.git('config', 'user.email', 'reviewer@example.invalid');
        this.git('config', 'user.name', 'Reviewer');
        this.git('config', 'commit.gpgsign', 'false');
        this.commit(files, 'Begin');
    }

    git(...args: string[]): string {
        const result = spawnSync('git', args, { cwd: this.root, encoding: 'utf8', env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: this.root }) });
        if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
        return result.stdout;
    }

    write(files: Record<string, string | Buffer>): void {
        writeFiles(this.root, files);
    }

    remove(...paths: string[]): void {
        for (const path of paths) rmSync(join(this.root, path));
    }

    commit(files: Record<string, string | Buffer>, message: string): string {
        this.write(files);
        this.git('add', '-A');
        this.git('commit', '-q', '--allow-empty', '-m', message);
        return this.git('rev-parse', 'HEAD').trim();
    }

    review(args: string[], cwd = this.root) {
        return runVplan(['review', ...args], { cwd });
    }
}

const BERK_PLAN = WARNING_PLAN.replace('plan linde_2026 "Veiligheidsplan gezin Linde"', 'plan berk_2026 "Veiligheidsplan gezin Berk"');
const BASE_FILES = { 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': CLEAN_PLAN, 'plans/berk.vplan': BERK_PLAN };

let repositories: Repository[] = [];
function repository(files: Record<string, string | Buffer> = BASE_FILES): Repository {
    const made = new Repository(files);
    repositories.push(made);
    return made;
}

beforeAll(() => ensureBuilt());
afterEach(() => {
    for (const made of repositories) removeDir(made.root);
    repositories = [];
});

describe.skipIf(!gitAvailable)('vplan review', () => {
    test('a plan edit: its changes in meaning and the diagnostic it introduces', () => {
        const repo = repository();
        repo.commit({ 'plans/linde.vplan': CLEAN_PLAN.replace('        by burg_noord\n', '        by ggz_noord\n') }, 'GGZ legt het huisverbod op');
        const result = repo.review(['HEAD~1', 'HEAD']);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('plans/linde.vplan (modified)\n  plan linde_2026:\n    ~ measure hv: by burg_noord → ggz_noord\n');
        expect(result.stdout).toMatch(/\+ \d+:\d+ VP033 warning: /);
        expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('1 file: 0 added, 1 changed, 0 removed; 1 warning introduced');

        const review = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json']).stdout);
        expect(review.base.revision).toBe('HEAD~1');
        expect(review.base.commit).toBe(repo.git('rev-parse', 'HEAD~1').trim());
        expect(review.head.commit).toBe(repo.git('rev-parse', 'HEAD').trim());
        expect(review.workspaces).toEqual(['.']);
        expect(review.files).toHaveLength(1);
        expect(review.files[0]).toMatchObject({ path: 'plans/linde.vplan', status: 'modified', type: 'plan' });
        expect(review.files[0].changes).toEqual([{ change: 'changed', kind: 'measure', name: 'hv', plan: 'linde_2026', fields: [{ field: 'by', old: 'burg_noord', new: 'ggz_noord' }] }]);
        expect(review.files[0].diagnostics.introduced.map(d => d.code)).toEqual(['VP033']);
        expect(review.summary).toMatchObject({ files: 1, changed: 1, introduced: { errors: 0, warnings: 1, infos: 0 } });
    });

    test('a catalogue edit that breaks plans elsewhere lists the unchanged plans and the plans that name it', () => {
        const repo = repository();
        repo.commit({ 'plans/orgs.vplan': ORGANISATIONS.replace(/^organisation burg_noord .*\n/m, '') }, 'Burgemeester weg');
        const review = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json']).stdout);
        const byPath = new Map(review.files.map(file => [file.path, file]));
        // Berk's plan names another organisation: it is not listed.
        expect([...byPath.keys()]).toEqual(['plans/linde.vplan', 'plans/orgs.vplan']);
        // Linde's plan did not change, but the organisation its huisverbod names is gone.
        expect(byPath.get('plans/linde.vplan')).toMatchObject({ status: 'unchanged', changes: [] });
        expect(byPath.get('plans/linde.vplan')!.diagnostics.introduced.map(d => d.code)).toEqual(['VP081']);
        expect(byPath.get('plans/orgs.vplan')!.changes).toEqual([
            { change: 'removed', kind: 'organisation', name: 'burg_noord', text: ['organisation burg_noord "Burgemeester Noord" kind burgemeester'] }
        ]);
        expect(review.catalogue).toEqual([{
            file: 'plans/orgs.vplan', change: 'removed', kind: 'organisation', name: 'burg_noord',
            plans: [{ plan: 'linde_2026', file: 'plans/linde.vplan' }]
        }]);
        const text = repo.review(['HEAD~1', 'HEAD']).stdout;
        expect(text).toContain('plans/linde.vplan (unchanged)\n  Diagnostics introduced:\n    + ');
        expect(text).toContain('  - organisation burg_noord (plans/orgs.vplan): named by linde_2026 (plans/linde.vplan)');
        // A kind change: the plans that name the organisation, and the warning it causes in one of them.
        repo.commit({ 'plans/orgs.vplan': ORGANISATIONS.replace('"Burgemeester Noord" kind burgemeester', '"Burgemeester Noord" kind wijkteam') }, 'Soort');
        const kind = reviewJson(repo.review(['HEAD~2', 'HEAD', '--format', 'json']).stdout);
        expect(kind.catalogue).toEqual([{
            file: 'plans/orgs.vplan', change: 'changed', kind: 'organisation', name: 'burg_noord',
            plans: [{ plan: 'linde_2026', file: 'plans/linde.vplan' }]
        }]);
        expect(kind.files.find(f => f.path === 'plans/linde.vplan')!.diagnostics.introduced.map(d => d.code)).toEqual(['VP033']);
    });

    test('a rename shows no changes of its own; a rename with an edit shows the edit', () => {
        const repo = repository();
        // git mv makes no folders: the archive folder first.
        mkdirSync(join(repo.root, 'plans/archief'));
        repo.git('mv', 'plans/berk.vplan', 'plans/archief/berk.vplan');
        repo.git('commit', '-q', '-m', 'Archief');
        const review = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json']).stdout);
        expect(review.files).toEqual([expect.objectContaining({
            path: 'plans/archief/berk.vplan', oldPath: 'plans/berk.vplan', newPath: 'plans/archief/berk.vplan', status: 'renamed',
            changes: [], sameMeaning: 'identical', diagnostics: { introduced: [], resolved: [] }
        })]);
        expect(repo.review(['HEAD~1', 'HEAD']).stdout).toContain('plans/archief/berk.vplan (renamed from plans/berk.vplan)\n  No changes of its own.\n');

        repo.remove('plans/linde.vplan');
        repo.commit({ 'plans/linde-2026.vplan': CLEAN_PLAN.replace('"Alleen begeleid contact"', '"Alleen begeleid contact, op zaterdag"') }, 'Hernoemd en gewijzigd');
        const edited = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json']).stdout);
        expect(edited.files).toHaveLength(1);
        expect(edited.files[0]).toMatchObject({ path: 'plans/linde-2026.vplan', oldPath: 'plans/linde.vplan', status: 'renamed' });
        expect(edited.files[0].changes).toEqual([expect.objectContaining({ change: 'changed', kind: 'agreement', name: 'contact' })]);
    });

    test('a deleted plan: its plan removed whole and its diagnostics resolved', () => {
        const repo = repository();
        repo.remove('plans/berk.vplan');
        repo.commit({}, 'Berk gesloten');
        const review = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json']).stdout);
        expect(review.files).toHaveLength(1);
        const [file] = review.files;
        expect(file).toMatchObject({ path: 'plans/berk.vplan', oldPath: 'plans/berk.vplan', newPath: null, status: 'deleted' });
        expect(file.changes).toEqual([expect.objectContaining({ change: 'removed', kind: 'plan', name: 'berk_2026' })]);
        expect(file.changes[0].text![0]).toBe('plan berk_2026 "Veiligheidsplan gezin Berk"');
        expect(file.diagnostics.resolved.map(d => d.code).sort()).toEqual(['VP033', 'VP041']);
        expect(review.summary.resolved.warnings).toBe(2);
    });

    test('HEAD defaults to the working tree with its uncommitted changes, which stays as it was', () => {
        const repo = repository();
        // Unstaged, staged, untracked, and a plain `mv` (no `git mv`).
        repo.write({ 'plans/linde.vplan': CLEAN_PLAN.replace('        by burg_noord\n', '        by ggz_noord\n') });
        repo.write({ 'plans/new.vplan': CLEAN_PLAN.replace('plan linde_2026 "Veiligheidsplan gezin Linde"', 'plan eik_2026 "Veiligheidsplan gezin Eik"') });
        repo.git('add', 'plans/new.vplan');
        repo.write({ 'plans/untracked.vplan': CLEAN_PLAN.replace('plan linde_2026 "Veiligheidsplan gezin Linde"', 'plan es_2026 "Veiligheidsplan gezin Es"') });
        repo.write({ 'plans/ignored.vplan': 'plan kapot {', '.gitignore': 'plans/ignored.vplan\n' });
        renameSync(join(repo.root, 'plans/berk.vplan'), join(repo.root, 'plans/berk-2026.vplan'));
        const status = repo.git('status', '--porcelain', '--untracked-files=all');
        const objects = repo.git('count-objects', '-v');
        const index = readFileSync(join(repo.root, '.git', 'index'));

        const review = reviewJson(repo.review(['HEAD', '--format', 'json']).stdout);
        expect(review.head).toEqual({ revision: null, commit: null });
        expect(review.files.map(f => [f.path, f.status, f.oldPath])).toEqual([
            ['plans/berk-2026.vplan', 'renamed', 'plans/berk.vplan'],
            ['plans/linde.vplan', 'modified', 'plans/linde.vplan'],
            ['plans/new.vplan', 'added', null],
            ['plans/untracked.vplan', 'added', null]
        ]);
        expect(repo.review(['HEAD']).stdout.split('\n')[0]).toMatch(/^Review of HEAD \([0-9a-f]{7}\) → the working tree$/);

        // Nothing of the repository changed: status, index and object store.
        expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe(status);
        expect(repo.git('count-objects', '-v')).toBe(objects);
        expect(readFileSync(join(repo.root, '.git', 'index')).equals(index)).toBe(true);
    });

    test('from a subfolder: the whole repository, paths relative to the current folder', () => {
        const repo = repository();
        repo.commit({ 'plans/orgs.vplan': ORGANISATIONS.replace(/^organisation burg_noord .*\n/m, '') }, 'Burgemeester weg');
        const review = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json'], join(repo.root, 'plans')).stdout);
        expect(review.files.map(f => f.path)).toEqual(['linde.vplan', 'orgs.vplan']);
        expect(review.workspaces).toEqual(['..']);
    });

    test('every workspace of the repository, each in its own scope', () => {
        const team = (name: string) => ({
            [`teams/${name}/vplan.config.json`]: '{ "root": true }\n',
            [`teams/${name}/orgs.vplan`]: ORGANISATIONS,
            [`teams/${name}/plan.vplan`]: CLEAN_PLAN
        });
        const repo = repository({ ...team('noord'), ...team('zuid') });
        repo.commit({ 'teams/noord/orgs.vplan': ORGANISATIONS.replace(/^organisation burg_noord .*\n/m, '') }, 'Noord zonder burgemeester');
        const review = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json']).stdout);
        expect(review.workspaces).toEqual(['teams/noord', 'teams/zuid']);
        // The same plan name in two workspaces is no duplicate; the edit reaches only its own workspace.
        expect(review.files.map(f => [f.path, f.status])).toEqual([['teams/noord/orgs.vplan', 'modified'], ['teams/noord/plan.vplan', 'unchanged']]);
        expect(review.catalogue[0].plans).toEqual([{ plan: 'linde_2026', file: 'teams/noord/plan.vplan' }]);
    });

    test('a settings change: the config file and the diagnostics it changes in unchanged plans', () => {
        const repo = repository();
        repo.commit({ 'vplan.config.json': '{ "rules": { "VP041": "error" } }\n' }, 'Strenger');
        const review = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json']).stdout);
        expect(review.files.map(f => [f.path, f.type, f.status])).toEqual([['plans/berk.vplan', 'plan', 'unchanged'], ['vplan.config.json', 'config', 'added']]);
        const berk = review.files[0].diagnostics;
        expect(berk.introduced.map(d => `${d.code} ${d.severity}`)).toEqual(['VP041 error']);
        expect(berk.resolved.map(d => `${d.code} ${d.severity}`)).toEqual(['VP041 warning']);
        // A broken config file: its own VP009 is introduced.
        repo.commit({ 'vplan.config.json': '{ "rules": { "VP041": "loud" } }\n' }, 'Fout');
        const broken = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json']).stdout);
        expect(broken.files.find(f => f.path === 'vplan.config.json')!.diagnostics.introduced.map(d => d.code)).toEqual(['VP009']);
    });

    test('a plan file that is not text in one revision gets a note, and the rest is still reviewed', () => {
        const repo = repository();
        repo.commit({ 'plans/kapot.vplan': Buffer.from([0x70, 0x6c, 0x00, 0xff]), 'plans/linde.vplan': ERROR_PLAN }, 'Binair');
        const review = reviewJson(repo.review(['HEAD~1', 'HEAD', '--format', 'json']).stdout);
        expect(review.notes).toEqual([{ side: 'head', file: 'plans/kapot.vplan', reason: 'is a binary file, not plan text' }]);
        expect(review.files.map(f => f.path)).toEqual(['plans/linde.vplan']);
    });

    test('--fail-on-new fails on an error the change introduces, not on old ones; --max-warnings counts new warnings', () => {
        const repo = repository({ ...BASE_FILES, 'plans/linde.vplan': ERROR_PLAN });
        // The old VP081 stays; a title change introduces nothing.
        repo.commit({ 'plans/berk.vplan': BERK_PLAN.replace('"Veiligheidsplan gezin Berk"', '"Veiligheidsplan gezin Berk (herzien)"') }, 'Titel');
        expect(repo.review(['HEAD~1', 'HEAD', '--fail-on-new'])).toMatchObject({ status: 0, stderr: '' });

        repo.commit({ 'plans/berk.vplan': BERK_PLAN.replace('        by ggz_noord\n', '        by onbekend\n') }, 'Fout');
        const failed = repo.review(['HEAD~1', 'HEAD', '--fail-on-new', '--format', 'markdown']);
        expect(failed.status).toBe(1);
        expect(failed.stderr).toBe('vplan review: the change introduces 1 error (--fail-on-new)\n');
        expect(failed.stdout).toContain('## vplan review');
        expect(repo.review(['HEAD~1', 'HEAD']).status).toBe(0);

        // Two new warnings (VP033, VP041): more than 1, not more than 2.
        repo.commit({ 'plans/linde.vplan': WARNING_PLAN }, 'Waarschuwingen');
        expect(repo.review(['HEAD~1', 'HEAD', '--fail-on-new', '--max-warnings', '2']).status).toBe(0);
        const warned = repo.review(['HEAD~1', 'HEAD', '--fail-on-new', '--max-warnings', '1']);
        expect(warned.status).toBe(1);
        expect(warned.stderr).toBe('vplan review: the change introduces 2 warnings, more than --max-warnings 1 (--fail-on-new)\n');
        // --max-warnings alone would gate nothing: it is refused.
        const alone = repo.review(['HEAD~1', 'HEAD', '--max-warnings', '1']);
        expect(alone.status).toBe(2);
        expect(alone.stderr).toBe('vplan: --max-warnings: only counts with --fail-on-new\n');
    });

    test('exit 2 with one line: a BASE or HEAD that is no revision, a folder outside git', () => {
        const repo = repository();
        expect(repo.review(['nope'])).toEqual({ status: 2, stdout: '', stderr: 'vplan: nope: is not a revision of this repository\n' });
        expect(repo.review(['HEAD', 'main~7'])).toEqual({ status: 2, stdout: '', stderr: 'vplan: main~7: is not a revision of this repository\n' });
        expect(repo.review(['--', '-x'])).toMatchObject({ status: 2, stderr: 'vplan: -x: is not a revision of this repository\n' });
        const outside = makeTempDir('vplan-no-git-');
        try {
            const result = runVplan(['review', 'HEAD'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: outside } });
            expect(result.status).toBe(2);
            expect(result.stderr).toMatch(/^vplan: .+: is not in a git work tree\n$/);
            expect(runVplan(['review', 'HEAD', '--locale', 'nl'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: outside } }).stderr)
                .toMatch(/^vplan: .+: ligt niet in een git-werkmap\n$/);
        } finally {
            removeDir(outside);
        }
    });

    test('markdown: a table of the files, the changes in a diff block, escaped plan text', () => {
        const repo = repository();
        repo.commit({ 'plans/linde.vplan': CLEAN_PLAN.replace('"Alleen begeleid contact"', '"Alleen <b>begeleid</b> contact | `x`"').replace('        by burg_noord\n', '        by ggz_noord\n') }, 'Opmaak');
        const markdown = repo.review(['HEAD~1', 'HEAD', '--format', 'markdown']).stdout;
        expect(markdown).toContain('| `plans/linde.vplan` | modified | 2 | 1 warning | 0 |');
        expect(markdown).toContain('```diff\nplan linde_2026:\n  ~ measure hv: by burg_noord → ggz_noord\n');
        expect(markdown).toMatch(/- \+ \*\*warning\*\* `VP033` line \d+:\d+: /);
        // Plan text outside code is escaped; inside a fenced block Markdown shows it as it is.
        expect(markdown).toContain("imposed by 'ggz\\_noord' \\(kind ggz\\)");
        expect(markdown.split('```diff')[0]).not.toContain('<b>');
    });

    test('html: one self-contained page, the timelines before and after, the changed items outlined', () => {
        const repo = repository();
        repo.commit({ 'plans/linde.vplan': CLEAN_PLAN.replace('        from 2026-01-12 for 10 days\n', '        from 2026-01-12 for 10 days\n        extend for 18 days\n') }, 'Verlengd');
        const out = join(repo.root, 'review.html');
        const result = repo.review(['HEAD~1', 'HEAD', '-o', 'review.html']);
        expect(result).toMatchObject({ status: 0, stdout: '' });
        const html = readFileSync(out, 'utf8');
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
        expect(html).not.toMatch(/<script|<link|<img|<iframe|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
        expect(html.match(/<svg /g)).toHaveLength(2);
        expect(html).toContain('Before (HEAD~1)');
        expect(html).toContain('After (HEAD)');
        expect(html).toContain('#vp-review-timeline-1 g[data-item="measure:hv"] rect');
        expect(html).toContain('#vp-review-timeline-2 g[data-item="measure:hv"] rect');
        expect(html.match(/data-item="measure:hv"/g)!.length).toBeGreaterThanOrEqual(2);
        // -o with .md and .json picks the format; --format wins.
        repo.review(['HEAD~1', 'HEAD', '-o', 'review.md']);
        expect(readFileSync(join(repo.root, 'review.md'), 'utf8')).toContain('## vplan review');
        repo.review(['HEAD~1', 'HEAD', '-o', 'review.json']);
        reviewJson(readFileSync(join(repo.root, 'review.json'), 'utf8'));
        repo.review(['HEAD~1', 'HEAD', '-o', 'review.md', '--format', 'text']);
        expect(readFileSync(join(repo.root, 'review.md'), 'utf8')).toMatch(/^Review of HEAD~1/);
    });

    test('in Dutch', () => {
        const repo = repository();
        repo.commit({ 'plans/orgs.vplan': ORGANISATIONS.replace(/^organisation burg_noord .*\n/m, '') }, 'Burgemeester weg');
        const text = repo.review(['HEAD~1', 'HEAD', '--locale', 'nl']).stdout;
        expect(text).toMatch(/^Beoordeling van HEAD~1 \([0-9a-f]{7}\) → HEAD \([0-9a-f]{7}\)\nWerkruimte: \.\n/);
        expect(text).toContain('plans/linde.vplan (ongewijzigd)\n  Nieuwe bevindingen:\n    + ');
        expect(text).toContain('VP081 fout: ');
        expect(text).toContain('  - organisatie burg_noord (plans/orgs.vplan): genoemd in linde_2026 (plans/linde.vplan)');
        expect(text.trimEnd().split('\n').at(-1)).toBe('2 bestanden: 0 toegevoegd, 0 gewijzigd, 1 verwijderd; 1 fout nieuw');
    });

    test('the head side updated from the base side gives what a head side built from scratch gives', async () => {
        const repo = repository();
        repo.commit({
            'plans/orgs.vplan': ORGANISATIONS.replace('"Burgemeester Noord" kind burgemeester', '"Burgemeester Noord" kind wijkteam')
                + 'organisation nieuw_noord "Nieuw Noord" kind wijkteam\n',
            'plans/linde.vplan': CLEAN_PLAN.replace('        by burg_noord\n', '        by nieuw_noord\n'),
            'plans/eik.vplan': ERROR_PLAN.replace('plan linde_2026 "Veiligheidsplan gezin Linde"', 'plan eik_2026 "Veiligheidsplan gezin Eik"')
        }, 'Alles tegelijk');
        repo.remove('plans/berk.vplan');
        repo.commit({ 'plans/archief/berk.vplan': BERK_PLAN.replace('roles witness', 'roles witness, victim') }, 'Archief');
        const options = { defaultLocale: 'en' as const, cwd: repo.root, timelines: true, today: new Date('2026-03-01'), env: cleanEnv({ HOME: repo.root }) };
        const updated = await computeReview('HEAD~2', 'HEAD', options);
        const fresh = await computeReview('HEAD~2', 'HEAD', { ...options, fresh: true });
        expect(updated.review.files.length).toBeGreaterThan(2);
        expect(JSON.parse(JSON.stringify(updated))).toEqual(JSON.parse(JSON.stringify(fresh)));
    });
});

test('the review schema describes the items of a change as the diff schema does', () => {
    const diff = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/vplan-diff.schema.json'), 'utf8'));
    for (const name of ['change', 'handover', 'value', 'kind', 'date', 'count', 'severityCounts']) {
        expect(schema.$defs[name], name).toEqual(diff.$defs[name]);
    }
});
