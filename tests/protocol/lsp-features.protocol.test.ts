/**
 * The bundled language server over JSON-RPC (stdio): initialize with a workspace of several
 * files → diagnostics → every editor feature → a change with new diagnostics → shutdown/exit.
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
    CodeLens, CompletionList, Definition, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, InlayHint, Location,
    LocationLink, Range, SemanticTokens, SymbolInformation, TextEdit, WorkspaceEdit
} from 'vscode-languageserver-protocol';
import { startServer, type LspServer } from './lsp-harness.js';
import { ORGANISATIONS, PLAN } from '../language/lsp/lsp-fixtures.js';

const TYPES = 'measure type eigen "Eigen maatregel" {\n    mode drang\n    term max 3 months\n}\n';

let server: LspServer;
let planUri: string;
let orgsUri: string;

/** The position of `needle` (plus `delta` characters) in `text`. */
function at(text: string, needle: string, delta = 0, occurrence = 0) {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' not found`);
    offset += delta;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

const whole = (text: string): Range => ({ start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } });

beforeAll(async () => {
    server = await startServer({
        // The config makes the folder one workspace root, so the file in types/ belongs to it (spec section 2, v2).
        workspaceFiles: { 'vplan.config.json': '{ "root": true }\n', 'organisations.vplan': ORGANISATIONS, 'plan.vplan': PLAN, 'types/eigen.vplan': TYPES },
        locale: 'en'
    });
    planUri = server.uri('plan.vplan');
    orgsUri = server.uri('organisations.vplan');
    await server.open(planUri, PLAN);
});

afterAll(async () => {
    await server?.stop();
});

const doc = () => ({ textDocument: { uri: planUri } });

