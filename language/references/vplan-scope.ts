/**
 * Scoping (spec section 2). Plans, organisations and measure types share one global namespace
 * across the workspace; members, supporters, risks, measures, interventions and agreements share
 * one namespace per plan, which shadows the global one. In both, the first declaration of a name
 * wins (a built-in counts as first; across files, the order is by URI) and later duplicates are
 * invisible to references: they are VP080 and take part in no other check.
 */

import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, EMPTY_STREAM, MapScope, MultiMap, URI, WorkspaceCache, stream,
    type AstNode, type AstNodeDescription, type AstReflection, type LangiumDocument, type LocalSymbols, type ReferenceInfo,
    type Scope, type Stream
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { isPlan, isVplanFile, type Plan } from '../generated/ast.js';
import type { VplanServices } from '../vplan-module.js';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import { compareCodePoints, type WorkspaceLayout } from '../workspace/workspace-layout.js';
import { VplanIndexManager } from '../workspace/vplan-index-services.js';
import { planNamespace } from '../model/ast-queries.js';

export class VplanScopeComputation extends DefaultScopeComputation {

    override async collectLocalSymbols(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const root = document.parseResult.value;
        for (const declaration of isVplanFile(root) ? root.declarations : []) {
            if (isPlan(declaration)) {
                // Later declarations of a name (VP080) are invisible to references.
                const { declarations, duplicates } = planNamespace(declaration);
                for (const node of declarations) {
                    const name = this.nameProvider.getName(node);
                    if (!name || duplicates.has(node)) continue;
                    symbols.add(declaration, this.descriptions.createDescription(node, name, document));
                }
            }
        }
        return symbols;
    }
}

/**
 * Orders global declarations (language reference, section 2): the built-in catalogue first, then
 * by the files' paths (within one workspace, the order of their paths relative to the root),
 * compared as strings of code points, then by the position in the file.
 */
export function compareDescriptions(a: AstNodeDescription, b: AstNodeDescription): number {
    const aUri = a.documentUri;
    const bUri = b.documentUri;
    if (aUri.toString() !== bUri.toString()) {
        if (isBuiltinUri(aUri)) return -1;
        if (isBuiltinUri(bUri)) return 1;
        return compareCodePoints(aUri.path, bUri.path) || compareCodePoints(aUri.toString(), bUri.toString());
    }
    return (a.nameSegment?.offset ?? 0) - (b.nameSegment?.offset ?? 0);
}

/**
 * The first declaration of every global name, per workspace (language reference, section 2:
 * files of two workspaces never see each other's names; the built-in catalogue belongs to every
 * workspace).
 *
 * Kept up to date per document rather than recomputed after every change: the index replaces a
 * document's list of exported descriptions whenever it indexes the document again (or parks it,
 * workspace/parked-plans.ts) and notes the document in a journal, so the journal and a comparison
 * of those lists by identity find the documents that changed, and only their names are decided
 * again. In a 10,000-plan workspace the recomputation cost several milliseconds of every edit, and
 * comparing every document's list half a millisecond (docs/performance.md).
 */
export class GlobalNames {
    protected readonly cache: WorkspaceCache<string, Map<string, Map<string, AstNodeDescription>>>;
    protected readonly byTypeCache: WorkspaceCache<string, Map<string, FirstOfType>>;
    protected readonly layout: WorkspaceLayout;
    protected state: FirstDeclarationsState | undefined;

    constructor(protected readonly services: VplanServices) {
        this.cache = new WorkspaceCache(services.shared);
        this.byTypeCache = new WorkspaceCache(services.shared);
        this.layout = services.config.WorkspaceLayout;
    }

    /**
     * Forgets the cached declarations now, not at the next update: they hold the syntax trees of
     * the documents they describe, which parking releases (workspace/parked-plans.ts).
     */
    clear(): void {
        this.cache.clear();
        this.byTypeCache.clear();
        if (this.state) this.refresh(this.state);
    }

    /** The workspace a document belongs to (its root's path; `''` for the built-in catalogue). */
    keyOf(uri: URI): string {
        return isBuiltinUri(uri) ? '' : this.layout.keyOf(uri);
    }

    /**
     * The first declarations of one workspace grouped by their AST type, each list in the order of
     * `firstDeclarations(key)`. A scope for one reference type then tests a handful of types
     * instead of every declaration in the workspace. Kept up to date with the first declarations
     * (`refresh`): a list is made again only when a name of its type changed, and only when asked
     * for (references name organisations and measure types, not plans).
     */
    firstDeclarationsByType(key: string): ReadonlyMap<string, FirstOfType> {
        const first = this.firstDeclarations(key);
        const state = this.state;
        if (!state || state.first.get(key) !== first) {
            // Computed from scratch (another index manager): grouped here, cached until the next change.
            return this.byTypeCache.get(key, () => groupByType(first));
        }
        let byType = state.byType.get(key);
        if (!byType) state.byType.set(key, byType = groupByType(first));
        return byType;
    }

