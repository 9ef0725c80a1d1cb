/**
 * The built-in catalogue as a Langium document that every workspace holds: the language server
 * adds it at start-up, the CLI and the tests through `loadBuiltinCatalogue`.
 */

import { Cancellation, DefaultWorkspaceManager, DocumentState, interruptAndCheck, URI, UriUtils, type FileSystemNode, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { WorkspaceLoadProgress } from './load-progress.js';
import type { VplanServices } from '../vplan-module.js';
import { isWithin } from './workspace-layout.js';
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

/**
 * Loads the built-in catalogue and the workspace folders' files, following the workspace rule
 * (language reference, section 2): every `.vplan` file (also in a folder named `out`, which
 * Langium skips by default; never in `node_modules` or a folder whose name starts with a dot),
 * and the files of a workspace whose root lies above an opened folder (a VS Code folder inside a
 * git repository sees the plans of the whole repository, as `vplan check` does).
 */
export class VplanWorkspaceManager extends DefaultWorkspaceManager {
    /** Progress of the first load, for the server's work-done progress (load-progress.ts). */
    readonly loadProgress: WorkspaceLoadProgress;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.loadProgress = new WorkspaceLoadProgress(services);
    }

    /** Langium's `initializeWorkspace`, reporting its progress (load-progress.ts). */
    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await this.loadProgress.run(() => this.performStartup(folders), async documents => {
            // As Langium's: only after creating all documents is the cancellation checked.
            await interruptAndCheck(cancelToken);
            await this.documentBuilder.build(documents, this.initialBuildOptions, cancelToken);
        });
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        const services = this.serviceRegistry.all[0] as unknown as VplanServices;
        collector(builtinCatalogueDocument(services.shared));
        const layout = services.config.WorkspaceLayout;
        const opened = folders.map(folder => URI.parse(folder.uri)).filter(uri => uri.scheme === 'file').map(uri => uri.path);
        const roots = new Set(opened.map(folder => layout.rootOf(folder).path).filter(root => !opened.some(folder => isWithin(root, folder))));
        for (const root of roots) {
            for (const path of layout.filesOf(root)) {
                if (opened.some(folder => isWithin(path, folder))) continue; // the folder traversal loads it
                collector(await this.langiumDocuments.getOrCreateDocument(URI.file(path)));
            }
        }
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        const name = UriUtils.basename(entry.uri);
        if (name.startsWith('.')) return false;
        if (entry.isDirectory) return name !== 'node_modules';
        return entry.isFile && name.endsWith('.vplan');
    }
}
