/**
 * The Node flags with which the VS Code extension starts the language server.
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