    /** The first declaration of every global name seen by the documents of one workspace. */
    firstDeclarations(key: string): Map<string, AstNodeDescription> {
        const all = this.cache.get('first', () => this.computeFirstDeclarations());
        return all.get(key) ?? all.get('')!;
    }

    /** The first declarations of every workspace, brought up to date with the index. */
    protected computeFirstDeclarations(): Map<string, Map<string, AstNodeDescription>> {
        if (!(this.services.shared.workspace.IndexManager instanceof VplanIndexManager)) return this.firstDeclarationsFromScratch();
        if (!this.state || this.state.generation !== this.layout.generation) this.state = newState(this.layout.generation);
        this.refresh(this.state);
        return this.state.first;
    }

    /** One pass over the index: the built-in declarations, and those of each workspace after them (what `computeFirstDeclarations` keeps up to date). */
    firstDeclarationsFromScratch(): Map<string, Map<string, AstNodeDescription>> {
        const byKey = new Map<string, AstNodeDescription[]>();
        const keys = new Map<string, string>();
        for (const description of this.services.shared.workspace.IndexManager.allElements()) {
            const uri = description.documentUri.toString();
            let key = keys.get(uri);
            if (key === undefined) keys.set(uri, key = this.keyOf(description.documentUri));
            const list = byKey.get(key);
            if (list) list.push(description);
            else byKey.set(key, [description]);
        }
        const builtin = byKey.get('') ?? [];
        const result = new Map<string, Map<string, AstNodeDescription>>();
        for (const key of new Set(['', ...byKey.keys()])) {
            const first = new Map<string, AstNodeDescription>();
            for (const description of key === '' ? builtin : [...builtin, ...byKey.get(key)!]) {
                const existing = first.get(description.name);
                if (!existing || compareDescriptions(description, existing) < 0) first.set(description.name, description);
            }
            result.set(key, first);
        }
        return result;
    }

    /** Takes in the documents whose exported descriptions changed since the state last saw them, and decides their names again. */
    protected refresh(state: FirstDeclarationsState): void {
        const index = this.services.shared.workspace.IndexManager;
        if (!(index instanceof VplanIndexManager)) return;
        const exports = index.exportsByDocument();
        const dirty = new Map<string, Set<string>>();
        let builtinChanged = false;
        const apply = (uri: string, before: readonly AstNodeDescription[], after: readonly AstNodeDescription[]) => {
            let key = state.keys.get(uri);
            if (key === undefined) state.keys.set(uri, key = this.keyOf(URI.parse(uri)));
            if (key === '') builtinChanged = true;
            let declarations = state.declarations.get(key);
            if (!declarations) state.declarations.set(key, declarations = new Map());
            let names = dirty.get(key);
            if (!names) dirty.set(key, names = new Set());
            for (const description of before) {
                const list = declarations.get(description.name);
                const rest = list?.filter(other => other !== description);
                if (rest && rest.length > 0) declarations.set(description.name, rest);
                else declarations.delete(description.name);
                names.add(description.name);
            }
            for (const description of after) {
                const list = declarations.get(description.name);
                if (list) list.push(description);
                else declarations.set(description.name, [description]);
                names.add(description.name);
            }
        };
        const takeIn = (uri: string, list: readonly AstNodeDescription[] | undefined) => {
            const before = state.seen.get(uri);
            if (before === list) return;
            apply(uri, before ?? [], list ?? []);
            if (list) {
                state.seen.set(uri, list);
            } else {
                state.seen.delete(uri);
                state.keys.delete(uri);
            }
        };
        // The index's journal names the documents whose exports changed; without it, every document is compared.
        const changes = state.cursor === undefined ? undefined : index.exportChangesSince(state.cursor);
        if (changes) {
            for (const uri of new Set(changes)) takeIn(uri, exports.get(uri));
        } else {
            for (const [uri, list] of exports) takeIn(uri, list);
            if (state.seen.size > exports.size) {
                for (const uri of [...state.seen.keys()]) if (!exports.has(uri)) takeIn(uri, undefined);
            }
        }
        state.cursor = index.exportChangesEnd;
        if (dirty.size === 0) return;
        const builtin = state.declarations.get('') ?? new Map<string, AstNodeDescription[]>();
        const decide = (key: string, name: string, first: Map<string, AstNodeDescription>) => {
            let winner: AstNodeDescription | undefined;
            for (const description of [...(builtin.get(name) ?? []), ...(key === '' ? [] : state.declarations.get(key)?.get(name) ?? [])]) {
                if (!winner || compareDescriptions(description, winner) < 0) winner = description;
            }
            const previous = first.get(name);
            if (winner === previous) return;
            if (winner) first.set(name, winner);
            else first.delete(name);
            // The grouping by type follows: in place where the name keeps its type or is new or
            // gone (the order stays that of `first`), else it is made again when asked for.
            const byType = state.byType.get(key);
            if (!byType) return;
            if (previous && winner && previous.type !== winner.type) state.byType.delete(key);
            else if (previous) byType.get(previous.type)?.set(name, winner);
            else if (winner) {
                let ofType = byType.get(winner.type);
                if (!ofType) byType.set(winner.type, ofType = new FirstOfType());
                ofType.set(name, winner);
            }
        };
        if (builtinChanged) {
            // Every workspace sees the built-in catalogue: decide every name again (the first load).
            state.first.clear();
            state.byType.clear();
            for (const key of new Set(['', ...state.declarations.keys()])) {
                const first = new Map<string, AstNodeDescription>();
                for (const name of new Set([...builtin.keys(), ...(key === '' ? [] : state.declarations.get(key)?.keys() ?? [])])) decide(key, name, first);
                state.first.set(key, first);
            }
            return;
        }
        for (const [key, names] of dirty) {
            let first = state.first.get(key);
            if (!first) {
                state.first.set(key, first = new Map(state.first.get('') ?? []));
                state.byType.delete(key);
            }
            for (const name of names) decide(key, name, first);
        }
    }

