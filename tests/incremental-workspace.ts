/**
 * An in-process workspace for tests of incremental rebuilding: documents live in Langium's text
 * document store, `edit` updates them through the document builder as the server does, and
 * `freshDiagnostics` builds the same texts from scratch to compare with.
 */

import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createVplanServices } from '../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../language/workspace/builtin-documents.js';

/** Diagnostics in a comparable form (order-independent). */
export const normalised = (diagnostics: Diagnostic[]): string[] =>
    diagnostics.map(d => JSON.stringify([d.code, d.severity, d.range, d.message])).sort();

export type Services = ReturnType<typeof createVplanServices>;

export class Workspace {
    readonly services: Services = createVplanServices(EmptyFileSystem);
    /** URIs validated by the last update. */
    validated: string[] = [];

    constructor() {
        this.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (document.uri.scheme === 'file') this.validated.push(document.uri.path.split('/').pop()!);
        });
    }

    static async create(texts: Record<string, string>): Promise<Workspace> {
        const workspace = new Workspace();
        await loadBuiltinCatalogue(workspace.services.shared);
        const documents: LangiumDocument[] = [];
        for (const [path, text] of Object.entries(texts)) {
            workspace.setText(path, text, 1);
            const document = workspace.services.shared.workspace.LangiumDocumentFactory.fromTextDocument(
                workspace.textDocuments.get(workspace.uri(path).toString())!);
            workspace.services.shared.workspace.LangiumDocuments.addDocument(document);
            documents.push(document);
        }
        await workspace.services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return workspace;
    }

    get textDocuments() {
        return this.services.shared.workspace.TextDocuments!;
    }

    uri(path: string): URI {
        return URI.parse(`file:///ws/${path}`);
    }

    private version = 1;
    setText(path: string, text: string, version = ++this.version): void {
        (this.textDocuments as unknown as { set(document: TextDocument): void }).set(
            TextDocument.create(this.uri(path).toString(), 'vplan', version, text));
    }

    async edit(changes: Record<string, string>, deleted: string[] = []): Promise<string[]> {
        for (const [path, text] of Object.entries(changes)) this.setText(path, text);
        this.validated = [];
        await this.services.shared.workspace.DocumentBuilder.update(Object.keys(changes).map(p => this.uri(p)), deleted.map(p => this.uri(p)));
        return [...this.validated].sort();
    }

    diagnostics(): Record<string, string[]> {
        const result: Record<string, string[]> = {};
        for (const document of this.services.shared.workspace.LangiumDocuments.all) {
            if (document.uri.scheme !== 'file') continue;
            result[document.uri.path.split('/').pop()!] = normalised((document.diagnostics ?? []) as Diagnostic[]);
        }
        return result;
    }
}

export async function freshDiagnostics(texts: Record<string, string>): Promise<Record<string, string[]>> {
    return (await Workspace.create(texts)).diagnostics();
}
