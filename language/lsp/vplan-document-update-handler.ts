/**
 * `lsp.DocumentUpdateHandler`: Langium's, and a document closed in the editor counts with its
 * file's text again. Closing may discard unsaved changes, and Langium 4.4 does nothing on close,
 * so the workspace would go on seeing the discarded text: its diagnostics, the names it declared
 * for the other files, what go to definition finds. On close the document is therefore read again
 * from its file; when there is no file to read (it was deleted while open, or the document is not
 * a `file:` one, such as `untitled:`), it is deleted from the workspace instead (its diagnostics
 * are cleared, and its names are gone for the other files). The built-in catalogue is left as it
 * is. A document whose file holds the text it was closed with (saved) needs nothing, except in a
 * lean workspace (workspace/parked-plans.ts), where a plan closed is always read again and then
 * parked like every plan that is not open.
 */

import { URI, type FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import { VplanDocumentBuilder } from '../workspace/vplan-document-builder.js';

export class VplanDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    protected readonly fileSystemProvider: FileSystemProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystemProvider = services.workspace.FileSystemProvider;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        // The built-in catalogue, which an editor may open read-only (docs/editor.md), has no file
        // to read again and must never leave the workspace: it keeps its (unchanged) text.
        if (isBuiltinUri(uri)) return;
        // Decided now, in the order of the notifications: an update fired by reopening it follows this one.
        if (!this.hasFile(uri)) {
            this.fireDocumentUpdate([], [uri]);
        } else if (this.isLean() || !this.fileHasText(uri, event.document.getText())) {
            this.fireDocumentUpdate([uri], []);
        }
        // Else (whole workspace) the document was built from the very text of its file: nothing to do.
    }

    protected isLean(): boolean {
        return this.documentBuilder instanceof VplanDocumentBuilder && this.documentBuilder.lean;
    }

    /** Whether the file holds exactly the text (false also when it cannot be read: reading it again reports why). */
    protected fileHasText(uri: URI, text: string): boolean {
        try {
            return this.fileSystemProvider.readFileSync(uri) === text;
        } catch {
            return false;
        }
    }

    /** Whether the document's text can be read from a file (what a closed document counts with). */
    protected hasFile(uri: URI): boolean {
        if (uri.scheme !== 'file') return false;
        try {
            return this.fileSystemProvider.statSync(uri).isFile;
        } catch {
            return false;
        }
    }
}
