/**
 * The bundled language server (out/server.cjs) under load, over stdio JSON-RPC: a burst of 1,000
 * edits ends with the right diagnostics for the final text; requests made during the burst are
 * answered or cancelled, never left hanging; and a 10 MB file is refused with one diagnostic
 * without holding up the diagnostics of other plans.
 */

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DocumentSymbolRequest, HoverRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { fileUri, startLanguageServer, type LanguageServerSession } from '../../bench/lsp-client.js';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan } from '../../bench/workload.js';
import { checkText, createTestServices } from '../helpers.js';
import { TIMELINE_REQUEST, type TimelineParams, type TimelineResult } from '../../language/timeline/timeline-protocol.js';

const serverPath = join(process.cwd(), 'out', 'server.cjs');
const workspace = mkdtempSync(join(tmpdir(), 'vplan-load-'));
const catalogue = catalogueToVplan(generateCatalogue());
const plans = [1, 2, 3, 4].map(i => planToVplan(generatePlan(i)));
const planPaths = plans.map((_, i) => join(workspace, `plan-${i + 1}.vplan`));
const bigOnDiskPath = join(workspace, 'te-groot-op-schijf.vplan');
let session: LanguageServerSession;

/** About `bytes` of plan text: the same plan repeated (so it would be slow to parse, not quick to reject). */
function hugePlanText(bytes: number): string {
    const unit = planToVplan(generatePlan(99));
    return unit.repeat(Math.ceil(bytes / unit.length));
}

beforeAll(async () => {
    if (!existsSync(serverPath)) throw new Error('out/server.cjs is missing: run `npx node esbuild.mjs` (npm test builds it)');
    writeFileSync(join(workspace, 'organisaties.vplan'), catalogue);
    plans.forEach((text, i) => writeFileSync(planPaths[i], text));
    writeFileSync(bigOnDiskPath, hugePlanText(6 * 1024 * 1024));
    session = await startLanguageServer({ serverPath, workspaceFolder: workspace });
}, 60_000);

afterAll(async () => {
    await session?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
});

/**
 * Resolves once the server has handled every change sent before the call, with the diagnostics of
 * the final text published. The `vplan/timeline` request first waits for the document updates
 * queued before it (a read of Langium's workspace lock queues behind its writes), then for the
 * document to be validated; the diagnostics go out during that validation, and messages arrive in
 * order, so they are in `session.latest` before the answer is.
 */
async function changesHandled(uris: readonly string[]): Promise<void> {
    for (const uri of uris) {
        const answer = await session.connection.sendRequest<TimelineResult>(TIMELINE_REQUEST, { uri } satisfies TimelineParams);
        expect(answer.uri).toBe(uri);
    }
}

const withoutMessage = (d: { code?: unknown; range: unknown; severity?: unknown }) => ({ code: d.code, range: d.range, severity: d.severity });

