/**
 * Files of two workspaces never see each other's names, even when one editor window or one
 * command reads both (language reference, section 2, v2); "first" is the order of the paths
 * relative to the root, compared as code points.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, expect, test } from 'vitest';
import { createVplanServices } from '../../../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { EXAMPLE_CATALOGUE, examplePlan } from '../../../language/rules/example-plan.js';

const base = mkdtempSync(join(tmpdir(), 'vplan-scopes-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function build(files: Record<string, string>): Promise<Map<string, LangiumDocument>> {
    const services = createVplanServices({ ...NodeFileSystem });
    await loadBuiltinCatalogue(services.shared);
    const documents = new Map<string, LangiumDocument>();
    for (const [path, text] of Object.entries(files)) {
        const absolute = join(base, path);
        mkdirSync(dirname(absolute), { recursive: true });
        writeFileSync(absolute, text);
        if (!path.endsWith('.vplan')) continue;
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(absolute));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(path, document);
    }
    await services.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return documents;
}

const codes = (document: LangiumDocument) => (document.diagnostics ?? []).map(d => d.code).sort();

test('a plan sees the catalogue of its own workspace only', async () => {
    const documents = await build({
        'twee/noord/vplan.config.json': '{ "root": true }',
        'twee/noord/organisaties.vplan': EXAMPLE_CATALOGUE,
        'twee/noord/plan.vplan': examplePlan(),
        'twee/zuid/vplan.config.json': '{ "root": true }',
        'twee/zuid/plan.vplan': examplePlan()
    });
    expect(codes(documents.get('twee/noord/plan.vplan')!)).toEqual([]);
    // zuid has no catalogue: every organisation is unknown there, noord's do not leak in.
    expect(codes(documents.get('twee/zuid/plan.vplan')!).every(code => code === 'VP081')).toBe(true);
    expect(codes(documents.get('twee/zuid/plan.vplan')!).length).toBeGreaterThan(0);
});

test('the same name in two workspaces is no duplicate', async () => {
    const documents = await build({
        'dubbel/a/vplan.config.json': '{ "root": true }',
        'dubbel/a/organisaties.vplan': EXAMPLE_CATALOGUE,
        'dubbel/b/vplan.config.json': '{ "root": true }',
        'dubbel/b/organisaties.vplan': EXAMPLE_CATALOGUE
    });
    expect(codes(documents.get('dubbel/a/organisaties.vplan')!)).toEqual([]);
    expect(codes(documents.get('dubbel/b/organisaties.vplan')!)).toEqual([]);
});

test('within one workspace, the first declaration is the one whose relative path sorts first by code points', async () => {
    const org = 'organisation vt "Veilig Thuis" kind veiligthuis\n';
    const documents = await build({
        'volgorde/vplan.config.json': '{ "root": true }',
        // '-' (U+002D) sorts before '/' (U+002F): a-b.vplan comes before a/z.vplan.
        'volgorde/a/z.vplan': org,
        'volgorde/a-b.vplan': org
    });
    expect(codes(documents.get('volgorde/a-b.vplan')!)).toEqual([]);
    expect(codes(documents.get('volgorde/a/z.vplan')!)).toEqual(['VP080']);
});
