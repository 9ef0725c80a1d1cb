/**
 * `shared.workspace.LangiumDocuments`: Langium's, with the list of all documents kept between
 * changes. Langium walks its URI trie for `all`, and its builder asks for `all` twice per update
 * (which documents to relink, which to build): in a 10,000-plan workspace that walk was a fifth of
 * an edit (docs/performance.md, "The lean server"). The list is the trie's own, in its order,
 * made again after a document is added or deleted.
 */

import { DefaultLangiumDocuments, stream, type LangiumDocument, type Stream, type URI } from 'langium';

export class VplanLangiumDocuments extends DefaultLangiumDocuments {
    private allDocuments: LangiumDocument[] | undefined;

    override get all(): Stream<LangiumDocument> {
        return stream(this.allDocuments ??= super.all.toArray());
    }

    override addDocument(document: LangiumDocument): void {
        this.allDocuments = undefined;
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.allDocuments = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.allDocuments = undefined;
        return super.deleteDocuments(folder);
    }
}

