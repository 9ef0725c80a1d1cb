/**
 * A reader that stops early (`vplan check | head`, a pager quit, `git log -p` cut short) closes
 * the pipe before vplan writes: vplan stops writing quietly, prints no stack trace and ends with
 * its own exit code (cli/io.ts `toleratePipeClosed`). Before, every command died with an unhandled
 * EPIPE, and git reported the diff driver as dead.
 */

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT, VPLAN_BIN, cleanEnv, ensureBuilt } from './cli-test-helpers.js';

beforeAll(() => ensureBuilt());

/** Runs vplan with its stdout pipe closed by the reader at once; resolves with the exit code and stderr. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [VPLAN_BIN, ...args], { cwd: REPO_ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
        // The reader is gone before vplan has started, so its first write meets a closed pipe.
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', chunk => { stderr += String(chunk); });
        child.on('error', reject);
        child.on('close', code => resolve({ code, stderr }));
    });
}

const PLAN = join('examples', 'regio-zhz', 'berk-2026.vplan');

describe('a closed stdout', () => {
    test.each([
        ['check with errors: exit 1', ['check', join('examples', 'problems')], 1],
        ['check in json', ['check', join('examples', 'regio-zhz'), '--format', 'json'], 0],
        ['export', ['export', PLAN], 0],
        ['render', ['render', PLAN], 0],
        // git's seven arguments: the driver always exits 0, so that `git log -p` goes on.
        ['diff --git', ['diff', '--git', PLAN, PLAN, 'a'.repeat(40), '100644', join('examples', 'regio-zhz', 'aster-2026.vplan'), 'b'.repeat(40), '100644'], 0]
    ])('%s: no stack trace, the command\'s own exit code', async (_name, args, expected) => {
        const { code, stderr } = await withClosedStdout(args);
        expect(stderr).not.toMatch(/EPIPE|Error:|\n\s+at /);
        expect(code).toBe(expected);
    });
});
