/**
 * A worker thread of `vplan check` (cli/check-workers.ts; bundled to out/check-worker.cjs): it
 * summarizes the files it is given, and checks batches against the names of the whole workspace
 * (cli/check-batches.ts), one request at a time.
 */

import { parentPort, workerData } from 'node:worker_threads';
import { checkBatch, Summarizer, type BatchSettings, type NamedFile } from './check-batches.js';
import type { FileSummary } from '../language/workspace/file-summary.js';
import type { FromWorker, ToWorker } from './check-workers.js';

const port = parentPort!;
const settings = (workerData as { settings: BatchSettings }).settings;
const summarizer = new Summarizer(settings);
let names: NamedFile[] = [];

const reply = (message: FromWorker) => port.postMessage(message);

// Requests come one at a time (the main thread waits for each answer), so they never overlap.
port.on('message', (message: ToWorker) => {
    void (async () => {
        switch (message.type) {
            case 'summarize': {
                const summaries: FileSummary[] = [];
                for (const { path, text } of message.files) summaries.push(await summarizer.summarize(path, text));
                reply({ type: 'summaries', summaries });
                break;
            }
            case 'names':
                names = message.names;
                break;
            case 'check':
                reply({ type: 'records', records: await checkBatch(message.batch, names, settings, () => reply({ type: 'checked' })) });
                break;
        }
    })().catch(error => {
        // Reported to the main thread as the worker's 'error' event.
        setImmediate(() => { throw error; });
    });
});
