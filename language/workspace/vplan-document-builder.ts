/**
 * A document builder whose per-edit bookkeeping is proportional to the documents an edit can
 * affect, not to the size of the workspace.
 *
 * Langium's `DocumentBuilder.update` decides which unchanged documents to relink by testing every
 * document in the workspace: all of its references for a linking error, and all of its reference
 * descriptions against the changed URIs (`IndexManager.isAffected`); it then asks every document
 * whether its last validation missed a category. In a 1,000-plan workspace that is most of the time
 * of an edit. Here the same decision comes from a reverse index kept while documents are built:
 *
 * - which documents depend on a global name: those whose references use it (resolved or not) and
 *   those that declare it (a global duplicate, VP080, depends on the other declarations of its name);
 * - which documents have references into a document (Langium's own criterion, kept as well);
 * - which documents have unresolved references (Langium relinks those after any change).
 *
 * When documents change, everything that depends on a name they exported before the change is
 * relinked; names they export only after the change are known once they are indexed again, and the
 * documents depending on those join the same build before linking starts.
 *
 * Langium's update also walks every document twice more (which to relink, which to build). Here
 * `update` is Langium's step for step, with those lists taken from the selection and from the
 * documents a build, a reset or an addition touched since the last update (`updateDocuments`): in
 * a 10,000-plan workspace the walks were half of an edit.
 *
 * `shared.workspace.DocumentBuilder` (vplan-workspace-module.ts; docs/langium-overrides.md). In
 * batch mode (the CLI: one build, never updated) it keeps no reverse index (batch-module.ts).
 */

import {
    Cancellation, DefaultDocumentBuilder, DocumentState, interruptAndCheck, type AstNode, type BuildOptions, type LangiumDocument,
    type LangiumSharedCoreServices, URI
} from 'langium';
import { VplanIndexManager, VplanLinker } from './vplan-index-services.js';
import { LEAN_BATCH, ParkedPlans } from './parked-plans.js';
import { ownString } from './own-strings.js';
import { VplanScopeProvider } from '../references/vplan-scope.js';
import { VplanLangiumDocuments } from './vplan-langium-documents.js';
import { ProgressListeners, type ProgressListener } from './progress-listeners.js';
import type { CancellationToken } from 'vscode-languageserver-protocol';

export interface VplanDocumentBuilderOptions {
    /**
     * Keep the reverse index that makes updates cheap (default). Off for a one-shot build that is
     * never updated (the CLI), where it would go unused.
     */
    readonly incremental?: boolean;
}

export class VplanDocumentBuilder extends DefaultDocumentBuilder {
    /** Global name → URIs of the documents that refer to it or declare it. */
    protected readonly dependentsByName = new Map<string, Set<string>>();
    /** Document URI → the names it is registered under in `dependentsByName`. */
    protected readonly namesByDocument = new Map<string, Set<string>>();
    /** Document URI → URIs of the documents that have references resolved into it. */
    protected readonly dependentsByTarget = new Map<string, Set<string>>();
    /** Document URI → the targets it is registered under in `dependentsByTarget`. */
    protected readonly targetsByDocument = new Map<string, Set<string>>();
    /** Document URI → the names it exported when it was last indexed. */
    protected readonly exportsByDocument = new Map<string, Set<string>>();
    /** Documents whose last linking left a reference unresolved. */
    protected readonly documentsWithLinkingErrors = new Set<string>();
    /** Documents `update` selected for relinking; `shouldRelink` answers from it. */
    protected relinkSelection = new Set<string>();
    /** Names that documents of the running build export and did not export before. */
    protected readonly addedNames = new Set<string>();
    /** The document list of the running build, so that documents can join it before linking. */
    protected currentBuild: { documents: LangiumDocument[]; options: BuildOptions } | undefined;

