/**
 * Shared plumbing for the real-editor tests (and the other tests that need Chromium or Node 20):
 * where the tools are, found on PATH, when a missing tool means "skip" and when it means "fail"
 * (VPLAN_REQUIRE_E2E=1, as .ci/run sets), free ports on 127.0.0.1, process groups that are always
 * ended, and bounded waits.
 */

import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CODE_SERVER_VERSION = '4.100.3';

/** Every executable file called `name` in the folders of PATH, in PATH order, each real file once. */
export function executablesOnPath(name: string, searchPath = process.env.PATH ?? ''): string[] {
    const found = new Map<string, string>();
    for (const dir of searchPath.split(path.delimiter)) {
        if (!dir) continue;
        const full = path.join(dir, name);
        try {
            if (!statSync(full).isFile()) continue;
            accessSync(full, constants.X_OK);
            const real = realpathSync(full);
            if (!found.has(real)) found.set(real, full);
        } catch {
            // Not there, or not executable.
        }
    }
    return [...found.values()];
}

/** The first of `names` found on PATH (for each name in turn). */
export function findOnPath(names: readonly string[], searchPath = process.env.PATH ?? ''): string | undefined {
    for (const name of names) {
        const [first] = executablesOnPath(name, searchPath);
        if (first) return first;
    }
    return undefined;
}

/** The major version of a `node` executable, or undefined when it does not run. */
export function nodeMajorVersion(node: string): number | undefined {
    const result = spawnSync(node, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    const match = /^v(\d+)\./.exec(result.stdout ?? '');
    return result.status === 0 && match ? Number(match[1]) : undefined;
}

/** The Node version that code-server 4.100.3 (its native modules) and Debian's Neovim users run. */
export const SYSTEM_NODE_MAJOR = 20;

/**
 * A Node 20 to run code-server and the bundled server with, as users do: VPLAN_SYSTEM_NODE when
 * set, else the first `node` on PATH that is Node 20. Under `npm test` the first `node` on PATH is
 * the repository's Node 22 (node_modules/.bin), so the search goes on to the next one.
 */
export function findSystemNode(env: NodeJS.ProcessEnv = process.env): string | undefined {
    const candidates = env.VPLAN_SYSTEM_NODE ? [env.VPLAN_SYSTEM_NODE] : executablesOnPath('node', env.PATH ?? '');
    return candidates.find(node => nodeMajorVersion(node) === SYSTEM_NODE_MAJOR);
}

/** Debian's headless Chromium (`chromium`; `chromium-browser` elsewhere), driven by playwright-core. */
export const CHROMIUM: string | undefined = findOnPath(['chromium', 'chromium-browser']);
export const CHROMIUM_LABEL = 'chromium or chromium-browser on PATH (apt-get install chromium)';
export const SYSTEM_NODE: string | undefined = findSystemNode();
export const SYSTEM_NODE_LABEL = `Node ${SYSTEM_NODE_MAJOR} (a \`node\` on PATH, or VPLAN_SYSTEM_NODE)`;

/** SYSTEM_NODE, for code that runs only when the suite was not skipped for want of it. */
export function systemNode(): string {
    if (!SYSTEM_NODE) throw new Error(`no ${SYSTEM_NODE_LABEL}`);
    return SYSTEM_NODE;
}

export const requireE2E = process.env.VPLAN_REQUIRE_E2E === '1';

/** The folder .ci/install-code-server.sh installs into (VPLAN_TOOLS_DIR overrides its parent). */
export function codeServerEntry(): string | undefined {
    const toolsDir = process.env.VPLAN_TOOLS_DIR ?? path.join(homedir(), '.cache', 'vplan-tools');
    const entry = path.join(toolsDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    return existsSync(entry) ? entry : undefined;
}

/**
 * Why a suite cannot run here, or undefined when it can. With VPLAN_REQUIRE_E2E=1 a missing tool
 * is an error, so that CI never passes by skipping.
 */
export function missingTools(checks: Array<[label: string, present: boolean]>): string | undefined {
    const missing = checks.filter(([, present]) => !present).map(([label]) => label);
    if (missing.length === 0) return undefined;
    const reason = `missing ${missing.join(', ')}`;
    if (requireE2E) throw new Error(`VPLAN_REQUIRE_E2E=1 but ${reason} (run .ci/install-tools.sh and .ci/install-code-server.sh)`);
    return `${reason}; run .ci/install-tools.sh and .ci/install-code-server.sh, or set VPLAN_REQUIRE_E2E=1 to make this a failure`;
}

export function makeRunDir(prefix: string): string {
    return mkdtempSync(path.join(tmpdir(), `vplan-${prefix}-`));
}

/** Removes a run folder (code-server profile, chromium profile, copies) unless VPLAN_KEEP_TEST_DIRS=1. */
export function removeRunDir(dir: string | undefined): void {
    if (!dir || process.env.VPLAN_KEEP_TEST_DIRS === '1') return;
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

export async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            const port = typeof address === 'object' && address ? address.port : 0;
            server.close(() => resolve(port));
        });
    });
}

export interface GroupProcess {
    child: ChildProcess;
    output: () => string;
    /** Signals the whole process group (the child started detached), then waits briefly. */
    stop: () => Promise<void>;
}

/** Starts a command detached in its own process group, collecting its output. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): GroupProcess {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<void>(resolve => {
        if (child.exitCode !== null) resolve();
        child.once('exit', () => resolve());
    });
    const signalGroup = (signal: NodeJS.Signals) => {
        if (child.pid === undefined) return;
        try {
            process.kill(-child.pid, signal);
        } catch {
            // The group is already gone.
        }
    };
    return {
        child,
        output: () => output,
        stop: async () => {
            signalGroup('SIGTERM');
            await Promise.race([exited, delay(3000)]);
            // The extension host and the language server outlive a plain SIGTERM for a while.
            signalGroup('SIGKILL');
            await Promise.race([exited, delay(2000)]);
        }
    };
}

export function delay(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}

/** Polls until `probe` returns a value that is not undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(label: string, timeoutMs: number, probe: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
        try {
            const value = await probe();
            if (value !== undefined && value !== false) return value;
        } catch (error) {
            lastError = error;
        }
        await delay(200);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${label}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}
