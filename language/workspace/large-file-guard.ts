/**
 * The size limit for plans in the language server, the same as the CLI's (cli/files.ts): a file
 * larger than MAX_PLAN_BYTES is not parsed, linked or checked; it gets one clear diagnostic
 * instead. Real plans are a few kilobytes; parsing a 10 MB file would stall diagnostics of every
 * other open plan for seconds and hold hundreds of megabytes of syntax tree.
 *
 * `installLargeFileGuard` wraps two services of an existing service set (the document factory's
 * parse and the document validator), so that `createVplanServices` stays the one factory.
 */

import type { AstNode, LangiumDocument, ParseResult } from 'langium';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../i18n/locale.js';
import type { createVplanServices } from '../vplan-module.js';

/** Keep equal to cli/files.ts MAX_PLAN_BYTES: the editor and the CLI refuse the same files. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/** The UTF-8 size of `text` if it is larger than `limit`, else undefined (cheap for normal files). */
export function utf8SizeOver(text: string, limit: number): number | undefined {
    // A UTF-16 code unit encodes to at most 3 UTF-8 bytes, and to at least 1.
    if (text.length * 3 <= limit) return undefined;
    if (text.length > limit) return utf8Size(text);
    const size = utf8Size(text);
    return size > limit ? size : undefined;
}

function utf8Size(text: string): number {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80) bytes += 1;
        else if (code < 0x800) bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) { bytes += 4; i++; } else bytes += 3;
        } else bytes += 3;
    }
    return bytes;
}

const megabytes = (bytes: number, locale: Locale) => {
    const value = (bytes / 1024 / 1024).toFixed(1);
    return locale === 'nl' ? value.replace('.', ',') : value;
};

export const largeFileMessages = {
    en: (bytes: number) => `This file is too large for vplan (${megabytes(bytes, 'en')} MB; plans up to ${MAX_PLAN_BYTES / 1024 / 1024} MB are read), so it is not parsed or checked. Split it into smaller files.`,
    nl: (bytes: number) => `Dit bestand is te groot voor vplan (${megabytes(bytes, 'nl')} MB; plannen tot ${MAX_PLAN_BYTES / 1024 / 1024} MB worden gelezen) en wordt daarom niet gelezen of gecontroleerd. Splits het in kleinere bestanden.`
};

/** Root nodes of oversized documents, with their size in bytes. */
const oversizedRoots = new WeakMap<AstNode, number>();

/** The size of the document's text if the guard refused to parse it. */
export function oversizedSize(document: LangiumDocument): number | undefined {
    return oversizedRoots.get(document.parseResult.value);
}

type Services = ReturnType<typeof createVplanServices>;

interface ParsingFactory {
    parse(uri: unknown, text: string, options?: unknown): ParseResult;
    parseAsync(uri: unknown, text: string, token?: CancellationToken): Promise<ParseResult>;
}

const installed = new WeakSet<object>();

export function installLargeFileGuard(services: Services, limit = MAX_PLAN_BYTES): void {
    const factory = services.shared.workspace.LangiumDocumentFactory as unknown as ParsingFactory;
    if (installed.has(factory)) return;
    installed.add(factory);
    const parser = services.Vplan.parser.LangiumParser;
    // An oversized text becomes the parse of an empty file: a real (empty) syntax tree, so every
    // editor feature works on it and simply finds nothing.
    const refuse = (size: number): ParseResult => {
        const result = parser.parse('');
        oversizedRoots.set(result.value, size);
        return result as ParseResult;
    };
    const parse = factory.parse.bind(factory);
    const parseAsync = factory.parseAsync.bind(factory);
    factory.parse = (uri, text, options) => {
        const size = utf8SizeOver(text, limit);
        return size === undefined ? parse(uri, text, options) : refuse(size);
    };
    factory.parseAsync = async (uri, text, token) => {
        const size = utf8SizeOver(text, limit);
        return size === undefined ? parseAsync(uri, text, token) : refuse(size);
    };

    const validator = services.Vplan.validation.DocumentValidator;
    const validateDocument = validator.validateDocument.bind(validator);
    const settings = services.Vplan.config.SettingsProvider;
    validator.validateDocument = async (document, options, token) => {
        const size = oversizedSize(document);
        if (size === undefined) return validateDocument(document, options, token);
        const locale = settings.settingsFor(document.uri).locale;
        const diagnostic: Diagnostic = {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: DiagnosticSeverity.Error,
            code: 'VP000',
            source: 'vplan',
            message: largeFileMessages[locale](size)
        };
        return [diagnostic];
    };
}