    /**
     * Documents that a build or a reset touched, or that were added, since they were last found
     * built and validated with `updateBuildOptions` (by an update, or when their build completed:
     * `settle`): the only ones an update may need to build besides the changed and relinked ones
     * (`updateDocuments`).
     */
    protected readonly unsettled = new Set<LangiumDocument>();
    /** The `updateBuildOptions` for which `unsettled` holds; undefined until the first update walks every document. */
    protected settledFor: BuildOptions | undefined;
    /**
     * When set (by the tests, and by the server with `VPLAN_CHECK_UPDATES=1`), every update also
     * makes Langium's walks and reports here when they would choose other documents; the update
     * then goes on with Langium's choice.
     */
    static onWrongUpdate: ((message: string) => void) | undefined;

    /** Whether the reverse index is kept (see `VplanDocumentBuilderOptions.incremental`). */
    protected readonly incremental: boolean;

    /**
     * The lean server (parked-plans.ts): when on, plans that are not open are parked after their
     * build. The workspace manager turns it on for a large workspace (builtin-documents.ts).
     */
    lean = false;
    /** The parked documents and what is kept of them. */
    readonly parked: ParkedPlans;
    /** Parked documents a change may concern: checked once the changed documents are built. */
    protected readonly parkedToCheck = new Set<string>();
    /**
     * Parked documents found to need reading again, still parked until their batch is built (a
     * cancelled build leaves the rest here for the next one, never a heap of unbuilt documents).
     */
    protected readonly toReread = new Set<string>();
    /** Documents validated since the last parking (a cancelled build's among them): parked at the end of the next build. */
    protected readonly validatedSinceParking = new Set<LangiumDocument>();
    /** Whether the parked documents to read again are being built (by the outermost build). */
    protected rereading = false;
    /** Plans of a lean first load not registered yet, in batches (`continueLoading`). */
    protected readonly loadQueue: LangiumDocument[][] = [];
    protected readonly queuedKeys = new Set<string>();

    constructor(services: LangiumSharedCoreServices, options: VplanDocumentBuilderOptions = {}) {
        super(services);
        this.incremental = options.incremental ?? true;
        this.parked = new ParkedPlans(services);
        if (this.incremental) {
            if (this.langiumDocuments instanceof VplanLangiumDocuments) this.langiumDocuments.onAdded(document => this.unsettled.add(document));
            this.onDocumentPhase(DocumentState.IndexedContent, document => this.recordExports(document));
            this.onBuildPhase(DocumentState.IndexedContent, () => this.addDependentsOfAddedNames());
            this.onDocumentPhase(DocumentState.Linked, document => this.recordReferences(document));
            this.onDocumentPhase(DocumentState.Validated, document => {
                if (this.lean) this.validatedSinceParking.add(document);
                this.settle(document);
            });
        }
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        // Decided here, before Langium resets the changed documents (and forgets their exports).
        const changedKeys = this.knownDocumentsAt(changed);
        const deletedKeys = this.knownDocumentsAt(deleted);
        for (const key of deletedKeys) changedKeys.add(key);
        // Parked documents with unresolved references are left out: the names they cannot resolve
        // are in `dependentsByName`, which brings them in when a document starts to declare one.
        const selection = new Set<string>();
        for (const key of this.documentsWithLinkingErrors) if (!this.parked.isParked(key)) selection.add(key);
        for (const key of changedKeys) {
            for (const name of this.exportsByDocument.get(key) ?? []) {
                for (const dependent of this.dependentsByName.get(name) ?? []) selection.add(dependent);
            }
            for (const dependent of this.dependentsByTarget.get(key) ?? []) selection.add(dependent);
        }
        for (const key of deletedKeys) this.forgetDocument(key);
        // A parked document is not relinked (it has no tree): whether it must be read again is
        // decided once the changed documents are built (`checkParked`).
        for (const key of selection) {
            if (!this.parked.isParked(key)) continue;
            selection.delete(key);
            if (!changedKeys.has(key)) this.parkedToCheck.add(key);
        }
        this.relinkSelection = selection;
        this.dropFromLoadQueue(deleted);
        try {
            if (this.incremental) await this.updateDocuments(changed, deleted, cancelToken ?? Cancellation.CancellationToken.None);
            else await super.update(changed, deleted, cancelToken);
        } finally {
            this.relinkSelection = new Set();
        }
        // An edit during a lean first load cancels the load; the load goes on after the edit.
        await this.continueLoading(cancelToken);
    }

