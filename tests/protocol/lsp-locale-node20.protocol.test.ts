/**
 * The message locale over the protocol (initialize `locale`, overridden by
 * `initializationOptions.locale`), and the bundled server on Node 20 (a `node` 20 on PATH, or
 * VPLAN_SYSTEM_NODE: tests/editor/support/tools.ts).
 */

import { describe, expect, test } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { startServer } from './lsp-harness.js';
import { ORGANISATIONS, PLAN } from '../language/lsp/lsp-fixtures.js';
import { SYSTEM_NODE } from '../editor/support/tools.js';

const BROKEN = ORGANISATIONS + PLAN.replace('on mark', 'on nobody');

async function unresolvedMessage(options: Parameters<typeof startServer>[0]): Promise<string> {
    const server = await startServer({ workspaceFiles: { 'plan.vplan': BROKEN }, ...options });
    try {
        const uri = server.uri('plan.vplan');
        await server.open(uri, BROKEN);
        const diagnostics = await server.waitForDiagnostics(uri, ds => ds.some(d => d.code === 'VP081'));
        return String(diagnostics.find(d => d.code === 'VP081')!.message);
    } finally {
        await server.stop();
    }
}

describe('locale', () => {
    test("initialize with locale 'nl' gives Dutch diagnostics", async () => {
        expect(await unresolvedMessage({ locale: 'nl' })).toMatch(/'nobody' is niet gedeclareerd als een gezinslid/);
    });
    test("a client locale 'en-US' gives English diagnostics", async () => {
        expect(await unresolvedMessage({ locale: 'en-US' })).toMatch(/'nobody' is not a household member declared/);
    });
    test("initializationOptions {locale: 'nl'} overrides the client locale", async () => {
        expect(await unresolvedMessage({ locale: 'en', initializationOptions: { locale: 'nl' } })).toMatch(/niet gedeclareerd/);
    });
    test("initializationOptions {locale: 'en'} overrides a Dutch client", async () => {
        expect(await unresolvedMessage({ locale: 'nl-NL', initializationOptions: { locale: 'en' } })).toMatch(/is not a household member/);
    });
    test('hovers follow the locale too', async () => {
        const server = await startServer({ workspaceFiles: { 'plan.vplan': ORGANISATIONS + PLAN }, locale: 'nl' });
        try {
            const uri = server.uri('plan.vplan');
            const text = ORGANISATIONS + PLAN;
            await server.open(uri, text);
            await server.waitForDiagnostics(uri);
            const lines = text.slice(0, text.indexOf('noor child')).split('\n');
            const hover = await server.request<Hover>('textDocument/hover', {
                textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length + 1 }
            });
            expect(JSON.stringify(hover.contents)).toContain('Leeftijd bij start plan: 11');
        } finally {
            await server.stop();
        }
    });
});

describe.skipIf(!SYSTEM_NODE)('Node 20', () => {
    test('the bundle runs under Node 20: initialize, diagnostics, hover, shutdown', async () => {
        const server = await startServer({ workspaceFiles: { 'plan.vplan': BROKEN }, nodePath: SYSTEM_NODE });
        try {
            const uri = server.uri('plan.vplan');
            await server.open(uri, BROKEN);
            const diagnostics = await server.waitForDiagnostics(uri, ds => ds.some(d => d.code === 'VP081'));
            expect(diagnostics.length).toBeGreaterThan(0);
            const lines = BROKEN.slice(0, BROKEN.indexOf('huisverbod {')).split('\n');
            const hover = await server.request<Hover>('textDocument/hover', {
                textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length + 1 }
            });
            expect(JSON.stringify(hover.contents)).toContain('Tijdelijk huisverbod');
        } finally {
            await server.stop();
        }
    });
});