describe('the language server under load', () => {
    test('a burst of 1,000 edits ends with the diagnostics of the final text; requests during it settle', async () => {
        const uri = fileUri(planPaths[0]);
        const original = plans[0];
        session.open(uri, original, 1);
        await session.waitForDiagnostics(uri);

        // Every edit is different text; the last one breaks a reference and adds an invalid date.
        const variant = (i: number) => original.replace('"Daderhulp huiselijk geweld"', `"Daderhulp, versie ${i}"`);
        const final = original.replace('by ggz_regio', 'by ggz_onbekend').replace(/evaluation \d{4}-\d{2}-\d{2}/, 'evaluation 2026-02-30');
        const requests: Array<Promise<unknown>> = [];
        for (let i = 1; i <= 1000; i++) {
            session.change(uri, i === 1000 ? final : variant(i), i + 1);
            if (i % 50 === 0) {
                const line = 10 + (i % 40);
                requests.push(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 12 } }));
                requests.push(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
            }
        }
        const settled = await Promise.race([
            Promise.allSettled(requests),
            new Promise<'hung'>(resolve => setTimeout(() => resolve('hung'), 60_000))
        ]);
        expect(settled, 'every request during the burst is answered or cancelled').not.toBe('hung');
        for (const outcome of settled as Array<PromiseSettledResult<unknown>>) {
            if (outcome.status === 'rejected') {
                const error = outcome.reason as ResponseError<unknown>;
                expect(error).toBeInstanceOf(ResponseError);
                expect([LSPErrorCodes.RequestCancelled, LSPErrorCodes.ContentModified, LSPErrorCodes.ServerCancelled]).toContain(error.code);
            }
        }

        const expected = await checkText(createTestServices(), [final, catalogue], { locale: 'en' });
        expect(expected.codes).toContain('VP081');
        await session.waitForDiagnostics(uri, d => d.some(x => x.code === 'VP081'), 0, 60_000);
        // The last word must be the final text's.
        await changesHandled([uri]);
        const latest = session.latest.get(uri) ?? [];
        const sortKey = (d: { range: { start: { line: number; character: number } }; code?: unknown }) => `${String(d.range.start.line).padStart(6, '0')}:${String(d.range.start.character).padStart(6, '0')}:${String(d.code)}`;
        expect(latest.map(withoutMessage).sort((a, b) => sortKey(a as never).localeCompare(sortKey(b as never))))
            .toEqual(expected.diagnostics.map(withoutMessage).sort((a, b) => sortKey(a as never).localeCompare(sortKey(b as never))));
    }, 180_000);

    test('a 10 MB file gets one "too large" diagnostic and does not hold up other plans', async () => {
        const otherUri = fileUri(planPaths[1]);
        session.open(otherUri, plans[1], 1);
        await session.waitForDiagnostics(otherUri);

        const bigUri = fileUri(join(workspace, 'te-groot.vplan'));
        const big = hugePlanText(10 * 1024 * 1024);
        const edited = plans[1].replace('by ggz_regio', 'by ggz_onbekend');
        const sent = performance.now();
        session.open(bigUri, big, 1);
        session.change(otherUri, edited, 2);
        const other = await session.waitForDiagnostics(otherUri, d => d.some(x => x.code === 'VP081'), sent, 60_000);
        const delay = other.at - sent;
        console.log(`diagnostics of another plan ${delay.toFixed(0)} ms after a 10 MB file was opened`);
        // The spec's bound is one second; 5 s fails only a server that parses the big file.
        expect(delay).toBeLessThan(5_000);

        const bigDiagnostics = await session.waitForDiagnostics(bigUri, undefined, sent, 60_000);
        expect(bigDiagnostics.diagnostics).toHaveLength(1);
        expect(bigDiagnostics.diagnostics[0].code).toBe('VP000');
        expect(bigDiagnostics.diagnostics[0].message).toMatch(/too large.*10\.0 MB.*5 MB/);

        // Editor features on the refused file find nothing rather than failing.
        const symbols = await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: bigUri } });
        expect(symbols ?? []).toEqual([]);
        await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: bigUri }, position: { line: 3, character: 5 } });
    }, 90_000);

    test('a burst of catalogue edits ends with every open plan linked against the final catalogue', async () => {
        const catalogueUri = fileUri(join(workspace, 'organisaties.vplan'));
        const planUris = planPaths.map(fileUri);
        planUris.forEach((uri, i) => session.open(uri, plans[i], 1));
        session.open(catalogueUri, catalogue, 1);
        await session.waitForAll(planUris, 0, 60_000);
        // The final catalogue lacks the organisation every plan's daderhulp is given by.
        const withoutGgz = catalogue.replace(/^organisation ggz_regio .*$/m, '');
        const sent = performance.now();
        for (let i = 1; i <= 100; i++) session.change(catalogueUri, i % 2 === 0 || i === 100 ? withoutGgz : catalogue, i + 1);
        for (const uri of planUris) {
            await session.waitForDiagnostics(uri, d => d.some(x => x.code === 'VP081'), sent, 60_000);
        }
        // Earlier edits also published VP081 (every other one removes the organisation): wait until
        // the last catalogue edit is handled, then the last word for every plan must be VP081.
        await changesHandled(planUris);
        for (const uri of planUris) {
            const codes = (session.latest.get(uri) ?? []).map(d => d.code);
            expect(codes, uri).toContain('VP081');
        }
        // And back: restoring the organisation clears the errors again.
        const restored = performance.now();
        session.change(catalogueUri, catalogue, 200);
        for (const uri of planUris) {
            await session.waitForDiagnostics(uri, d => !d.some(x => x.code === 'VP081'), restored, 60_000);
        }
    }, 180_000);

    test('an oversized file found in the workspace folder is refused the same way', async () => {
        const uri = fileUri(bigOnDiskPath);
        // Opening any plan makes the server validate the whole workspace, the file on disk included.
        session.open(fileUri(planPaths[2]), plans[2], 1);
        const event = await session.waitForDiagnostics(uri, undefined, 0, 60_000);
        expect(event.diagnostics.map(d => d.code)).toEqual(['VP000']);
        expect(event.diagnostics[0].message).toMatch(/too large/);
    }, 90_000);
});
