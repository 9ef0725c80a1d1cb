/**
 * The server's warm-up (server/warm-up.ts) over stdio, in a workspace large enough to be warmed
 * up: the client sees only the diagnostics of the workspace's own files (and of the built-in
 * catalogue, as always), and edits give the diagnostics they always give. (That the warm-up touches nothing of the workspace is tested in
 * process, tests/server/warm-up.test.ts; its effect on speed is measured by `npm run bench`.)
 */

import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type LspServer } from './lsp-harness.js';
import { smallPlanFile } from './small-plan.js';
import { WARM_UP_MIN_DOCUMENTS } from '../../server/warm-up.js';

const plan = (id: string, organisation = `vt_${id}`) => smallPlanFile(`p_${id}`, `vt_${id}`, organisation);

let server: LspServer | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

describe('the warm-up of a large workspace', () => {
    test('publishes nothing of its own: only the workspace files get diagnostics, and edits give theirs', async () => {
        const files: Record<string, string> = {};
        for (let i = 0; i < WARM_UP_MIN_DOCUMENTS + 10; i++) files[`plannen/p${i}.vplan`] = plan(String(i));
        // Kept whole: a lean load (language/workspace/parked-plans.ts) needs no warm-up.
        server = await startServer({ workspaceFiles: files, env: { VPLAN_LEAN_MIN_FILES: '100000' } });
        const uris = new Set(Object.keys(files).map(path => server!.uri(path)));
        const target = server.uri('plannen/p0.vplan');
        await server.open(target, plan('0'));
        await server.waitUntil('diagnostics of every file', () => {
            const published = new Set(server!.publications.map(p => p.uri));
            return [...uris].every(uri => published.has(uri)) ? true : undefined;
        });
        const original = await server.waitForDiagnostics(target);
        for (let edit = 0; edit < 4; edit++) {
            const broken = edit % 2 === 0;
            await server.change(target, plan('0', broken ? 'vt_onbekend' : 'vt_0'));
            const diagnostics = await server.waitForDiagnostics(target, d => d.some(x => x.code === 'VP081') === broken);
            if (!broken) expect(diagnostics).toEqual(original);
        }
        await server.request('textDocument/semanticTokens/full', { textDocument: { uri: target } });
        // The workspace's files and the built-in catalogue, which the server has always published.
        expect(server.publications.filter(p => !uris.has(p.uri) && !p.uri.startsWith('vplan-builtin:')).map(p => p.uri)).toEqual([]);
        expect(server.notifications.map(n => JSON.stringify(n.params)).filter(params => params.includes('vplan-warm-up'))).toEqual([]);
    });
});
