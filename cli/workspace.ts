/**
 * One workspace per CLI call: the given files, the built-in catalogue, and the applicable
 * vplan.config.json files, built and validated by the same services as the language server.
 */

import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createVplanServices } from '../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../language/workspace/builtin-documents.js';
import type { VplanFile } from '../language/generated/ast.js';
import type { Locale } from '../language/i18n/locale.js';
import { configDiagnostics } from '../language/config/config-diagnostics.js';
import { CliInputError, displayPathOf, type PlanFile } from './files.js';
import { cliTexts } from './cli-texts.js';
import { statSync } from 'node:fs';

export type SeverityName = 'error' | 'warning' | 'info';

/** A diagnostic as the CLI reports it: 1-based positions, end exclusive like LSP's. */
export interface DiagnosticRecord {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: SeverityName;
    code: string;
    message: string;
}

export interface WorkspaceOptions {
    locale?: Locale;
    defaultLocale: Locale;
    configPath?: string;
    cwd: string;
}

export interface LoadedWorkspace {
    services: ReturnType<typeof createVplanServices>;
    files: PlanFile[];
    documents: Array<LangiumDocument<VplanFile>>;
}

export async function loadWorkspace(files: PlanFile[], options: WorkspaceOptions): Promise<LoadedWorkspace> {
    // Batch mode: one build, never updated, so no reference index and no validation memo.
    const services = createVplanServices({ ...NodeFileSystem, mode: 'batch' });
    const settings = services.Vplan.config.SettingsProvider;
    settings.defaultLocale = options.defaultLocale;
    settings.localeOverride = options.locale;
    settings.fallbackFolder = URI.file(options.cwd);
    // A relative --config is relative to the current folder, not to the file system root.
    if (options.configPath) {
        // A named config file that cannot be read is a bad PATH (exit 2), not a VP009 finding.
        const configFile = resolve(options.cwd, options.configPath);
        readConfigOrThrow(configFile, options.configPath);
        settings.explicitConfig = URI.file(configFile);
    }
    await loadBuiltinCatalogue(services.shared);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents = files.map(file => {
        const document = factory.fromString<VplanFile>(file.text, URI.file(file.absolutePath));
        langiumDocuments.addDocument(document);
        return document;
    });
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, files, documents };
}

const SEVERITY_NAMES: Record<number, SeverityName> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'info'
};

export function toRecord(file: string, diagnostic: Diagnostic): DiagnosticRecord {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITY_NAMES[diagnostic.severity ?? DiagnosticSeverity.Error] ?? 'error',
        code: String(diagnostic.code ?? ''),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
    };
}

/** Every diagnostic of the workspace (plans and config files), sorted by path and position. */
export function collectDiagnostics(workspace: LoadedWorkspace, options: WorkspaceOptions): DiagnosticRecord[] {
    const records: DiagnosticRecord[] = [];
    workspace.documents.forEach((document, index) => {
        for (const diagnostic of document.diagnostics ?? []) {
            records.push(toRecord(workspace.files[index].displayPath, diagnostic));
        }
    });
    const settings = workspace.services.Vplan.config.SettingsProvider;
    for (const loaded of settings.loadedConfigs()) {
        const file = displayPathOf(loaded.uri.fsPath, options.cwd);
        records.push(...configDiagnostics(loaded, settings.localeOfConfig(loaded)).map(diagnostic => toRecord(file, diagnostic)));
    }
    return sortRecords(records);
}

export function sortRecords(records: DiagnosticRecord[]): DiagnosticRecord[] {
    return records.sort((a, b) =>
        a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function readConfigOrThrow(absolutePath: string, display: string): void {
    let isFile: boolean;
    try {
        isFile = statSync(absolutePath).isFile();
    } catch {
        throw new CliInputError(display, cliTexts.configMissing);
    }
    if (!isFile) throw new CliInputError(display, cliTexts.configNotAFile);
}
