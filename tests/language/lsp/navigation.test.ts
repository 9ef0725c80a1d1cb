/**
 * Navigation: go to definition (same file, across files, into the built-in catalogue), find
 * references, document highlight, rename (across files; refusals), document and workspace
 * symbols, folding.
 */

import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { URI, type LangiumDocument } from 'langium';
import {
    clearDocuments, expectFindReferences, expectFoldings, expectGoToDefinition, expectHighlight, expectSymbols,
    expectWorkspaceSymbols, parseHelper
} from 'langium/test';
import { ResponseError, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { createTestServices } from '../../helpers.js';
import { isBuiltinUri, loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { FULL, ORGANISATIONS, PLAN } from './lsp-fixtures.js';

const services = createTestServices();
const lsp = services.Vplan.lsp;
const parse = parseHelper(services.Vplan);
let opened: LangiumDocument[] = [];

beforeAll(async () => {
    await loadBuiltinCatalogue(services.shared);
});
afterEach(async () => {
    await clearDocuments(services.shared, opened);
    opened = [];
    services.Vplan.config.SettingsProvider.localeOverride = undefined;
});

/** Two files: the organisation catalogue and the plan. */
async function workspace(): Promise<{ orgs: LangiumDocument; plan: LangiumDocument }> {
    const orgs = await parse(ORGANISATIONS, { documentUri: 'file:///ws/organisations.vplan' });
    const plan = await parse(PLAN, { documentUri: 'file:///ws/plan.vplan' });
    // The plan is built after the organisations, so its references link to them.
    opened.push(orgs, plan);
    return { orgs, plan };
}

function positionOf(document: LangiumDocument, needle: string, delta = 0) {
    const offset = document.textDocument.getText().indexOf(needle);
    if (offset < 0) throw new Error(`${needle} not found`);
    return document.textDocument.positionAt(offset + delta);
}

describe('go to definition', () => {
    test('a member reference goes to its declaration', async () => {
        const text = FULL.replace('member sanne', 'member <|sanne|>').replace('affects sanne', 'affects <|>sanne');
        await expectGoToDefinition(services.Vplan)({ text, index: 0, rangeIndex: 0, disposeAfterCheck: true });
    });
    test('an organisation reference goes to its declaration in another file', async () => {
        const { orgs, plan } = await workspace();
        const links = await lsp.DefinitionProvider!.getDefinition(plan, { textDocument: { uri: plan.uri.toString() }, position: positionOf(plan, 'bm_dordt', 1) });
        expect(links).toHaveLength(1);
        expect(links![0].targetUri).toBe(orgs.uri.toString());
        expect(links![0].targetSelectionRange.start).toEqual(positionOf(orgs, 'bm_dordt'));
    });
    test('a built-in measure type goes to the built-in catalogue', async () => {
        const { plan } = await workspace();
        const links = await lsp.DefinitionProvider!.getDefinition(plan, { textDocument: { uri: plan.uri.toString() }, position: positionOf(plan, 'huisverbod', 2) });
        expect(links).toHaveLength(1);
        expect(isBuiltinUri(links![0].targetUri)).toBe(true);
    });
});

describe('references and highlights', () => {
    test('every reference to a member in the plan', async () => {
        const text = FULL.replace('member noor', 'member <|noor|>').replace('affects sanne, noor', 'affects sanne, <|noor|>')
            .replace('protects sanne, noor', 'protects sanne, <|no<|>or|>').replace('supports sanne, noor', 'supports sanne, <|noor|>');
        await expectFindReferences(services.Vplan)({ text, includeDeclaration: true, disposeAfterCheck: true });
    });
    test('references to an organisation across files', async () => {
        const { orgs, plan } = await workspace();
        const refs = await lsp.ReferencesProvider!.findReferences(orgs, {
            textDocument: { uri: orgs.uri.toString() }, position: positionOf(orgs, 'vt_zhz'), context: { includeDeclaration: false }
        });
        expect(refs.length).toBe(5);
        expect(refs.every(r => r.uri === plan.uri.toString())).toBe(true);
    });
    test('document highlight marks the declaration and the references', async () => {
        const text = FULL.replace('risk geweld', 'risk <|gew<|>eld|>').replace('addresses geweld', 'addresses <|geweld|>');
        await expectHighlight(services.Vplan)({ text, index: 0, rangeIndex: [0, 1], disposeAfterCheck: true });
    });
});

describe('rename', () => {
    test('an organisation is renamed in its file and in the plan', async () => {
        const { orgs, plan } = await workspace();
        const edit = await lsp.RenameProvider!.rename(orgs, { textDocument: { uri: orgs.uri.toString() }, position: positionOf(orgs, 'ggz_zhz'), newName: 'ggz_new' });
        expect(edit?.changes?.[orgs.uri.toString()]).toHaveLength(1);
        expect(edit?.changes?.[plan.uri.toString()]).toHaveLength(1);
        expect(edit?.changes?.[plan.uri.toString()]?.[0].newText).toBe('ggz_new');
    });
    test('an own measure type is renamed across files', async () => {
        const types = await parse('measure type eigen "Eigen" {\n mode drang\n}', { documentUri: 'file:///ws/types.vplan' });
        const plan = await parse('plan p {\n household { member a adult }\n measure m eigen { on a from 2026-01-01 }\n}', { documentUri: 'file:///ws/p.vplan' });
        opened.push(types, plan);
        const edit = await lsp.RenameProvider!.rename(plan, { textDocument: { uri: plan.uri.toString() }, position: positionOf(plan, 'eigen', 1), newName: 'eigen2' });
        expect(Object.keys(edit?.changes ?? {}).sort()).toEqual([plan.uri.toString(), types.uri.toString()].sort());
    });
    test('a built-in measure type cannot be renamed', async () => {
        const { plan } = await workspace();
        const position = positionOf(plan, 'huisverbod', 1);
        expect(() => lsp.RenameProvider!.prepareRename(plan, { textDocument: { uri: plan.uri.toString() }, position })).toThrow(ResponseError);
        await expect(lsp.RenameProvider!.rename(plan, { textDocument: { uri: plan.uri.toString() }, position, newName: 'hv2' })).rejects.toThrow(/Built-in/);
    });
    test('a reserved word or an invalid identifier is refused, in the document locale', async () => {
        const { plan } = await workspace();
        const position = positionOf(plan, 'sanne', 1);
        const params = (newName: string) => ({ textDocument: { uri: plan.uri.toString() }, position, newName });
        await expect(lsp.RenameProvider!.rename(plan, params('measure'))).rejects.toThrow(/reserved word/);
        await expect(lsp.RenameProvider!.rename(plan, params('2x'))).rejects.toThrow(/not a valid name/);
        await expect(lsp.RenameProvider!.rename(plan, params('a-b'))).rejects.toThrow(/not a valid name/);
        services.Vplan.config.SettingsProvider.localeOverride = 'nl';
        await expect(lsp.RenameProvider!.rename(plan, params('plan'))).rejects.toThrow(/gereserveerd woord/);
    });
    test('a new name already taken in the namespace of the declaration is refused, in the document locale', async () => {
        const { orgs, plan } = await workspace();
        const more = await parse('organisation extra_zhz "Extra" kind ggz\nmeasure type eigen "Eigen" {\n mode drang\n}\n', { documentUri: 'file:///ws/more.vplan' });
        opened.push(more);
        const rename = (document: LangiumDocument, needle: string, newName: string) =>
            lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, 1), newName });
        // One namespace per plan: members, supporters, risks, ...
        await expect(rename(plan, 'sanne', 'mark')).rejects.toThrow(/'mark' is already the name of a household member in this plan/);
        await expect(rename(plan, 'sanne', 'oma')).rejects.toThrow(/'oma' is already the name of a supporter in this plan/);
        await expect(rename(plan, 'geweld "Partnergeweld"', 'daderhulp')).rejects.toThrow(/'daderhulp' is already the name of an intervention in this plan/);
        // One global namespace: organisations (across files), plans, measure types, the built-in ones too.
        await expect(rename(orgs, 'ggz_zhz', 'extra_zhz')).rejects.toThrow(/'extra_zhz' is already the name of an organisation in this workspace/);
        await expect(rename(more, 'extra_zhz', 'fam_test')).rejects.toThrow(/'fam_test' is already the name of a plan in this workspace/);
        await expect(rename(more, 'eigen', 'huisverbod')).rejects.toThrow(/'huisverbod' is already the name of a built-in measure type/);
        await expect(rename(more, 'eigen', 'vt_zhz')).rejects.toThrow(/'vt_zhz' is already the name of an organisation/);
        const refusal = await Promise.resolve(rename(plan, 'sanne', 'mark')).then(() => undefined, (error: unknown) => error);
        expect(refusal).toBeInstanceOf(ResponseError);
        expect((refusal as ResponseError<unknown>).code).toBe(-32803);
        services.Vplan.config.SettingsProvider.localeOverride = 'nl';
        await expect(rename(plan, 'sanne', 'mark')).rejects.toThrow(/'mark' is al de naam van een gezinslid in dit plan/);
        await expect(rename(orgs, 'ggz_zhz', 'extra_zhz')).rejects.toThrow(/'extra_zhz' is al de naam van een organisatie in deze werkruimte/);
    });
    test('a free new name is allowed, and so is a plan-level name that only shadows an organisation', async () => {
        const { orgs, plan } = await workspace();
        const rename = (document: LangiumDocument, needle: string, newName: string) =>
            lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, needle, 1), newName });
        expect((await rename(plan, 'sanne', 'sara'))?.changes?.[plan.uri.toString()]).toHaveLength(6);
        expect((await rename(plan, 'sanne', 'vt_zhz'))?.changes?.[plan.uri.toString()]).toHaveLength(6);
        expect(Object.keys((await rename(orgs, 'ggz_zhz', 'ggz_new'))?.changes ?? {})).toHaveLength(2);
        expect((await rename(plan, 'sanne', 'sanne'))?.changes?.[plan.uri.toString()]).toHaveLength(6);
    });
    test('prepareRename gives the name range of a member; rename changes declaration and references', async () => {
        const { plan } = await workspace();
        const position = positionOf(plan, 'sanne', 1);
        const range = lsp.RenameProvider!.prepareRename(plan, { textDocument: { uri: plan.uri.toString() }, position });
        expect(range).toEqual({ start: positionOf(plan, 'sanne'), end: positionOf(plan, 'sanne', 5) });
        const edit = await lsp.RenameProvider!.rename(plan, { textDocument: { uri: plan.uri.toString() }, position, newName: 'sara' });
        expect(edit?.changes?.[plan.uri.toString()]).toHaveLength(6);
    });
});

