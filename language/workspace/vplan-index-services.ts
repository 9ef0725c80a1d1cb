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
    AstUtils, Cancellation, DefaultAstNodeLocator, DefaultLinker, DefaultReferenceDescriptionProvider, interruptAndCheck,
    type AstNode, type LangiumDocument, type ReferenceDescription, type ReferenceInfo
} from 'langium';

const referenceInfosByRoot = new WeakMap<AstNode, ReferenceInfo[]>();

/** Every reference of the document, in the order of Langium's own walk (`streamAst`, then `streamReferences`). */
export function referenceInfosOf(document: LangiumDocument): ReferenceInfo[] {
    const root = document.parseResult.value;
    let infos = referenceInfosByRoot.get(root);
    if (!infos) {
        infos = [];
        for (const node of AstUtils.streamAst(root)) {
            for (const info of AstUtils.streamReferences(node)) infos.push(info);
        }
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

export class VplanLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        await interruptAndCheck(cancelToken);
        for (const info of referenceInfosOf(document)) this.doLink(info, document);
    }
}

export class VplanReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        await interruptAndCheck(cancelToken);
        const descriptions: ReferenceDescription[] = [];
        for (const info of referenceInfosOf(document)) {
            if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
        }
        return descriptions;
    }
}
