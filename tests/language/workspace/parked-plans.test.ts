/**
 * The lean server (language/workspace/parked-plans.ts): a workspace loaded lean parks every plan
 * that is not open, and everything the editor and the diagnostics show is what a workspace kept
 * whole shows: diagnostics after every kind of change, find references, rename, workspace symbols,
 * the hover of an organisation. Files on disk (the server reads parked plans again from them).
 */

import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Cancellation, DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createVplanServices } from '../../../language/vplan-module.js';
import { VplanWorkspaceManager } from '../../../language/workspace/builtin-documents.js';
import { VplanDocumentBuilder } from '../../../language/workspace/vplan-document-builder.js';
import { LEAN_BATCH } from '../../../language/workspace/parked-plans.js';
import { catalogueToVplan, generateWorkspace, planToVplan } from '../../../bench/workload.js';
import { normalised } from '../../incremental-workspace.js';

const EXAMPLES = join(__dirname, '../../../examples');

type Services = ReturnType<typeof createVplanServices>;

/** A folder of files and a server's services over it, loaded lean or whole. */
class Loaded {
    parsed: string[] = [];

    constructor(readonly dir: string, readonly services: Services) {
        this.builder.onDocumentPhase(DocumentState.Parsed, document => { this.parsed.push(this.name(document.uri)); });
    }

    static async load(dir: string, lean: boolean): Promise<Loaded> {
        const services = createVplanServices({ ...NodeFileSystem });
        const manager = services.shared.workspace.WorkspaceManager as VplanWorkspaceManager;
        manager.leanMinFiles = lean ? 0 : Number.MAX_SAFE_INTEGER;
        const loaded = new Loaded(dir, services);
        await manager.initializeWorkspace([{ uri: pathToFileURL(dir).toString(), name: 'ws' }]);
        // As the server after the first load: validate whatever the load did not.
        await loaded.builder.update([], []);
        return loaded;
    }

    get builder(): VplanDocumentBuilder {
        return this.services.shared.workspace.DocumentBuilder as VplanDocumentBuilder;
    }

    uri(name: string): URI {
        return URI.file(join(this.dir, name));
    }

    name(uri: URI): string {
        return relative(this.dir, uri.fsPath);
    }

    document(name: string): LangiumDocument {
        return this.services.shared.workspace.LangiumDocuments.getDocument(this.uri(name))!;
    }

    diagnostics(): Record<string, string[]> {
        const result: Record<string, string[]> = {};
        for (const document of this.services.shared.workspace.LangiumDocuments.all) {
            if (document.uri.scheme !== 'file') continue;
            result[this.name(document.uri)] = normalised((document.diagnostics ?? []) as Diagnostic[]);
        }
        return result;
    }

    /** Writes files (undefined deletes) and tells the builder, as the file watcher does. */
    async write(files: Record<string, string | undefined>): Promise<string[]> {
        const changed: URI[] = [];
        const deleted: URI[] = [];
        for (const [name, text] of Object.entries(files)) {
            const path = join(this.dir, name);
            if (text === undefined) {
                unlinkSync(path);
                deleted.push(this.uri(name));
            } else {
                mkdirSync(dirname(path), { recursive: true });
                writeFileSync(path, text);
                changed.push(this.uri(name));
            }
        }
        this.parsed = [];
        await this.builder.update(changed, deleted);
        return [...this.parsed].sort();
    }

    textDocuments() {
        return this.services.shared.workspace.TextDocuments as unknown as { set(document: TextDocument): void; delete(uri: string): void };
    }
}

const folders: string[] = [];
afterEach(() => {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'vplan-parked-'));
    folders.push(dir);
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
    }
    return dir;
}

function filesOf(dir: string, prefix = ''): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(join(dir, prefix))) {
        const path = join(prefix, name);
        if (statSync(join(dir, path)).isDirectory()) Object.assign(files, filesOf(dir, path));
        else files[path] = readFileSync(join(dir, path), 'utf8');
    }
    return files;
}

/** The diagnostics of a whole (not lean) load of the folder as it is now. */
async function wholeDiagnostics(dir: string): Promise<Record<string, string[]>> {
    return (await Loaded.load(folderWith(filesOf(dir)), false)).diagnostics();
}