    /** The first declarations seen by the document that holds `node`. */
    firstDeclarationsFor(node: AstNode): Map<string, AstNodeDescription> {
        return this.firstDeclarations(this.keyOf(AstUtils.getDocument(node).uri));
    }

    /** The declaration a later duplicate of `node` collides with, if `node` is not the first. */
    earlierDeclaration(node: AstNode, name: string): AstNodeDescription | undefined {
        const document = AstUtils.getDocument(node);
        const first = this.firstDeclarations(this.keyOf(document.uri)).get(name);
        if (!first) return undefined;
        // The index keeps the declared node while its document is not reparsed: no CST search then.
        if (first.node) return first.node === node ? undefined : first;
        const offset = this.services.references.NameProvider.getNameNode(node)?.offset;
        const isSame = first.documentUri.toString() === document.uri.toString() && first.nameSegment?.offset === offset;
        return isSame ? undefined : first;
    }
}

/** What `GlobalNames` keeps between updates. */
interface FirstDeclarationsState {
    /** The layout's generation it was made under: a config change may move files between workspaces. */
    readonly generation: number;
    /** Document URI → the list of exported descriptions last taken in (the index's own array). */
    readonly seen: Map<string, readonly AstNodeDescription[]>;
    /** The position in the index's journal of export changes up to which `seen` is up to date (`VplanIndexManager.exportChangesSince`). */
    cursor: number | undefined;
    /** Document URI → its workspace key. */
    readonly keys: Map<string, string>;
    /** Workspace key → name → every declaration of the name in that workspace's documents (`''`: the built-in catalogue). */
    readonly declarations: Map<string, Map<string, AstNodeDescription[]>>;
    /** Workspace key → name → the first declaration (the built-in catalogue's names included). */
    readonly first: Map<string, Map<string, AstNodeDescription>>;
    /** Workspace key → `first` grouped by AST type (`firstDeclarationsByType`), made when first asked for. */
    readonly byType: Map<string, Map<string, FirstOfType>>;
}

/**
 * The first declarations of one AST type in one workspace, by name, in the order of the
 * workspace's first declarations; `list` is made when asked for, again after a change.
 */
export class FirstOfType {
    private readonly byName = new Map<string, AstNodeDescription>();
    private listCache: AstNodeDescription[] | undefined;

    get list(): readonly AstNodeDescription[] {
        return this.listCache ??= [...this.byName.values()];
    }

    set(name: string, description: AstNodeDescription | undefined): void {
        if (description) this.byName.set(name, description);
        else this.byName.delete(name);
        this.listCache = undefined;
    }
}

