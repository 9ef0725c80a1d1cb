/**
 * Over stdio, a whole server and a lean one (`VPLAN_LEAN_MIN_FILES=0`):
 *
 * - a document closed without saving counts with its file's text again
 *   (language/lsp/vplan-document-update-handler.ts): a catalogue's discarded edit no longer breaks
 *   the closed plans that name its organisations, and a plan's discarded edit no longer shows in
 *   its diagnostics; a file deleted on disk while open, and an `untitled:` document, leave the
 *   workspace when closed (their diagnostics are cleared, their names are gone for the other
 *   files); the built-in catalogue, which an editor may open read-only, stays;
 * - rename refuses a new name already taken in the namespace of the renamed declaration
 *   (language/lsp/vplan-rename.ts).
 */

import { afterEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Location, LocationLink, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { URI } from 'langium';
import { WHOLE_AND_LEAN, startServer, type LspServer } from './lsp-harness.js';
import { normalised } from '../incremental-workspace.js';
import { BUILTIN_CATALOGUE, BUILTIN_CATALOGUE_URI } from '../../language/builtin/catalogue.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/regio-zhz/', import.meta.url));

/** A copy of examples/regio-zhz (its vplan.config.json has `"root": true`). */
function regioZhz(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(EXAMPLE)) files[name] = readFileSync(join(EXAMPLE, name), 'utf8');
    return files;
}

const unresolved = (diagnostics: Diagnostic[]) => diagnostics.filter(d => d.code === 'VP081');
const hasUnresolved = (diagnostics: Diagnostic[]) => unresolved(diagnostics).length > 0;

/** The position of the `occurrence`-th (0-based) `needle` in `text`, `delta` characters in. */
function at(text: string, needle: string, delta = 1, occurrence = 0) {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) throw new Error(`${needle} not found`);
    }
    const before = text.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function targetUri(result: Location | Location[] | LocationLink[] | null): string | undefined {
    const first = Array.isArray(result) ? result[0] : result;
    if (!first) return undefined;
    return 'targetUri' in first ? first.targetUri : first.uri;
}

let server: LspServer | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

