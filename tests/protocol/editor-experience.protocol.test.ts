/**
 * Issue 16 over stdio, against the bundled server: completion that opens by itself where a name,
 * a value or a date follows (trigger characters) with the organisations that may impose a measure
 * first and titles as details, and dates after `from`; "did you mean" quick fixes for an
 * unresolved name (VP081) and a misspelt keyword (VP000); hover on dates, durations, value words
 * and every reference; workspace symbols for the names inside plans; a refused rename as a
 * RequestFailed error with its message. (Links to the rules, plain-text messages and the command
 * line: diagnostics-publishing.protocol.test.ts; the language defaults and the config schema:
 * tests/package/contributions.test.ts.)
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CompletionTriggerKind, LSPErrorCodes, ResponseError, type CodeAction, type CompletionList, type Diagnostic, type Hover, type SymbolInformation,
    type TextEdit
} from 'vscode-languageserver-protocol';
import { startServer, type LspServer } from './lsp-harness.js';
import { ORGANISATIONS, PLAN } from '../language/lsp/lsp-fixtures.js';

let server: LspServer;
let planUri: string;
let current = PLAN;

function at(text: string, needle: string, delta = 0) {
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`'${needle}' not found`);
    const before = text.slice(0, offset + delta).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

async function setText(text: string): Promise<void> {
    current = text;
    await server.change(planUri, text);
}

beforeAll(async () => {
    server = await startServer({ workspaceFiles: { 'organisations.vplan': ORGANISATIONS, 'plan.vplan': PLAN }, locale: 'en' });
    planUri = server.uri('plan.vplan');
    await server.open(planUri, PLAN);
    await server.waitForDiagnostics(planUri);
});

afterAll(async () => {
    await server?.stop();
});

const doc = () => ({ textDocument: { uri: planUri } });

/** Completion as a client asks it after typing a space. */
function typedSpace(text: string, needle: string, delta: number) {
    return server.request<CompletionList | null>('textDocument/completion', {
        ...doc(), position: at(text, needle, delta), context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: ' ' }
    });
}

describe('completion (item 1)', () => {
    test('advertises a space and a comma as trigger characters', () => {
        expect(server.initializeResult.capabilities.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining([' ', ',']));
    });

    test('opens by itself after `by ` in a huisverbod: the kinds that may impose it first, with their titles', async () => {
        const text = PLAN.replace('        by bm_dordt\n', '        by \n');
        await setText(text);
        const list = await typedSpace(text, '        by \n', 11);
        expect(list).not.toBeNull();
        const sorted = [...list!.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
        expect(sorted[0].label).toBe('bm_dordt');
        expect(sorted[0].detail).toBe('Burgemeester');
        expect(String(sorted[0].documentation)).toContain('may impose huisverbod');
        const ggz = list!.items.find(item => item.label === 'ggz_zhz');
        expect(ggz?.detail).toBe('GGZ');
        expect(String(ggz?.documentation)).toContain('VP033');
        // Only names: no keyword and no snippet.
        expect(list!.items.every(item => item.kind !== 14 && item.kind !== 15)).toBe(true);
    });

    test('opens by itself after `on ` with the members, and stays closed after a space in indentation or a title', async () => {
        const text = PLAN.replace('        on mark\n', '        on \n');
        await setText(text);
        const members = await typedSpace(text, '        on \n', 11);
        expect(members?.items.map(item => item.label)).toEqual(expect.arrayContaining(['sanne', 'mark', 'noor']));
        expect(await typedSpace(text, '    status active', 4)).toBeNull();
        expect(await typedSpace(text, '"Veiligheidsplan test"', 16)).toBeNull();
    });

    test('dates after `from `: the plan start and today, each with what it is', async () => {
        const text = PLAN.replace('        from 2026-01-20 for 6 months\n', '        from \n');
        await setText(text);
        const list = await typedSpace(text, '        from \n', 13);
        const labels = list?.items.map(item => item.label) ?? [];
        expect(labels).toContain('2026-01-12');
        expect(list?.items.find(item => item.label === '2026-01-12')?.detail).toBe('start of the plan period');
        expect(list?.items.some(item => item.detail === 'today')).toBe(true);
    });

    test('a regie entry after another one that ends: the handover date first', async () => {
        const text = PLAN.replace('        wt_dordt from 2026-02-09\n', '        wt_dordt from \n');
        await setText(text);
        const list = await typedSpace(text, '        wt_dordt from \n', 22);
        const sorted = [...(list?.items ?? [])].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
        expect(sorted[0]?.label).toBe('2026-02-09');
        expect(sorted[0]?.detail).toContain('handover');
        await setText(PLAN);
    });
});

describe('"did you mean" (item 2)', () => {
    async function fixesFor(text: string, code: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
        await setText(text);
        const diagnostics = await server.waitForDiagnostics(planUri, ds => ds.some(d => d.code === code));
        const diagnostic = diagnostics.find(d => d.code === code)!;
        const actions = await server.request<CodeAction[] | null>('textDocument/codeAction', {
            ...doc(), range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] }
        });
        return { diagnostic, actions: actions ?? [] };
    }

    function applied(text: string, action: CodeAction): string {
        const edits = (action.edit?.changes?.[planUri] ?? []) as TextEdit[];
        const lines = text.split('\n');
        const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
        let result = text;
        for (const edit of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
            result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
        }
        return result;
    }

    test('an unresolved organisation: the nearest organisation names, applied to the text', async () => {
        const text = PLAN.replace('by ggz_zhz', 'by ggz_zhzz');
        const { actions } = await fixesFor(text, 'VP081');
        const fix = actions.find(action => action.title.includes('ggz_zhz'));
        expect(fix, JSON.stringify(actions)).toBeDefined();
        expect(fix!.kind).toBe('quickfix');
        expect(applied(text, fix!)).toBe(PLAN);
    });

    test('a misspelt member', async () => {
        const text = PLAN.replace('        on mark\n', '        on makr\n');
        const { actions } = await fixesFor(text, 'VP081');
        const fix = actions.find(action => action.title.includes('mark'));
        expect(fix, JSON.stringify(actions)).toBeDefined();
        expect(applied(text, fix!)).toBe(PLAN);
    });

    test('a misspelt keyword (VP000): the keyword the grammar expects there', async () => {
        const text = PLAN.replace('        protects sanne, noor\n        by bm_dordt', '        protect sanne, noor\n        by bm_dordt');
        const { diagnostic, actions } = await fixesFor(text, 'VP000');
        expect(diagnostic.message).toContain('protects');
        const fix = actions.find(action => action.title.includes('protects'));
        expect(fix, JSON.stringify(actions)).toBeDefined();
        expect(applied(text, fix!)).toBe(PLAN);
        await setText(PLAN);
        await server.waitForDiagnostics(planUri, ds => !ds.some(d => d.code === 'VP000' || d.code === 'VP081'));
    });
});

