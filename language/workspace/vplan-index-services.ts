/**
 * Cheaper versions of the services behind linking and Langium's reference index, with the same
 * results. They matter after a catalogue edit, when every plan is relinked and indexed again.
 *
 * - Node paths (`/declarations@3/items@1`) are kept by every reference description (source and
 *   target) and every exported symbol. Langium builds them by concatenating segment by segment,
 *   which leaves each path as a chain of V8 "cons strings" of a few dozen objects; in a 1,000-plan
 *   workspace those chains held about 30 MB of heap. Joined once, a path is one flat string.
 * - Linking and indexing each walk the whole AST of a document, test every property of every node
 *   for a reference, and yield to the event loop after every node. Relinking an unchanged document
 *   finds the same references in the same order, so the walk is done once per parse (the list is
 *   keyed on the AST root, which a new parse replaces) and both phases loop over that list.
 */

import {
    AstUtils, Cancellation, CstUtils, DefaultAstNodeLocator, DefaultIndexManager, DefaultLinker, DefaultReferenceDescriptionProvider,
    interruptAndCheck, isAstNode, UriUtils,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DefaultMultiReference, type DefaultReference, type DocumentSegment,
    type IndexManager, type LangiumCoreServices, type LangiumDocument, type Reference, type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';

const referenceInfosByRoot = new WeakMap<AstNode, ReferenceInfo[]>();

/**
 * Every reference of the document, in the order of Langium's own walk (`streamAst`, then
 * `streamReferences`): a node's own references (by property, then by array index) before those of
 * its children, children in property and index order. A plain recursive loop instead of Langium's
 * streams, which allocate an iterator and a result object per node and per step (a few per cent
 * of a `vplan check` with garbage collection). tests/language/workspace/reference-infos.test.ts compares both.
 */
/** Every object-valued property of a node but the `$` ones, array elements one by one with their index. */
function forEachObjectValue(node: AstNode, properties: string[], visit: (value: object, property: string, index?: number) => void): void {
    const generic = node as unknown as Record<string, unknown>;
    for (const property of properties) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = generic[property];
        if (typeof value !== 'object' || value === null) continue;
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (typeof element === 'object' && element !== null) visit(element, property, index);
            }
        } else {
            visit(value, property);
        }
    }
}

export function referenceInfosOf(document: LangiumDocument): ReferenceInfo[] {
    const root = document.parseResult.value;
    let infos = referenceInfosByRoot.get(root);
    if (!infos) {
        const found: ReferenceInfo[] = [];
        // The tests of Langium's `isReference`/`isMultiReference` and `isAstNode`, without the calls.
        const isAnyReference = (value: object): value is Reference =>
            typeof (value as Reference).$refText === 'string' && ('ref' in value || 'items' in value);
        const isNode = (value: object): value is AstNode => typeof (value as AstNode).$type === 'string';
        const collect = (node: AstNode): void => {
            // Own keys in insertion order, like Langium's `Object.keys`; read twice from one array.
            const properties = Object.keys(node);
            forEachObjectValue(node, properties, (value, property, index) => {
                if (!isAnyReference(value)) return;
                found.push(index === undefined ? { reference: value, container: node, property } : { reference: value, container: node, property, index });
            });
            forEachObjectValue(node, properties, value => {
                if (isNode(value)) collect(value);
            });
        };
        collect(root);
        infos = found;
        referenceInfosByRoot.set(root, infos);
    }
    return infos;
}

export class VplanAstNodeLocator extends DefaultAstNodeLocator {
    override getAstNodePath(node: AstNode): string {
        const segments: string[] = [];
        for (let current: AstNode = node; current.$container; current = current.$container) {
            segments.push(this.getPathSegment(current));
        }
        if (segments.length === 0) return '';
        segments.push('');
        return segments.reverse().join(this.segmentSeparator);
    }
}

/**
 * `references.Linker`. Links from the reference list of `referenceInfosOf`, and unlinks less when
 * a document is only relinked (see `unlink`).
 */
