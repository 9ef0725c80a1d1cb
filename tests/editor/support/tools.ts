/**
 * Shared plumbing for the real-editor tests: where the tools are, when a missing tool means
 * "skip" and when it means "fail" (VPLAN_REQUIRE_E2E=1, as .ci/run sets), free ports on
 * 127.0.0.1, process groups that are always ended, and bounded waits.
 */

import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';
/** Node 20 from Debian: what code-server 4.100.3 and Neovim users run the server with. */
export const SYSTEM_NODE = '/usr/bin/node';

export const requireE2E = process.env.VPLAN_REQUIRE_E2E === '1';

/** The folder .ci/install-code-server.sh installs into (VPLAN_TOOLS_DIR overrides its parent). */
export function codeServerEntry(): string | undefined {
    const toolsDir = process.env.VPLAN_TOOLS_DIR ?? path.join(homedir(), '.cache', 'vplan-tools');
    const entry = path.join(toolsDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    return existsSync(entry) ? entry : undefined;
}

export function findExecutable(name: string, candidates: string[]): string | undefined {
    for (const candidate of candidates) {
        if (existsSync(candidate)) return candidate;
    }
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
        const full = path.join(dir, name);
        if (dir && existsSync(full)) return full;
    }
    return undefined;
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
