/**
 * The lean server over stdio (language/workspace/parked-plans.ts; `VPLAN_LEAN_MIN_FILES=0` makes
 * a small workspace lean): what a client sees equals what it sees of a server that keeps the
 * whole workspace: the diagnostics of every file, find references and rename of an organisation
 * across closed (parked) plans, workspace symbols, the hover of an organisation; the first load
 * is reported as progress over all files; a plan closed without saving counts with its file's
 * text again.
 */

import { afterEach, describe, expect, test } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspServer } from './lsp-harness.js';
import { normalised } from '../incremental-workspace.js';

const catalogue = `organisation vt "Veilig Thuis" kind veiligthuis
organisation wijk "Wijkteam" kind wijkteam
organisation ggz "GGZ" kind ggz
`;

const plan = (name: string, organisation: string, start = '2026-01-05') => `plan ${name} "Plan ${name}" {
    status active
    period ${start} to 2027-01-04
    household {
        member a adult born 1990 roles victim
        member k child born 2018 roles witness
    }
    intervention i "Hulp" {
        for a, k
        by ${organisation}
        from ${start} for 6 months
    }
    regie {
        ${organisation} from ${start}
    }
}
`;

function workspace(): Record<string, string> {
    const files: Record<string, string> = { 'vplan.config.json': '{ "root": true }\n', 'catalogus/organisaties.vplan': catalogue };
    const organisations = ['vt', 'wijk', 'ggz', 'onbekend'];
    for (let i = 0; i < 24; i++) files[`plannen/p${String(i).padStart(2, '0')}.vplan`] = plan(`p${i}`, organisations[i % 4], `2026-0${1 + (i % 9)}-05`);
    return files;
}

const servers: LspServer[] = [];
afterEach(async () => {
    await Promise.all(servers.splice(0).map(server => server.stop()));
});

async function start(lean: boolean, files: Record<string, string>): Promise<LspServer> {
    const server = await startServer({
        workspaceFiles: files, env: { VPLAN_LEAN_MIN_FILES: lean ? '0' : '100000' },
        capabilities: { window: { workDoneProgress: true } }
    });
    servers.push(server);
    return server;
}

/** The diagnostics last published for a URI. */
function latest(server: LspServer, uri: string): Diagnostic[] {
    return server.publications.filter(p => p.uri === uri).at(-1)?.diagnostics ?? [];
}

/** Every file's latest diagnostics, once every file has some (relative paths). */
async function allDiagnostics(server: LspServer, files: Record<string, string>): Promise<Record<string, string[]>> {
    const paths = Object.keys(files).filter(path => path.endsWith('.vplan'));
    const result: Record<string, string[]> = {};
    for (const path of paths) result[path] = normalised(await server.waitForDiagnostics(server.uri(path)) as Diagnostic[]);
    return result;
}

/** Waits until the lean server publishes for every file what a whole server started from the edited catalogue gives. */
async function reachesFreshDiagnostics(lean: LspServer, files: Record<string, string>, editedCatalogue: string): Promise<void> {
    const fresh = await start(false, { ...files, 'catalogus/organisaties.vplan': editedCatalogue });
    await fresh.open(fresh.uri('catalogus/organisaties.vplan'), editedCatalogue);
    const expected = await allDiagnostics(fresh, files);
    await lean.waitUntil('the diagnostics of a fresh server', () => {
        const now: Record<string, string[]> = {};
        for (const path of Object.keys(expected)) now[path] = normalised(latest(lean, lean.uri(path)));
        return JSON.stringify(now) === JSON.stringify(expected) ? true : undefined;
    });
}

const relative = (server: LspServer, value: unknown): string => JSON.stringify(value).replaceAll(server.uri(''), '');

