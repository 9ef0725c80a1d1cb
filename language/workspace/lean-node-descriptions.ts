/**
 * Smaller AST node descriptions (local symbols and exported names) with the same content as
 * Langium's. Langium's description is an object literal with a getter, which V8 keeps in
 * dictionary mode (about 470 bytes each), plus a closure for the lazy name segment and an eager
 * selection segment (a segment and a range object per declaration, and a cached range in the
 * declaration's CST node). A 1,000-plan workspace has about 17,000 of them (docs/performance.md).
 *
 * Here a description is an instance of one class with a fixed shape (about 80 bytes). The name
 * segment, the selection segment and the path are computed on first use from the node, whose
 * syntax tree does not change for the life of the description (a changed document is parsed
 * anew and gets new descriptions), and kept from then on: the values are the ones Langium would
 * have computed when the description was created.
 */

import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type DocumentSegment,
    type LangiumDocument, type URI
} from 'langium';

class LeanAstNodeDescription implements AstNodeDescription {
    // Initialised eagerly (also when undefined) so that every instance has the same hidden class.
    private nameSegmentCache: DocumentSegment | undefined = undefined;
    private selectionSegmentCache: DocumentSegment | undefined = undefined;
    private pathCache: string | undefined = undefined;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        private readonly provider: LeanAstNodeDescriptionProvider
    ) {}

    get nameSegment(): DocumentSegment | undefined {
        return this.nameSegmentCache ??= CstUtils.toDocumentSegment(this.provider.nameNodeOf(this.node));
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.selectionSegmentCache ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }

    get path(): string {
        return this.pathCache ??= this.provider.pathOf(this.node);
    }
}

export class LeanAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const doc = document ?? AstUtils.getDocument(node);
        name ??= this.nameProvider.getName(node);
        if (!name) {
            // Langium's message; the path is only computed for it.
            throw new Error(`Node at path ${this.pathOf(node)} has no name.`);
        }
        return new LeanAstNodeDescription(node, name, node.$type, doc.uri, this);
    }

    /** @internal The CST node of the name (Langium's choice: the name node, else the whole node). */
    nameNodeOf(node: AstNode) {
        return this.nameProvider.getNameNode(node) ?? node.$cstNode;
    }

    /** @internal */
    pathOf(node: AstNode): string {
        return this.astNodeLocator.getAstNodePath(node);
    }
}
