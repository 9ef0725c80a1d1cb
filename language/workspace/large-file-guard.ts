/**
 * The size limit for plans in the language server, the same as the CLI's (plan-size-limit.ts):
 * a file larger than MAX_PLAN_BYTES is not parsed, linked or checked; it gets one clear diagnostic
 * instead. Likewise a file that cannot be read (gone before the editor said so, no permission):
 * one diagnostic, and the builds of every other file go on. Real plans are a few kilobytes; parsing a 10 MB file would stall diagnostics of every
 * other open plan for seconds and hold hundreds of megabytes of syntax tree.
 *
 * Two service overrides (vplan-workspace-module.ts, docs/langium-overrides.md), so every service
 * set that `createVplanServices` makes has the guard: the document factory parses an oversized
 * text as an empty file, and the document validator reports it.
 */

import {
    DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type Mutable, type ParseResult, type ParserOptions,
    URI, type ValidationOptions
} from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { message, text, type Locale } from '../i18n/locale.js';
import { VplanDocumentValidator } from '../validation/vplan-document-validator.js';
import { MAX_PLAN_BYTES, utf8SizeOver } from './plan-size-limit.js';
import { BUILTIN_CATALOGUE, BUILTIN_CATALOGUE_URI } from '../builtin/catalogue.js';

const BUILTIN_URI_TEXT = URI.parse(BUILTIN_CATALOGUE_URI).toString();

const megabytes = (bytes: number, locale: Locale) => {
    const value = (bytes / 1024 / 1024).toFixed(1);
    return locale === 'nl' ? value.replace('.', ',') : value;
};

export const largeFileMessage = message<{ bytes: number }>({
    en: ({ bytes }) => `This file is too large for vplan (${megabytes(bytes, 'en')} MB; plans up to ${MAX_PLAN_BYTES / 1024 / 1024} MB are read), so it is not parsed or checked. Split it into smaller files.`,
    nl: ({ bytes }) => `Dit bestand is te groot voor vplan (${megabytes(bytes, 'nl')} MB; plannen tot ${MAX_PLAN_BYTES / 1024 / 1024} MB worden gelezen) en wordt daarom niet gelezen of gecontroleerd. Splits het in kleinere bestanden.`
});

export const unreadableFileMessage = message<{ reason: string }>({
    en: ({ reason }) => `This file cannot be read (${reason}), so it is not checked.`,
    nl: ({ reason }) => `Dit bestand kan niet worden gelezen (${reason}) en wordt daarom niet gecontroleerd.`
});

/** Root nodes of documents whose file could not be read, with the reason. */
const unreadableRoots = new WeakMap<AstNode, string>();

/** Root nodes of oversized documents, with their size in bytes. */
const oversizedRoots = new WeakMap<AstNode, number>();

/** The size of the document's text if the guard refused to parse it. */
export function oversizedSize(document: LangiumDocument): number | undefined {
    return oversizedRoots.get(document.parseResult.value);
}

/**
 * `shared.workspace.LangiumDocumentFactory`: Langium's factory parses every text (`fromString`,
 * `fromTextDocument`, `fromUri`, `update`) through its protected `parse` or `parseAsync`. An
 * oversized text becomes the parse of an empty file: a real (empty) syntax tree, so every editor
 * feature works on it and simply finds nothing.
 */
export class VplanDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        const size = utf8SizeOver(text, MAX_PLAN_BYTES);
        return size === undefined ? super.parse<T>(uri, text, options) : this.refuse<T>(uri, size);
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const size = utf8SizeOver(text, MAX_PLAN_BYTES);
        return size === undefined ? super.parseAsync<T>(uri, text, cancellationToken) : this.refuse<T>(uri, size);
    }

    protected refuse<T extends AstNode>(uri: URI, size: number): ParseResult<T> {
        const result = super.parse<T>(uri, '');
        oversizedRoots.set(result.value, size);
        return result;
    }

    /** Why the last read of a file failed, until its (empty) text is parsed. */
    private readonly readFailures = new Map<string, string>();

    protected override async getInitialText(uri: URI, cancellationToken: CancellationToken): Promise<string> {
        return this.readOrRecord(uri, () => super.getInitialText(uri, cancellationToken));
    }

    protected override async getUpdatedText<T extends AstNode>(document: Mutable<LangiumDocument<T>>, textDocument: TextDocument | undefined, cancellationToken: CancellationToken): Promise<string> {
        // The built-in catalogue has no file: once the editor closed it (go to definition opens it read-only), its text is its own.
        if (!textDocument && document.uri.toString() === BUILTIN_URI_TEXT) return BUILTIN_CATALOGUE;
        return this.readOrRecord(document.uri, () => super.getUpdatedText(document, textDocument, cancellationToken));
    }

    protected async readOrRecord(uri: URI, read: () => Promise<string>): Promise<string> {
        try {
            return await read();
        } catch (error) {
            this.readFailures.set(uri.toString(), (error as NodeJS.ErrnoException)?.code ?? String((error as Error)?.message ?? error));
            return '';
        }
    }

    protected override async createAsync<T extends AstNode = AstNode>(uri: URI, content: string, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const document = await super.createAsync<T>(uri, content, cancellationToken);
        this.markUnreadable(uri, document.parseResult.value);
        return document;
    }

    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const updated = await super.update(document, cancellationToken);
        this.markUnreadable(document.uri, updated.parseResult.value);
        return updated;
    }

    private markUnreadable(uri: URI, root: AstNode): void {
        const reason = this.readFailures.get(uri.toString());
        if (reason === undefined) return;
        this.readFailures.delete(uri.toString());
        unreadableRoots.set(root, reason);
    }
}

/** `validation.DocumentValidator`: vplan's validator, with one VP000 for a refused file. */
export class LargeFileDocumentValidator extends VplanDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const size = oversizedSize(document);
        const reason = unreadableRoots.get(document.parseResult.value);
        if (size === undefined && reason === undefined) return super.validateDocument(document, options, cancelToken);
        const locale = this.settings.settingsFor(document.uri).locale;
        const diagnostic: Diagnostic = {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: DiagnosticSeverity.Error,
            code: 'VP000',
            source: 'vplan',
            message: size !== undefined ? text(largeFileMessage, { bytes: size }, locale) : text(unreadableFileMessage, { reason: reason! }, locale)
        };
        return [diagnostic];
    }
}
