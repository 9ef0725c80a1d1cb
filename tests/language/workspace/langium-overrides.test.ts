/**
 * vplan extends Langium only through service overrides (docs/langium-overrides.md). These tests
 * check that every override is bound in each mode of `createVplanServices`, and that Langium
 * still behaves as the overrides of building, linking and indexing rely on: a reset for relinking
 * unlinks through `Linker.unlink` and removes the reference descriptions through the index
 * manager, linking resolves a reference whose `_ref` is undefined, and the IndexedReferences phase
 * is `IndexManager.updateReferences`. They fail if a Langium upgrade changes one of these.
 */

import { VplanLangiumDocuments } from '../../../language/workspace/vplan-langium-documents.js';
import { VplanDocumentUpdateHandler } from '../../../language/lsp/vplan-document-update-handler.js';
import { createHash } from 'node:crypto';
import {
    DefaultDocumentBuilder, DefaultDocumentValidator, DefaultValueConverter, DocumentState, EmptyFileSystem, GrammarUtils, URI,
    type DefaultReference, type LangiumDocument, type Reference
} from 'langium';
import { describe, expect, test } from 'vitest';
import { isByItem, isForItem, isIntervention, isOrganisation, isPlan, isVplanFile, type Intervention, type Plan } from '../../../language/generated/ast.js';
import { createVplanServices } from '../../../language/vplan-module.js';
import { BatchDocumentValidator, BatchIndexManager } from '../../../language/workspace/batch-module.js';
import { VplanWorkspaceManager, loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { CompactLangiumParser } from '../../../language/workspace/compact-syntax-tree.js';
import { LargeFileDocumentValidator, VplanDocumentFactory } from '../../../language/workspace/large-file-guard.js';
import { LeanAstNodeDescriptionProvider } from '../../../language/workspace/lean-node-descriptions.js';
import { VplanDocumentBuilder } from '../../../language/workspace/vplan-document-builder.js';
import {
    VplanAstNodeLocator, VplanIndexManager, VplanLinker, VplanReferenceDescriptionProvider, referenceInfosOf
} from '../../../language/workspace/vplan-index-services.js';
import { VplanValueConverter } from '../../../language/workspace/vplan-value-converter.js';
import { Workspace, freshDiagnostics, normalised } from '../../incremental-workspace.js';

const catalogue = `organisation vt "Veilig Thuis" kind veiligthuis
organisation wijk "Wijkteam" kind wijkteam
organisation burg "Burgemeester" kind burgemeester
`;

const plan = `plan p "Plan p" {
    status active
    period 2026-01-05 to 2027-01-04
    household {
        member a adult born 1990 roles victim
        member b adult born 1988 roles perpetrator
    }
    measure hv huisverbod {
        on b
        protects a
        by burg
        from 2026-01-05 for 10 days
    }
    intervention i "Hulp" {
        for a, b
        by wijk
        from 2026-01-05 for 6 months
    }
    regie {
        vt from 2026-01-05 to 2026-02-05
        wijk from 2026-02-05
    }
}
`;

type Mode = 'editor' | 'batch';

describe('every override is bound', () => {
    test('the kept list of all documents follows additions and deletions, in the order of Langium\'s trie', () => {
        const { shared } = createVplanServices(EmptyFileSystem);
        const documents = shared.workspace.LangiumDocuments;
        const trieOrder = () => [...(documents as unknown as { documentTrie: { all(): LangiumDocument[] } }).documentTrie.all()].map(d => d.uri.toString());
        const listed = () => documents.all.map(d => d.uri.toString()).toArray();
        const add = (path: string) => documents.addDocument(shared.workspace.LangiumDocumentFactory.fromString('plan p "P" {\n}\n', URI.parse(`file:///w/${path}`)));
        ['b.vplan', 'sub/c.vplan', 'a.vplan'].forEach(add);
        expect(listed()).toEqual(trieOrder());
        documents.deleteDocument(URI.parse('file:///w/b.vplan'));
        expect(listed()).toEqual(trieOrder());
        add('sub/d.vplan');
        documents.deleteDocuments(URI.parse('file:///w/sub'));
        expect(listed()).toEqual(trieOrder());
        expect(listed()).toEqual(['file:///w/a.vplan']);
    });

    test('VplanDocumentBuilder.updateDocuments repeats the steps of Langium 4.4\'s update', () => {
        // It is Langium's `update` without the walks over every document. An upgrade that changes
        // Langium's fails here: compare the two again, then record the new fingerprint.
        const source = DefaultDocumentBuilder.prototype.update.toString().replace(/\s+/g, ' ');
        expect(createHash('sha256').update(source).digest('hex').slice(0, 16)).toBe('de830ba94bae5406');
    });

    test('an update chooses its documents from those a change touched, not from every document', async () => {
        const texts: Record<string, string> = { 'org.vplan': catalogue };
        for (let i = 0; i < 20; i++) texts[`p${i}.vplan`] = plan.replace('plan p "Plan p"', `plan p${i} "Plan p${i}"`);
        const workspace = await Workspace.create(texts);
        const builder = workspace.services.shared.workspace.DocumentBuilder as unknown as { unsettled: Set<LangiumDocument>; tracksUnsettled: boolean };
        const unsettled = () => [...builder.unsettled].map(d => d.uri.path).sort();
        // Before the first update: every document (the first update looks at all of them once).
        expect(builder.unsettled.size).toBe(22);
        await workspace.edit({ 'p3.vplan': texts['p3.vplan'] });
        expect(builder.tracksUnsettled).toBe(true);
        // A document validated with an update's options is settled when its build completes.
        expect(unsettled()).toEqual([]);
        // One built with other options is not, until an update has looked at it.
        const p7 = workspace.services.shared.workspace.LangiumDocuments.getDocument(workspace.uri('p7.vplan'))!;
        await workspace.services.shared.workspace.DocumentBuilder.build([p7], { validation: false });
        expect(unsettled()).toEqual(['/ws/p7.vplan']);
        texts['org.vplan'] = catalogue.replace('"Wijkteam"', '"Wijkteam Noord"');
        await workspace.edit({ 'org.vplan': texts['org.vplan'] });
        expect(unsettled()).toEqual([]);
        // Every update was also checked against Langium's walk (tests/setup/check-updates.ts).
        expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
    });

    test('a document\'s `textDocument` can be redefined (a parked plan reads its file on demand)', () => {
        // parked-plans.ts redefines `textDocument` (to read the file on demand); Langium's factory
        // redefines it again when the document is read anew, which needs it configurable.
        const { shared } = createVplanServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString('plan p "P" {\n}\n', URI.parse('file:///x/p.vplan'));
        expect(Object.getOwnPropertyDescriptor(document, 'textDocument')?.configurable).toBe(true);
    });

    test.each(['editor', 'batch'] as const)('in %s mode', (mode: Mode) => {
        const { shared, Vplan } = createVplanServices({ ...EmptyFileSystem, mode });
        expect(Vplan.parser.LangiumParser).toBeInstanceOf(CompactLangiumParser);
        expect(Vplan.parser.ValueConverter).toBeInstanceOf(VplanValueConverter);
        expect(Vplan.references.Linker).toBeInstanceOf(VplanLinker);
        expect(Vplan.workspace.AstNodeLocator).toBeInstanceOf(VplanAstNodeLocator);
        expect(Vplan.workspace.AstNodeDescriptionProvider).toBeInstanceOf(LeanAstNodeDescriptionProvider);
        expect(Vplan.workspace.ReferenceDescriptionProvider).toBeInstanceOf(VplanReferenceDescriptionProvider);
        expect(Vplan.validation.DocumentValidator).toBeInstanceOf(LargeFileDocumentValidator);
        expect(shared.workspace.LangiumDocumentFactory).toBeInstanceOf(VplanDocumentFactory);
        expect(shared.workspace.DocumentBuilder).toBeInstanceOf(VplanDocumentBuilder);
        expect(shared.workspace.IndexManager).toBeInstanceOf(VplanIndexManager);
        expect(shared.workspace.WorkspaceManager).toBeInstanceOf(VplanWorkspaceManager);
        expect(shared.lsp.DocumentUpdateHandler).toBeInstanceOf(VplanDocumentUpdateHandler);
        expect(shared.workspace.LangiumDocuments).toBeInstanceOf(VplanLangiumDocuments);
        const batch = mode === 'batch';
        expect(shared.workspace.IndexManager instanceof BatchIndexManager).toBe(batch);
        expect(Vplan.validation.DocumentValidator instanceof BatchDocumentValidator).toBe(batch);
        expect((Vplan.validation.DocumentValidator as LargeFileDocumentValidator).memoize).toBe(!batch);
    });

    test('without a mode, the services are those of editor mode', () => {
        const { shared, Vplan } = createVplanServices(EmptyFileSystem);
        expect(shared.workspace.IndexManager).not.toBeInstanceOf(BatchIndexManager);
        expect(Vplan.validation.DocumentValidator).toBeInstanceOf(DefaultDocumentValidator);
        expect(Vplan.validation.DocumentValidator).not.toBeInstanceOf(BatchDocumentValidator);
    });
});

function interventionOf(document: LangiumDocument): Intervention {
    const root = document.parseResult.value;
    if (!isVplanFile(root)) throw new Error('not a vplan file');
    const found = (root.declarations.find(isPlan) as Plan).items.find(isIntervention);
    if (!found) throw new Error('no intervention');
    return found;
}

/** A reference to a plan-local member and one to a catalogue organisation. */
function referencesOf(document: LangiumDocument): { local: DefaultReference; global: DefaultReference } {
    const intervention = interventionOf(document);
    return {
        local: intervention.items.find(isForItem)!.members[0] as DefaultReference,
        global: intervention.items.find(isByItem)!.organisation as DefaultReference
    };
}

describe('relinking an unchanged plan (VplanDocumentBuilder, VplanLinker, VplanIndexManager)', () => {
    test('Langium\'s reset to ComputedScopes unlinks through Linker.unlink; linking resolves what it cleared', async () => {
        const workspace = await Workspace.create({ 'orgs.vplan': catalogue, 'p.vplan': plan });
        const { DocumentBuilder: builder, IndexManager: index, LangiumDocuments: documents } = workspace.services.shared.workspace;
        const document = documents.getDocument(workspace.uri('p.vplan'))!;
        const key = document.uri.toString();
        const { local, global } = referencesOf(document);
        const member = local.ref;
        const organisation = global.ref;
        expect(member?.$container?.$container).toBeDefined();
        expect(organisation?.$container).toBe(documents.getDocument(workspace.uri('orgs.vplan'))!.parseResult.value);
        const descriptionsBefore = (index as VplanIndexManager).referenceDescriptionsOf(key)!;
        const localDescription = descriptionsBefore.find(d => d.local)!;
        expect(localDescription).toBeDefined();

        builder.resetToState(document, DocumentState.ComputedScopes);
        expect(document.state).toBe(DocumentState.ComputedScopes);
        // Langium's `unlink`, as VplanLinker overrides it: the plan-local reference stays resolved.
        expect(local._ref).toBe(member);
        expect(global._ref).toBeUndefined();
        expect(global._nodeDescription).toBeUndefined();
        expect(document.references).toContain(local as Reference);
        expect(document.references).not.toContain(global as Reference);
        // Langium removed the reference descriptions through the index manager.
        expect((index as VplanIndexManager).referenceDescriptionsOf(key)).toBeUndefined();
        expect(document.diagnostics).toBeUndefined();

        await builder.build([document], { validation: true });
        expect(document.state).toBe(DocumentState.Validated);
        // Langium's `doLink` resolved the cleared reference again, to the same declaration.
        expect(global._ref).toBe(organisation);
        expect(local._ref).toBe(member);
        expect(document.references).toEqual(referenceInfosOf(document).map(info => info.reference));
        const descriptionsAfter = (index as VplanIndexManager).referenceDescriptionsOf(key)!;
        expect(descriptionsAfter).toContain(localDescription);
        expect(descriptionsAfter).toHaveLength(descriptionsBefore.length);
        expect(workspace.diagnostics()).toEqual(await freshDiagnostics({ 'orgs.vplan': catalogue, 'p.vplan': plan }));
    });

    test('a reparsed plan is unlinked by Langium\'s own unlink: no reference of the old tree is kept', async () => {
        const workspace = await Workspace.create({ 'orgs.vplan': catalogue, 'p.vplan': plan });
        const documents = workspace.services.shared.workspace.LangiumDocuments;
        const document = documents.getDocument(workspace.uri('p.vplan'))!;
        const old = referencesOf(document);
        await workspace.edit({ 'p.vplan': plan.replace('"Plan p"', '"Plan p, herzien"') });
        expect(old.local._ref).toBeUndefined();
        expect(old.global._ref).toBeUndefined();
        const current = referencesOf(document);
        expect(current.local).not.toBe(old.local);
        expect(document.references).toEqual(referenceInfosOf(document).map(info => info.reference));
        expect(document.references).not.toContain(old.local as Reference);
    });
});

async function buildIn(mode: Mode, texts: Record<string, string>) {
    const services = createVplanServices({ ...EmptyFileSystem, mode });
    await loadBuiltinCatalogue(services.shared);
    const documents = Object.entries(texts).map(([path, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///ws/${path}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents };
}

describe('batch mode (batch-module.ts)', () => {
    test('builds every document to Validated without a reference index or a reverse index, with the same diagnostics', async () => {
        const texts = { 'orgs.vplan': catalogue, 'p.vplan': plan.replace('by wijk', 'by onbekend') };
        const batch = await buildIn('batch', texts);
        const editor = await buildIn('editor', texts);
        for (const { documents } of [batch, editor]) {
            for (const document of documents) expect(document.state).toBe(DocumentState.Validated);
        }
        const diagnostics = ({ documents }: { documents: LangiumDocument[] }) => documents.map(document => normalised(document.diagnostics ?? []));
        expect(diagnostics(batch)).toEqual(diagnostics(editor));
        expect(diagnostics(batch)[1].join()).toContain('VP081');

        // The IndexedReferences phase is `IndexManager.updateReferences`, which batch mode skips.
        const planKey = batch.documents[1].uri.toString();
        expect((batch.services.shared.workspace.IndexManager as VplanIndexManager).referenceDescriptionsOf(planKey)).toBeUndefined();
        expect((editor.services.shared.workspace.IndexManager as VplanIndexManager).referenceDescriptionsOf(planKey)?.length).toBeGreaterThan(0);

        // The builder's reverse index of dependencies is only kept in editor mode.
        const dependents = (services: typeof batch.services) =>
            (services.shared.workspace.DocumentBuilder as unknown as { dependentsByName: Map<string, Set<string>> }).dependentsByName.size;
        expect(dependents(batch.services)).toBe(0);
        expect(dependents(editor.services)).toBeGreaterThan(0);
    });

    test('every file is plan text in batch mode, whatever its name; in editor mode only `.vplan` files', () => {
        const batch = createVplanServices({ ...EmptyFileSystem, mode: 'batch' });
        const editor = createVplanServices(EmptyFileSystem);
        for (const name of ['notes.txt', '.vplan', 'plan']) {
            const uri = URI.file(`/w/${name}`);
            expect(batch.shared.ServiceRegistry.getServices(uri), name).toBe(batch.Vplan);
            expect(editor.shared.ServiceRegistry.hasServices(uri), name).toBe(false);
        }
        expect(editor.shared.ServiceRegistry.getServices(URI.file('/w/p.vplan'))).toBe(editor.Vplan);
    });
});

describe('string values (VplanValueConverter)', () => {
    test('equal Langium\'s conversion, with and without escapes', () => {
        const { Vplan } = createVplanServices(EmptyFileSystem);
        const langium = new DefaultValueConverter();
        for (const [text, value] of [['"Wijkteam Noord"', 'Wijkteam Noord'], ['"Zeg \\"hoi\\" met \\\\ streep"', 'Zeg "hoi" met \\ streep'], ['""', '']]) {
            const root = Vplan.parser.LangiumParser.parse(`organisation o ${text} kind other`).value;
            const organisation = isVplanFile(root) ? root.declarations.find(isOrganisation) : undefined;
            expect(organisation?.title).toBe(value);
            const titleNode = GrammarUtils.findNodeForProperty(organisation!.$cstNode, 'title')!;
            expect(langium.convert(text, titleNode)).toBe(value);
        }
    });
});
