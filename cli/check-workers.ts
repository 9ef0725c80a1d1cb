/**
 * `vplan check` on worker threads (issue 14, item 2): the batches of cli/check-batches.ts spread
 * over `threads` workers (out/check-worker.cjs, cli/check-worker.ts); a large workspace is checked
 * on one worker even with one thread, because a worker's heap holds only the batch being checked
 * and V8 then keeps it small (the main thread's heap holds the diagnostics). The main thread reads the
 * files and the summary cache; the workers parse the files the cache misses (each its share),
 * then each gets every file's names and checks batches, one at a time, as long as there are some.
 * Nothing is shared but messages: texts and names in, summaries and diagnostics out.
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileSummary } from '../language/workspace/file-summary.js';
import { namesOf, type BatchFile, type BatchSettings, type NamedFile, type WorkspaceFiles } from './check-batches.js';
import type { DiagnosticRecord, Services } from './workspace.js';

/** A message to a worker. */
export type ToWorker =
    | { type: 'summarize'; files: Array<{ path: string; text: string }> }
    | { type: 'names'; names: NamedFile[] }
    | { type: 'check'; batch: BatchFile[] };

/** A message from a worker. */
export type FromWorker =
    | { type: 'summaries'; summaries: FileSummary[] }
    | { type: 'checked' }
    | { type: 'records'; records: DiagnosticRecord[] };

/** The worker's bundle, next to this one (absent when running from the TypeScript sources: then no workers). */
function workerScript(): string {
    return join(dirname(fileURLToPath(import.meta.url)), 'check-worker.cjs');
}

export function workersAvailable(): boolean {
    return existsSync(workerScript());
}

/** Files a worker summarizes per request: small enough to share the work evenly. */
const SUMMARY_CHUNK = 250;

class CheckWorker {
    private readonly worker: Worker;
    private pending: { resolve: (message: FromWorker) => void; reject: (error: unknown) => void; expect: FromWorker['type'] } | undefined;
    private failure: unknown;

    constructor(settings: BatchSettings, private readonly onChecked?: () => void) {
        // Through `eval`, so that the worker's bundle uses Node's compile cache like bin/vplan.cjs.
        const script = `require('node:module').enableCompileCache?.(); require(${JSON.stringify(workerScript())});`;
        this.worker = new Worker(script, { eval: true, workerData: { settings } });
        this.worker.on('message', (message: FromWorker) => {
            if (message.type === 'checked') {
                this.onChecked?.();
                return;
            }
            const pending = this.pending;
            this.pending = undefined;
            pending?.resolve(message);
        });
        const fail = (error: unknown) => {
            this.failure ??= error;
            const pending = this.pending;
            this.pending = undefined;
            pending?.reject(error);
        };
        this.worker.on('error', fail);
        this.worker.on('exit', code => fail(new Error(`vplan check worker stopped (exit code ${code})`)));
    }

    request<T extends FromWorker['type']>(message: ToWorker, expect: T): Promise<Extract<FromWorker, { type: T }>> {
        if (this.failure) return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            this.pending = { resolve: resolve as (message: FromWorker) => void, reject, expect };
            this.worker.postMessage(message);
        });
    }

    send(message: ToWorker): void {
        this.worker.postMessage(message);
    }

    async stop(): Promise<void> {
        this.worker.removeAllListeners('exit');
        await this.worker.terminate();
    }
}

/** Runs `tasks` on the workers, each worker taking the next task when it is free; results in task order. */
async function spread<T, R>(workers: CheckWorker[], tasks: readonly T[], run: (worker: CheckWorker, task: T) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(tasks.length);
    let next = 0;
    await Promise.all(workers.map(async worker => {
        while (next < tasks.length) {
            const index = next++;
            results[index] = await run(worker, tasks[index]);
        }
    }));
    return results;
}

export async function runOnWorkers(
    threads: number,
    settings: BatchSettings,
    workspace: WorkspaceFiles,
    services: Services,
    batches: BatchFile[][],
    onFileChecked?: () => void,
    known?: NamedFile[]
): Promise<{ names: NamedFile[]; records: DiagnosticRecord[] }> {
    const workers = Array.from({ length: threads }, () => new CheckWorker(settings, onFileChecked));
    try {
        const names = known ?? await namesOf(services, workspace, async (paths, textOf) => {
            const chunks: string[][] = [];
            for (let start = 0; start < paths.length; start += SUMMARY_CHUNK) chunks.push(paths.slice(start, start + SUMMARY_CHUNK));
            // Each chunk's texts are read when a worker takes it, so that they are not all kept at once.
            const results = await spread(workers, chunks, async (worker, chunk) =>
                (await worker.request({ type: 'summarize', files: chunk.map(path => ({ path, text: textOf(path) })) }, 'summaries')).summaries);
            return results.flat();
        });
        for (const worker of workers) worker.send({ type: 'names', names });
        // Plain objects: a file's text may be a getter (`releaseTexts`), which a message would not carry.
        const results = await spread(workers, batches, async (worker, batch) => (await worker.request({
            type: 'check', batch: batch.map(file => ({ absolutePath: file.absolutePath, displayPath: file.displayPath, text: file.text }))
        }, 'records')).records);
        return { names, records: results.flat() };
    } finally {
        await Promise.all(workers.map(worker => worker.stop()));
    }
}
