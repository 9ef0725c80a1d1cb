/**
 * Test helpers for the language layer: one set of services per test file, the built-in catalogue
 * loaded, and documents removed after each check so names never leak between tests.
 */

import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createVplanServices } from '../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../language/workspace/builtin-documents.js';
import type { VplanFile } from '../language/generated/ast.js';
import type { Locale } from '../language/i18n/locale.js';

export type TestServices = ReturnType<typeof createVplanServices>;

export function createTestServices(): TestServices {
    return createVplanServices(EmptyFileSystem);
}

let counter = 0;

export interface CheckResult {
    document: LangiumDocument<VplanFile>;
    diagnostics: Diagnostic[];
    /** Codes of all diagnostics, sorted. */
    codes: string[];
}

/**
 * Parses and validates one or more files together (the first is the one returned) and removes
 * them afterwards. Pass a locale to render messages in Dutch.
 */
export async function checkText(services: TestServices, text: string | string[], options: { locale?: Locale } = {}): Promise<CheckResult> {
    await loadBuiltinCatalogue(services.shared);
    const settings = services.Vplan.config.SettingsProvider;
    settings.localeOverride = options.locale;
    const texts = Array.isArray(text) ? text : [text];
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = texts.map(t => {
        const document = factory.fromString<VplanFile>(t, URI.parse(`file:///test/${++counter}-${Math.random().toString(36).slice(2)}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    try {
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const document = documents[0];
        const diagnostics = document.diagnostics ?? [];
        return { document, diagnostics, codes: diagnostics.map(d => String(d.code)).sort() };
    } finally {
        await clearDocuments(services.shared, documents);
        settings.localeOverride = undefined;
    }
}

/** Diagnostics with a given code. */
export function withCode(result: CheckResult, code: string): Diagnostic[] {
    return result.diagnostics.filter(d => d.code === code);
}

export const parse = (services: TestServices) => parseHelper<VplanFile>(services.Vplan);
