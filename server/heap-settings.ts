/**
 * V8 heap settings of the language server (docs/performance.md, "Server memory").
 *
 * On a machine with a few gigabytes of memory, V8 lets the old generation grow to about four
 * times what was live at the last full collection before it collects again. The server's live
 * heap is mostly syntax trees that stay (about 130 MB for 1,000 plans), so after the initial
 * build V8 let the garbage of relinking and revalidating pile up to well over 300 MB of resident
 * memory without ever collecting it. A growing factor of 1.3 collects once the heap has grown by
 * 30% over what was live: the peak stays near the live size, for about a quarter more CPU time
 * in the garbage collector (measured with `npm run bench -- --only server`).
 *
 * Two kinds of settings, because V8 reads them at different times:
 * - the growing factor is read at every full collection, so the server sets it itself when it
 *   starts (`applyServerHeapSettings`), whoever started it (VS Code, `vplan-language-server`,
 *   another editor, the benchmark);
 * - the size of the young generation is fixed when the process starts, so it can only be given
 *   on the command line by whoever starts the server (`SERVER_NODE_FLAGS` in
 *   client/server-node-flags.ts, used by the VS Code extension).
 */

import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 30;

/**
 * The growth for a lean server (language/workspace/parked-plans.ts), set once it knows it is one:
 * its live heap is small and most of what it allocates (plans read again and parked) is garbage
 * soon, so collecting earlier keeps the peak 3–4 MB lower for little time (docs/performance.md,
 * "The lean server"). A whole server keeps 30: its live heap is mostly trees that stay.
 */
export const LEAN_HEAP_GROWING_PERCENT = 20;

/** Flags with which a user tunes V8's heap growth themselves; the server then leaves it alone. */
const USER_HEAP_FLAG = /^--(heap[-_]growing[-_]percent|optimize[-_]for[-_]size|predictable[-_]gc[-_]schedule)(=|$)/;

/** Whether the process was started with its own heap-growth setting (in its arguments or NODE_OPTIONS). */
export function heapGrowthSetByUser(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
    const flags = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
    return flags.some(flag => USER_HEAP_FLAG.test(flag));
}

/** Sets the heap growing factor (see the file comment). Returns whether it was set. */
export function applyServerHeapSettings(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): boolean {
    if (heapGrowthSetByUser(execArgv, nodeOptions)) return false;
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    return true;
}

/** Sets the lean server's heap growth (see `LEAN_HEAP_GROWING_PERCENT`), unless the user set one. Returns whether it was set. */
export function applyLeanHeapSettings(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): boolean {
    if (heapGrowthSetByUser(execArgv, nodeOptions)) return false;
    setFlagsFromString(`--heap-growing-percent=${LEAN_HEAP_GROWING_PERCENT}`);
    return true;
}
