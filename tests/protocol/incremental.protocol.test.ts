/**
 * Incremental rebuilding (language/workspace/vplan-document-builder.ts): after an edit the server
 * relinks and revalidates only the documents the edit can affect, and the diagnostics are the same
 * as those of a fresh server on the same texts. The first part speaks LSP to the bundled server; the
 * second drives the builder in process, where it can also be seen WHICH documents were rebuilt.
 */

import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { Workspace, freshDiagnostics, normalised } from '../incremental-workspace.js';
import { WHOLE_AND_LEAN, startServer, type LspServer } from './lsp-harness.js';

const catalogue = (...organisations: string[]): string =>
    organisations.map(name => `organisation ${name} "Organisatie ${name}" kind wijkteam\n`).join('');

/** A plan whose intervention and regie name one organisation. */
const plan = (name: string, organisation: string, title = 'Hulp'): string => `plan ${name} "Plan ${name}" {
    status active
    period 2026-01-05 to 2027-01-04
    household {
        member a adult born 1990 roles victim
    }
    intervention i "${title}" {
        for a
        by ${organisation}
        from 2026-01-05 for 6 months
    }
    regie {
        ${organisation} from 2026-01-05
    }
}
`;

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map(d => String(d.code)).sort();
const hasUnresolved = (diagnostics: Diagnostic[]): boolean => diagnostics.some(d => d.code === 'VP081');

let server: LspServer | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