export class VplanLinker extends DefaultLinker {
    /** The document whose references `unlink` treats as a relink of an unchanged syntax tree. */
    private relinking: LangiumDocument | undefined;

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        await interruptAndCheck(cancelToken);
        const infos = referenceInfosOf(document);
        for (const info of infos) this.doLink(info, document);
        // References kept by `unlink` are not pushed again; keep the list in the walk's order.
        if (document.references.length === infos.length) {
            for (let i = 0; i < infos.length; i++) document.references[i] = infos[i].reference;
        }
    }

    /**
     * Runs `reset` (Langium's `DocumentBuilder.resetToState` to ComputedScopes, which calls
     * `unlink`) with `unlink` keeping the document's plan-local references: its syntax tree is
     * not parsed again, so they will resolve to the same nodes.
     */
    relinkingUnchanged(document: LangiumDocument, reset: () => void): void {
        const outer = this.relinking;
        this.relinking = document;
        try {
            reset();
        } finally {
            this.relinking = outer;
        }
    }

    /**
     * During `relinkingUnchanged`, unlinks only what another document can change: references to
     * global declarations (in any document: a global name declared here can be shadowed by an
     * earlier declaration elsewhere) and unresolved ones. A reference to a plan-local declaration
     * resolves to the same node for as long as the document is not reparsed (plan names shadow
     * every global one), so relinking a plan after a catalogue edit no longer resolves its
     * members, risks and measures again. Otherwise Langium's own `unlink`.
     *
     * It clears the fields of Langium's reference objects that Langium's `unlink` clears (typed by
     * Langium's exported `DefaultReference` and `DefaultMultiReference`), so that `doLink` resolves
     * them again. tests/language/workspace/langium-overrides.test.ts fails if a Langium upgrade changes how
     * the builder unlinks or how the linker relinks.
     */
    override unlink(document: LangiumDocument): void {
        if (this.relinking !== document) {
            super.unlink(document);
            return;
        }
        const kept: Reference[] = [];
        for (const reference of document.references) {
            const target = '_ref' in reference ? (reference as DefaultReference)._ref : undefined;
            if (isAstNode(target) && target.$container !== undefined && target.$container.$container !== undefined
                && AstUtils.findRootNode(target) === document.parseResult.value) {
                kept.push(reference as Reference);
                continue;
            }
            if ('_ref' in reference) {
                // Assigned, not deleted: `delete` turns the object into V8's slow dictionary form.
                (reference as DefaultReference)._ref = undefined;
                (reference as DefaultReference)._nodeDescription = undefined;
            } else if ('_items' in reference) {
                (reference as DefaultMultiReference)._items = undefined;
                (reference as DefaultMultiReference)._linkingError = undefined;
            }
        }
        document.references = kept;
    }
}

/**
 * `shared.workspace.IndexManager`: Langium's index manager, with read access to a document's
 * reference descriptions, and keeping them across a relink for the description provider.
 */
export class VplanIndexManager extends DefaultIndexManager {
    /** The reference descriptions of a document reset for relinking, until it is indexed again. */
    private readonly reusableDescriptions = new WeakMap<LangiumDocument, ReferenceDescription[]>();

    /**
     * The URIs whose exports were set or removed, in order, from position `exportChangesStart` on
     * (repeats possible). Dropped when it grows longer than the index itself: a reader that was
     * further behind then looks at every document (`exportChangesSince`).
     */
    private exportChanges: string[] = [];
    private exportChangesStart = 0;

    /** Document URI → its exported descriptions; a document's list is replaced (never changed) when it is indexed again (references/vplan-scope.ts `GlobalNames`). */
    exportsByDocument(): ReadonlyMap<string, readonly AstNodeDescription[]> {
        return this.symbolIndex;
    }

    /** The position after the last change of exports: what a reader passes to `exportChangesSince` next time. */
    get exportChangesEnd(): number {
        return this.exportChangesStart + this.exportChanges.length;
    }

    /** The URIs whose exports changed since position `from`, or undefined when that is no longer known (look at every document). */
    exportChangesSince(from: number): readonly string[] | undefined {
        if (from < this.exportChangesStart || from > this.exportChangesEnd) return undefined;
        return this.exportChanges.slice(from - this.exportChangesStart);
    }

    private exportsChanged(uri: string): void {
        if (this.exportChanges.length >= Math.max(1024, 2 * this.symbolIndex.size)) {
            this.exportChangesStart += this.exportChanges.length;
            this.exportChanges = [];
        }
        this.exportChanges.push(uri);
    }

    override removeContent(uri: URI): void {
        super.removeContent(uri);
        this.exportsChanged(uri.toString());
    }

    override async updateContent(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        await super.updateContent(document, cancelToken);
        this.exportsChanged(document.uri.toString());
    }

    /**
     * The exported descriptions of one document: what `allElements(undefined, new Set([uri]))`
     * gives, without Langium's filter over the URIs of every document (which made indexing every
     * document of a large workspace quadratic).
     */
    exportsOf(uri: string): readonly AstNodeDescription[] {
        return this.symbolIndex.get(uri) ?? [];
    }

    referenceDescriptionsOf(uri: string): ReferenceDescription[] | undefined {
        return this.referenceIndex.get(uri);
    }