describe('hover (item 3)', () => {
    const hover = async (needle: string, delta = 0) => {
        const result = await server.request<Hover | null>('textDocument/hover', { ...doc(), position: at(current, needle, delta) });
        const contents = result?.contents;
        return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
    };

    test('a date: weekday, day N of the plan and the phase', async () => {
        const text = await hover('2026-01-20 for 6 months', 2);
        expect(text).toContain('2026-01-20 (Tuesday)');
        expect(text).toContain('day 9 of the plan period');
        expect(text).toContain('phase: safety');
    });

    test('a duration: its computed end as the last covered day', async () => {
        // The huisverbod's first term ends after 10 days (2026-01-21); the extension adds 18.
        expect(await hover('18 days', 1)).toContain('ends after 2026-02-08 (Sunday)');
    });

    test('a risk reference, a measure, a value word', async () => {
        expect(await hover('addresses geweld', 12)).toContain('**Risk** `geweld` — Partnergeweld');
        expect(await hover('hv huisverbod', 0)).toContain('**Measure** `hv`');
        expect(await hover('framework drang', 11)).toContain('help under pressure');
    });
});

describe('symbols and rename (item 6)', () => {
    test('workspace symbols find members, measures and interventions, with their plan', async () => {
        const members = await server.request<SymbolInformation[]>('workspace/symbol', { query: 'sanne' });
        expect(members.find(symbol => symbol.name === 'sanne')?.containerName).toBe('fam_test');
        const interventions = await server.request<SymbolInformation[]>('workspace/symbol', { query: 'daderhulp' });
        expect(interventions.map(symbol => symbol.name)).toContain('daderhulp');
        const measures = await server.request<SymbolInformation[]>('workspace/symbol', { query: 'hv' });
        expect(measures.map(symbol => symbol.name)).toContain('hv');
    });

    test('a refused rename is a RequestFailed error with the reason (the client shows it; the extension does not log it)', async () => {
        const error = await server.request('textDocument/rename', { ...doc(), position: at(PLAN, 'sanne', 1), newName: 'phase' }).then(() => undefined, e => e);
        expect(error).toBeInstanceOf(ResponseError);
        expect((error as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestFailed);
        expect((error as ResponseError<unknown>).message).toMatch(/reserved/);
        const builtin = await server.request('textDocument/prepareRename', { ...doc(), position: at(PLAN, 'huisverbod', 1) }).then(() => undefined, e => e);
        expect((builtin as ResponseError<unknown>).code).toBe(LSPErrorCodes.RequestFailed);
    });
});
