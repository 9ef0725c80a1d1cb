/**
 * Publishes diagnostics in place of Langium's `addDiagnosticsHandler` (start-server.ts), so that:
 *
 * - every `publishDiagnostics` of an open document carries the `version` of the text it describes
 *   (the version the document had when it was parsed);
 * - bursts of edits are coalesced: the build of an edit waits until the edits already queued on the
 *   connection have arrived (two turns of the event loop, see `pauseForQueuedEdits`), so a burst
 *   gives one build instead of one per edit, while a single edit is not delayed; and a build whose
 *   text was overtaken by a newer edit publishes nothing (the build of that edit will);
 * - nothing is published for the built-in catalogue;
 * - the editor gets plain text and a link: `code` in backticks reads 'code', and each diagnostic's
 *   `codeDescription` opens its rule's documentation (rule-docs.ts). The CLI renders the same
 *   diagnostics itself and keeps its text.
 */

import { DocumentState, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import { isBuiltinUri } from '../language/workspace/builtin-documents.js';
import { RuleDocLinks } from './rule-docs.js';

export class DiagnosticsPublisher {
    /** The version of the text each document was last parsed from. */
    protected readonly parsedVersions = new WeakMap<LangiumDocument, number>();

    constructor(
        protected readonly connection: Connection,
        protected readonly shared: LangiumSharedServices,
        protected readonly links: RuleDocLinks = new RuleDocLinks()
    ) {}

    register(): void {
        const builder = this.shared.workspace.DocumentBuilder;
        // Read right after the parse, before anything else can run: the text and the version belong together.
        builder.onDocumentPhase(DocumentState.Parsed, document => {
            this.parsedVersions.set(document, document.textDocument.version);
        });
        // Langium awaits its update listeners after marking the changed documents and before building
        // them; an edit that arrives meanwhile cancels this build, and the next one builds both.
        builder.onUpdate(async (_changed, deleted) => {
            for (const uri of deleted) void this.send(uri.toString(), undefined, []);
            await pauseForQueuedEdits();
        });
        builder.onDocumentPhase(DocumentState.Validated, document => this.publish(document));
    }

    /**
     * Whether the document was built from the latest text the client sent. A document that is not
     * open in the client has only its file's text and is always current.
     */
    isCurrent(document: LangiumDocument): boolean {
        const open = this.shared.workspace.TextDocuments?.get(document.uri.toString());
        return open === undefined || this.parsedVersions.get(document) === open.version;
    }

    publish(document: LangiumDocument): void {
        // The built-in catalogue is no file of the editor's and never has problems: an editor
        // given diagnostics for it may make a buffer of its URI (Neovim does).
        if (!document.diagnostics || !this.isCurrent(document) || isBuiltinUri(document.uri)) return;
        void this.send(document.uri.toString(), this.versionOf(document.uri), document.diagnostics);
    }

    /** Publishes diagnostics of a file that is no Langium document (a vplan.config.json). */
    sendFor(uri: string, diagnostics: Diagnostic[]): Promise<void> {
        return this.send(uri, undefined, diagnostics);
    }

    protected versionOf(uri: URI): number | undefined {
        return this.shared.workspace.TextDocuments?.get(uri.toString())?.version;
    }

    protected send(uri: string, version: number | undefined, diagnostics: readonly Diagnostic[]): Promise<void> {
        return this.connection.sendDiagnostics({
            uri,
            ...(version !== undefined ? { version } : {}),
            diagnostics: diagnostics.map(diagnostic => this.forEditor(diagnostic))
        });
    }

    /** A diagnostic as the editor shows it: plain text, and a link to its rule's documentation. */
    forEditor(diagnostic: Diagnostic): Diagnostic {
        const href = this.links.linkFor(diagnostic.code);
        return {
            ...diagnostic,
            message: typeof diagnostic.message === 'string' ? plainText(diagnostic.message) : diagnostic.message,
            ...(href ? { codeDescription: { href } } : {}),
            ...(diagnostic.relatedInformation ? { relatedInformation: diagnostic.relatedInformation.map(plainRelated) } : {})
        };
    }
}

function plainRelated(information: DiagnosticRelatedInformation): DiagnosticRelatedInformation {
    return { ...information, message: plainText(information.message) };
}

/**
 * A message without Markdown: editors show diagnostics as plain text, so `code` would show its
 * backticks. Code reads 'code' instead; a lone backtick stays.
 */
export function plainText(message: string): string {
    return message.replace(/`([^`\r\n]+)`/g, '\'$1\'');
}

/**
 * Lets the edits already waiting on the connection arrive before a build starts. vscode-jsonrpc
 * dispatches one queued message per `setImmediate`, and the message after an edit is queued before
 * this pause begins, so one turn would do; the second one is a margin. A single edit waits two
 * turns of the event loop (well under a millisecond).
 */
export async function pauseForQueuedEdits(): Promise<void> {
    for (let turn = 0; turn < 2; turn++) await new Promise<void>(resolve => setImmediate(resolve));
}