describe('bundled server over stdio', () => {
    test('advertises every feature, including the built-in catalogue content', () => {
        const caps = server.initializeResult.capabilities;
        expect(caps.completionProvider).toBeTruthy();
        expect(caps.hoverProvider).toBeTruthy();
        expect(caps.definitionProvider).toBeTruthy();
        expect(caps.referencesProvider).toBeTruthy();
        expect(caps.documentHighlightProvider).toBeTruthy();
        expect(caps.renameProvider).toEqual({ prepareProvider: true });
        expect(caps.documentSymbolProvider).toBeTruthy();
        expect(caps.workspaceSymbolProvider).toBeTruthy();
        expect(caps.foldingRangeProvider).toBeTruthy();
        expect(caps.semanticTokensProvider?.legend.tokenTypes).toEqual(expect.arrayContaining(['variable', 'class', 'date', 'duration']));
        expect(caps.inlayHintProvider).toBeTruthy();
        expect(caps.codeLensProvider).toBeTruthy();
        expect(caps.documentFormattingProvider).toBeTruthy();
        expect(caps.codeActionProvider).toBeTruthy();
        expect((caps.workspace as { textDocumentContent?: { schemes: string[] } }).textDocumentContent?.schemes).toEqual(['vplan-builtin']);
    });

    test('publishes diagnostics; references to another file resolve', async () => {
        const diagnostics = await server.waitForDiagnostics(planUri);
        expect(diagnostics.filter(d => d.code === 'VP081')).toEqual([]);
    });

    test('completion: value words and members', async () => {
        const roles = await server.request<CompletionList>('textDocument/completion', { ...doc(), position: at(PLAN, 'victim') });
        // `parent` is in the list already (`roles victim, parent`): not offered twice.
        expect(roles.items.map(i => i.label)).toEqual(expect.arrayContaining(['victim', 'perpetrator', 'witness']));
        expect(roles.items.map(i => i.label)).not.toContain('parent');
        const members = await server.request<CompletionList>('textDocument/completion', { ...doc(), position: at(PLAN, 'mark\n        by ggz') });
        expect(members.items.map(i => i.label)).toEqual(expect.arrayContaining(['sanne', 'mark', 'noor']));
        const types = await server.request<CompletionList>('textDocument/completion', { ...doc(), position: at(PLAN, 'huisverbod {') });
        expect(types.items.map(i => i.label)).toEqual(expect.arrayContaining(['huisverbod', 'ots', 'eigen']));
    });

    test('hover on a measure type, a member and an organisation', async () => {
        const type = await server.request<Hover>('textDocument/hover', { ...doc(), position: at(PLAN, 'huisverbod', 2) });
        expect(JSON.stringify(type.contents)).toContain('Tijdelijk huisverbod');
        const member = await server.request<Hover>('textDocument/hover', { ...doc(), position: at(PLAN, 'sanne', 1) });
        expect(JSON.stringify(member.contents)).toContain('Age at plan start: 37');
        const org = await server.request<Hover>('textDocument/hover', { ...doc(), position: at(PLAN, 'vt_zhz from', 1) });
        expect(JSON.stringify(org.contents)).toContain('2026-01-12 until 2026-02-08');
    });

    test('definition across files and into the built-in catalogue, whose text the server serves', async () => {
        const org = await server.request<Definition | LocationLink[]>('textDocument/definition', { ...doc(), position: at(PLAN, 'bm_dordt', 1) });
        expect(targetUri(org)).toBe(orgsUri);
        const builtin = await server.request<Definition | LocationLink[]>('textDocument/definition', { ...doc(), position: at(PLAN, 'huisverbod', 1) });
        const builtinUri = targetUri(builtin);
        expect(builtinUri).toMatch(/^vplan-builtin:/);
        const content = await server.request<{ text: string }>('workspace/textDocumentContent', { uri: builtinUri });
        expect(content.text).toContain('measure type huisverbod');
    });

    test('references and highlights', async () => {
        const refs = await server.request<Location[]>('textDocument/references', { ...doc(), position: at(PLAN, 'vt_zhz'), context: { includeDeclaration: true } });
        expect(new Set(refs.map(r => r.uri))).toEqual(new Set([planUri, orgsUri]));
        expect(refs).toHaveLength(6);
        const highlights = await server.request<DocumentHighlight[]>('textDocument/documentHighlight', { ...doc(), position: at(PLAN, 'geweld') });
        expect(highlights).toHaveLength(2);
    });

    test('rename across files; built-in types are refused', async () => {
        const range = await server.request<Range>('textDocument/prepareRename', { ...doc(), position: at(PLAN, 'ggz_zhz', 1) });
        expect(range).toEqual({ start: at(PLAN, 'ggz_zhz'), end: at(PLAN, 'ggz_zhz', 7) });
        const edit = await server.request<WorkspaceEdit>('textDocument/rename', { ...doc(), position: at(PLAN, 'ggz_zhz', 1), newName: 'ggz_nieuw' });
        expect(Object.keys(edit.changes ?? {}).sort()).toEqual([orgsUri, planUri].sort());
        await expect(server.request('textDocument/rename', { ...doc(), position: at(PLAN, 'huisverbod', 1), newName: 'hv2' })).rejects.toThrow(/Built-in/);
        await expect(server.request('textDocument/rename', { ...doc(), position: at(PLAN, 'sanne', 1), newName: 'phase' })).rejects.toThrow(/reserved/);
    });

    test('document symbols and workspace symbols', async () => {
        const symbols = await server.request<DocumentSymbol[]>('textDocument/documentSymbol', doc());
        expect(symbols[0].name).toBe('fam_test');
        expect(symbols[0].children?.map(c => c.name)).toEqual(expect.arrayContaining(['household', 'hv', 'daderhulp', 'regie', 'aftercare']));
        const found = await server.request<SymbolInformation[]>('workspace/symbol', { query: 'eigen' });
        expect(found.map(s => s.name)).toContain('eigen');
        expect(found.find(s => s.name === 'eigen')?.location.uri).toBe(server.uri('types/eigen.vplan'));
    });

    test('folding ranges and semantic tokens', async () => {
        const folds = await server.request<FoldingRange[]>('textDocument/foldingRange', doc());
        expect(folds.length).toBeGreaterThanOrEqual(6);
        const tokens = await server.request<SemanticTokens>('textDocument/semanticTokens/full', doc());
        expect(tokens.data.length).toBeGreaterThan(100);
        expect(tokens.data.length % 5).toBe(0);
    });

    test('inlay hints and code lenses', async () => {
        const hints = await server.request<InlayHint[]>('textDocument/inlayHint', { ...doc(), range: whole(PLAN) });
        expect(hints.map(h => h.label)).toEqual(expect.arrayContaining(['until 2026-02-08', 'age 11', '→ 2027-04-12']));
        const lenses = await server.request<CodeLens[]>('textDocument/codeLens', doc());
        expect(lenses.map(l => l.command?.title)).toEqual(expect.arrayContaining(['covered 1/5', 'aftercare: 18 months']));
        const timeline = lenses.find(l => l.command?.command === 'vplan.openTimelineToSide');
        expect(timeline?.command?.arguments).toEqual([planUri]);
    });

    test('formatting and code actions answer', async () => {
        const edits = await server.request<TextEdit[] | null>('textDocument/formatting', { ...doc(), options: { tabSize: 4, insertSpaces: true } });
        expect(edits === null || Array.isArray(edits)).toBe(true);
        const diagnostics = await server.waitForDiagnostics(planUri);
        const actions = await server.request<unknown[] | null>('textDocument/codeAction', {
            ...doc(), range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics }
        });
        expect(actions === null || Array.isArray(actions)).toBe(true);
    });

    test('a change brings new diagnostics', async () => {
        const broken = PLAN.replace('on mark', 'on nobody');
        await server.change(planUri, broken);
        const diagnostics = await server.waitForDiagnostics(planUri, ds => ds.some(d => d.code === 'VP081'));
        const unresolved = diagnostics.find(d => d.code === 'VP081')!;
        expect(unresolved.message).toContain("'nobody'");
        expect(unresolved.range.start).toEqual(at(broken, 'nobody'));
        await server.change(planUri, PLAN);
        await server.waitForDiagnostics(planUri, ds => !ds.some(d => d.code === 'VP081'));
    });
});

function targetUri(result: Definition | LocationLink[]): string {
    const first = Array.isArray(result) ? result[0] : result;
    return 'targetUri' in first ? first.targetUri : first.uri;
}