    /**
     * Langium's `update` step for step, except that it never tests every document of the
     * workspace: Langium walks all of them twice, for the documents to relink (`shouldRelink`)
     * and for those to build (not validated, build not completed, or validated without a category
     * of `updateBuildOptions`). Here the first are `relinkSelection`, and the second are found
     * among the documents that a build, a reset or an addition touched since an update last found
     * them complete (`unsettled`). Both lists are in the order of `LangiumDocuments.all`, as
     * Langium's walk gives them (`onWrongUpdate` checks that they are the same).
     */
    protected async updateDocuments(changed: URI[], deleted: URI[], cancelToken: CancellationToken): Promise<void> {
        this.currentState = DocumentState.Changed;
        const deletedUris: URI[] = [];
        for (const deletedUri of deleted) {
            for (const document of this.langiumDocuments.deleteDocuments(deletedUri)) {
                deletedUris.push(document.uri);
                this.cleanUpDeleted(document);
            }
        }
        const changedUris = (await Promise.all(changed.map(uri => this.findChangedUris(uri)))).flat();
        for (const changedUri of changedUris) {
            let changedDocument = this.langiumDocuments.getDocument(changedUri);
            if (changedDocument === undefined) {
                // Unparsed until the build's first phase, as in Langium (so that parsing can be cancelled).
                changedDocument = this.langiumDocumentFactory.fromModel({ $type: 'INVALID' }, changedUri);
                changedDocument.state = DocumentState.Changed;
                this.langiumDocuments.addDocument(changedDocument);
            }
            this.resetToState(changedDocument, DocumentState.Changed);
        }
        const allChangedUris = new Set([...changedUris, ...deletedUris].map(uri => uri.toString()));
        for (const document of this.documentsToRelink(allChangedUris)) this.resetToState(document, DocumentState.ComputedScopes);
        await this.emitUpdate(changedUris, deletedUris);
        await interruptAndCheck(cancelToken);
        await this.buildDocuments(this.sortDocuments(this.documentsToRebuild()), this.updateBuildOptions, cancelToken);
    }

    /**
     * A document validated with the options of an update needs no look from the next update:
     * settled as soon as its build completes (a lean first load builds every plan after the first
     * update, which would otherwise look at all of them in the first edit after the load).
     */
    protected settle(document: LangiumDocument): void {
        if (this.settledFor === this.updateBuildOptions && this.buildState.get(document.uri.toString())?.completed
            && !this.resultsAreIncomplete(document, this.updateBuildOptions)) {
            this.unsettled.delete(document);
        }
    }

    /** Whether `update` may choose its documents from `relinkSelection` and `unsettled` (else it walks every document). */
    protected get tracksUnsettled(): boolean {
        return this.settledFor !== undefined && this.settledFor === this.updateBuildOptions && this.langiumDocuments instanceof VplanLangiumDocuments;
    }

    protected documentsToRelink(allChangedUris: Set<string>): LangiumDocument[] {
        const walked = () => this.langiumDocuments.all
            .filter(document => !allChangedUris.has(document.uri.toString()) && this.shouldRelink(document, allChangedUris)).toArray();
        if (!this.tracksUnsettled) return walked();
        const chosen: LangiumDocument[] = [];
        for (const key of this.relinkSelection) {
            if (allChangedUris.has(key)) continue;
            const document = this.langiumDocuments.getDocument(URI.parse(key));
            if (document) chosen.push(document);
        }
        return this.checked('relink', this.inWorkspaceOrder(chosen), walked);
    }