// Whole, and lean: every plan that is not open parked (language/workspace/parked-plans.ts), its
// tree released and read again when a change reaches it.
describe.each(WHOLE_AND_LEAN)('incremental diagnostics in the language server (%s)', (_mode, env) => {
    test('editing a plan changes that plan\'s diagnostics and leaves the others as they were', async () => {
        const files = { 'orgs.vplan': catalogue('vt', 'wijk'), 'a.vplan': plan('a', 'vt'), 'b.vplan': plan('b', 'wijk') };
        server = await startServer({ workspaceFiles: files, env });
        const [a, b] = [server.uri('a.vplan'), server.uri('b.vplan')];
        // The first opened document triggers the validation of the whole workspace.
        await server.open(a, files['a.vplan']);
        const before = await server.waitForDiagnostics(b);
        expect(hasUnresolved(before)).toBe(false);
        const aBefore = await server.waitForDiagnostics(a);
        expect(hasUnresolved(aBefore)).toBe(false);

        await server.change(a, plan('a', 'onbekend'));
        expect(hasUnresolved(await server.waitForDiagnostics(a))).toBe(true);
        expect(normalised(await server.waitForDiagnostics(b))).toEqual(normalised(before));

        await server.change(a, files['a.vplan']);
        expect(normalised(await server.waitForDiagnostics(a))).toEqual(normalised(aBefore));
        expect(normalised(await server.waitForDiagnostics(b))).toEqual(normalised(before));
    });

    test('removing an organisation from the catalogue makes references in other plans VP081; adding it back resolves them', async () => {
        const files = { 'orgs.vplan': catalogue('vt', 'wijk'), 'a.vplan': plan('a', 'vt'), 'b.vplan': plan('b', 'wijk') };
        server = await startServer({ workspaceFiles: files, env });
        const [orgs, a, b] = [server.uri('orgs.vplan'), server.uri('a.vplan'), server.uri('b.vplan')];
        await server.open(orgs, files['orgs.vplan']);
        const aBefore = await server.waitForDiagnostics(a);
        const bBefore = await server.waitForDiagnostics(b);
        expect(hasUnresolved(aBefore)).toBe(false);

        // Rename vt: plan a no longer resolves, plan b (wijk) is unaffected.
        await server.change(orgs, catalogue('vt_nieuw', 'wijk'));
        const aRenamed = await server.waitForDiagnostics(a, hasUnresolved);
        expect(codes(aRenamed).filter(code => code === 'VP081')).toHaveLength(2); // intervention `by` and regie
        expect(normalised(await server.waitForDiagnostics(b))).toEqual(normalised(bBefore));

        // Remove wijk as well: now plan b breaks too.
        await server.change(orgs, catalogue('vt_nieuw'));
        expect(hasUnresolved(await server.waitForDiagnostics(b, hasUnresolved))).toBe(true);

        // Add both back: both plans are as they were.
        await server.change(orgs, files['orgs.vplan']);
        const resolved = (ds: Diagnostic[]) => !hasUnresolved(ds);
        expect(normalised(await server.waitForDiagnostics(a, resolved))).toEqual(normalised(aBefore));
        expect(normalised(await server.waitForDiagnostics(b, resolved))).toEqual(normalised(bBefore));
    });

    test('catalogue edits of a title and of a kind: the plans get what a fresh check gives', async () => {
        // VP033 depends on the kind of the organisation that imposes the measure; no check reads its title.
        const measurePlan = plan('m', 'wijk').replace('    intervention i', `    measure hv huisverbod {
        on a
        protects a
        by burg
        from 2026-01-05 for 10 days
    }
    intervention i`);
        const orgs = (title: string, kind: string) => catalogue('wijk') + `organisation burg "${title}" kind ${kind}\n`;
        const files = { 'orgs.vplan': orgs('Burgemeester', 'burgemeester'), 'm.vplan': measurePlan };
        server = await startServer({ workspaceFiles: files, env });
        const [catalogueUri, m] = [server.uri('orgs.vplan'), server.uri('m.vplan')];
        await server.open(catalogueUri, files['orgs.vplan']);
        const hasVP033 = (ds: Diagnostic[]) => ds.some(d => d.code === 'VP033');
        const before = await server.waitForDiagnostics(m);
        expect(hasVP033(before)).toBe(false);

        await server.change(catalogueUri, orgs('Burgemeester van de gemeente', 'burgemeester'));
        await server.change(catalogueUri, orgs('Burgemeester van de gemeente', 'wijkteam'));
        expect(codes(await server.waitForDiagnostics(m, hasVP033))).toContain('VP033');
        await server.change(catalogueUri, orgs('Burgemeester', 'burgemeester'));
        expect(normalised(await server.waitForDiagnostics(m, ds => !hasVP033(ds)))).toEqual(normalised(before));
    });

    test('a plan naming an organisation nobody declared resolves once the catalogue gains it', async () => {
        const files = { 'orgs.vplan': catalogue('vt'), 'c.vplan': plan('c', 'later') };
        server = await startServer({ workspaceFiles: files, env });
        const [orgs, c] = [server.uri('orgs.vplan'), server.uri('c.vplan')];
        await server.open(orgs, files['orgs.vplan']);
        expect(hasUnresolved(await server.waitForDiagnostics(c))).toBe(true);
        await server.change(orgs, catalogue('vt', 'later'));
        expect(hasUnresolved(await server.waitForDiagnostics(c, ds => !hasUnresolved(ds)))).toBe(false);
    });

    test('after a burst of edits the diagnostics equal those of a fresh server on the final texts', async () => {
        const initial = {
            'orgs.vplan': catalogue('vt', 'wijk'),
            'a.vplan': plan('a', 'vt'),
            'b.vplan': plan('b', 'wijk'),
            'c.vplan': plan('c', 'later')
        };
        const final = {
            'orgs.vplan': catalogue('wijk', 'later'),
            'a.vplan': plan('a', 'wijk', 'Andere hulp'),
            'b.vplan': plan('b', 'vt'),
            'c.vplan': plan('c', 'later')
        };
        // The reference: a fresh server on the final texts.
        server = await startServer({ workspaceFiles: final, env });
        await server.open(server.uri('orgs.vplan'), final['orgs.vplan']);
        const expected = new Map<string, string[]>();
        for (const path of Object.keys(final)) expected.set(path, normalised(await server.waitForDiagnostics(server.uri(path))));
        await server.stop();
        server = undefined;
        expect(expected.get('b.vplan')!.some(entry => entry.includes('VP081'))).toBe(true);

        server = await startServer({ workspaceFiles: initial, env });
        const live = server;
        await Promise.all(Object.keys(initial).map(path => live.open(live.uri(path), initial[path as keyof typeof initial])));
        for (const path of Object.keys(initial)) await live.waitForDiagnostics(live.uri(path));
        // Edits in quick succession, without waiting for diagnostics in between.
        await live.change(live.uri('orgs.vplan'), catalogue('vt', 'wijk', 'later'));
        await live.change(live.uri('a.vplan'), plan('a', 'later'));
        await live.change(live.uri('orgs.vplan'), catalogue('wijk'));
        await live.change(live.uri('b.vplan'), plan('b', 'vt'));
        await live.change(live.uri('a.vplan'), final['a.vplan']);
        await live.change(live.uri('orgs.vplan'), final['orgs.vplan']);
        for (const [path, diagnostics] of expected) {
            const settled = await live.waitForDiagnostics(live.uri(path), ds => normalised(ds).join('\n') === diagnostics.join('\n'));
            expect(normalised(settled)).toEqual(diagnostics);
        }
        // Nothing still pending changes them afterwards: a request answered after the last build
        // (Langium waits for the build before answering), then the same diagnostics again.
        for (const path of Object.keys(final)) {
            await live.request('textDocument/documentSymbol', { textDocument: { uri: live.uri(path) } });
        }
        for (const [path, diagnostics] of expected) {
            expect(normalised(await live.waitForDiagnostics(live.uri(path)))).toEqual(diagnostics);
        }
    });
});

