/**
 * Local symbols and exported names are described by `LeanAstNodeDescriptionProvider`
 * (language/workspace/lean-node-descriptions.ts): one small object per declaration whose segments
 * and path are computed on first use. Every field must equal what Langium's own provider gives
 * for the same node: name, type, document URI, node, path, name segment and selection segment.
 */

import { readFileSync } from 'node:fs';
import { AstUtils, DefaultAstNodeDescriptionProvider, URI, type AstNodeDescription } from 'langium';
import { describe, expect, test } from 'vitest';
import { LeanAstNodeDescriptionProvider } from '../../../language/workspace/lean-node-descriptions.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { generatePlan, planToVplan } from '../../../bench/workload.js';
import { createTestServices } from '../../helpers.js';

const services = createTestServices();

function plain(description: AstNodeDescription) {
    return {
        name: description.name, type: description.type, documentUri: description.documentUri, node: description.node,
        path: description.path, nameSegment: description.nameSegment, selectionSegment: description.selectionSegment
    };
}

let batch = 0;

async function buildDocuments(texts: string[]) {
    batch++;
    await loadBuiltinCatalogue(services.shared);
    const documents = texts.map((text, i) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///descriptions/${batch}-${i}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return documents;
}

describe('lean node descriptions', () => {
    test('the vplan services use the lean provider', () => {
        expect(services.Vplan.workspace.AstNodeDescriptionProvider).toBeInstanceOf(LeanAstNodeDescriptionProvider);
    });

    test('local symbols and exports equal the descriptions of Langium\'s provider', async () => {
        const texts = [
            readFileSync('tests/fixtures/spec-example.vplan', 'utf8'),
            planToVplan(generatePlan(3)),
            // Recovery leaves declarations without some of their parts.
            planToVplan(generatePlan(4)).replace(/}\s*$/, '').replace('{', '{ member ')
        ];
        const documents = await buildDocuments(texts);
        const langium = new DefaultAstNodeDescriptionProvider(services.Vplan);
        let compared = 0;
        for (const document of documents) {
            const local = document.localSymbols!;
            const symbols: AstNodeDescription[] = [];
            for (const node of AstUtils.streamAst(document.parseResult.value)) symbols.push(...local.getStream(node));
            const exported = services.shared.workspace.IndexManager.allElements().filter(d => d.documentUri.toString() === document.uri.toString()).toArray();
            expect(symbols.length).toBeGreaterThan(0);
            expect(exported.length).toBeGreaterThan(0);
            for (const description of [...symbols, ...exported]) {
                const expected = langium.createDescription(description.node!, description.name, document);
                expect(plain(description)).toEqual(plain(expected));
                expect(description.documentUri).toBe(document.uri);
                compared++;
            }
        }
        expect(compared).toBeGreaterThan(30);
    });

    test('segments and path are computed once and kept', async () => {
        const [document] = await buildDocuments([planToVplan(generatePlan(5))]);
        const description = services.shared.workspace.IndexManager.allElements().find(d => d.documentUri.toString() === document.uri.toString())!;
        expect(description.nameSegment).toBe(description.nameSegment);
        expect(description.selectionSegment).toBe(description.selectionSegment);
        expect(description.path).toBe(description.path);
    });
});
