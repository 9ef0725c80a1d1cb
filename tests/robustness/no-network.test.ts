/**
 * Privacy: neither the CLI nor the language server opens a network connection. Both run the
 * bundles under a preload script (no-network-preload.cjs) that records and refuses every TCP,
 * TLS, DNS, HTTP(S), fetch and UDP attempt; stdio and IPC pipes stay allowed. The examples are
 * checked, formatted, rendered, exported and diffed, and opened in the server with its features.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, CompletionRequest, DocumentFormattingRequest, DocumentSymbolRequest, FoldingRangeRequest,
    HoverRequest, InlayHintRequest, SemanticTokensRequest
} from 'vscode-languageserver-protocol';
import { fileUri, startLanguageServer } from '../../bench/lsp-client.js';

const root = process.cwd();
const preload = join(root, 'tests', 'robustness', 'no-network-preload.cjs');
const cli = join(root, 'out', 'cli.cjs');
const server = join(root, 'out', 'server.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'vplan-no-network-'));
const networkLog = join(scratch, 'network.jsonl');
const env = { ...process.env, VPLAN_NETWORK_LOG: networkLog, NO_COLOR: '1' };

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function attempts(): string[] {
    return existsSync(networkLog) ? readFileSync(networkLog, 'utf8').trim().split('\n').filter(Boolean) : [];
}

function runCli(args: string[]) {
    return spawnSync(process.execPath, ['--require', preload, cli, ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
}

const exampleFolder = join(root, 'examples', 'regio-zhz');
const examplePlans = readdirSync(exampleFolder).filter(name => name.endsWith('.vplan') && name !== 'organisaties.vplan');

describe('no network access', () => {
    test('the preload really catches network use (control)', () => {
        const tries = [
            "require('node:net').connect(80, 'example.invalid')",
            "require('node:dns').lookup('example.invalid', () => {})",
            "require('node:https').get('https://example.invalid/')",
            "fetch('https://example.invalid/')"
        ];
        for (const code of tries) {
            const before = attempts().length;
            spawnSync(process.execPath, ['--require', preload, '-e', code], { env, encoding: 'utf8', timeout: 20_000 });
            expect(attempts().length, code).toBe(before + 1);
        }
        rmSync(networkLog, { force: true });
    });

    test('the CLI: check, fmt, render, export and diff of the examples', () => {
        expect(existsSync(cli), 'out/cli.cjs (npm test builds it)').toBe(true);
        const plan = join(exampleFolder, examplePlans[0]);
        const runs = [
            runCli(['check', 'examples']),
            runCli(['check', 'examples', '--format', 'sarif']),
            runCli(['fmt', '--check', 'examples']),
            runCli(['render', plan, '-o', join(scratch, 'timeline.html')]),
            runCli(['render', plan, '--format', 'svg']),
            runCli(['export', plan]),
            runCli(['diff', plan, join(exampleFolder, examplePlans[1])])
        ];
        for (const run of runs) {
            expect(run.error, run.stderr).toBeUndefined();
            expect(run.stderr).not.toMatch(/network access refused/);
        }
        expect(runs[0].status, 'check runs to the end (0 or 1)').toBeLessThanOrEqual(1);
        expect(attempts()).toEqual([]);
    }, 120_000);

    test('the language server: the examples opened, with hover, symbols, completion, formatting and the timeline', async () => {
        expect(existsSync(server), 'out/server.cjs (npm test builds it)').toBe(true);
        const session = await startLanguageServer({ serverPath: server, workspaceFolder: exampleFolder, nodeArgs: ['--require', preload], env });
        try {
            for (const name of examplePlans) {
                const uri = fileUri(join(exampleFolder, name));
                session.open(uri, readFileSync(join(exampleFolder, name), 'utf8'));
                await session.waitForDiagnostics(uri, undefined, 0, 60_000);
                const textDocument = { uri };
                const position = { line: 6, character: 17 };
                const range = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
                await Promise.allSettled([
                    session.connection.sendRequest(HoverRequest.type, { textDocument, position }),
                    session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
                    session.connection.sendRequest(CompletionRequest.type, { textDocument, position }),
                    session.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 4, insertSpaces: true } }),
                    session.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
                    session.connection.sendRequest(SemanticTokensRequest.type, { textDocument }),
                    session.connection.sendRequest(InlayHintRequest.type, { textDocument, range }),
                    session.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }),
                    session.connection.sendRequest('vplan/timeline', { uri, includeSvg: true })
                ]);
            }
        } finally {
            await session.shutdown();
        }
        expect(session.stderr()).not.toMatch(/network access refused/);
        expect(attempts()).toEqual([]);
    }, 120_000);
});
