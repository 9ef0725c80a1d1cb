/**
 * Timing a child process for the benchmark, in one place: a Node process run to completion and
 * timed from spawn to exit, and the peak RSS and CPU time that bench/rss-preload.cjs records at
 * its exit in the file named by VPLAN_BENCH_RSS_FILE.
 */

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface TimedProcess { ms: number; stdout: string; stderr: string; status: number | null }

export interface TimeNodeOptions {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    /** Resolve also when the process exits with another status than 0 or 1 (else that rejects). */
    allowFailure?: boolean;
}

/** Runs a node process to completion and times it from spawn to exit. */
export function timeNode(nodeArgs: string[], options: TimeNodeOptions = {}): Promise<TimedProcess> {
    return new Promise((resolvePromise, reject) => {
        const start = performance.now();
        const child = spawn(process.execPath, nodeArgs, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
        child.on('error', reject);
        child.on('close', status => {
            const ms = performance.now() - start;
            if (status !== 0 && status !== 1 && !options.allowFailure) reject(new Error(`${nodeArgs.join(' ')} exited with ${status}: ${stderr.slice(-2000)}`));
            else resolvePromise({ ms, stdout, stderr, status });
        });
    });
}

export interface ProcessStats { maxRssKb: number; cpuMs: number }

/** What bench/rss-preload.cjs recorded in `file`, one entry per process that exited. */
export function readStats(file: string): ProcessStats[] {
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(line => JSON.parse(line) as ProcessStats);
}

/** The largest peak RSS recorded in `file`, in MB (NaN when nothing was recorded). */
export function readMaxRss(file: string): number {
    const stats = readStats(file);
    return stats.length ? Math.max(...stats.map(s => s.maxRssKb)) / 1024 : NaN;
}
