/**
 * The Node flags and environment with which the VS Code extension starts the language server.
 *
 * They live in the client, not in server/, because only the process that starts the server can
 * give them: V8 fixes the size of the young generation when the process starts, so the server
 * cannot set it on itself (it does set the heap growing factor itself, which V8 reads at every
 * full collection: server/heap-settings.ts). The client never imports server/ (the layers of
 * docs/ARCHITECTURE.md); this module imports nothing, so the tests and the benchmark may use it.
 *
 * A young generation of 2 × 4 MB instead of up to 2 × 16 MB keeps the server's peak memory lower
 * (docs/performance.md, "Server memory").
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * Environment variables for the server process, read by the C library when the process starts.
 * glibc keeps a memory arena per thread that allocates (V8's compiler and garbage collector
 * threads among them) and returns freed memory late: with at most two arenas and an earlier trim
 * the server's peak memory is 15–20 MB lower (docs/performance.md, "The lean server"). Other C
 * libraries ignore them.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