describe('the lean language server', () => {
    test('answers as a server that keeps every plan: diagnostics, references, rename, symbols, hover', async () => {
        const files = workspace();
        const [lean, whole] = [await start(true, files), await start(false, files)];
        const catalogueUri = (server: LspServer) => server.uri('catalogus/organisaties.vplan');
        for (const server of [lean, whole]) await server.open(catalogueUri(server), catalogue);
        const [leanDiagnostics, wholeDiagnostics] = [await allDiagnostics(lean, files), await allDiagnostics(whole, files)];
        expect(leanDiagnostics).toEqual(wholeDiagnostics);
        expect(Object.values(leanDiagnostics).flat().some(d => d.includes('VP081'))).toBe(true);

        const ask = async (server: LspServer) => {
            const textDocument = { uri: catalogueUri(server) };
            const position = { line: 1, character: 15 }; // `wijk`
            const references = await server.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }) as unknown[];
            const rename = await server.request('textDocument/rename', { textDocument, position, newName: 'buurtteam' }) as { changes?: Record<string, unknown[]> };
            const hover = await server.request('textDocument/hover', { textDocument, position });
            const symbols = await server.request('workspace/symbol', { query: '' }) as Array<{ name: string; location: unknown; containerName?: string }>;
            return {
                references: references.map(location => relative(server, location)).sort(),
                rename: Object.entries(rename.changes ?? {}).map(([uri, edits]) => relative(server, [uri, edits])).sort(),
                hover: relative(server, hover),
                symbols: symbols.map(symbol => relative(server, [symbol.name, symbol.containerName, symbol.location])).sort()
            };
        };
        const [leanAnswers, wholeAnswers] = [await ask(lean), await ask(whole)];
        expect(leanAnswers.references.length).toBe(1 + 2 * 6); // the declaration, `by` and regie in six plans
        expect(leanAnswers).toEqual(wholeAnswers);
    });

    test('a catalogue edit reaches the parked plans that read it, and only the diagnostics a fresh server gives', async () => {
        const files = workspace();
        const lean = await start(true, files);
        const uri = lean.uri('catalogus/organisaties.vplan');
        await lean.open(uri, catalogue);
        await allDiagnostics(lean, files);
        const edited = catalogue.replace('organisation wijk "Wijkteam" kind wijkteam', 'organisation wijkteam "Wijkteam" kind wijkteam').replace('kind ggz', 'kind politie');
        await lean.change(uri, edited);
        await reachesFreshDiagnostics(lean, files, edited);
    });

    test('a config file change and a locale change reach the parked plans', async () => {
        const files = workspace();
        const server = await startServer({
            workspaceFiles: files, env: { VPLAN_LEAN_MIN_FILES: '0' },
            capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } } }
        });
        servers.push(server);
        server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ locale: 'auto' })));
        const closed = server.uri('plannen/p02.vplan');
        const before = await server.waitForDiagnostics(closed, ds => ds.some(d => d.code === 'VP020'));
        expect(before.find(d => d.code === 'VP020')?.message).toMatch(/aftercare/i);
        await server.notify('workspace/didChangeConfiguration', { settings: { vplan: { locale: 'nl' } } });
        await server.waitForDiagnostics(closed, ds => ds.some(d => d.code === 'VP020' && /nazorg/i.test(String(d.message))));
        writeFileSync(join(server.workspaceDir, 'vplan.config.json'), '{ "root": true, "rules": { "VP020": "off" } }\n');
        await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: server.uri('vplan.config.json'), type: 2 }] });
        await server.waitForDiagnostics(closed, ds => !ds.some(d => d.code === 'VP020'));
    });

    test('reports its load over every file, and a plan closed without saving counts with its file again', async () => {
        const files = workspace();
        const lean = await start(true, files);
        const target = lean.uri('plannen/p01.vplan');
        const original = await lean.waitForDiagnostics(target);
        await lean.open(target, files['plannen/p01.vplan'].replace('status active', 'status onbekend'));
        await lean.waitForDiagnostics(target, diagnostics => diagnostics.some(d => d.code === 'VP000'));
        await lean.notify('textDocument/didClose', { textDocument: { uri: target } });
        expect(normalised(await lean.waitForDiagnostics(target, diagnostics => !diagnostics.some(d => d.code === 'VP000')) as Diagnostic[]))
            .toEqual(normalised(original as Diagnostic[]));
        const files_ = Object.keys(files).filter(path => path.endsWith('.vplan')).length;
        const values = await lean.waitUntil('the end of the load progress', () => lean.progress.some(v => v.kind === 'end') ? lean.progress : undefined);
        expect(values.map(v => v.message)).toContain(`${files_} of ${files_} files`);
    });

    test('a kind edit reads again only the closed plans whose checks read that kind, and reports it when they are more than a batch', async () => {
        // 60 plans, more than one batch of 50 (LEAN_BATCH): help by wijk (whose kind no check of
        // theirs reads), regie by vt, a huisverbod imposed by burg (whose kind the measure check reads).
        const withMeasure = (name: string) => `plan ${name} "Plan ${name}" {
    status active
    period 2026-01-05 to 2027-01-04
    household {
        member a adult born 1990 roles victim
        member b adult born 1988 roles perpetrator
    }
    intervention i "Hulp" {
        for a, b
        by wijk
        from 2026-01-05 for 12 months
    }
    measure hv huisverbod {
        on b
        protects a
        by burg
        from 2026-01-05 for 10 days
    }
    regie {
        vt from 2026-01-05
    }
}
`;
        const organisations = `${catalogue}organisation burg "Burgemeester" kind burgemeester\n`;
        const files: Record<string, string> = { 'vplan.config.json': '{ "root": true }\n', 'catalogus/organisaties.vplan': organisations };
        for (let i = 0; i < 60; i++) files[`plannen/q${String(i).padStart(2, '0')}.vplan`] = withMeasure(`q${i}`);
        const lean = await start(true, files);
        const uri = lean.uri('catalogus/organisaties.vplan');
        await lean.open(uri, organisations);
        await allDiagnostics(lean, files);
        await lean.waitUntil('the end of the load progress', () => lean.progress.some(v => v.kind === 'end') ? true : undefined);
        const publishedPlans = () => lean.publications.filter(p => p.uri.includes('/plannen/')).length;
        // wijk's kind: no plan is read again, none published again, no progress.
        let before = { progress: lean.progress.length, published: publishedPlans() };
        const wijkEdited = organisations.replace('kind wijkteam', 'kind jeugdhulp');
        await lean.change(uri, wijkEdited);
        await lean.open(lean.uri('plannen/q00.vplan'), files['plannen/q00.vplan']);
        await lean.waitForDiagnostics(lean.uri('plannen/q00.vplan'));
        expect(lean.progress.slice(before.progress)).toEqual([]);
        expect(publishedPlans() - before.published).toBe(1);
        // burg's kind: the 59 closed plans are read again, checked and published, with progress.
        before = { progress: lean.progress.length, published: publishedPlans() };
        await lean.change(uri, wijkEdited.replace('kind burgemeester', 'kind politie'));
        const reread = await lean.waitUntil('the end of the progress of reading the plans again', () => {
            const values = lean.progress.slice(before.progress);
            return values.some(v => v.kind === 'end') ? values : undefined;
        });
        expect(reread[0]).toMatchObject({ kind: 'begin', title: 'Checking closed plans again' });
        expect(reread.filter(v => v.kind === 'report').map(v => v.message)).toEqual(expect.arrayContaining(['0 of 59 plans', '59 of 59 plans']));
        expect(reread.at(-1)!.kind).toBe('end');
        // And their diagnostics are those of a server that starts from the edited catalogue.
        const edited = wijkEdited.replace('kind burgemeester', 'kind politie');
        await reachesFreshDiagnostics(lean, files, edited);
    });
});
