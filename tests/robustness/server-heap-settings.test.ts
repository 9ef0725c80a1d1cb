/**
 * The language server sets V8's heap growing factor when it starts (server/heap-settings.ts),
 * unless the user started it with their own heap-growth flag; the VS Code extension starts it
 * with a smaller young generation. The bundled server must start and answer with the setting.
 */

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { applyLeanHeapSettings, applyServerHeapSettings, heapGrowthSetByUser } from '../../server/heap-settings.js';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from '../../client/server-node-flags.js';
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
});
