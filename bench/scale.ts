/**
 * The scale part of `npm run bench` (issue 14): `vplan check` on generated workspaces of growing
 * size (`--plans 10000,50000`), each with its peak RSS, the growth from one size to the next, runs
 * with several threads where the machine has the CPUs, `vplan check --changed` after editing one
 * plan, and the check of a single file. Every number comes with the load average of the minute
 * before it: the development machine is shared, so wall times say little without it.
 */

import { readStats, timeNode } from './timed-process.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeScaleWorkspace } from './scale-workspace.js';

export interface ScaleOptions {
    sizes: number[];
    cliPath: string;
    preloadPath: string;
    log: (text: string) => void;
    /** Also measure `--changed` and the single-file check (the CLI must know `--changed`). */
    changed: boolean;
}

export interface ScaleRun {
    label: string;
    plans: number;
    wallMs: number;
    cpuMs: number;
    maxRssMb: number;
    load: number;
    status: number | null;
}

interface Timed { ms: number; status: number | null; cpuMs: number; maxRssMb: number; load: number; stdout: string }

async function run(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; preloadPath: string }): Promise<Timed> {
    const statsFile = join(tmpdir(), `vplan-scale-stats-${process.pid}-${Math.random().toString(36).slice(2)}.jsonl`);
    const load = loadavg()[0];
    const { ms, status, stdout, stderr } = await timeNode(['--require', options.preloadPath, ...args], {
        cwd: options.cwd, env: { ...process.env, ...options.env, VPLAN_BENCH_RSS_FILE: statsFile }, allowFailure: true
    });
    const stats = readStats(statsFile);
    rmSync(statsFile, { force: true });
    const cpuMs = stats.length ? stats.reduce((sum, s) => sum + s.cpuMs, 0) : NaN;
    const maxRssMb = stats.length ? Math.max(...stats.map(s => s.maxRssKb)) / 1024 : NaN;
    if (status !== 0 && status !== 1) process.stderr.write(stderr.slice(-2000));
    return { ms, status, cpuMs, maxRssMb, load, stdout };
}

const git = (cwd: string, ...args: string[]) => {
    const result = spawnSync('git', args, {
        cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.org' }
    });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
};

export async function measureScale(options: ScaleOptions): Promise<ScaleRun[]> {
    const runs: ScaleRun[] = [];
    const cpus = availableParallelism();
    for (const plans of options.sizes) {
        const base = mkdtempSync(join(tmpdir(), 'vplan-scale-'));
        try {
            const folder = join(base, 'ws');
            const workspace = writeScaleWorkspace(folder, plans);
            const cache = join(base, 'cache');
            const check = async (label: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}, cwd = folder, paths = ['.']) => {
                const timed = await run([options.cliPath, 'check', ...paths, '--format', 'json', ...extra], { cwd, env: { VPLAN_CACHE_DIR: cache, ...env }, preloadPath: options.preloadPath });
                runs.push({ label, plans, wallMs: timed.ms, cpuMs: timed.cpuMs, maxRssMb: timed.maxRssMb, load: timed.load, status: timed.status });
                options.log(`  ${plans} plans, ${label}: ${(timed.ms / 1000).toFixed(1)} s wall, ${(timed.cpuMs / 1000).toFixed(1)} s CPU, ${timed.maxRssMb.toFixed(0)} MB peak RSS (load ${timed.load.toFixed(2)}${timed.status !== 0 && timed.status !== 1 ? `, exit ${timed.status}` : ''})`);
                return timed;
            };
            // Without the summary cache (VPLAN_CACHE=off), with an empty one (it is filled), with it
            // filled (a CI job that keeps the cache folder between runs).
            await check('check, cache off', [], { VPLAN_CACHE: 'off' });
            await check('check, cache cold');
            await check('check, cache warm');
            if (cpus >= 4) await check(`check --jobs ${Math.min(cpus, 4)}, cache warm`, ['--jobs', String(Math.min(cpus, 4))]);
            if (options.changed) {
                const one = workspace.planPaths[Math.floor(plans / 2)];
                // The first run fills the cache with the other files' summaries (`check .` of one
                // build does not), the second is the one measured.
                await check('single file, cache cold', [], {}, folder, [one]);
                await check('single file, cache warm', [], {}, folder, [one]);
                git(folder, 'init', '-q');
                git(folder, 'add', '-A');
                git(folder, 'commit', '-qm', 'base');
                writeFileSync(one, readFileSync(one, 'utf8') + '// bewerkt\n');
                await check('--changed HEAD after one plan edit, cache warm', ['--changed', 'HEAD']);
            }
        } finally {
            rmSync(base, { recursive: true, force: true });
        }
    }
    return runs;
}

/** Node's own start-up (`node -e 0`), the floor of a single-file check. */
export async function nodeStartup(preloadPath: string): Promise<ScaleRun> {
    const timed = await run(['-e', '0'], { preloadPath });
    return { label: 'node -e 0', plans: 0, wallMs: timed.ms, cpuMs: timed.cpuMs, maxRssMb: timed.maxRssMb, load: timed.load, status: timed.status };
}

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

export function renderScale(runs: readonly ScaleRun[], when: string): string {
    const lines = [
        `Scale (\`npm run bench -- --only scale --plans ${[...new Set(runs.filter(r => r.plans > 0).map(r => r.plans))].join(',')}\`), ${when}:`,
        '',
        '| plans | run | wall | CPU | peak RSS | load average (1 min) |',
        '|---:|---|---:|---:|---:|---:|'
    ];
    for (const r of runs) {
        lines.push(`| ${r.plans > 0 ? r.plans.toLocaleString('en') : '—'} | ${r.label}${r.status !== 0 && r.status !== 1 ? ` (exit ${r.status})` : ''} | ${seconds(r.wallMs)} s | ${seconds(r.cpuMs)} s | ${r.maxRssMb.toFixed(0)} MB | ${r.load.toFixed(2)} |`);
    }
    // Growth from one size to the next, of the warm check (the cold one adds the summaries).
    const warm = runs.filter(r => r.label === 'check, cache warm');
    for (let i = 1; i < warm.length; i++) {
        const [a, b] = [warm[i - 1], warm[i]];
        lines.push('', `From ${a.plans.toLocaleString('en')} to ${b.plans.toLocaleString('en')} plans (${(b.plans / a.plans).toFixed(1)}× the plans): ` +
            `CPU ${(b.cpuMs / a.cpuMs).toFixed(2)}×, wall ${(b.wallMs / a.wallMs).toFixed(2)}×, peak RSS ${(b.maxRssMb / a.maxRssMb).toFixed(2)}×.`);
    }
    return lines.join('\n');
}
