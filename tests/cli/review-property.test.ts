/**
 * `vplan review BASE HEAD` against two from-scratch `vplan check`s (issue 12's "done when"): over
 * random changes to a small repository (plan edits, a catalogue edit that breaks plans elsewhere,
 * deletions, renames, new files, a deleted catalogue), each file the review lists has exactly the
 * diagnostics introduced and resolved that the two checks give (compared by code and message,
 * as the review schema says), and every file it leaves out has the same text and the same
 * diagnostics on both sides. A fixed seed keeps CI deterministic; the real binary, real git.
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLEAN_PLAN, ERROR_PLAN, ORGANISATIONS, WARNING_PLAN, cleanEnv, ensureBuilt, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

type Files = Record<string, string>;

const gitAvailable = spawnSync('git', ['--version']).status === 0;
const made: string[] = [];

function git(root: string, ...args: string[]): string {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: cleanEnv({ GIT_CONFIG_NOSYSTEM: '1', HOME: root }) });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
}

function folder(files: Files): string {
    const root = makeTempDir('vplan-review-prop-');
    made.push(root);
    writeFiles(root, files);
    // A git work tree, so that the workspace root is this folder as in the repository.
    git(root, 'init', '-q');
    return root;
}

const renamePlan = (text: string, id: string, title: string) =>
    text.replace('plan linde_2026 "Veiligheidsplan gezin Linde"', `plan ${id} "${title}"`);

const BASE: Files = {
    'plans/orgs.vplan': ORGANISATIONS,
    'plans/linde.vplan': CLEAN_PLAN,
    'plans/berk.vplan': renamePlan(WARNING_PLAN, 'berk_2026', 'Veiligheidsplan gezin Berk')
};

/** Changes a reviewer meets; each leaves the files alone where its target is missing. */
const MUTATIONS: Record<string, (files: Files) => void> = {
    editTitle: files => {
        if (files['plans/linde.vplan']) files['plans/linde.vplan'] = files['plans/linde.vplan'].replace('gezin Linde', 'gezin Linde (herzien)');
    },
    breakOrganisation: files => {
        if (files['plans/orgs.vplan']) files['plans/orgs.vplan'] = files['plans/orgs.vplan'].replace('"Burgemeester Noord" kind burgemeester', '"Burgemeester Noord" kind wijkteam');
    },
    fixWarnings: files => {
        if (files['plans/berk.vplan']) files['plans/berk.vplan'] = renamePlan(CLEAN_PLAN, 'berk_2026', 'Veiligheidsplan gezin Berk');
    },
    deletePlan: files => { delete files['plans/linde.vplan']; },
    renamePlan: files => {
        if (!files['plans/berk.vplan']) return;
        files['plans/archief/berk.vplan'] = files['plans/berk.vplan'];
        delete files['plans/berk.vplan'];
    },
    addBrokenPlan: files => { files['plans/eik.vplan'] = renamePlan(ERROR_PLAN, 'eik_2026', 'Veiligheidsplan gezin Eik'); },
    addDuplicatePlan: files => { files['plans/kopie.vplan'] = CLEAN_PLAN; },
    deleteCatalogue: files => { delete files['plans/orgs.vplan']; }
};

interface CheckDiagnostic { file: string; code: string; message: string }

/** `vplan check --format json` of a folder: each file's diagnostics as `code message` keys. */
function checkFolder(root: string): Map<string, string[]> {
    const result = runVplan(['check', '--format', 'json'], { cwd: root });
    expect(result.status, result.stderr).not.toBe(2);
    const byFile = new Map<string, string[]>();
    for (const d of (JSON.parse(result.stdout) as { diagnostics: CheckDiagnostic[] }).diagnostics) {
        byFile.set(d.file, [...(byFile.get(d.file) ?? []), `${d.code} ${d.message}`]);
    }
    return byFile;
}

/** The keys of `from` not matched by one in `minus` (a multiset difference), sorted. */
function without(from: string[], minus: string[]): string[] {
    const left = [...minus];
    const rest: string[] = [];
    for (const key of from) {
        const index = left.indexOf(key);
        if (index >= 0) left.splice(index, 1);
        else rest.push(key);
    }
    return rest.sort();
}

const sorted = (keys: string[]) => [...keys].sort();

interface ReviewFile {
    path: string; oldPath: string | null; newPath: string | null; status: string;
    diagnostics: { introduced: CheckDiagnostic[]; resolved: CheckDiagnostic[] };
}

beforeAll(() => ensureBuilt());
afterAll(() => { for (const root of made) removeDir(root); });

test.skipIf(!gitAvailable)('vplan review lists exactly the changes and diagnostics of a from-scratch check of each revision', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.constantFrom(...Object.keys(MUTATIONS)), { minLength: 1, maxLength: 3 }), names => {
        const head: Files = { ...BASE };
        for (const name of names) MUTATIONS[name](head);

        const repo = folder(BASE);
        git(repo, 'config', 'user.email', 'reviewer@example.invalid');
        git(repo, 'config', 'user.name', 'Reviewer');
        git(repo, 'config', 'commit.gpgsign', 'false');
        git(repo, 'add', '-A');
        git(repo, 'commit', '-q', '-m', 'Begin');
        for (const path of Object.keys(BASE)) if (!(path in head)) git(repo, 'rm', '-q', path);
        writeFiles(repo, head);
        git(repo, 'add', '-A');
        git(repo, 'commit', '-q', '--allow-empty', '-m', names.join(', '));

        const review = runVplan(['review', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo });
        expect(review.status, review.stderr).not.toBe(2);
        const files = (JSON.parse(review.stdout) as { files: ReviewFile[] }).files;
        const before = checkFolder(folder(BASE));
        const after = checkFolder(folder(head));

        const keys = (list: CheckDiagnostic[]) => sorted(list.map(d => `${d.code} ${d.message}`));
        const listedOld = new Set<string>();
        const listedNew = new Set<string>();
        for (const file of files) {
            const old = file.oldPath === null ? [] : before.get(file.oldPath) ?? [];
            const now = file.newPath === null ? [] : after.get(file.newPath) ?? [];
            expect(keys(file.diagnostics.introduced), `${names}: introduced in ${file.path}`).toEqual(without(now, old));
            expect(keys(file.diagnostics.resolved), `${names}: resolved in ${file.path}`).toEqual(without(old, now));
            if (file.oldPath !== null) listedOld.add(file.oldPath);
            if (file.newPath !== null) listedNew.add(file.newPath);
        }
        // A file the review leaves out is the same on both sides, in text and in diagnostics.
        for (const path of new Set([...Object.keys(BASE), ...Object.keys(head)])) {
            if (listedOld.has(path) || listedNew.has(path)) continue;
            expect(head[path], `${names}: ${path} changed but is not listed`).toBe(BASE[path]);
            expect(sorted(after.get(path) ?? []), `${names}: diagnostics of ${path}`).toEqual(sorted(before.get(path) ?? []));
        }
    }), { seed: 20261207, numRuns: 12 });
}, 240_000);

test.skipIf(!gitAvailable)('the folders of the property are one workspace each, as the repository is', () => {
    const root = folder({ 'plans/orgs.vplan': ORGANISATIONS, 'plans/linde.vplan': CLEAN_PLAN });
    expect(checkFolder(root).size).toBe(0);
    expect(checkFolder(join(root, 'plans')).size).toBe(0);
});
