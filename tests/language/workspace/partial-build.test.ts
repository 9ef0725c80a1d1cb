/**
 * A file built with only its summaries of the rest of the workspace (workspace/partial-build.ts)
 * gets exactly the diagnostics of a build of the whole workspace: the names of the other files
 * (VP080, VP081) come from their summaries, the declarations it refers to are loaded.
 */

import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { createVplanServices } from '../../../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { buildWithCompanions, type CompanionFile } from '../../../language/workspace/partial-build.js';
import { summarizeText, type FileSummary } from '../../../language/workspace/file-summary.js';
import { catalogueToVplan, generateCatalogue, generatePlan, planToVplan } from '../../../bench/workload.js';

type Files = Array<[path: string, text: string]>;

function serviceSet() {
    return createVplanServices({ ...EmptyFileSystem, mode: 'batch' });
}

const summarizer = serviceSet();

function summaryOf(path: string, text: string): FileSummary {
    return summarizeText(summarizer.Vplan, URI.file(path), text);
}

const diagnosticsOf = (document: LangiumDocument) => (document.diagnostics ?? []).map(d => ({ code: d.code, message: d.message, range: d.range }));

async function whole(files: Files): Promise<Map<string, unknown>> {
    const services = serviceSet();
    await loadBuiltinCatalogue(services.shared);
    const documents = files.map(([path, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return new Map(documents.map((document, i) => [files[i][0], diagnosticsOf(document)]));
}

async function partial(files: Files, target: string): Promise<{ diagnostics: unknown; loaded: string[]; stubs: number }> {
    const services = serviceSet();
    await loadBuiltinCatalogue(services.shared);
    const [, text] = files.find(([path]) => path === target)!;
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(target));
    const companions: CompanionFile[] = files.filter(([path]) => path !== target).map(([path, body]) => ({
        uri: URI.file(path), summary: () => summaryOf(path, body), text: () => body
    }));
    const build = await buildWithCompanions(services.shared, [document], companions);
    return { diagnostics: diagnosticsOf(document), loaded: build.loaded.map(d => d.uri.path), stubs: build.stubs };
}

describe('a partial build gives the diagnostics of the whole workspace', () => {
    const catalogue = catalogueToVplan(generateCatalogue());
    const plans = Array.from({ length: 12 }, (_, i) => planToVplan(generatePlan(i + 1)));
    const files: Files = [['/ws/organisaties.vplan', catalogue], ...plans.map((text, i): [string, string] => [`/ws/plannen/p${i}.vplan`, text])];

    test('of a generated plan: only the catalogue is loaded, the other plans are stubs', async () => {
        const expected = await whole(files);
        const result = await partial(files, '/ws/plannen/p3.vplan');
        expect(result.diagnostics).toEqual(expected.get('/ws/plannen/p3.vplan'));
        expect(result.loaded).toEqual(['/ws/organisaties.vplan']);
        expect(result.stubs).toBe(11);
    });

    test('with a duplicate plan name in another file, an unknown organisation and a name of another kind', async () => {
        const twisted: Files = [
            ...files,
            // The same plan name as p3 in a file that sorts first: p3's plan is the later duplicate (VP080).
            ['/ws/plannen/a-eerst.vplan', plans[3].replace(/^plan (\w+)/m, 'plan $1')],
            ['/ws/plannen/p99.vplan', plans[5].replace(/^plan (\w+)/m, 'plan p99_plan').replace(/by (\w+)/, 'by onbekend').replace(/on (\w+)/, 'on ' + /plan (\w+)/.exec(plans[0])![1])]
        ];
        const expected = await whole(twisted);
        for (const target of ['/ws/plannen/p3.vplan', '/ws/plannen/p99.vplan', '/ws/organisaties.vplan']) {
            expect((await partial(twisted, target)).diagnostics, target).toEqual(expected.get(target));
        }
        expect(JSON.stringify(expected.get('/ws/plannen/p3.vplan'))).toContain('VP080');
        expect(JSON.stringify(expected.get('/ws/plannen/p99.vplan'))).toContain('VP081');
    });

    test('a measure type in another file that requires one in a third is loaded with it', async () => {
        const types: Files = [
            ['/ws/types-a.vplan', 'measure type extra "Extra" {\n    mode dwang\n    term max 1 year\n    requires basis_type\n}\n'],
            ['/ws/types-b.vplan', 'measure type basis_type "Basis" {\n    mode dwang\n    term max 1 year\n}\n'],
            ['/ws/plan.vplan', plans[1].replace(/measure (\w+) (\w+) \{/, 'measure $1 extra {')],
            ...files
        ];
        const expected = await whole(types);
        const result = await partial(types, '/ws/plan.vplan');
        expect(result.diagnostics).toEqual(expected.get('/ws/plan.vplan'));
        expect(result.loaded.sort()).toEqual(['/ws/organisaties.vplan', '/ws/types-a.vplan', '/ws/types-b.vplan']);
    });
});