describe.each(WHOLE_AND_LEAN)('closing a document (%s server)', (_mode, env) => {
    test('a catalogue closed without saving: the closed plans see its file again, and go to definition works', async () => {
        const files = regioZhz();
        server = await startServer({ workspaceFiles: files, env });
        const [catalogue, berk] = [server.uri('organisaties.vplan'), server.uri('berk-2026.vplan')];
        await server.open(catalogue, files['organisaties.vplan']);
        const before = await server.waitForDiagnostics(berk);
        expect(before).toEqual([]);

        await server.change(catalogue, files['organisaties.vplan'].replace('organisation ggz_zhz', 'organisation ggz_zhx'));
        expect(unresolved(await server.waitForDiagnostics(berk, hasUnresolved))).toHaveLength(2);

        await server.notify('textDocument/didClose', { textDocument: { uri: catalogue } });
        expect(await server.waitForDiagnostics(berk, ds => !hasUnresolved(ds))).toEqual(before);
        await server.open(berk, files['berk-2026.vplan']);
        expect(await server.waitForDiagnostics(berk)).toEqual([]);
        const definition = await server.request<Location | LocationLink[]>('textDocument/definition', {
            textDocument: { uri: berk }, position: at(files['berk-2026.vplan'], 'by ggz_zhz', 4)
        });
        expect(targetUri(definition)).toBe(catalogue);
    });

    test('a plan closed without saving: its diagnostics are those of its file again', async () => {
        const files = regioZhz();
        server = await startServer({ workspaceFiles: files, env });
        const [aster, berk] = [server.uri('aster-2026.vplan'), server.uri('berk-2026.vplan')];
        await server.open(berk, files['berk-2026.vplan']);
        const before = await server.waitForDiagnostics(aster);
        expect(hasUnresolved(before)).toBe(false);

        await server.open(aster, files['aster-2026.vplan'].replace('by ggz_zhz', 'by ggz_zh'));
        expect(unresolved(await server.waitForDiagnostics(aster, hasUnresolved))).toHaveLength(1);
        await server.notify('textDocument/didClose', { textDocument: { uri: aster } });
        expect(normalised(await server.waitForDiagnostics(aster, ds => !hasUnresolved(ds)))).toEqual(normalised(before));
    });

    test('a file deleted on disk while open, then closed, leaves the workspace: empty diagnostics, its names gone', async () => {
        const extraText = 'organisation extra_zhz "Extra" kind ggz\norganisation extra_zhz "Dubbel" kind ggz\n';
        const files: Record<string, string> = { ...regioZhz(), 'extra.vplan': extraText };
        server = await startServer({ workspaceFiles: files, env });
        const [extra, aster] = [server.uri('extra.vplan'), server.uri('aster-2026.vplan')];
        await server.open(extra, extraText);
        expect((await server.waitForDiagnostics(extra)).map(d => d.code)).toEqual(['VP080']);
        await server.open(aster, files['aster-2026.vplan'].replace('by ggz_zhz', 'by extra_zhz'));
        expect(hasUnresolved(await server.waitForDiagnostics(aster))).toBe(false);

        rmSync(join(server.workspaceDir, 'extra.vplan'));
        await server.notify('textDocument/didClose', { textDocument: { uri: extra } });
        expect(await server.waitForDiagnostics(extra, ds => ds.length === 0)).toEqual([]);
        expect(unresolved(await server.waitForDiagnostics(aster, hasUnresolved))).toHaveLength(1);
        const symbols = await server.request<SymbolInformation[]>('workspace/symbol', { query: 'extra_zhz' });
        expect(symbols.filter(symbol => symbol.name === 'extra_zhz')).toEqual([]);
    });

    test('an untitled document closed leaves the workspace: empty diagnostics, its names gone', async () => {
        const files = regioZhz();
        server = await startServer({ workspaceFiles: files, env });
        const untitled = 'untitled:Untitled-1';
        await server.open(untitled, 'organisation los_zhz "Los" kind ggz\norganisation los_zhz "Dubbel" kind ggz\n');
        expect((await server.waitForDiagnostics(untitled)).map(d => d.code)).toEqual(['VP080']);
        const named = async () => (await server!.request<SymbolInformation[]>('workspace/symbol', { query: 'los_zhz' })).filter(s => s.name === 'los_zhz');
        expect(await named()).not.toEqual([]);

        await server.notify('textDocument/didClose', { textDocument: { uri: untitled } });
        expect(await server.waitForDiagnostics(untitled, ds => ds.length === 0)).toEqual([]);
        expect(await named()).toEqual([]);
    });

    test('the built-in catalogue opened read-only and closed stays in the workspace', async () => {
        const files = regioZhz();
        server = await startServer({ workspaceFiles: files, env });
        const aster = server.uri('aster-2026.vplan');
        await server.open(aster, files['aster-2026.vplan']);
        const before = await server.waitForDiagnostics(aster);
        expect(hasUnresolved(before)).toBe(false);
        // As an editor opens it (go to definition): by its normalised URI, with the catalogue's text.
        const builtin = URI.parse(BUILTIN_CATALOGUE_URI).toString();
        await server.open(builtin, BUILTIN_CATALOGUE);
        // An edit after each notification: its diagnostics are built after the notification was handled.
        await server.change(aster, files['aster-2026.vplan'] + '\n// opened\n');
        expect(hasUnresolved(await server.waitForDiagnostics(aster))).toBe(false);
        await server.notify('textDocument/didClose', { textDocument: { uri: builtin } });
        await server.change(aster, files['aster-2026.vplan'] + '\n// closed\n');
        expect(hasUnresolved(await server.waitForDiagnostics(aster))).toBe(false);
        const definition = await server.request<Location | LocationLink[]>('textDocument/definition', {
            textDocument: { uri: aster }, position: at(files['aster-2026.vplan'], 'voorwaarden vt_voorwaarden', 14)
        });
        expect(targetUri(definition)).toMatch(/^vplan-builtin:/);
    });

    test('the built-in catalogue opened and closed at once keeps its text (it has no file to read)', async () => {
        const files = regioZhz();
        server = await startServer({ workspaceFiles: files, env });
        const aster = server.uri('aster-2026.vplan');
        await server.open(aster, files['aster-2026.vplan']);
        expect(hasUnresolved(await server.waitForDiagnostics(aster))).toBe(false);
        const builtin = URI.parse(BUILTIN_CATALOGUE_URI).toString();
        await server.open(builtin, BUILTIN_CATALOGUE);
        await server.notify('textDocument/didClose', { textDocument: { uri: builtin } });
        await server.change(aster, files['aster-2026.vplan'] + '\n// closed\n');
        expect(hasUnresolved(await server.waitForDiagnostics(aster))).toBe(false);
    });
});

