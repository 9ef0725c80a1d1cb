/**
 * Changes on disk reach the server also when the editor does not watch files for it (Neovim on
 * Linux, Helix): the server then watches the workspace folders itself (server/file-watching.ts).
 * With an editor that watches (VS Code), the server registers its watcher with the editor and
 * watches nothing itself.
 */

import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspServer } from './lsp-harness.js';
import { smallPlan } from './small-plan.js';

const catalogue = 'organisation vt "Veilig Thuis" kind veiligthuis\n';
const plan = smallPlan('p', 'vt');

// The workspace's root (language reference, section 2): the plans in plannen/ see the catalogue above them.
const rootConfig = '{ "root": true }';
const WATCHING_ITSELF = /the server watches the workspace itself/;
const unresolved = (ds: Diagnostic[]) => ds.some(d => d.code === 'VP081');
const resolved = (ds: Diagnostic[]) => ds.length > 0 && !unresolved(ds);

let server: LspServer | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

describe('changes of files on disk', () => {
    test('an editor that does not watch files: the server sees files and folders created, changed and deleted', async () => {
        server = await startServer({
            workspaceFiles: { 'vplan.config.json': rootConfig, 'organisaties.vplan': catalogue, 'plannen/p.vplan': plan, 'node_modules/x/organisaties.vplan': '' },
            capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } }
        });
        const dir = server.workspaceDir;
        const planUri = server.uri('plannen/p.vplan');
        await server.open(planUri, plan);
        await server.waitForDiagnostics(planUri, resolved);
        // Two folders: the workspace and plannen (node_modules is skipped).
        expect(server.logs.map(log => log.message).find(message => WATCHING_ITSELF.test(message))).toMatch(/\(2 folders\)/);

        // A changed file: the organisation is renamed, so the open plan no longer finds it.
        writeFileSync(join(dir, 'organisaties.vplan'), catalogue.replace('vt', 'vt2'));
        await server.waitForDiagnostics(planUri, unresolved);

        // A new folder with a new file that declares it again.
        mkdirSync(join(dir, 'regio', 'noord'), { recursive: true });
        writeFileSync(join(dir, 'regio', 'noord', 'vt.vplan'), catalogue);
        await server.waitForDiagnostics(planUri, resolved);

        // A new file in a folder the server only started watching when it appeared.
        unlinkSync(join(dir, 'regio', 'noord', 'vt.vplan'));
        await server.waitForDiagnostics(planUri, unresolved);
        writeFileSync(join(dir, 'regio', 'noord', 'andere.vplan'), catalogue);
        await server.waitForDiagnostics(planUri, resolved);

        // A deleted folder takes its files along.
        rmSync(join(dir, 'regio'), { recursive: true });
        await server.waitForDiagnostics(planUri, unresolved);

        // A file in node_modules is not part of the workspace: it would resolve the name. The config
        // file written after it turns VP100 off; once that shows, the earlier write was looked at too.
        writeFileSync(join(dir, 'node_modules', 'x', 'organisaties.vplan'), catalogue);
        writeFileSync(join(dir, 'vplan.config.json'), '{ "root": true, "rules": { "VP100": "off" } }');
        const configured = await server.waitForDiagnostics(planUri, ds => !ds.some(d => d.code === 'VP100'));
        expect(unresolved(configured)).toBe(true);
        writeFileSync(join(dir, 'vplan.config.json'), rootConfig);
        await server.waitForDiagnostics(planUri, ds => ds.some(d => d.code === 'VP100'));
    });

    test('a closed plan changed on disk gets new diagnostics in a lean workspace', async () => {
        const files: Record<string, string> = { 'vplan.config.json': rootConfig, 'organisaties.vplan': catalogue };
        for (let n = 0; n < 5; n++) files[`plannen/p${n}.vplan`] = plan.replace('plan p ', `plan p${n} `);
        server = await startServer({
            workspaceFiles: files,
            env: { VPLAN_LEAN_MIN_FILES: '0' },
            capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } }
        });
        const closedUri = server.uri('plannen/p3.vplan');
        await server.waitForDiagnostics(closedUri, resolved);
        writeFileSync(join(server.workspaceDir, 'plannen', 'p3.vplan'), plan.replace('plan p ', 'plan p3 ').replaceAll('vt', 'onbekend'));
        await server.waitForDiagnostics(closedUri, unresolved);
    });

    test('an editor that watches files: the server registers its watcher with it and watches nothing itself', async () => {
        server = await startServer({ workspaceFiles: { 'organisaties.vplan': catalogue, 'p.vplan': plan } });
        const planUri = server.uri('p.vplan');
        await server.open(planUri, plan);
        await server.waitForDiagnostics(planUri, resolved);
        // The log is written when the server is initialized, before any diagnostics, on the same stream.
        expect(server.logs.some(log => WATCHING_ITSELF.test(log.message))).toBe(false);
        // The editor's watcher: without it a change on disk is not seen (the test sends none).
        writeFileSync(join(server.workspaceDir, 'organisaties.vplan'), catalogue.replace('vt', 'vt2'));
        await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('organisaties.vplan'), type: 2 }] });
        await server.waitForDiagnostics(planUri, unresolved);
        expect(server.registrations).toContain('workspace/didChangeWatchedFiles');
    });
});
