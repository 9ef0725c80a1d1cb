/**
 * Building some files of a workspace without loading all of it. The files asked for are loaded
 * and checked; of every other file of the workspace (a companion) only its summary takes part
 * (workspace/file-summary.ts), unless it declares a name that a loaded file refers to: then it is
 * loaded too (and what it refers to, transitively). The diagnostics of the files asked for are
 * exactly those of a build of the whole workspace: a check reads of other files only the names
 * they declare (stubs) and the declarations it refers to (loaded), as validation/validation-memo.ts
 * explains. tests/language/workspace/partial-build.test.ts compares with whole builds.
 */

import type { LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import { referenceInfosOf, VplanIndexManager } from './vplan-index-services.js';
import { stubDescriptions, type FileSummary } from './file-summary.js';

export interface CompanionFile {
    uri: URI;
    /** The file's summary; undefined when it cannot be read (it then takes no part). */
    summary(): FileSummary | undefined;
    /** The file's text, asked for only when the file must be loaded. */
    text(): string | undefined;
}

export interface PartialBuild {
    /** The companions that had to be loaded (they declare names the loaded files refer to). */
    loaded: LangiumDocument[];
    /** How many companions took part through their summary only. */
    stubs: number;
}

/**
 * Adds `documents` to the workspace, loads the companions they need, indexes the others from their
 * summaries, and builds (with validation) everything loaded.
 */
export async function buildWithCompanions(shared: LangiumSharedCoreServices, documents: LangiumDocument[], companions: readonly CompanionFile[]): Promise<PartialBuild> {
    const langiumDocuments = shared.workspace.LangiumDocuments;
    for (const document of documents) {
        if (!langiumDocuments.hasDocument(document.uri)) langiumDocuments.addDocument(document);
    }
    const declaring = new Map<string, CompanionFile[]>();
    for (const companion of companions) {
        for (const declaration of companion.summary()?.declarations ?? []) {
            const list = declaring.get(declaration.name);
            if (list) list.push(companion);
            else declaring.set(declaration.name, [companion]);
        }
    }
    const loaded: LangiumDocument[] = [];
    const loadedCompanions = new Set<CompanionFile>();
    const seenNames = new Set<string>();
    const queue: string[] = [];
    const enqueueReferences = (document: LangiumDocument) => {
        for (const info of referenceInfosOf(document)) {
            const name = info.reference.$refText;
            if (!seenNames.has(name)) {
                seenNames.add(name);
                queue.push(name);
            }
        }
    };
    documents.forEach(enqueueReferences);
    while (queue.length > 0) {
        const name = queue.pop()!;
        for (const companion of declaring.get(name) ?? []) {
            if (loadedCompanions.has(companion)) continue;
            loadedCompanions.add(companion);
            const text = companion.text();
            if (text === undefined) continue;
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, companion.uri);
            langiumDocuments.addDocument(document);
            loaded.push(document);
            enqueueReferences(document);
        }
    }
    const index = shared.workspace.IndexManager;
    let stubs = 0;
    if (index instanceof VplanIndexManager) {
        for (const companion of companions) {
            if (loadedCompanions.has(companion)) continue;
            const summary = companion.summary();
            if (!summary) continue;
            index.setStubExports(companion.uri, stubDescriptions(companion.uri, summary));
            stubs++;
        }
    }
    await shared.workspace.DocumentBuilder.build([...documents, ...loaded], { validation: true });
    return { loaded, stubs };
}