describe('rename refuses a name already taken in the same namespace', () => {
    test('a member, an organisation, a measure type: refused when taken, allowed when free or only shadowing', async () => {
        const files: Record<string, string> = { ...regioZhz(), 'soorten.vplan': 'measure type eigen_afspraak "Eigen afspraak" {\n    mode drang\n    subject any\n}\n' };
        server = await startServer({ workspaceFiles: files, env: {} });
        const [aster, types] = [server.uri('aster-2026.vplan'), server.uri('soorten.vplan')];
        const asterText = files['aster-2026.vplan'];
        await server.open(aster, asterText);
        await server.open(types, files['soorten.vplan']);
        await server.waitForDiagnostics(aster);
        const rename = (uri: string, position: { line: number; character: number }, newName: string) =>
            server!.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position, newName });
        const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: { code?: number; message?: string }) => error);

        // A member renamed to another member's name (the repro: member tim → eva).
        const member = await refusal(rename(aster, at(asterText, 'member tim', 7), 'eva'));
        expect(member?.code).toBe(-32803);
        expect(member?.message).toMatch(/'eva'.*already.*household member.*this plan/);
        // ... and to a risk's name: one namespace per plan.
        expect((await refusal(rename(aster, at(asterText, 'member tim', 7), 'dreiging')))?.message).toMatch(/'dreiging'.*already.*risk/);
        // An organisation renamed (from a reference in a plan) to another organisation's name, declared in the same file...
        const organisation = await refusal(rename(aster, at(asterText, 'by ggz_zhz', 4), 'politie_zhz'));
        expect(organisation?.code).toBe(-32803);
        expect(organisation?.message).toMatch(/'politie_zhz'.*already.*organisation.*workspace/);
        // ... or to the name of a plan in another file (plans, organisations and measure types share one namespace).
        expect((await refusal(rename(aster, at(asterText, 'by ggz_zhz', 4), 'berk_2026')))?.message).toMatch(/'berk_2026'.*already.*plan/);
        // An own measure type renamed to a built-in type's name.
        const measureType = await refusal(rename(types, at(files['soorten.vplan'], 'eigen_afspraak', 1), 'huisverbod'));
        expect(measureType?.code).toBe(-32803);
        expect(measureType?.message).toMatch(/'huisverbod'.*already.*built-in measure type/);

        // Free names are allowed.
        const free = await rename(aster, at(asterText, 'member tim', 7), 'timo');
        expect(free.changes?.[aster]?.length).toBeGreaterThan(1);
        const freeOrganisation = await rename(aster, at(asterText, 'by ggz_zhz', 4), 'ggz_nieuw');
        expect(Object.keys(freeOrganisation.changes ?? {}).length).toBeGreaterThan(1);
        // A plan-level name may shadow an organisation (spec section 2): a member may take an organisation's name.
        const shadowing = await rename(aster, at(asterText, 'member tim', 7), 'politie_zhz');
        expect(shadowing.changes?.[aster]?.length).toBeGreaterThan(1);
        // Renaming to the name it has already is no conflict with itself.
        expect((await rename(aster, at(asterText, 'member tim', 7), 'tim')).changes?.[aster]?.length).toBeGreaterThan(1);
    });

    test('in Dutch', async () => {
        const files = regioZhz();
        server = await startServer({ workspaceFiles: files, locale: 'nl' });
        const aster = server.uri('aster-2026.vplan');
        await server.open(aster, files['aster-2026.vplan']);
        await server.waitForDiagnostics(aster);
        const error = await server.request('textDocument/rename', { textDocument: { uri: aster }, position: at(files['aster-2026.vplan'], 'member tim', 7), newName: 'eva' })
            .then(() => undefined, (e: { code?: number; message?: string }) => e);
        expect(error?.code).toBe(-32803);
        expect(error?.message).toMatch(/'eva'.*al.*gezinslid.*dit plan/);
    });
});
