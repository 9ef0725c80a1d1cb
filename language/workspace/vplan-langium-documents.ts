/**
 * `shared.workspace.LangiumDocuments`: Langium's, with the list of all documents kept between
 * changes. Langium walks its URI trie for `all`; in a 10,000-plan workspace that walk, twice per
 * update in Langium's builder, was a fifth of an edit (docs/performance.md, "The lean server").
 * The list is the trie's own, in its order, made again after a document is added or deleted.
 *
 * The document builder (vplan-document-builder.ts) does not walk `all` on an update at all: it
 * keeps the documents that may need a build, hears of every added document (`onAdded`), and puts
 * the ones it builds in the order of `all` (`positionOf`), the order Langium's walk gives them.
 */

import { DefaultLangiumDocuments, stream, type LangiumDocument, type Stream, type URI } from 'langium';

export class VplanLangiumDocuments extends DefaultLangiumDocuments {
    private allDocuments: LangiumDocument[] | undefined;
    private positions: Map<LangiumDocument, number> | undefined;
    private readonly addedListeners: Array<(document: LangiumDocument) => void> = [];

    override get all(): Stream<LangiumDocument> {
        return stream(this.allDocumentsList());
    }

    /** The position of a registered document in `all` (undefined for one that is not registered). */
    positionOf(document: LangiumDocument): number | undefined {
        if (!this.positions) {
            this.positions = new Map();
            this.allDocumentsList().forEach((each, position) => this.positions!.set(each, position));
        }
        return this.positions.get(document);
    }

    /** Calls the listener with every document added from now on. */
    onAdded(listener: (document: LangiumDocument) => void): void {
        this.addedListeners.push(listener);
    }

    override addDocument(document: LangiumDocument): void {
        this.forgetList();
        super.addDocument(document);
        for (const listener of this.addedListeners) listener(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.forgetList();
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.forgetList();
        return super.deleteDocuments(folder);
    }

    private allDocumentsList(): LangiumDocument[] {
        return this.allDocuments ??= super.all.toArray();
    }

    private forgetList(): void {
        this.allDocuments = undefined;
        this.positions = undefined;
    }
}