    protected documentsToRebuild(): LangiumDocument[] {
        const needsBuild = (document: LangiumDocument) => document.state < DocumentState.Validated
            || !this.buildState.get(document.uri.toString())?.completed
            || this.resultsAreIncomplete(document, this.updateBuildOptions);
        const walked = () => this.langiumDocuments.all.filter(needsBuild).toArray();
        if (!this.tracksUnsettled) {
            const documents = walked();
            this.unsettled.clear();
            for (const document of documents) this.unsettled.add(document);
            this.settledFor = this.updateBuildOptions;
            return documents;
        }
        const chosen: LangiumDocument[] = [];
        for (const document of this.unsettled) {
            // Deleted, or replaced by another document of the same URI (which is unsettled itself).
            if (this.langiumDocuments.getDocument(document.uri) !== document) this.unsettled.delete(document);
            else if (needsBuild(document)) chosen.push(document);
            else this.unsettled.delete(document);
        }
        return this.checked('build', this.inWorkspaceOrder(chosen), walked);
    }

    /** The documents in the order of `LangiumDocuments.all`. */
    protected inWorkspaceOrder(documents: LangiumDocument[]): LangiumDocument[] {
        const documentsService = this.langiumDocuments as VplanLangiumDocuments;
        return documents
            .map(document => ({ document, position: documentsService.positionOf(document) ?? Number.MAX_SAFE_INTEGER }))
            .sort((a, b) => a.position - b.position)
            .map(entry => entry.document);
    }

    /** With `onWrongUpdate` set: Langium's walk, reported unless it chooses the same documents in the same order. */
    protected checked(what: string, chosen: LangiumDocument[], walked: () => LangiumDocument[]): LangiumDocument[] {
        const report = VplanDocumentBuilder.onWrongUpdate;
        if (!report) return chosen;
        const expected = walked();
        const expectedUris = expected.map(document => document.uri.toString());
        const chosenUris = chosen.map(document => document.uri.toString());
        if (expectedUris.length !== chosenUris.length || expectedUris.some((uri, i) => uri !== chosenUris[i])) {
            report(`The document builder chose other documents to ${what} than Langium's walk: ${JSON.stringify(chosenUris)} instead of ${JSON.stringify(expectedUris)}`);
        }
        return expected;
    }

    /**
     * Hears how far the reading again of parked plans is, when there are more than a batch of
     * them (a catalogue edit that checks read, a config change): begin, "done of total" after each
     * batch, end (also when a build is cancelled; the next one begins anew with what is left).
     * The server shows it as work-done progress (load-progress.ts).
     */
    onReread(listener: ProgressListener): void {
        this.rereadListeners.add(listener);
    }

    private readonly rereadListeners = new ProgressListeners();

    /** Queues the plans of a lean first load (builtin-documents.ts), unregistered, in batches. */
    queueLoad(batches: LangiumDocument[][]): void {
        this.loadQueue.push(...batches.filter(batch => batch.length > 0));
        for (const batch of batches) for (const document of batch) this.queuedKeys.add(document.uri.toString());
    }

    /** The documents queued for the lean first load, not registered yet. */
    queuedDocuments(): LangiumDocument[] {
        return this.loadQueue.flat();
    }

    /** Whether a document is queued for the lean first load. */
    isQueued(uri: URI | string): boolean {
        return this.queuedKeys.has(uri.toString());
    }

    /**
     * Registers and builds the queued batches one after the other; each batch's plans are parked
     * when it is built (`buildDocuments`). A batch cancelled by an edit is registered and unbuilt:
     * the edit's update builds it, and the next batches follow that update.
     */
    async continueLoading(cancelToken: CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        while (this.loadQueue.length > 0) {
            await interruptAndCheck(cancelToken);
            // Opened or changed meanwhile: already registered by that update.
            const queued = this.loadQueue.shift()!;
            for (const document of queued) this.queuedKeys.delete(document.uri.toString());
            const batch = queued.filter(document => !this.langiumDocuments.hasDocument(document.uri));
            batch.forEach(document => this.langiumDocuments.addDocument(document));
            await this.build(batch, this.updateBuildOptions, cancelToken);
        }
    }

    /** Files deleted before their batch was loaded. */
    protected dropFromLoadQueue(deleted: URI[]): void {
        if (this.loadQueue.length === 0 || deleted.length === 0) return;
        const deletedKeys = deleted.map(uri => uri.toString());
        const gone = (key: string) => deletedKeys.some(deletedKey => isAtOrBelow(key, deletedKey));
        for (let i = 0; i < this.loadQueue.length; i++) this.loadQueue[i] = this.loadQueue[i].filter(document => !gone(document.uri.toString()));
        for (const key of [...this.queuedKeys]) if (gone(key)) this.queuedKeys.delete(key);
    }

