/**
 * `lsp.DocumentUpdateHandler`: Langium's, and in a lean workspace (workspace/parked-plans.ts) a
 * plan closed in the editor is read again from its file (closing may have discarded unsaved
 * changes) and then parked like every other plan that is not open.
 */

import { URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { VplanDocumentBuilder } from '../workspace/vplan-document-builder.js';

export class VplanDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    constructor(services: LangiumSharedServices) {
        super(services);
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        if (this.documentBuilder instanceof VplanDocumentBuilder && this.documentBuilder.lean) {
            this.fireDocumentUpdate([URI.parse(event.document.uri)], []);
        }
    }
}
