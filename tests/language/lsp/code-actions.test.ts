/**
 * Quick fixes: for every fix, a plan that triggers the diagnostic, the fix applied, and the plan
 * checked again: the diagnostic is gone, there is no syntax error (VP000), the text is canonical.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { applyTextEdits, formatText } from '../../../language/lsp/vplan-formatter.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import type { Locale } from '../../../language/i18n/locale.js';
import { checkText, createTestServices } from '../../helpers.js';

const services = createTestServices();
const specExample = readFileSync(fileURLToPath(new URL('../../fixtures/spec-example.vplan', import.meta.url)), 'utf8');

let counter = 0;

interface Fixed {
    actions: CodeAction[];
    /** The text after the chosen action (the preferred one, else the first). */
    after: string;
    diagnostic: Diagnostic;
}

/** Validates `text`, asks for the actions of the first diagnostic with `code` and applies one. */
async function fix(text: string, code: string, options: { locale?: Locale; pick?: (actions: CodeAction[]) => CodeAction | undefined; others?: string[]; nth?: number } = {}): Promise<Fixed> {
    await loadBuiltinCatalogue(services.shared);
    const settings = services.Vplan.config.SettingsProvider;
    settings.localeOverride = options.locale;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument[] = [text, ...(options.others ?? [])].map(t => {
        const document = factory.fromString(t, URI.parse(`file:///fixes/${++counter}.vplan`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    try {
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const document = documents[0];
        const diagnostic = (document.diagnostics ?? []).filter(d => d.code === code)[options.nth ?? 0];
        expect(diagnostic, `expected a ${code} diagnostic, got ${(document.diagnostics ?? []).map(d => d.code).join(', ')}`).toBeDefined();
        const actions = (await services.Vplan.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: diagnostic!.range,
            context: { diagnostics: [diagnostic!] }
        }) ?? []) as CodeAction[];
        expect(actions.length).toBeGreaterThan(0);
        const chosen = options.pick ? options.pick(actions) : actions.find(a => a.isPreferred) ?? actions[0];
        expect(chosen).toBeDefined();
        const edits = chosen!.edit!.changes![document.uri.toString()];
        return { actions, after: applyTextEdits(text, edits), diagnostic: diagnostic! };
    } finally {
        await clearDocuments(services.shared, documents);
        settings.localeOverride = undefined;
    }
}

function replaceOnce(text: string, search: string, replacement: string): string {
    expect(text).toContain(search);
    return text.replace(search, replacement);
}

describe('the spec example', () => {
    test('has none of the diagnostics the fixes address, so each test below starts from one mistake', async () => {
        const { codes } = await checkText(services, specExample);
        for (const code of ['VP000', 'VP041']) {
            expect(codes).not.toContain(code);
        }
    });
});

describe('line endings', () => {
    test('a fix in a CRLF document keeps CRLF line endings and leaves the text canonical', async () => {
        const plan = replaceOnce(replaceOnce(specExample, '        framework drang\n', ''),
            '        fallback "Bij uitval: terugmelding aan OM (voorwaardelijk sepot)"\n', '').replace(/\n/g, '\r\n');
        const { after } = await fix(plan, 'VP041', { locale: 'en' });
        expect(after).toBe(plan.replace('        phase stability\r\n', '        phase stability\r\n        fallback ""\r\n'));
        // The empty fallback is for the author to fill in (VP041 stays, now about the empty fallback).
        const result = await checkText(services, after);
        expect(result.codes).not.toContain('VP000');
        expect(await formatText(services.Vplan, after)).toBe(after);
    });
});

describe('the provider', () => {
    test('offers nothing for a diagnostic it has no fix for, nor in a file with a syntax error', async () => {
        const provider = services.Vplan.lsp.CodeActionProvider!;
        const broken = 'plan p "P" { status active household { member a adult roles victim,, parent } }';
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(broken, URI.parse('file:///fixes/broken.vplan'));
        const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, message: 'x', code: 'VP041', data: { code: 'VP041', messageId: 'VP041.noFallback', args: {} } };
        expect(await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })).toBeUndefined();
        const valid = services.shared.workspace.LangiumDocumentFactory.fromString(specExample, URI.parse('file:///fixes/valid.vplan'));
        const other: Diagnostic = { ...diagnostic, code: 'VP100', data: { code: 'VP100', messageId: 'VP100.none', args: {} } };
        expect(await provider.getCodeActions(valid, { textDocument: { uri: valid.uri.toString() }, range: other.range, context: { diagnostics: [other] } })).toBeUndefined();
    });
});