// ---------------------------------------------------------------------------------------------
// In process: which documents an update rebuilds, and that the result equals a fresh build.

describe('the document builder rebuilds what an edit affects, and nothing else', () => {
    test('a plan edit that keeps the plan name revalidates that plan only', async () => {
        const workspace = await Workspace.create({
            'orgs.vplan': catalogue('vt', 'wijk'), 'a.vplan': plan('a', 'vt'), 'b.vplan': plan('b', 'wijk'), 'c.vplan': plan('c', 'vt')
        });
        expect(await workspace.edit({ 'a.vplan': plan('a', 'wijk', 'Ander') })).toEqual(['a.vplan']);
        expect(await workspace.edit({ 'a.vplan': plan('a', 'onbekend') })).toEqual(['a.vplan']);
    });

    test('a catalogue edit revalidates the plans that use its names, and those with unresolved references', async () => {
        const workspace = await Workspace.create({
            'orgs.vplan': catalogue('vt', 'wijk'), 'other.vplan': catalogue('zorg'),
            'a.vplan': plan('a', 'vt'), 'b.vplan': plan('b', 'zorg'), 'c.vplan': plan('c', 'later')
        });
        expect(await workspace.edit({ 'orgs.vplan': catalogue('vt', 'wijk', 'extra') })).toEqual(['a.vplan', 'c.vplan', 'orgs.vplan']);
        expect(await workspace.edit({ 'orgs.vplan': catalogue('vt', 'wijk', 'later') })).toEqual(['a.vplan', 'c.vplan', 'orgs.vplan']);
        expect(await workspace.edit({ 'orgs.vplan': catalogue('wijk', 'later') })).toEqual(['a.vplan', 'c.vplan', 'orgs.vplan']);
        // Plan c resolved and plan a did not: only a has an unresolved reference now.
        expect(await workspace.edit({ 'other.vplan': catalogue('zorg', 'nog_een') })).toEqual(['a.vplan', 'b.vplan', 'other.vplan']);
    });

    test('a new declaration that shadows or duplicates a name elsewhere rebuilds the documents concerned', async () => {
        const texts: Record<string, string> = {
            'b-orgs.vplan': catalogue('vt'), 'p.vplan': plan('p', 'vt'), 'q.vplan': plan('q', 'wijk'), 'z.vplan': catalogue('wijk')
        };
        const workspace = await Workspace.create(texts);
        // a-extra.vplan sorts before b-orgs.vplan: its `vt` becomes the first declaration, b-orgs' a duplicate (VP080).
        const edit = { 'a-extra.vplan': catalogue('vt') };
        const validated = await workspace.edit(edit);
        expect(validated).toEqual(['a-extra.vplan', 'b-orgs.vplan', 'p.vplan']);
        expect(workspace.diagnostics()['b-orgs.vplan'].some(entry => entry.includes('VP080'))).toBe(true);
        expect(workspace.diagnostics()).toEqual(await freshDiagnostics({ ...texts, ...edit }));
    });

    test('every step of a sequence of edits ends with the diagnostics of a fresh build', async () => {
        const texts: Record<string, string> = {
            'orgs.vplan': catalogue('vt', 'wijk'), 'a.vplan': plan('a', 'vt'), 'b.vplan': plan('b', 'wijk'), 'c.vplan': plan('c', 'later')
        };
        const workspace = await Workspace.create(texts);
        const steps: Array<Record<string, string>> = [
            { 'orgs.vplan': catalogue('vt') },
            { 'c.vplan': catalogue('later') + plan('c', 'later') },
            { 'a.vplan': plan('a', 'later') + catalogue('wijk') },
            { 'orgs.vplan': catalogue('vt', 'wijk', 'later') },
            { 'b.vplan': plan('a', 'vt') },
            { 'a.vplan': plan('b', 'vt'), 'c.vplan': plan('c', 'wijk') },
            // A new file that sorts first takes over `wijk`; the catalogue's becomes a duplicate.
            { 'aa.vplan': catalogue('wijk') },
            { 'orgs.vplan': '' }
        ];
        for (const step of steps) {
            await workspace.edit(step);
            Object.assign(texts, step);
            expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
        }
        for (const deleted of ['aa.vplan', 'a.vplan']) {
            await workspace.edit({}, [deleted]);
            delete texts[deleted];
            expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
        }
    });
});