    /** The keys of the known documents at the given URIs, or below them if they are folders. */
    protected knownDocumentsAt(uris: URI[]): Set<string> {
        const keys = new Set<string>();
        for (const uri of uris) {
            const key = uri.toString();
            if (this.langiumDocuments.hasDocument(uri)) {
                keys.add(key);
                continue;
            }
            for (const document of this.langiumDocuments.all) {
                const known = document.uri.toString();
                if (isAtOrBelow(known, key)) keys.add(known);
            }
        }
        return keys;
    }

    /**
     * Relinking an unchanged document (reset to ComputedScopes, not reparsed) is Langium's reset,
     * during which the linker's `unlink` keeps the references to plan-local declarations
     * (`VplanLinker.unlink`), and after which the index manager still has the document's reference
     * descriptions for the ones that resolve as before.
     */
    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (this.incremental) this.unsettled.add(document);
        if (this.parked.isParked(document.uri)) {
            // A parked document has no tree to relink or revalidate: it is read again from its file.
            this.parked.forget(document.uri);
            this.toReread.delete(document.uri.toString());
            super.resetToState(document, DocumentState.Changed);
            return;
        }
        const linker = this.serviceRegistry.getServices(document.uri).references.Linker;
        if (state === DocumentState.ComputedScopes && document.state > DocumentState.ComputedScopes && linker instanceof VplanLinker) {
            if (this.indexManager instanceof VplanIndexManager) this.indexManager.keepReferenceDescriptionsForReuse(document);
            linker.relinkingUnchanged(document, () => super.resetToState(document, state));
            return;
        }
        super.resetToState(document, state);
    }

    protected override shouldRelink(document: LangiumDocument, _changedUris: Set<string>): boolean {
        return this.relinkSelection.has(document.uri.toString());
    }

    /**
     * Langium recomputes the validation categories of every document on every update. A document
     * whose last build completed with the very options of this update has run all of them.
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        const state = this.buildState.get(document.uri.toString());
        if (state?.completed && options !== undefined && this.completeFor.get(state) === options) return false;
        const incomplete = super.resultsAreIncomplete(document, options);
        // A completed build state is replaced (never changed) by the next build of its document,
        // so the answer holds as long as the state object does.
        if (!incomplete && state?.completed && options !== undefined) this.completeFor.set(state, options);
        return incomplete;
    }

    private readonly completeFor = new WeakMap<object, BuildOptions>();

    /**
     * Answers `resultsAreIncomplete` for the options of the next update as soon as a document's
     * build completes, while its build state is at hand: otherwise the first edit after loading the
     * workspace asks it of every document at once (a few milliseconds per 1,000 plans, once).
     */
    protected override markAsCompleted(document: LangiumDocument): void {
        super.markAsCompleted(document);
        if (this.incremental) this.resultsAreIncomplete(document, this.updateBuildOptions);
    }

    protected override cleanUpDeleted(document: LangiumDocument): void {
        this.parked.forget(document.uri);
        this.toReread.delete(document.uri.toString());
        super.cleanUpDeleted(document);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        if (this.incremental) for (const document of documents) this.unsettled.add(document);
        const outer = this.currentBuild;
        this.currentBuild = { documents, options };
        try {
            // `addedNames` is not cleared here: names collected by a cancelled build are handled
            // by the next one (its documents are past indexing and will not report them again).
            await super.buildDocuments(documents, options, cancelToken);
        } finally {
            this.currentBuild = outer;
        }
        // Parked documents whose diagnostics may have changed (`checkParked`) are read again now,
        // in batches, each parked after its build (not nested: the trees of one batch at a time),
        // so that a catalogue edit that every plan reads never holds all their trees at once.
        if (!this.rereading) {
            this.rereading = true;
            let progress: { done: number } | undefined;
            try {
                for (this.checkParked(); this.toReread.size > 0; this.checkParked()) {
                    if (!progress && this.toReread.size > LEAN_BATCH) {
                        progress = { done: 0 };
                        this.rereadListeners.tell(listener => listener.begin());
                        this.rereadListeners.tell(listener => listener.report(0, this.toReread.size));
                    }
                    await interruptAndCheck(cancelToken);
                    const batch = this.takeRereadBatch();
                    await this.buildDocuments(batch, options, cancelToken);
                    if (progress) {
                        const done = progress.done += batch.length;
                        this.rereadListeners.tell(listener => listener.report(done, done + this.toReread.size));
                    }
                }
            } finally {
                this.rereading = false;
                if (progress) this.rereadListeners.tell(listener => listener.end());
            }
        }
        if (this.lean) this.parkValidated();
    }

    /**
     * The parked documents a change may concern, once the changed documents are built: those
     * whose diagnostics still hold keep their record; the others are read again.
     */
    protected checkParked(): void {
        if (this.parkedToCheck.size === 0) return;
        this.clearScopeCaches();
        for (const key of this.parkedToCheck) {
            const uri = URI.parse(key);
            if (!this.parked.isParked(uri)) continue;
            if (this.parked.stillHolds(uri)) this.toReread.delete(key);
            else this.toReread.add(key);
        }
        this.parkedToCheck.clear();
    }

    /**
     * Queues every parked document to be read again (a config or locale change): the build that
     * runs next reads them in batches, as after a catalogue edit.
     */
    queueRereadOfParked(): void {
        for (const document of this.langiumDocuments.all) {
            if (this.parked.isParked(document.uri)) this.toReread.add(document.uri.toString());
        }
    }

    /** The next documents to read again, unparked now (reset to be parsed from their files). */
    protected takeRereadBatch(): LangiumDocument[] {
        const batch: LangiumDocument[] = [];
        for (const key of this.toReread) {
            if (batch.length === LEAN_BATCH) break;
            this.toReread.delete(key);
            const document = this.langiumDocuments.getDocument(URI.parse(key));
            if (!document || !this.parked.isParked(document.uri)) continue;
            this.resetToState(document, DocumentState.Changed);
            batch.push(document);
        }
        return batch;
    }

    /** Parks the documents validated since the last parking that may be parked: plans not open in the editor (parked-plans.ts). */
    protected parkValidated(): void {
        let parkedAny = false;
        for (const document of this.validatedSinceParking) {
            const key = document.uri.toString();
            if (this.textDocuments?.get(key) || this.dependentsByTarget.has(key) || this.langiumDocuments.getDocument(document.uri) !== document) continue;
            if (!this.buildState.get(key)?.completed || this.resultsAreIncomplete(document, this.updateBuildOptions)) continue;
            if (this.parked.canPark(document) && this.parked.park(document)) parkedAny = true;
        }
        this.validatedSinceParking.clear();
        if (parkedAny) this.clearScopeCaches();
    }

    /** The caches of global names hold the trees of the documents they describe (vplan-scope.ts). */
    protected clearScopeCaches(): void {
        for (const services of this.serviceRegistry.all) {
            const scopes = services.references.ScopeProvider;
            if (scopes instanceof VplanScopeProvider) scopes.clear();
        }
    }

    protected recordExports(document: LangiumDocument): void {
        const key = document.uri.toString();
        const previous = this.exportsByDocument.get(key);
        const names = new Set<string>();
        // Kept after the document's tree is released (parked-plans.ts): names of their own.
        const exported = this.indexManager instanceof VplanIndexManager ? this.indexManager.exportsOf(key) : this.indexManager.allElements(undefined, new Set([key]));
        for (const description of exported) names.add(this.lean ? ownString(description.name) : description.name);
        for (const name of names) if (!previous?.has(name)) this.addedNames.add(name);
        this.exportsByDocument.set(key, names);
    }

    /**
     * Documents that depend on a name a document of this build newly exports (a reference that now
     * resolves, or resolves to an earlier declaration; a declaration that becomes a duplicate) join
     * the build before its linking phase.
     */
    protected addDependentsOfAddedNames(): void {
        const build = this.currentBuild;
        if (!build || this.addedNames.size === 0) return;
        const inBuild = new Set(build.documents.map(document => document.uri.toString()));
        const joining: LangiumDocument[] = [];
        const reset: LangiumDocument[] = [];
        for (const name of this.addedNames) {
            for (const dependent of this.dependentsByName.get(name) ?? []) {
                if (this.parked.isParked(dependent)) {
                    this.parkedToCheck.add(dependent);
                    continue;
                }
                const document = this.langiumDocuments.getDocument(URI.parse(dependent));
                if (!document) continue;
                // Also a document of this build may be past linking (a build that only revalidates).
                if (document.state > DocumentState.ComputedScopes) {
                    this.resetToState(document, DocumentState.ComputedScopes);
                    reset.push(document);
                }
                if (inBuild.has(dependent)) continue;
                inBuild.add(dependent);
                joining.push(document);
            }
        }
        this.addedNames.clear();
        build.documents.push(...joining);
        // Resetting forgot their build state; give them this build's options, as Langium does for its own.
        this.prepareBuild([...new Set([...reset, ...joining])], build.options);
    }

    protected recordReferences(document: LangiumDocument): void {
        const key = document.uri.toString();
        const names = new Set<string>(this.exportsByDocument.get(key));
        const targets = new Set<string>();
        let hasLinkingError = false;
        for (const reference of document.references) {
            if (reference.error !== undefined) hasLinkingError = true;
            let resolvedHere: boolean;
            if ('items' in reference) {
                resolvedHere = reference.items.length > 0;
                for (const item of reference.items) {
                    const target = item.$nodeDescription?.documentUri.toString();
                    if (target !== key) resolvedHere = false;
                    if (target !== undefined && target !== key) targets.add(target);
                }
            } else {
                const target = reference.$nodeDescription?.documentUri.toString();
                resolvedHere = target === key;
                if (target !== undefined && target !== key) targets.add(target);
            }
            // A name resolved in its own document is a plan-local one, which shadows every global
            // declaration, or a global one declared here, which the document depends on anyway
            // through its exports. Only names resolved elsewhere, or not at all, can be affected by
            // another document.
            if (!resolvedHere) names.add(this.lean ? ownString(reference.$refText) : reference.$refText);
        }
        // A relinked document usually depends on the very same names and documents as before.
        if (!sameSet(this.namesByDocument.get(key), names) || !sameSet(this.targetsByDocument.get(key), targets)) {
            this.unregisterReferences(key);
            for (const name of names) addTo(this.dependentsByName, name, key);
            for (const target of targets) addTo(this.dependentsByTarget, target, key);
            this.namesByDocument.set(key, names);
            this.targetsByDocument.set(key, targets);
        }
        if (hasLinkingError) this.documentsWithLinkingErrors.add(key);
        else this.documentsWithLinkingErrors.delete(key);
    }

    protected unregisterReferences(key: string): void {
        for (const name of this.namesByDocument.get(key) ?? []) removeFrom(this.dependentsByName, name, key);
        for (const target of this.targetsByDocument.get(key) ?? []) removeFrom(this.dependentsByTarget, target, key);
        this.namesByDocument.delete(key);
        this.targetsByDocument.delete(key);
        this.documentsWithLinkingErrors.delete(key);
    }

    protected forgetDocument(key: string): void {
        this.unregisterReferences(key);
        this.exportsByDocument.delete(key);
    }
}

/** Whether a document's URI is `folderOrFile` itself or lies below it. */
function isAtOrBelow(key: string, folderOrFile: string): boolean {
    return key === folderOrFile || key.startsWith(folderOrFile.endsWith('/') ? folderOrFile : folderOrFile + '/');
}

function sameSet(a: Set<string> | undefined, b: Set<string>): boolean {
    if (!a || a.size !== b.size) return false;
    for (const value of b) if (!a.has(value)) return false;
    return true;
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
    const set = map.get(key);
    if (!set) return;
    set.delete(value);
    if (set.size === 0) map.delete(key);
}
