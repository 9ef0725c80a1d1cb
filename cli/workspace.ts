/**
 * One workspace per CLI call: the given files, the built-in catalogue, and the applicable
 * vplan.config.json files, built and validated by the same services as the language server.
 */

import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { dirname, resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createVplanServices } from '../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../language/workspace/builtin-documents.js';
import type { VplanFile } from '../language/generated/ast.js';
import type { Locale } from '../language/i18n/locale.js';
import { configDiagnostics } from '../language/config/config-diagnostics.js';
import { CliInputError, displayPathOf, readPlanText, type PlanFile } from './files.js';
import { buildWithCompanions, type CompanionFile } from '../language/workspace/partial-build.js';
import { summarizeText } from '../language/workspace/file-summary.js';
import { SummaryCache, summaryCacheFile } from './summary-cache.js';
import type { LoadedConfig } from '../language/config/settings-provider.js';
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
    /** Called each time one of the files reported on has been checked (progress, cli/progress.ts). */
    onFileChecked?: () => void;
}

export interface LoadedWorkspace {
    services: ReturnType<typeof createVplanServices>;
    /** The files the command reports on, in the order given; `documents[i]` is `files[i]`. */
    files: PlanFile[];
    documents: Array<LangiumDocument<VplanFile>>;
}

/**
 * The other `.vplan` files of the workspaces of `files` (language reference, section 2): every file
 * under each file's root that is not one of `files`, as a companion of a partial build
 * (language/workspace/partial-build.ts): it takes part through its summary, cached between runs
 * (cli/summary-cache.ts), and is loaded only when a file refers to a name it declares. A companion
 * that cannot be read is left out quietly: the command reports on `files`, and `vplan check` on
 * the whole folder reports the others.
 */
function companionsOf(files: readonly PlanFile[], services: Services, exclude: ReadonlySet<string> = new Set()): { companions: CompanionFile[]; caches: SummaryCache[] } {
    const layout = services.Vplan.config.WorkspaceLayout;
    const named = new Set([...files.map(file => file.absolutePath), ...exclude]);
    const roots = new Set(files.map(file => layout.rootOf(dirname(file.absolutePath)).path));
    const companions: CompanionFile[] = [];
    const caches: SummaryCache[] = [];
    for (const root of roots) {
        const paths = layout.filesOf(root).filter(path => !named.has(path));
        if (paths.length === 0) continue;
        const cache = new SummaryCache(summaryCacheFile(root));
        caches.push(cache);
        for (const path of paths) {
            named.add(path);
            const uri = URI.file(path);
            // Unchanged since a run read it: its summary without reading it; its text only if the build loads it.
            const found = cache.lookupFile(path, () => companionText(path));
            if (!found) continue; // see above
            const summary = found.summary ?? summarizeText(services.Vplan, uri, found.text);
            if (!found.summary) cache.store(found.key, summary);
            const text = found.text;
            companions.push({ uri, summary: () => summary, text: text !== undefined ? () => text : () => companionText(path) ?? '' });
        }
    }
    return { companions, caches };
}

/**
 * The texts of companion files read in this process, by path, with the size and modification time
 * they were read at: `vplan diff` loads two sides of one workspace, and each side would read every
 * file of it again.
 */
const companionTexts = new Map<string, { size: number; mtimeMs: number; text: string | undefined }>();

/** A companion's text, or undefined when it cannot be read as plan text. */
function companionText(path: string): string | undefined {
    let stats;
    try { stats = statSync(path); } catch { return undefined; }
    const known = companionTexts.get(path);
    if (known && known.size === stats.size && known.mtimeMs === stats.mtimeMs) return known.text;
    let text: string | undefined;
    try { text = readPlanText(path, path); } catch { text = undefined; }
    companionTexts.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, text });
    return text;
}

export type Services = ReturnType<typeof createVplanServices>;

/**
 * `exclude`: absolute paths of files left out of the workspaces (`vplan diff` reads each side
 * without the other side's file: two versions of one plan are not duplicates of each other).
 */
export async function loadWorkspace(files: PlanFile[], options: WorkspaceOptions, exclude?: ReadonlySet<string>): Promise<LoadedWorkspace> {
    const services = await createCliServices(options);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const load = (file: PlanFile) => {
        const document = factory.fromString<VplanFile>(file.text, URI.file(file.absolutePath));
        langiumDocuments.addDocument(document);
        return document;
    };
    const documents = files.map(load);
    if (options.onFileChecked) {
        const reported = new Set(documents.map(document => document.uri.toString()));
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (reported.has(document.uri.toString())) options.onFileChecked!();
        });
    }
    // Each file is resolved against the whole of its workspace, so `vplan check a.vplan` reports
    // exactly what `vplan check .` reports for it; the companions are not reported.
    const { companions, caches } = companionsOf(files, services, exclude);
    await buildWithCompanions(services.shared, documents, companions);
    for (const cache of caches) cache.save();
    return { services, files, documents };
}

/**
 * The services of one CLI call, with its locale and config settings, and (unless `catalogue` is
 * false) the built-in catalogue loaded. Batch mode: one build, never updated, so no reference
 * index and no validation memo.
 */
export async function createCliServices(options: WorkspaceOptions, catalogue = true): Promise<Services> {
    // Batch mode, which also takes every file given as plan text (workspace/batch-module.ts).
    const services = createVplanServices({ ...NodeFileSystem, mode: 'batch' });
    const settings = services.Vplan.config.SettingsProvider;
    settings.defaultLocale = options.defaultLocale;
    settings.localeOverride = options.locale;
    // A relative --config is relative to the current folder, not to the file system root.
    if (options.configPath) {
        // A named config file that cannot be read is a bad PATH (exit 2), not a VP009 finding.
        const configFile = resolve(options.cwd, options.configPath);
        readConfigOrThrow(configFile, options.configPath);
        settings.explicitConfig = URI.file(configFile);
    }
    if (catalogue) await loadBuiltinCatalogue(services.shared);
    return services;
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
    records.push(...configRecords(workspace.services, workspace.files, options.cwd));
    return sortRecords(records);
}

/** The diagnostics of the config files that set the settings of `files` (VP009 on each, once). */
export function configRecords(services: Services, files: ReadonlyArray<Pick<PlanFile, 'absolutePath'>>, cwd: string): DiagnosticRecord[] {
    const records: DiagnosticRecord[] = [];
    const settings = services.Vplan.config.SettingsProvider;
    const configs = new Map<string, LoadedConfig>();
    for (const file of files) {
        for (const source of settings.sourcesFor(URI.file(file.absolutePath))) configs.set(source.uri.toString(), source);
    }
    for (const loaded of configs.values()) {
        const file = displayPathOf(loaded.uri.fsPath, cwd);
        for (const diagnostic of configDiagnostics(loaded, settings.localeOfConfig(loaded))) records.push(toRecord(file, diagnostic));
    }
    return records;
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
