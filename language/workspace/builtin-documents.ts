/**
 * The built-in catalogue as a Langium document that every workspace holds: the language server
 * adds it at start-up, the CLI and the tests through `loadBuiltinCatalogue`.
 */

import { DefaultWorkspaceManager, DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import { BUILTIN_CATALOGUE, BUILTIN_CATALOGUE_URI } from '../builtin/catalogue.js';

// URI.toString() normalises `scheme:///path` to `scheme:/path`; compare normalised forms.
const BUILTIN_URI_TEXT = URI.parse(BUILTIN_CATALOGUE_URI).toString();

export function isBuiltinUri(uri: URI | string): boolean {
    return (typeof uri === 'string' ? URI.parse(uri) : uri).toString() === BUILTIN_URI_TEXT;
}

/** The catalogue document, created and registered on first use. */
export function builtinCatalogueDocument(shared: LangiumSharedCoreServices): LangiumDocument {
    const uri = URI.parse(BUILTIN_CATALOGUE_URI);
    const documents = shared.workspace.LangiumDocuments;
    const existing = documents.getDocument(uri);
    if (existing) return existing;
    const document = shared.workspace.LangiumDocumentFactory.fromString(BUILTIN_CATALOGUE, uri);
    documents.addDocument(document);
    return document;
}

/** Registers and indexes the catalogue (for the CLI and tests, which have no workspace manager start-up). */
export async function loadBuiltinCatalogue(shared: LangiumSharedCoreServices): Promise<LangiumDocument> {
    const document = builtinCatalogueDocument(shared);
    if (document.state < DocumentState.IndexedReferences) {
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
    }
    return document;
}

export class VplanWorkspaceManager extends DefaultWorkspaceManager {
    protected override async loadAdditionalDocuments(_folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        collector(builtinCatalogueDocument(this.serviceRegistry.all[0].shared));
    }
}
