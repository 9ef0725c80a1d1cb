/**
 * vplan.config.json in the editor: the server reports a broken config file on itself (VP009),
 * applies the file's severities to the plans below it, and follows a change of the file.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { startServer, type LspServer } from './lsp-harness.js';
import { smallPlanFile } from './small-plan.js';

const plan = smallPlanFile('p', 'vt');

let server: LspServer | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

describe('vplan.config.json in the language server', () => {
    test('a broken config file gets VP009 on itself, and the defaults apply to the plan', async () => {
        server = await startServer({
            workspaceFiles: { 'plan.vplan': plan, 'vplan.config.json': '{ "rules": { "VP999": "off" }, "aftercare": { "minMonths": 12 } }' }
        });
        const planUri = server.uri('plan.vplan');
        await server.open(planUri, plan);
        const planDiagnostics = await server.waitForDiagnostics(planUri, ds => ds.some(d => d.code === 'VP020'));
        expect(planDiagnostics.find(d => d.code === 'VP020')?.severity).toBe(1);
        const configDiagnostics = await server.waitForDiagnostics(server.uri('vplan.config.json'), ds => ds.length > 0);
        expect(configDiagnostics.map(d => d.code)).toEqual(['VP009']);
        expect(configDiagnostics[0].message).toContain("'VP999'");
        expect(configDiagnostics[0].range.start.line).toBe(0);
    });

    test('the config file\'s severities and locale apply, and a change to it is followed', async () => {
        server = await startServer({
            workspaceFiles: { 'plan.vplan': plan, 'vplan.config.json': '{ "rules": { "VP020": "warning" }, "locale": "nl" }' },
            capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }
        });
        const planUri = server.uri('plan.vplan');
        await server.open(planUri, plan);
        const first = await server.waitForDiagnostics(planUri, ds => ds.some(d => d.code === 'VP020'));
        const vp020 = first.find(d => d.code === 'VP020')!;
        expect(vp020.severity).toBe(2);
        expect(vp020.message).toMatch(/nazorg/i);

        writeFileSync(join(server.workspaceDir, 'vplan.config.json'), '{ "rules": { "VP020": "off" } }');
        await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('vplan.config.json'), type: FileChangeType.Changed }] });
        const after = await server.waitForDiagnostics(planUri, ds => !ds.some(d => d.code === 'VP020'));
        expect(after.some(d => d.code === 'VP020')).toBe(false);
    });

    test('the vplan.locale setting overrides the config file', async () => {
        server = await startServer({
            workspaceFiles: { 'plan.vplan': plan, 'vplan.config.json': '{ "locale": "nl" }' },
            capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }
        });
        server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ locale: 'auto' })));
        const planUri = server.uri('plan.vplan');
        await server.open(planUri, plan);
        await server.waitForDiagnostics(planUri, ds => ds.some(d => d.code === 'VP020' && /nazorg/i.test(String(d.message))));
        await server.notify('workspace/didChangeConfiguration', { settings: { vplan: { locale: 'en' } } });
        const english = await server.waitForDiagnostics(planUri, ds => ds.some(d => d.code === 'VP020' && /aftercare/i.test(String(d.message))));
        expect(english.find(d => d.code === 'VP020')?.message).toMatch(/aftercare/i);
    });
});