describe('symbols and folding', () => {
    test('the outline: organisations, and a plan with its sections and declarations', async () => {
        await expectSymbols(services.Vplan)({
            text: FULL, disposeAfterCheck: true, assert: (symbols: DocumentSymbol[]) => {
                expect(symbols.slice(0, 4).map(s => [s.name, s.kind])).toEqual([
                    ['vt_zhz', SymbolKind.Object], ['wt_dordt', SymbolKind.Object], ['bm_dordt', SymbolKind.Object], ['ggz_zhz', SymbolKind.Object]
                ]);
                const plan = symbols[4];
                expect([plan.name, plan.kind, plan.detail]).toEqual(['fam_test', SymbolKind.Namespace, 'Veiligheidsplan test']);
                const children = plan.children!.map(c => `${c.kind}:${c.name}`);
                expect(children).toEqual([
                    `${SymbolKind.Constant}:period`, `${SymbolKind.Struct}:household`, `${SymbolKind.Struct}:network`,
                    `${SymbolKind.Event}:geweld`, `${SymbolKind.EnumMember}:phase safety`, `${SymbolKind.Function}:hv`,
                    `${SymbolKind.Method}:daderhulp`, `${SymbolKind.Interface}:contact`, `${SymbolKind.Struct}:regie`,
                    `${SymbolKind.Struct}:aftercare`, `${SymbolKind.Event}:meeting 2026-01-15`, `${SymbolKind.Event}:evaluation 2026-04-15`
                ]);
                const household = plan.children!.find(c => c.name === 'household')!;
                expect(household.children!.map(c => c.name)).toEqual(['sanne', 'mark', 'noor', 'joost', 'lies']);
                expect(household.children![0].kind).toBe(SymbolKind.Variable);
                const regie = plan.children!.find(c => c.name === 'regie')!;
                expect(regie.children!.map(c => c.name)).toEqual(['vt_zhz', 'wt_dordt']);
            }
        });
    });
    test('a measure type is a class symbol with its title', async () => {
        await expectSymbols(services.Vplan)({
            text: 'measure type eigen "Eigen" { mode drang }', disposeAfterCheck: true,
            assert: (symbols: DocumentSymbol[]) => expect(symbols.map(s => [s.name, s.kind, s.detail])).toEqual([['eigen', SymbolKind.Class, 'Eigen']])
        });
    });
    test('workspace symbols find plans, organisations and measure types, built-ins included', async () => {
        await workspace();
        await expectWorkspaceSymbols(services.shared)({
            query: 'ggz', assert: symbols => {
                expect(symbols.map(s => s.name)).toContain('ggz_zhz');
                expect(symbols.find(s => s.name === 'ggz_zhz')?.kind).toBe(SymbolKind.Object);
            }
        });
        await expectWorkspaceSymbols(services.shared)({
            query: 'huisverbod', assert: symbols => {
                const builtin = symbols.find(s => s.name === 'huisverbod');
                expect(builtin?.kind).toBe(SymbolKind.Class);
                expect(isBuiltinUri(URI.parse(builtin!.location.uri))).toBe(true);
            }
        });
        await expectWorkspaceSymbols(services.shared)({ query: 'fam_test', assert: symbols => expect(symbols.map(s => s.name)).toContain('fam_test') });
    });
    test('workspace symbols find the members, supporters, risks, measures, interventions and agreements of every plan, with their plan', async () => {
        await workspace();
        const find = async (query: string) => {
            let found: Array<{ name: string; kind: SymbolKind; containerName?: string }> = [];
            await expectWorkspaceSymbols(services.shared)({ query, assert: symbols => { found = symbols; } });
            return found;
        };
        expect((await find('sanne')).map(s => [s.name, s.kind, s.containerName])).toContainEqual(['sanne', SymbolKind.Variable, 'fam_test']);
        expect((await find('daderhulp')).map(s => [s.name, s.kind, s.containerName])).toContainEqual(['daderhulp', SymbolKind.Method, 'fam_test']);
        expect((await find('hv')).map(s => [s.name, s.kind])).toContainEqual(['hv', SymbolKind.Function]);
        expect((await find('geweld')).map(s => s.name)).toContain('geweld');
        expect((await find('contact')).map(s => s.name)).toContain('contact');
        expect((await find('oma')).map(s => s.name)).toContain('oma');
    });
    test('blocks and comments fold', async () => {
        const text = [
            '/* A long', '   comment', '*/', 'plan p {', '    household {', '        member a adult', '        member b adult', '    }', '}'
        ].join('\n');
        await expectFoldings(services.Vplan)({
            text, disposeAfterCheck: true, assert: (ranges) => {
                expect(ranges.map(r => `${r.startLine}-${r.endLine}${r.kind ? ' ' + r.kind : ''}`).sort()).toEqual(['0-1 comment', '3-7', '4-6']);
            }
        });
    });
});