    /** Called before a document is reset for relinking, which removes its reference descriptions. */
    keepReferenceDescriptionsForReuse(document: LangiumDocument): void {
        const descriptions = this.referenceIndex.get(document.uri.toString());
        if (descriptions) this.reusableDescriptions.set(document, descriptions);
    }

    /** The kept descriptions of the document, once (for `VplanReferenceDescriptionProvider`). */
    takeReusableDescriptions(document: LangiumDocument): ReferenceDescription[] {
        const descriptions = this.reusableDescriptions.get(document) ?? [];
        this.reusableDescriptions.delete(document);
        return descriptions;
    }

    /**
     * The exported names of a file that is not loaded, from its summary (workspace/file-summary.ts):
     * they take part in "first declaration wins" like any others. A file loaded later replaces them
     * when it is indexed (`updateContent`).
     */
    setStubExports(uri: URI, exports: AstNodeDescription[]): void {
        const key = uri.toString();
        this.symbolIndex.set(key, exports);
        this.symbolByTypeIndex.clear(key);
        this.exportsChanged(key);
    }

    /** A parked document's index entries (workspace/parked-plans.ts): stubs for its exports, node-free reference descriptions. */
    park(uri: URI, exports: AstNodeDescription[], references: ReferenceDescription[]): void {
        this.setStubExports(uri, exports);
        this.setReferenceDescriptions(uri, references);
    }

    setReferenceDescriptions(uri: URI, references: ReferenceDescription[]): void {
        this.referenceIndex.set(uri.toString(), references);
    }
}

/**
 * A reference description that keeps what it is made from and computes its source path and
 * segment on first use. Langium's object literal with a segment, a range and two positions per
 * reference held about 15 MB in a 1,000-plan workspace; most descriptions are never read.
 */
class LeanReferenceDescription implements ReferenceDescription {
    private sourcePathCache: string | undefined = undefined;
    private segmentCache: DocumentSegment | undefined = undefined;

    constructor(
        readonly reference: Reference,
        private readonly refNode: CstNode,
        private readonly container: AstNode,
        private readonly locator: AstNodeLocator,
        readonly sourceUri: URI,
        readonly targetUri: URI,
        readonly targetPath: string,
        readonly local: boolean
    ) {}

    get sourcePath(): string {
        return this.sourcePathCache ??= this.locator.getAstNodePath(this.container);
    }

    get segment(): DocumentSegment {
        return this.segmentCache ??= CstUtils.toDocumentSegment(this.refNode);
    }
}

/** `workspace.ReferenceDescriptionProvider`: lean descriptions, taken over after a relink. */
export class VplanReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    /** Read when descriptions are made: the shared index manager may not exist yet at construction. */
    protected readonly indexManager: () => IndexManager;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.indexManager = () => services.shared.workspace.IndexManager;
    }

    /**
     * A relinked reference that resolves to the same declaration as before (every reference to a
     * plan-local declaration, which `VplanLinker.unlink` keeps, and a reference into a catalogue
     * whose edit did not move the declaration) has the same description: it is taken over.
     */
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        // The previous list was made by this loop over the same references, in the same order,
        // skipping those that were unresolved then, so it is matched by walking along with it.
        const index = this.indexManager();
        const previous = index instanceof VplanIndexManager ? index.takeReusableDescriptions(document) : [];
        let next = 0;
        const descriptions: ReferenceDescription[] = [];
        for (const info of referenceInfosOf(document)) {
            const reference = info.reference;
            const candidate = previous[next];
            const old = candidate instanceof LeanReferenceDescription && candidate.reference === reference ? candidate : undefined;
            if (old) next++;
            if (reference.error || !reference.$refNode) continue;
            const target = 'ref' in reference ? reference.$nodeDescription : undefined;
            if (old && target && old.targetPath === target.path && old.targetUri.toString() === target.documentUri.toString()) {
                descriptions.push(old);
                continue;
            }
            descriptions.push(...this.createInfoDescriptions(info));
        }
        return descriptions;
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const reference = refInfo.reference;
        const refNode = reference.$refNode;
        if (reference.error || !refNode) return [];
        const targets = 'ref' in reference
            ? (reference.$nodeDescription ? [reference.$nodeDescription] : [])
            : reference.items.flatMap(item => item.$nodeDescription ? [item.$nodeDescription] : []);
        const sourceUri = AstUtils.getDocument(refInfo.container).uri;
        return targets.map(target => new LeanReferenceDescription(reference as Reference, refNode, refInfo.container, this.nodeLocator,
            sourceUri, target.documentUri, target.path, UriUtils.equals(target.documentUri, sourceUri)));
    }
}
