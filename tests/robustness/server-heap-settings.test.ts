/**
 * The language server sets V8's heap growing factor when it starts (server/heap-settings.ts),
 * unless the user started it with their own heap-growth flag; the VS Code extension starts it
 * with a smaller young generation and glibc settings, and `vplan-language-server` started by
 * another editor starts itself again with them where Node can replace a process. The bundled
 * server must start and answer with the settings.
 */

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { applyLeanHeapSettings, applyServerHeapSettings, heapGrowthSetByUser } from '../../server/heap-settings.js';
import { RELAUNCHED_MARKER, SERVER_ENVIRONMENT, SERVER_NODE_FLAGS, serverRelaunch, type LaunchedProcess } from '../../client/server-node-flags.js';
import { fileUri, startLanguageServer } from '../../bench/lsp-client.js';

describe('server heap settings', () => {
    test('a heap-growth flag of the user wins, in the arguments or in NODE_OPTIONS', () => {
        expect(heapGrowthSetByUser([], undefined)).toBe(false);
        expect(heapGrowthSetByUser(['--max-semi-space-size=4', '--inspect=6009'], '--max-old-space-size=2048')).toBe(false);
        expect(heapGrowthSetByUser(['--heap-growing-percent=0'], undefined)).toBe(true);
        expect(heapGrowthSetByUser(['--heap_growing_percent=50'], undefined)).toBe(true);
        expect(heapGrowthSetByUser([], '--require x.cjs --optimize-for-size')).toBe(true);
        expect(applyServerHeapSettings(['--heap-growing-percent=0'], undefined)).toBe(false);
        expect(applyLeanHeapSettings(['--heap-growing-percent=0'], undefined)).toBe(false);
    });

    const workspace = mkdtempSync(join(tmpdir(), 'vplan-heap-'));
    afterAll(() => rmSync(workspace, { recursive: true, force: true }));

    test.each([['whole', '100000'], ['lean', '0']])('the bundled server (%s) starts with the extension\'s node flags and environment and answers', async (_mode, leanMinFiles) => {
        const serverPath = join(process.cwd(), 'out', 'server.cjs');
        expect(existsSync(serverPath), 'out/server.cjs (npm test builds it)').toBe(true);
        const session = await startLanguageServer({
            serverPath, workspaceFolder: workspace, nodeArgs: [...SERVER_NODE_FLAGS],
            env: { ...process.env, ...SERVER_ENVIRONMENT, VPLAN_LEAN_MIN_FILES: leanMinFiles }
        });
        try {
            const uri = fileUri(join(workspace, 'a.vplan'));
            session.open(uri, 'plan p "P" {\n    status active\n    period 2026-01-01 to 2026-06-01\n}\n', 1);
            const event = await session.waitForDiagnostics(uri, undefined, 0, 30_000);
            expect(Array.isArray(event.diagnostics)).toBe(true);
            expect(session.stderr()).not.toMatch(/unknown flag|bad option/i);
        } finally {
            await session.shutdown();
        }
    }, 60_000);

    const launched = (changes: Partial<LaunchedProcess> = {}): LaunchedProcess => ({
        argv: ['/usr/bin/node', '/opt/vplan/bin/vplan-language-server.cjs', '--stdio', '--clientProcessId=42'],
        execArgv: [], execPath: '/usr/bin/node', env: { PATH: '/usr/bin' }, platform: 'linux', canReplace: true, ...changes
    });

    test('vplan-language-server starts itself again with what is missing of the extension\'s flags and environment', () => {
        expect(serverRelaunch(launched())).toEqual({
            argv: ['/usr/bin/node', ...SERVER_NODE_FLAGS, '/opt/vplan/bin/vplan-language-server.cjs', '--stdio', '--clientProcessId=42'],
            env: { PATH: '/usr/bin', ...SERVER_ENVIRONMENT, [RELAUNCHED_MARKER]: '1' }
        });
        // The user's own young generation and C library settings are kept; the node arguments stay.
        const own = serverRelaunch(launched({ execArgv: ['--inspect', '--max_semi_space_size=16'], env: { MALLOC_ARENA_MAX: '8' } }));
        expect(own?.argv).toEqual(['/usr/bin/node', '--inspect', '--max_semi_space_size=16', '/opt/vplan/bin/vplan-language-server.cjs', '--stdio', '--clientProcessId=42']);
        expect(own?.env.MALLOC_ARENA_MAX).toBe('8');
        expect(serverRelaunch(launched({ env: { NODE_OPTIONS: '--max-semi-space-size=8', ...SERVER_ENVIRONMENT } }))).toBeUndefined();
        // Never twice, never without process replacement (Node 20, Windows), never for another transport.
        expect(serverRelaunch(launched({ env: { [RELAUNCHED_MARKER]: '1' } }))).toBeUndefined();
        expect(serverRelaunch(launched({ canReplace: false }))).toBeUndefined();
        expect(serverRelaunch(launched({ platform: 'win32' }))).toBeUndefined();
        expect(serverRelaunch(launched({ argv: ['/usr/bin/node', '/opt/vplan/bin/vplan-language-server.cjs', '--node-ipc'] }))).toBeUndefined();
    });

    test.runIf(process.platform === 'linux' && typeof (process as { execve?: unknown }).execve === 'function')(
        'bin/vplan-language-server.cjs runs the server with them, in the process the editor started, and answers', async () => {
            const session = await startLanguageServer({
                serverPath: join(process.cwd(), 'bin', 'vplan-language-server.cjs'), workspaceFolder: workspace,
                env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !(name in SERVER_ENVIRONMENT) && name !== RELAUNCHED_MARKER && name !== 'NODE_OPTIONS'))
            });
            try {
                const uri = fileUri(join(workspace, 'b.vplan'));
                session.open(uri, 'plan q "Q" {\n    status active\n    period 2026-01-01 to 2026-06-01\n}\n', 1);
                await session.waitForDiagnostics(uri, undefined, 0, 30_000);
                // The process the test started (same pid) now runs with the flags and the environment.
                const pid = session.child.pid!;
                expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining([...SERVER_NODE_FLAGS]));
                const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
                expect(environ).toEqual(expect.arrayContaining(Object.entries(SERVER_ENVIRONMENT).map(([name, value]) => `${name}=${value}`)));
            } finally {
                await session.shutdown();
            }
        }, 60_000);
});
