/**
 * The git part of `npm run bench`: a generated git repository of `count` plans (bench/workload.ts)
 * and one organisation catalogue, with a history of 20 commits that each change one plan, and the
 * time of `vplan review` over that 20-file change against one `vplan check` of the repository
 * (issue 12's target: under twice its time). bench/main.ts calls `measureReview` and puts the
 * result in docs/performance.md.
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readStats, timeNode } from './timed-process.js';
import { catalogueToVplan, generateWorkspace, planToVplan } from './workload.js';

export interface GitRepositoryLayout {
    root: string;
    planPaths: string[];
    /** The commits of the history, oldest first (the first is the initial commit). */
    commits: string[];
}

function git(root: string, args: string[]): string {
    const result = spawnSync('git', args, {
        cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root, GIT_AUTHOR_DATE: '2026-01-12T09:00:00Z', GIT_COMMITTER_DATE: '2026-01-12T09:00:00Z' }
    });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
}

/**
 * A change a reviewer would read: the plan's title and the length of its interventions; every
 * fourth also hands a measure to another organisation (which a check may then find fault with).
 */
function editPlan(text: string, round: number): string {
    let edited = text.replace(/^(plan \w+ "[^"]*)"/m, `$1 (herzien ${round + 1})"`);
    edited = edited.replace(/for (\d+) months/, (_, months: string) => `for ${Number(months) + 1} months`);
    if (round % 4 === 3) edited = edited.replace(/(measure \w+ \w+ \{[\s\S]*?\n\s+by )(\w+)/, '$1ggz_noord');
    return edited;
}

/** Writes the repository: the initial commit of every file, then `history` commits of one plan each. */
export function writeGitRepository(count: number, history = 20): GitRepositoryLayout {
    const root = mkdtempSync(join(tmpdir(), 'vplan-bench-git-'));
    mkdirSync(join(root, 'plannen'));
    const workspace = generateWorkspace(count);
    writeFileSync(join(root, 'organisaties.vplan'), catalogueToVplan(workspace.catalogue));
    const planPaths = workspace.plans.map(plan => {
        const path = join(root, 'plannen', `${plan.id}.vplan`);
        writeFileSync(path, planToVplan(plan));
        return path;
    });
    git(root, ['init', '-q']);
    git(root, ['config', 'user.email', 'bench@example.invalid']);
    git(root, ['config', 'user.name', 'Bench']);
    git(root, ['config', 'commit.gpgsign', 'false']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'Alle plannen']);
    // Packed, as a clone is; the history below stays loose, as fresh commits are.
    git(root, ['repack', '-adq']);
    const commits = [git(root, ['rev-parse', 'HEAD']).trim()];
    // Plans spread over the workspace, each changed once.
    const step = Math.max(1, Math.floor(count / history));
    for (let round = 0; round < history; round++) {
        const path = planPaths[(round * step) % planPaths.length];
        writeFileSync(path, editPlan(readFileSync(path, 'utf8'), round));
        git(root, ['commit', '-q', '-a', '-m', `Plan ${round + 1} herzien`]);
        commits.push(git(root, ['rev-parse', 'HEAD']).trim());
    }
    return { root, planPaths, commits };
}

interface Timed { ms: number; cpuMs: number; stdout: string; status: number | null }

/** Runs the CLI in `cwd` and times it from spawn to exit; CPU time from bench/rss-preload.cjs. */
async function timeCli(cliPath: string, preloadPath: string, args: string[], cwd: string, statsFile: string): Promise<Timed> {
    rmSync(statsFile, { force: true });
    const { ms, stdout, status } = await timeNode(['--require', preloadPath, cliPath, ...args], { cwd, env: { ...process.env, VPLAN_BENCH_RSS_FILE: statsFile } });
    return { ms, cpuMs: readStats(statsFile).at(-1)?.cpuMs ?? NaN, stdout, status };
}

export interface ReviewBenchResult {
    plans: number;
    changedFiles: number;
    checkMs: number;
    checkCpuMs: number;
    reviewMs: number;
    reviewCpuMs: number;
    /** Review of the working tree with one uncommitted plan edit against HEAD. */
    workingTreeMs: number;
    /** The git driver (`diff.vplan.command = vplan diff --git`), wall time of git itself. */
    driver: { oneFileMs: number; twentyFilesMs: number; logMs: number };
    summary: { files: number; introduced: { errors: number; warnings: number; infos: number }; resolved: { errors: number; warnings: number; infos: number } };
}

const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * `vplan check` of the repository and `vplan review HEAD~20 HEAD`, interleaved `runs` times
 * (median), plus a review of the working tree with one uncommitted edit.
 */
export async function measureReview(options: { cliPath: string; preloadPath: string; plans: number; runs: number; log: (text: string) => void; keep?: boolean }): Promise<ReviewBenchResult> {
    const layout = writeGitRepository(options.plans);
    const stats = join(layout.root, '.git', 'bench-stats.jsonl');
    try {
        const check: Timed[] = [];
        const review: Timed[] = [];
        const base = layout.commits[0];
        const head = layout.commits.at(-1)!;
        for (let run = 0; run < options.runs; run++) {
            check.push(await timeCli(options.cliPath, options.preloadPath, ['check', '.', '--format', 'json'], layout.root, stats));
            review.push(await timeCli(options.cliPath, options.preloadPath, ['review', base, head, '--format', 'json'], layout.root, stats));
            options.log(`  run ${run + 1}/${options.runs}: check ${check.at(-1)!.ms.toFixed(0)} ms, review of ${layout.commits.length - 1} commits ${review.at(-1)!.ms.toFixed(0)} ms`);
        }
        const report = JSON.parse(review[0].stdout) as { files: Array<{ status: string }>; summary: ReviewBenchResult['summary'] };
        // One uncommitted edit in the working tree.
        const target = layout.planPaths[1];
        writeFileSync(target, editPlan(readFileSync(target, 'utf8'), 99));
        const workingTree: number[] = [];
        for (let run = 0; run < options.runs; run++) {
            workingTree.push((await timeCli(options.cliPath, options.preloadPath, ['review', 'HEAD', '--format', 'json'], layout.root, stats)).ms);
        }
        const driver = measureDriver(layout, options.cliPath, options.runs);
        options.log(`  git driver: git diff of 1 plan ${driver.oneFileMs.toFixed(0)} ms, of 20 plans ${driver.twentyFilesMs.toFixed(0)} ms, git log -p of 20 commits ${driver.logMs.toFixed(0)} ms`);
        return {
            driver,
            plans: options.plans,
            changedFiles: report.files.filter(file => file.status !== 'unchanged').length,
            checkMs: median(check.map(t => t.ms)),
            checkCpuMs: median(check.map(t => t.cpuMs)),
            reviewMs: median(review.map(t => t.ms)),
            reviewCpuMs: median(review.map(t => t.cpuMs)),
            workingTreeMs: median(workingTree),
            summary: report.summary
        };
    } finally {
        if (options.keep) options.log(`git repository kept in ${layout.root}`);
        else rmSync(layout.root, { recursive: true, force: true });
    }
}

/** Wall time of a git command in the repository, with vplan as its diff driver. */
function timeGit(root: string, args: string[]): number {
    const start = performance.now();
    git(root, args);
    return performance.now() - start;
}

/**
 * The git driver as docs/ci.md sets it up (`.gitattributes` and `diff.vplan.command`), with the
 * bundled CLI run by this Node: `git diff` of the last commit (one plan), of the whole history (20
 * plans) and `git log -p` of the 20 commits (issue 12's targets: 1 s, 10 s, 20 s).
 */
function measureDriver(layout: GitRepositoryLayout, cliPath: string, runs: number): ReviewBenchResult['driver'] {
    writeFileSync(join(layout.root, '.git', 'info', 'attributes'), '*.vplan diff=vplan\n');
    git(layout.root, ['config', 'diff.vplan.command', `'${process.execPath}' '${cliPath}' diff --git`]);
    const base = layout.commits[0];
    const head = layout.commits.at(-1)!;
    const oneFile: number[] = [];
    const twentyFiles: number[] = [];
    const log: number[] = [];
    for (let run = 0; run < runs; run++) {
        oneFile.push(timeGit(layout.root, ['diff', `${head}~1`, head]));
        twentyFiles.push(timeGit(layout.root, ['diff', base, head]));
        log.push(timeGit(layout.root, ['log', '-p', '--ext-diff', `${base}..${head}`]));
    }
    return { oneFileMs: median(oneFile), twentyFilesMs: median(twentyFiles), logMs: median(log) };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** The review section of docs/performance.md. */
export function reviewSection(result: ReviewBenchResult): string[] {
    const ratio = result.reviewMs / result.checkMs;
    const { introduced, resolved } = result.summary;
    return [
        `### Reviewing a change (\`vplan review\`, generated git repository of ${result.plans} plans, 20-commit history)`, '',
        '| measure | wall time (ms) | CPU time (ms) |', '|---|---:|---:|',
        `| \`vplan check .\` of the repository | ${fmt(result.checkMs)} | ${fmt(result.checkCpuMs)} |`,
        `| \`vplan review HEAD~20 HEAD\` (${result.changedFiles} changed files; ${introduced.errors + introduced.warnings + introduced.infos} diagnostics introduced, ${resolved.errors + resolved.warnings + resolved.infos} resolved) | ${fmt(result.reviewMs)} | ${fmt(result.reviewCpuMs)} |`,
        `| \`vplan review HEAD\` (the working tree, one uncommitted edit) | ${fmt(result.workingTreeMs)} | |`,
        `| \`git diff\` of one changed plan, vplan as the diff driver | ${fmt(result.driver.oneFileMs)} | |`,
        `| \`git diff\` of 20 changed plans | ${fmt(result.driver.twentyFilesMs)} | |`,
        `| \`git log -p\` of the 20 commits | ${fmt(result.driver.logMs)} | |`,
        '',
        `Targets of the git driver: one plan under 1 s (${result.driver.oneFileMs < 1000 ? 'met' : '**not met**'}), 20 plans under 10 s (${result.driver.twentyFilesMs < 10_000 ? 'met' : '**not met**'}), \`git log -p\` of 20 commits under 20 s (${result.driver.logMs < 20_000 ? 'met' : '**not met**'}).`,
        `Target: \`vplan review\` of a 20-file change under twice the time of one \`vplan check\` of the repository: ${ratio.toFixed(2)}× (${ratio < 2 ? 'met' : '**not met**'}).`
    ];
}