function workspaceFiles(count: number): Record<string, string> {
    const { catalogue, plans } = generateWorkspace(count, 3);
    // One workspace for the folder and its subfolders (outside git every folder is one otherwise).
    const files: Record<string, string> = { 'vplan.config.json': '{ "root": true }\n', 'organisaties.vplan': catalogueToVplan(catalogue) };
    for (const plan of plans) files[`plans/${plan.id}.vplan`] = planToVplan(plan);
    return files;
}

const examples = (): Record<string, string> => ({ ...filesOf(join(EXAMPLES, 'regio-zhz')), ...prefixed(filesOf(join(EXAMPLES, 'problems')), 'problems/') });
const prefixed = (files: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(files).map(([name, text]) => [prefix + name, text]));

describe('a lean workspace parks the plans that are not open', () => {
    test('every plan is parked, catalogues are not, and the diagnostics are those of a whole workspace', async () => {
        const dir = folderWith(examples());
        const lean = await Loaded.load(dir, true);
        const whole = await Loaded.load(dir, false);
        expect(lean.diagnostics()).toEqual(whole.diagnostics());
        expect(Object.values(lean.diagnostics()).flat().length).toBeGreaterThan(0);
        expect(lean.builder.parked.isParked(lean.uri('aster-2026.vplan'))).toBe(true);
        expect(lean.builder.parked.isParked(lean.uri('problems/gat-in-regie.vplan'))).toBe(true);
        expect(lean.builder.parked.isParked(lean.uri('organisaties.vplan'))).toBe(false);
        expect((lean.document('aster-2026.vplan').parseResult.value as unknown as { declarations: unknown[] }).declarations).toEqual([]);
        expect(whole.builder.parked.size).toBe(0);
    });

    test('a parked plan\'s syntax tree is garbage', async () => {
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as () => void;
        const dir = folderWith(workspaceFiles(3));
        const services = createVplanServices({ ...NodeFileSystem });
        (services.shared.workspace.WorkspaceManager as VplanWorkspaceManager).leanMinFiles = 0;
        const roots: Array<WeakRef<object>> = [];
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (document.uri.path.includes('/plans/')) roots.push(new WeakRef(document.parseResult.value));
        });
        await services.shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: pathToFileURL(dir).toString(), name: 'ws' }]);
        expect(roots).toHaveLength(3);
        // A WeakRef keeps its target until the current job ends.
        await new Promise(resolve => setTimeout(resolve, 0));
        gc();
        expect(roots.filter(root => root.deref() !== undefined)).toHaveLength(0);
    });

    test('catalogue edits: the plans are read again only when what they read changed, and the diagnostics stay those of a whole workspace', async () => {
        const dir = folderWith(workspaceFiles(6));
        const lean = await Loaded.load(dir, true);
        const catalogue = readFileSync(join(dir, 'organisaties.vplan'), 'utf8');
        const plans = Object.keys(filesOf(dir)).filter(name => name.startsWith('plans/'));
        const organisation = /organisation (\w+)/.exec(catalogue)![1];
        const usedBy = plans.filter(name => new RegExp(`\\b${organisation}\\b`).test(readFileSync(join(dir, name), 'utf8')));
        expect(usedBy.length).toBeGreaterThan(0);

        // A title, and an organisation added before the others (every path moves): nothing is read again.
        const retitled = catalogue.replace(/"[^"]*"/, '"Een andere titel"');
        expect(await lean.write({ 'organisaties.vplan': `organisation nieuw "Nieuw" kind wijkteam\n${retitled}` })).toEqual(['organisaties.vplan']);
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
        expect(plans.every(name => lean.builder.parked.isParked(lean.uri(name)))).toBe(true);

        // The kind of an organisation: the plans that name it are read again (and parked again).
        const rekinded = retitled.replace(new RegExp(`(organisation ${organisation} [^\\n]*kind )\\w+`), '$1politie');
        expect(rekinded).not.toBe(retitled);
        const reread = await lean.write({ 'organisaties.vplan': rekinded });
        expect(reread).toEqual(['organisaties.vplan', ...usedBy].sort());
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
        expect(plans.every(name => lean.builder.parked.isParked(lean.uri(name)))).toBe(true);

        // Renamed away (VP081 in the plans that name it), then back.
        await lean.write({ 'organisaties.vplan': rekinded.replace(new RegExp(`organisation ${organisation}\\b`), 'organisation weg') });
        const broken = lean.diagnostics();
        expect(broken).toEqual(await wholeDiagnostics(dir));
        expect(Object.values(broken).flat().some(d => d.includes('VP081'))).toBe(true);
        await lean.write({ 'organisaties.vplan': rekinded });
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));

        // The catalogue deleted, then written again.
        await lean.write({ 'organisaties.vplan': undefined });
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
        await lean.write({ 'organisaties.vplan': catalogue });
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
    });

    test('the kind of an organisation that no check of the plans reads (a provider of help) reads no plan again', async () => {
        const dir = folderWith(workspaceFiles(6));
        const lean = await Loaded.load(dir, true);
        const catalogue = readFileSync(join(dir, 'organisaties.vplan'), 'utf8');
        expect(catalogue).toMatch(/organisation ggz_regio [^\n]*kind ggz\n/);
        const plans = Object.keys(filesOf(dir)).filter(name => name.startsWith('plans/'));
        expect(plans.filter(name => readFileSync(join(dir, name), 'utf8').includes('by ggz_regio')).length).toBeGreaterThan(0);
        expect(await lean.write({ 'organisaties.vplan': catalogue.replace('kind ggz\n', 'kind jeugdhulp\n') })).toEqual(['organisaties.vplan']);
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
        expect(plans.every(name => lean.builder.parked.isParked(lean.uri(name)))).toBe(true);
    });

    test('a catalogue edit that every plan reads: read again in batches, and a cancelled one is finished by the next update', async () => {
        const dir = folderWith(workspaceFiles(120));
        const lean = await Loaded.load(dir, true);
        const documents = lean.services.shared.workspace.LangiumDocuments;
        const loadedPlans = () => documents.all.filter(d => d.uri.path.includes('/plans/') && !lean.builder.parked.isParked(d.uri)).count();
        let most = 0;
        let validated = 0;
        const source = new Cancellation.CancellationTokenSource();
        lean.builder.onDocumentPhase(DocumentState.Validated, () => {
            most = Math.max(most, loadedPlans());
            if (++validated === 70) source.cancel();
        });
        const catalogue = readFileSync(join(dir, 'organisaties.vplan'), 'utf8');
        // Every plan names veiligthuis_regio (its regie): a new kind reaches all of them.
        writeFileSync(join(dir, 'organisaties.vplan'), catalogue.replace(/(organisation veiligthuis_regio [^\n]*kind )\w+/, '$1politie'));
        await lean.builder.update([lean.uri('organisaties.vplan')], [], source.token).catch(error => {
            if (!isOperationCancelled(error)) throw error;
        });
        expect(validated).toBe(70);
        expect(loadedPlans()).toBeLessThanOrEqual(LEAN_BATCH);
        await lean.builder.update([], []);
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
        expect(loadedPlans()).toBe(0);
        expect(most).toBeLessThanOrEqual(2 * LEAN_BATCH);
    });

    test('a parked plan whose file is gone before anyone said so: the build goes on, and the deletion when it is reported', async () => {
        const dir = folderWith(workspaceFiles(4));
        const lean = await Loaded.load(dir, true);
        const plans = Object.keys(filesOf(dir)).filter(name => name.startsWith('plans/')).sort();
        const catalogue = readFileSync(join(dir, 'organisaties.vplan'), 'utf8');
        unlinkSync(join(dir, plans[0]));
        // Every plan names veiligthuis_regio: a new kind reads every plan again, also the one whose file is gone.
        await lean.write({ 'organisaties.vplan': catalogue.replace(/(organisation veiligthuis_regio [^\n]*kind )\w+/, '$1politie') });
        expect(lean.builder.parked.isParked(lean.uri(plans[1]))).toBe(true);
        expect(lean.diagnostics()[plans[0]]).toEqual([expect.stringContaining('This file cannot be read (ENOENT), so it is not checked.')]);
        await lean.builder.update([], [lean.uri(plans[0])]);
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
        await lean.write({ 'organisaties.vplan': catalogue });
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
    });

    test('duplicates between parked and new plans, a plan file changed and deleted on disk', async () => {
        const dir = folderWith(workspaceFiles(4));
        const lean = await Loaded.load(dir, true);
        const plans = Object.keys(filesOf(dir)).filter(name => name.startsWith('plans/')).sort();
        const first = readFileSync(join(dir, plans[0]), 'utf8');
        // A copy sorted before every plan: the parked plan of the same name becomes the duplicate (VP080).
        await lean.write({ 'plans/0-kopie.vplan': first });
        const duplicated = lean.diagnostics();
        expect(duplicated).toEqual(await wholeDiagnostics(dir));
        expect(duplicated[plans[0]].some(d => d.includes('VP080'))).toBe(true);
        await lean.write({ 'plans/0-kopie.vplan': undefined });
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
        expect(lean.diagnostics()[plans[0]].some(d => d.includes('VP080'))).toBe(false);

        await lean.write({ [plans[1]]: first.replace(/^plan \w+/m, 'plan anders').replace(/status \w+/, 'status onbekend') });
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
        expect(lean.builder.parked.isParked(lean.uri(plans[1]))).toBe(true);
        await lean.write({ [plans[1]]: undefined });
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
        expect(lean.builder.parked.isParked(lean.uri(plans[1]))).toBe(false);
    });

    test('find references, rename, workspace symbols and the organisation hover see the parked plans', async () => {
        const dir = folderWith(examples());
        const [lean, whole] = [await Loaded.load(dir, true), await Loaded.load(dir, false)];
        const ask = async (loaded: Loaded) => {
            const { Vplan, shared } = loaded.services;
            const catalogue = loaded.document('organisaties.vplan');
            const text = catalogue.textDocument.getText();
            const position = catalogue.textDocument.positionAt(text.indexOf('organisation ') + 'organisation '.length + 1);
            const textDocument = { uri: catalogue.uri.toString() };
            const references = await Vplan.lsp.ReferencesProvider!.findReferences(catalogue, { textDocument, position, context: { includeDeclaration: true } });
            const rename = await Vplan.lsp.RenameProvider!.rename(catalogue, { textDocument, position, newName: 'hernoemd' });
            const hover = await Vplan.lsp.HoverProvider!.getHoverContent(catalogue, { textDocument, position });
            const symbols = await shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' });
            const relativeUri = (uri: string) => loaded.name(URI.parse(uri));
            return {
                references: references.map(location => [relativeUri(location.uri), location.range]).sort(),
                rename: Object.entries(rename?.changes ?? {}).map(([uri, edits]) => [relativeUri(uri), edits]).sort(),
                hover: JSON.stringify(hover).replaceAll(pathToFileURL(loaded.dir).toString(), ''),
                symbols: symbols.map(symbol => [symbol.name, symbol.kind, symbol.containerName, relativeUri((symbol.location as { uri: string }).uri), JSON.stringify(symbol.location)]).sort()
            };
        };
        const [leanAnswers, wholeAnswers] = [await ask(lean), await ask(whole)];
        expect(lean.builder.parked.size).toBeGreaterThan(5);
        expect(leanAnswers.references.length).toBeGreaterThan(2);
        expect(leanAnswers.references).toEqual(wholeAnswers.references);
        expect(leanAnswers.rename).toEqual(wholeAnswers.rename);
        expect(leanAnswers.hover).toEqual(wholeAnswers.hover);
        expect(leanAnswers.hover).toContain('aster');
        expect(leanAnswers.symbols.map(symbol => symbol.slice(0, 4))).toEqual(wholeAnswers.symbols.map(symbol => symbol.slice(0, 4)));
    });

    test('a plan opened in the editor is loaded; closed, it is read from its file again and parked', async () => {
        const dir = folderWith(examples());
        const lean = await Loaded.load(dir, true);
        const uri = lean.uri('berk-2026.vplan');
        const text = readFileSync(uri.fsPath, 'utf8');
        lean.textDocuments().set(TextDocument.create(uri.toString(), 'vplan', 1, text.replace(/status \w+/, 'status onbekend')));
        await lean.builder.update([uri], []);
        expect(lean.builder.parked.isParked(uri)).toBe(false);
        expect(lean.diagnostics()['berk-2026.vplan'].some(d => d.includes('VP000'))).toBe(true);
        // Closed without saving: the file's text counts again.
        lean.textDocuments().delete(uri.toString());
        await lean.builder.update([uri], []);
        expect(lean.builder.parked.isParked(uri)).toBe(true);
        expect(lean.diagnostics()).toEqual(await wholeDiagnostics(dir));
    });
});
