/**
 * The built-in catalogue as a Langium document that every workspace holds: the language server
 * adds it at start-up, the CLI and the tests through `loadBuiltinCatalogue`.
 */

import {
    Cancellation, DefaultWorkspaceManager, DocumentState, interruptAndCheck, stream, URI, UriUtils,
    type FileSystemNode, type LangiumDocument, type LangiumSharedCoreServices, type Stream
} from 'langium';
import { VplanDocumentBuilder } from './vplan-document-builder.js';
import { LEAN_BATCH } from './parked-plans.js';
import { WorkspaceLoadProgress } from './load-progress.js';
import type { VplanServices } from '../vplan-module.js';
import { compareCodePoints, isWithin, isWorkspaceEntryName } from './workspace-layout.js';
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

/** The default of `VplanWorkspaceManager.leanMinFiles` (the server's `VPLAN_LEAN_MIN_FILES` overrides it). */
export const LEAN_MIN_FILES = 200;

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

    protected readonly documentFactory: LangiumSharedCoreServices['workspace']['LangiumDocumentFactory'];

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.loadProgress = new WorkspaceLoadProgress(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
    }

    /**
     * From how many workspace files on the server loads lean: in batches, each validated and its
     * plans parked (parked-plans.ts), so that the syntax trees of all plans never exist at once.
     * A smaller workspace is loaded and kept whole, as before (docs/performance.md, "The lean server").
     */
    leanMinFiles = LEAN_MIN_FILES;

    /** Langium's `initializeWorkspace`, reporting its progress (load-progress.ts). */
    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await this.loadProgress.run(() => this.performStartup(folders), async documents => {
            // As Langium's: only after creating all documents is the cancellation checked.
            await interruptAndCheck(cancelToken);
            const builder = this.documentBuilder;
            if (builder instanceof VplanDocumentBuilder && builder.lean) {
                // Validated with the options of an update, so that a parked plan's diagnostics are
                // complete (and published); the plans follow in batches (`continueLoading`).
                await builder.build(documents.filter(document => this.langiumDocuments.hasDocument(document.uri)), builder.updateBuildOptions, cancelToken);
                await builder.continueLoading(cancelToken);
            } else {
                await builder.build(documents, this.initialBuildOptions, cancelToken);
            }
        });
    }

    /** The documents of the first load, with the plans a lean load registers later (for its progress). */
    override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
        const documents = await super.performStartup(folders);
        const builder = this.documentBuilder;
        return builder instanceof VplanDocumentBuilder ? [...documents, ...builder.queuedDocuments()] : documents;
    }

    /**
     * A large workspace is loaded lean: files that may declare organisations or measure types are
     * registered now and built first; the plans are registered and built in batches of
     * `LEAN_BATCH`, in the order of their paths, and parked after each batch (parked-plans.ts), so
     * that the syntax trees of all plans never exist at once. A plan built before a declaration
     * it names would only be read a second time: the quick look at the text decides the order, not
     * the result. Documents start as Langium's placeholder for a file not read yet.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const list = uris.toArray();
        const builder = this.documentBuilder;
        if (!(builder instanceof VplanDocumentBuilder) || list.length < this.leanMinFiles) return super.loadWorkspaceDocuments(stream(list), collector);
        builder.lean = true;
        const unread = (uri: URI) => {
            const document = this.documentFactory.fromModel({ $type: 'INVALID' }, uri);
            document.state = DocumentState.Changed;
            return document;
        };
        const plans: URI[] = [];
        for (const uri of list) {
            if (await this.mayDeclareNamesForOthers(uri)) collector(unread(uri));
            else plans.push(uri);
        }
        plans.sort((a, b) => compareCodePoints(a.path, b.path));
        const batches: LangiumDocument[][] = [];
        for (let start = 0; start < plans.length; start += LEAN_BATCH) batches.push(plans.slice(start, start + LEAN_BATCH).map(unread));
        builder.queueLoad(batches);
    }

    /** Whether a file may declare something other than plans (a quick look at its text, read synchronously as in large-file-guard.ts). */
    protected async mayDeclareNamesForOthers(uri: URI): Promise<boolean> {
        try {
            const text = this.fileSystemProvider.readFileSync(uri);
            // The unanchored search first: the line-anchored one tries every line of every plan (3× slower).
            return /organisation|measure[ \t]+type/.test(text) && /^[ \t]*(?:organisation|measure[ \t]+type)\b/m.test(text);
        } catch {
            return true;
        }
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
        // The workspace rule for one entry, the same as the CLI's and the server's own file watcher's.
        return (entry.isDirectory || entry.isFile) && isWorkspaceEntryName(UriUtils.basename(entry.uri), entry.isDirectory ? 'folder' : 'file');
    }
}