function groupByType(first: Map<string, AstNodeDescription>): Map<string, FirstOfType> {
    const byType = new Map<string, FirstOfType>();
    for (const [name, description] of first) {
        let ofType = byType.get(description.type);
        if (!ofType) byType.set(description.type, ofType = new FirstOfType());
        ofType.set(name, description);
    }
    return byType;
}

function newState(generation: number): FirstDeclarationsState {
    return { generation, seen: new Map(), cursor: undefined, keys: new Map(), declarations: new Map(), first: new Map(), byType: new Map() };
}

export class VplanScopeProvider extends DefaultScopeProvider {
    protected readonly globalNames: GlobalNames;
    protected readonly scopesByType: WorkspaceCache<string, Scope>;

    constructor(services: VplanServices) {
        super(services);
        this.globalNames = services.references.GlobalNames;
        this.scopesByType = new WorkspaceCache(services.shared);
    }

    /**
     * Langium's default scans a plan's declarations for every reference, which is quadratic in the
     * size of a plan (a 50,000-line plan took seconds to link). Here a plan's names are indexed once
     * per computation of its local symbols, and each lookup is a map access. Same result: the plan
     * scope shadows the global one, and a local name of the wrong kind falls through to it.
     */
    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        let result = this.getGlobalScope(referenceType, context);
        if (!localSymbols) return result;
        const scopeNodes: AstNode[] = [];
        for (let node: AstNode | undefined = context.container; node; node = node.$container) {
            if (localSymbols.has(node)) scopeNodes.push(node);
        }
        for (let i = scopeNodes.length - 1; i >= 0; i--) {
            result = new IndexedLocalScope(this.localNames(localSymbols, scopeNodes[i]), referenceType, this.reflection, result);
        }
        return result;
    }

    /** Keyed on the LocalSymbols object: recomputed symbols (a changed document) get a fresh index. */
    private readonly localIndex = new WeakMap<LocalSymbols, WeakMap<AstNode, Map<string, AstNodeDescription[]>>>();

    private localNames(localSymbols: LocalSymbols, node: AstNode): Map<string, AstNodeDescription[]> {
        let byNode = this.localIndex.get(localSymbols);
        if (!byNode) this.localIndex.set(localSymbols, byNode = new WeakMap());
        let names = byNode.get(node);
        if (!names) {
            names = new Map();
            for (const description of localSymbols.getStream(node)) {
                const list = names.get(description.name);
                if (list) list.push(description);
                else names.set(description.name, [description]);
            }
            byNode.set(node, names);
        }
        return names;
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        return this.globalScopeOf(this.globalNames.keyOf(AstUtils.getDocument(context.container).uri), referenceType);
    }

    /**
     * What a reference of a document at `uri` to `name` resolves to when no plan-local name takes
     * it: as linking would resolve it (a parked plan's references, workspace/parked-plans.ts).
     */
    resolveGlobal(uri: URI, referenceType: string, name: string): AstNodeDescription | undefined {
        return this.globalScopeOf(this.globalNames.keyOf(uri), referenceType).getElement(name);
    }

    /** Forgets the cached scopes (see `GlobalNames.clear`). */
    clear(): void {
        this.scopesByType.clear();
        this.globalNames.clear();
    }

    protected globalScopeOf(key: string, referenceType: string): Scope {
        return this.scopesByType.get(`${key}\u0000${referenceType}`, () => {
            const elements: AstNodeDescription[] = [];
            for (const [type, ofType] of this.globalNames.firstDeclarationsByType(key)) {
                if (this.reflection.isSubtype(type, referenceType)) elements.push(...ofType.list);
            }
            return new MapScope(elements);
        });
    }
}

/** A scope over names indexed by name, filtered by the reference type, with an outer scope behind it. */
class IndexedLocalScope implements Scope {
    constructor(
        private readonly names: Map<string, AstNodeDescription[]>,
        private readonly referenceType: string,
        private readonly reflection: AstReflection,
        private readonly outerScope: Scope
    ) {}

    private matching(name: string): AstNodeDescription[] {
        return (this.names.get(name) ?? []).filter(d => this.reflection.isSubtype(d.type, this.referenceType));
    }

    getElement(name: string): AstNodeDescription | undefined {
        return this.matching(name)[0] ?? this.outerScope.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const own = this.matching(name);
        return (own.length ? stream(own) : EMPTY_STREAM).concat(this.outerScope.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.names.values()).flatMap(list => list)
            .filter(d => this.reflection.isSubtype(d.type, this.referenceType))
            .concat(this.outerScope.getAllElements());
    }
}

export function containingPlan(node: AstNode): Plan | undefined {
    return AstUtils.getContainerOfType(node, isPlan);
}
