/**
 * Completion snippets through the bundled server, as an editor sees them: the server is their one
 * source (the extension contributes no static snippets), so a list holds each construct once, only
 * where the grammar allows it, and in the client's language.
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { startServer, type LspServer } from './lsp-harness.js';

const TEXT = [
    'organisation vt "Veilig Thuis" kind veiligthuis',
    'plan p {',
    '    period 2026-01-12 to 2027-01-12',
    '    household {',
    '        member anna adult born 1990 roles victim',
    '        ',
    '    }',
    '    measure m huisverbod {',
    '        on ',
    '    }',
    '    ',
    '}',
    ''
].join('\n');

/** Line and character of the end of the `line`-th line (0-based) of TEXT. */
const endOf = (line: number) => ({ line, character: TEXT.split('\n')[line].length });
const TOP_LEVEL = endOf(12);
const IN_HOUSEHOLD = endOf(5);
const AFTER_ON = endOf(8);
const IN_PLAN = endOf(10);

async function completion(server: LspServer, uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
    const result = await server.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : result.items;
}

const snippets = (items: CompletionItem[]) => items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label).sort();

describe.each([
    { locale: 'en', measureName: 'New measure', memberName: 'New member' },
    { locale: 'nl', measureName: 'Nieuwe maatregel', memberName: 'Nieuw gezinslid' }
])('snippets from the server, client locale $locale', ({ locale, measureName, memberName }) => {
    let server: LspServer;
    let uri: string;

    beforeAll(async () => {
        server = await startServer({ workspaceFiles: { 'plan.vplan': TEXT }, locale });
        uri = server.uri('plan.vplan');
        await server.open(uri, TEXT);
        await server.waitForDiagnostics(uri);
    });

    afterAll(async () => {
        await server?.stop();
    });

    test('no list holds a label twice', async () => {
        for (const position of [TOP_LEVEL, IN_HOUSEHOLD, AFTER_ON, IN_PLAN]) {
            const labels = (await completion(server, uri, position)).map(i => i.label);
            expect(labels.filter((label, index) => labels.indexOf(label) !== index), JSON.stringify(position)).toEqual([]);
        }
    });

    test('nothing but names after `on `', async () => {
        const items = await completion(server, uri, AFTER_ON);
        expect(snippets(items)).toEqual([]);
        expect(items.map(i => i.label)).toEqual(['anna']);
    });

    test('members only inside `household {`; plan items inside the plan; declarations at the top level', async () => {
        expect(snippets(await completion(server, uri, IN_HOUSEHOLD))).toEqual(['member']);
        const inPlan = snippets(await completion(server, uri, IN_PLAN));
        expect(inPlan).toContain('measure');
        expect(inPlan).not.toContain('member');
        expect(inPlan).not.toContain('plan');
        expect(snippets(await completion(server, uri, TOP_LEVEL))).toEqual(['measure type', 'organisation', 'plan']);
    });

    test('named in the client\'s language', async () => {
        const measure = (await completion(server, uri, IN_PLAN)).find(i => i.label === 'measure');
        expect(measure?.kind).toBe(CompletionItemKind.Snippet);
        expect(measure?.detail).toBe(measureName);
        const member = (await completion(server, uri, IN_HOUSEHOLD)).find(i => i.label === 'member');
        expect(member?.detail).toBe(memberName);
    });
});
