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

/** Set in the environment of a server that `vplan-language-server` started again with the settings above. */
export const RELAUNCHED_MARKER = 'VPLAN_SERVER_RELAUNCHED';

/** What `serverRelaunch` needs to know of the running process. */
export interface LaunchedProcess {
    readonly argv: readonly string[];
    readonly execArgv: readonly string[];
    readonly execPath: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly platform: string;
    /** Whether Node can replace the process (`process.execve`: Node 22.15 and later, not on Windows). */
    readonly canReplace: boolean;
}

/**
 * How `vplan-language-server` (bin/vplan-language-server.cjs) starts itself again with the flags
 * and the environment above when an editor other than VS Code runs it: the same process (Node
 * replaces it, so the editor's pipes and its process id stay), with what is missing of them
 * added. Undefined when nothing is missing, when Node cannot replace a process, when it was
 * started again already, and for any transport but stdio (an IPC channel is not handed over).
 * A young-generation size the user gave (in the arguments or NODE_OPTIONS) is kept.
 */
export function serverRelaunch(running: LaunchedProcess): { argv: string[]; env: Record<string, string> } | undefined {
    if (!running.canReplace || running.platform === 'win32' || running.env[RELAUNCHED_MARKER] === '1') return undefined;
    const args = running.argv.slice(2);
    if (!args.includes('--stdio')) return undefined;
    const given = [...running.execArgv, ...(running.env.NODE_OPTIONS ?? '').split(/\s+/)];
    const flags = SERVER_NODE_FLAGS.filter(flag => !given.some(other => other.split('=')[0].replace(/_/g, '-') === flag.split('=')[0]));
    const environment = Object.entries(SERVER_ENVIRONMENT).filter(([name]) => running.env[name] === undefined);
    if (flags.length === 0 && environment.length === 0) return undefined;
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(running.env)) if (value !== undefined) env[name] = value;
    for (const [name, value] of environment) env[name] = value;
    env[RELAUNCHED_MARKER] = '1';
    return { argv: [running.execPath, ...running.execArgv, ...flags, running.argv[1], ...args], env };
}
