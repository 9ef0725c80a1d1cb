/**
 * How `vplan check` checks its files: all at once (`loadWorkspace`, the whole workspace's syntax
 * trees in memory), or, for a large workspace, the names first and then the files in batches
 * (cli/check-batches.ts), on this thread or on worker threads (cli/check-workers.ts). Both give
 * the same diagnostics, byte for byte; the batches keep memory bounded.
 */

import { availableParallelism } from 'node:os';
import type { PlanFile } from './files.js';
import { batchesOf, batchSettingsOf, checkBatch, namesOf, releaseTexts, Summarizer, summarizeHere, workspaceFilesOf, type NamedFile } from './check-batches.js';
import { collectDiagnostics, configRecords, createCliServices, loadWorkspace, sortRecords, type DiagnosticRecord, type Services, type WorkspaceOptions } from './workspace.js';
import { runOnWorkers, workersAvailable } from './check-workers.js';

/**
 * Above this many files, `vplan check` checks in batches. Below it one build is faster: without the
 * summary cache batches cost about two fifths more CPU (each file is parsed once for its names,
 * once to be checked; with the cache warm about the same as one build), and 5,000 plans in one
 * build take well under a gigabyte (docs/performance.md, "Checking in batches, threads, `--changed`").
 */
export const BATCH_THRESHOLD = 5000;
/** Files per batch: large enough that a batch's fixed cost (services, the catalogue, the names) is small. */
export const DEFAULT_BATCH_SIZE = 1000;

export interface CheckRunOptions extends WorkspaceOptions {
    /** `--jobs N`: threads that check batches (1: this thread only); default from the CPUs. */
    jobs?: number;
    /** Files per batch; `VPLAN_CHECK_BATCH` sets it (and forces batches) for tests and measurements. */
    batchSize?: number;
}

export interface CheckRunResult {
    /** Every diagnostic of the files and their config files, sorted (`sortRecords`). */
    records: DiagnosticRecord[];
    /** Services whose settings provider answers for every file (the JUnit format reads which rules are off). */
    services: Services;
}

/** Threads by default: one per CPU where there are more than two; on two CPUs a worker only adds its start-up. */
export function defaultJobs(): number {
    const cpus = availableParallelism();
    return cpus > 2 ? cpus : 1;
}

/** The batch size of a run: forced by `VPLAN_CHECK_BATCH`, else batches only for a large workspace. */
function batchSizeFor(files: number, options: CheckRunOptions, jobs: number, env: NodeJS.ProcessEnv): number | undefined {
    const forced = options.batchSize ?? (env.VPLAN_CHECK_BATCH ? Number(env.VPLAN_CHECK_BATCH) : undefined);
    if (forced !== undefined && Number.isInteger(forced) && forced > 0) return forced;
    if (files > BATCH_THRESHOLD) return DEFAULT_BATCH_SIZE;
    // Several threads need several batches: split a smaller workspace evenly.
    if (jobs > 1 && files >= 2 * 200) return Math.ceil(files / jobs);
    return undefined;
}

/**
 * The files to check, with their texts released (read again when needed) if the check will run in
 * batches: the texts of 50,000 plans are about 200 MB. `files` must no longer be used by the caller.
 */
export function filesToCheck(files: PlanFile[], options: CheckRunOptions, env: NodeJS.ProcessEnv = process.env): PlanFile[] {
    const forced = options.batchSize ?? (env.VPLAN_CHECK_BATCH ? Number(env.VPLAN_CHECK_BATCH) : undefined);
    return files.length > BATCH_THRESHOLD || (forced !== undefined && forced > 0) ? releaseTexts(files) : files;
}

/**
 * Checks `files` against their whole workspaces. `names`: the names of every file of those
 * workspaces when the caller has them already (`--changed`, cli/changed-files.ts); the files are
 * then checked as batches, which read the other files through these names only.
 */
export async function checkFiles(files: PlanFile[], options: CheckRunOptions, env: NodeJS.ProcessEnv = process.env, names?: NamedFile[]): Promise<CheckRunResult> {
    const jobs = Math.max(1, options.jobs ?? defaultJobs());
    const batchSize = batchSizeFor(files.length, options, jobs, env) ?? (names ? Math.max(1, files.length) : undefined);
    if (batchSize === undefined) {
        const workspace = await loadWorkspace(files, options);
        return { records: collectDiagnostics(workspace, options), services: workspace.services };
    }
    const settings = batchSettingsOf(options);
    const services = await createCliServices(options, false);
    const workspace = workspaceFilesOf(services, files);
    const batches = batchesOf(files, batchSize);
    const threads = Math.min(jobs, batches.length);
    // Appended one by one: a spread of 200,000 records would exceed the limit on arguments.
    const records: DiagnosticRecord[] = [];
    const add = (more: readonly DiagnosticRecord[]) => { for (const record of more) records.push(record); };
    // A large workspace on a worker even with one thread: the batches' garbage then piles up in a
    // heap of its own, which V8 keeps near one batch (docs/performance.md: 1.3 GB instead of
    // 1.7 GB peak for 50,000 plans, the same CPU time).
    if ((threads > 1 || files.length > BATCH_THRESHOLD) && workersAvailable()) {
        add((await runOnWorkers(threads, settings, workspace, services, batches, options.onFileChecked, names)).records);
    } else {
        names ??= await namesOf(services, workspace, summarizeHere(new Summarizer(settings)));
        for (const batch of batches) add(await checkBatch(batch, names, settings, options.onFileChecked));
    }
    add(configRecords(services, files, options.cwd));
    return { records: sortRecords(records), services };
}
