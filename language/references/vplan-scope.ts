/**
 * Scoping (spec section 2). Plans, organisations and measure types share one global namespace
 * across the workspace; members, supporters, risks, measures, interventions and agreements share
 * one namespace per plan, which shadows the global one. In both, the first declaration of a name
 * wins (a built-in counts as first; across files, the order is by URI) and later duplicates are
 * invisible to references: they are VP080 and take part in no other check.
 */

import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, MapScope, MultiMap, WorkspaceCache,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { isPlan, isVplanFile, type Plan } from '../generated/ast.js';
import type { VplanServices } from '../vplan-module.js';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import { planDeclarations } from '../model/ast-queries.js';

export class VplanScopeComputation extends DefaultScopeComputation {

    override async collectLocalSymbols(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const root = document.parseResult.value;
        for (const declaration of isVplanFile(root) ? root.declarations : []) {
            if (isPlan(declaration)) {
                const seen = new Set<string>();
                for (const node of planDeclarations(declaration)) {
                    const name = this.nameProvider.getName(node);
                    if (!name || seen.has(name)) continue;
                    seen.add(name);
                    symbols.add(declaration, this.descriptions.createDescription(node, name, document));
                }
            }
        }
        return symbols;
    }
}

/** Orders global declarations: the built-in catalogue first, then by document URI, then by offset. */
export function compareDescriptions(a: AstNodeDescription, b: AstNodeDescription): number {
    const aUri = a.documentUri.toString();
    const bUri = b.documentUri.toString();
    if (aUri !== bUri) {
        if (isBuiltinUri(a.documentUri)) return -1;
        if (isBuiltinUri(b.documentUri)) return 1;
        return aUri < bUri ? -1 : 1;
    }
    return (a.nameSegment?.offset ?? 0) - (b.nameSegment?.offset ?? 0);
}

/** The first declaration of every global name in the workspace, recomputed after any change. */
export class GlobalNames {
    protected readonly cache: WorkspaceCache<string, Map<string, AstNodeDescription>>;

    constructor(protected readonly services: VplanServices) {
        this.cache = new WorkspaceCache(services.shared);
    }

    firstDeclarations(): Map<string, AstNodeDescription> {
        return this.cache.get('first', () => {
            const first = new Map<string, AstNodeDescription>();
            for (const description of this.services.shared.workspace.IndexManager.allElements()) {
                const existing = first.get(description.name);
                if (!existing || compareDescriptions(description, existing) < 0) {
                    first.set(description.name, description);
                }
            }
            return first;
        });
    }

    /** The declaration a later duplicate of `node` collides with, if `node` is not the first. */
    earlierDeclaration(node: AstNode, name: string): AstNodeDescription | undefined {
        const first = this.firstDeclarations().get(name);
        if (!first) return undefined;
        const document = AstUtils.getDocument(node);
        const offset = this.services.references.NameProvider.getNameNode(node)?.offset;
        const isSame = first.documentUri.toString() === document.uri.toString() && first.nameSegment?.offset === offset;
        return isSame ? undefined : first;
    }
}

export class VplanScopeProvider extends DefaultScopeProvider {
    protected readonly globalNames: GlobalNames;
    protected readonly scopesByType: WorkspaceCache<string, Scope>;

    constructor(services: VplanServices) {
        super(services);
        this.globalNames = services.references.GlobalNames;
        this.scopesByType = new WorkspaceCache(services.shared);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.scopesByType.get(referenceType, () => {
            const elements = [...this.globalNames.firstDeclarations().values()]
                .filter(description => this.reflection.isSubtype(description.type, referenceType));
            return new MapScope(elements);
        });
    }
}

export function containingPlan(node: AstNode): Plan | undefined {
    return AstUtils.getContainerOfType(node, isPlan);
}
