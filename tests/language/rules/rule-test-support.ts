/**
 * Support for the rule suites of the aftercare, measure, care and phase rules: check a plan
 * together with the example catalogue, apply a rule's quick fix the way the editor does (code
 * action, then its text edit), optionally under a vplan.config.json, and check a rule's
 * documentation example.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { clearDocuments } from 'langium/test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { createVplanServices } from '../../../language/vplan-module.js';
import { applyTextEdits, formatText } from '../../../language/lsp/vplan-formatter.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { EXAMPLE_CATALOGUE } from '../../../language/rules/example-plan.js';
import type { RuleSpec } from '../../../language/rules/rule-unit.js';
import type { Locale } from '../../../language/i18n/locale.js';
import { checkText, createTestServices, type CheckResult, type TestServices } from '../../helpers.js';

const services = createTestServices();

export interface CheckOptions {
    locale?: Locale;
    /** The catalogue file checked with the plan (default: the example catalogue). */
    catalogue?: string;
    /** Further files of the workspace. */
    others?: string[];
}

/** Checks a plan together with the example catalogue; the result is the plan's. */
export async function checkPlan(text: string, options: CheckOptions = {}): Promise<CheckResult> {
    return checkText(services, [text, options.catalogue ?? EXAMPLE_CATALOGUE, ...(options.others ?? [])], { locale: options.locale });
}

/** The diagnostics of one code. */
export function withCode(result: CheckResult, code: string): Diagnostic[] {
    return result.diagnostics.filter(d => d.code === code);
}

/** The 0-based line of the `occurrence`-th line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
    const lines = text.split('\n');
    let seen = 0;
    for (let i = 0; i < lines.length; i++) {
        if (lines[i].includes(needle) && ++seen === occurrence) return i;
    }
    throw new Error(`"${needle}" not found`);
}

/** `text` with `search` (which must occur) replaced once. */
export function replaceOnce(text: string, search: string, replacement: string): string {
    expect(text).toContain(search);
    return text.replace(search, replacement);
}

/** The codes of a rule's documentation example, checked as docs/rules.md checks it. */
export async function exampleCodes(rule: RuleSpec): Promise<string[]> {
    const example = rule.docs.example;
    expect(example, `${rule.code} has an example`).toBeDefined();
    return (await checkPlan(example!.file, { catalogue: example!.catalogue })).codes;
}

export interface FixOptions extends CheckOptions {
    /** Which action to apply (default: the preferred one, else the first). */
    pick?: (actions: CodeAction[]) => CodeAction | undefined;
    /** Which diagnostic of the code (default: the first). */
    nth?: number;
    /** The text of a vplan.config.json that applies to the plan. */
    config?: string;
}

export interface Fixed {
    actions: CodeAction[];
    diagnostic: Diagnostic;
    /** The text after the chosen action. */
    after: string;
}

/** Validates `text` and asks for the code actions of a diagnostic with `code` (the first, or the nth). */
export async function quickFixes(text: string, code: string, options: FixOptions = {}): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic; uri: string }> {
    const folder = options.config !== undefined ? mkdtempSync(join(tmpdir(), 'vplan-rule-fix-')) : undefined;
    const fixServices: TestServices = folder ? createVplanServices(NodeFileSystem) : services;
    const settings = fixServices.Vplan.config.SettingsProvider;
    if (folder) {
        writeFileSync(join(folder, 'vplan.config.json'), options.config!);
        settings.explicitConfig = URI.file(join(folder, 'vplan.config.json'));
    }
    await loadBuiltinCatalogue(fixServices.shared);
    settings.localeOverride = options.locale;
    const factory = fixServices.shared.workspace.LangiumDocumentFactory;
    const texts = [text, options.catalogue ?? EXAMPLE_CATALOGUE, ...(options.others ?? [])];
    const documents: LangiumDocument[] = texts.map((t, index) => {
        const document = factory.fromString(t, URI.parse(`file:///rule-fixes/${Math.random().toString(36).slice(2)}-${index}.vplan`));
        fixServices.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    try {
        await fixServices.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const document = documents[0];
        const diagnostic = (document.diagnostics ?? []).filter(d => d.code === code)[options.nth ?? 0];
        expect(diagnostic, `expected a ${code} diagnostic, got ${(document.diagnostics ?? []).map(d => d.code).join(', ')}`).toBeDefined();
        const actions = (await fixServices.Vplan.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] }
        }) ?? []) as CodeAction[];
        return { actions, diagnostic, uri: document.uri.toString() };
    } finally {
        await clearDocuments(fixServices.shared, documents);
        settings.localeOverride = undefined;
        if (folder) rmSync(folder, { recursive: true, force: true });
    }
}

/** Applies a quick fix of a diagnostic with `code` to `text`, as the editor does. */
export async function applyFix(text: string, code: string, options: FixOptions = {}): Promise<Fixed> {
    const { actions, diagnostic, uri } = await quickFixes(text, code, options);
    expect(actions.length, `${code} offers a quick fix`).toBeGreaterThan(0);
    const chosen = options.pick ? options.pick(actions) : actions.find(a => a.isPreferred) ?? actions[0];
    expect(chosen).toBeDefined();
    return { actions, diagnostic, after: applyTextEdits(text, chosen!.edit!.changes![uri]) };
}

/**
 * The fixed text lost the diagnostics of `code` and gained nothing: its codes are the codes of the
 * text before without `code`. It is also canonical (what the formatter writes), so it parses.
 */
export async function expectFixed(before: string, after: string, code: string, options: CheckOptions = {}): Promise<void> {
    const was = (await checkPlan(before, options)).codes;
    const is = (await checkPlan(after, options)).codes;
    expect(was).toContain(code);
    expect(is).toEqual(was.filter(c => c !== code));
    expect(await formatText(services.Vplan, after)).toBe(after);
}
