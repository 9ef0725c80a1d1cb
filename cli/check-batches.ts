/**
 * `vplan check` in bounded memory (issue 14; docs/decisions.md, Performance; docs/performance.md,
 * "Checking in batches, threads, `--changed`"): the global
 * names of the workspace first, then the files checked in batches whose syntax trees are dropped
 * once their diagnostics are taken, so that peak memory is the names plus one batch, not every tree.
 *
 * 1. **Names.** Every file of the workspaces of the files checked (the files checked and the other
 *    files under their roots, as `loadWorkspace` sees them) is reduced to its summary
 *    (language/workspace/file-summary.ts): the global names it declares. Summaries are kept between
 *    runs (cli/summary-cache.ts), so a second run parses each file once, not twice.
 * 2. **Batches.** The files checked, in path order, in batches of `batchSize`; each batch is a
 *    partial build (language/workspace/partial-build.ts) with fresh services: the batch's files are
 *    loaded and checked, every other file of the workspace takes part through its summary (and is
 *    loaded when a file of the batch refers to a name it declares). A partial build gives exactly
 *    the diagnostics of a whole build, so the batched check reports byte for byte what the whole
 *    check reports (tests/cli/scale-batches.test.ts).
 *
 * The batches are independent, so they may run on worker threads (cli/check-workers.ts; a large
 * workspace always does, for the sake of the main thread's heap); this module is what a thread
 * runs, the main thread's or a worker's.
 */

import { DocumentState, URI, type LangiumDocument } from 'langium';
import { dirname } from 'node:path';
import type { VplanFile } from '../language/generated/ast.js';
import { buildWithCompanions, type CompanionFile } from '../language/workspace/partial-build.js';
import { summarizeText, SUMMARY_FORMAT, type DeclarationSummary, type FileSummary } from '../language/workspace/file-summary.js';
import type { Locale } from '../language/i18n/locale.js';
import { readPlanText, type PlanFile } from './files.js';
import { SummaryCache, summaryCacheFile } from './summary-cache.js';
import { createCliServices, toRecord, type DiagnosticRecord, type Services, type WorkspaceOptions } from './workspace.js';

/** What a worker needs of the options (structured-clonable). */
export interface BatchSettings {
    locale?: Locale;
    defaultLocale: Locale;
    configPath?: string;
    cwd: string;
}

export function batchSettingsOf(options: WorkspaceOptions): BatchSettings {
    return { locale: options.locale, defaultLocale: options.defaultLocale, configPath: options.configPath, cwd: options.cwd };
}

/** A file of the workspace as the batches see it: its absolute path and the names it declares. */
export interface NamedFile {
    path: string;
    declarations: DeclarationSummary[];
    /** The names its references use (only kept for `vplan check --changed`). */
    references?: string[];
}

/**
 * A file to check in a batch. Its `text` may be a getter that reads the file again
 * (`releaseTexts`), so that the texts of a large workspace are not all kept; `textLength` is the
 * length it had when it was first read.
 */
export type BatchFile = Pick<PlanFile, 'absolutePath' | 'displayPath' | 'text'> & { textLength?: number };

/**
 * The files with texts that are read again from disk when asked for, not kept (the files were
 * read once already, so every problem of reading them has been reported). For a check in batches.
 */
export function releaseTexts(files: readonly PlanFile[]): Array<PlanFile & { textLength: number }> {
    return files.map(file => {
        const { absolutePath, displayPath } = file;
        const textLength = file.text.length;
        return {
            absolutePath, displayPath, textLength,
            get text() { return readPlanText(absolutePath, displayPath); }
        };
    });
}

/** Every `.vplan` file of the workspaces of `files`: the files themselves, then the others under their roots. */
export interface WorkspaceFiles {
    /** Absolute paths, each once: the files checked in their order, then the others of each root in the root's order. */
    paths: string[];
    /** The text of a file: the files checked as they give it, the others read from disk (undefined if unreadable). */
    text(path: string): string | undefined;
    /** Whether `text` reads the file from disk (not one of the files checked, whose text is given). */
    fromDisk(path: string): boolean;
}

export function workspaceFilesOf(services: Services, files: readonly BatchFile[]): WorkspaceFiles {
    const layout = services.Vplan.config.WorkspaceLayout;
    const byPath = new Map(files.map(file => [file.absolutePath, file]));
    const paths = [...byPath.keys()];
    const seen = new Set(paths);
    const roots = new Set(files.map(file => layout.rootOf(dirname(file.absolutePath)).path));
    for (const root of roots) {
        for (const path of layout.filesOf(root)) {
            if (seen.has(path)) continue;
            seen.add(path);
            paths.push(path);
        }
    }
    return {
        paths,
        text(path) {
            const known = byPath.get(path);
            if (known) return known.text;
            // A file that cannot be read takes no part (as in cli/workspace.ts's companionsOf).
            try { return readPlanText(path, path); } catch { return undefined; }
        },
        fromDisk: path => !byPath.has(path)
    };
}

/** Parses texts to their summaries, the syntax trees dropped at once. */
export class Summarizer {
    protected services: Services | undefined;

    constructor(protected readonly settings: BatchSettings) {}

    async summarize(path: string, text: string): Promise<FileSummary> {
        const services = this.services ??= await createCliServices(this.settings, false);
        return summarizeText(services.Vplan, URI.file(path), text);
    }
}

/**
 * The names of every file of the workspace, from the summary cache or parsed now (by `parse`, on
 * this thread or spread over workers). Files that cannot be read are left out.
 */
export async function namesOf(
    services: Services,
    workspace: WorkspaceFiles,
    parse: SummaryParser,
    keepReferences = false
): Promise<NamedFile[]> {
    const layout = services.Vplan.config.WorkspaceLayout;
    const caches = new Map<string, SummaryCache>();
    const cacheOf = (path: string) => {
        const root = layout.rootOf(dirname(path)).path;
        let cache = caches.get(root);
        if (!cache) caches.set(root, cache = new SummaryCache(summaryCacheFile(root)));
        return cache;
    };
    const named: Array<NamedFile | undefined> = [];
    // The files the cache misses, by index and key: their texts are read again to be parsed, not kept.
    const missing: Array<{ index: number; path: string; key: string }> = [];
    workspace.paths.forEach((path, index) => {
        // A file read from disk and unchanged since a run read it: its summary without reading it.
        const found = cacheOf(path).lookupFile(path, () => workspace.text(path), workspace.fromDisk(path));
        if (!found) return;
        if (found.summary) named[index] = namedFile(path, found.summary, keepReferences);
        else missing.push({ index, path, key: found.key });
    });
    if (missing.length > 0) {
        const summaries = await parse(missing.map(({ path }) => path), path => workspace.text(path) ?? '');
        missing.forEach(({ index, path, key }, i) => {
            cacheOf(path).store(key, summaries[i]);
            named[index] = namedFile(path, summaries[i], keepReferences);
        });
    }
    for (const cache of caches.values()) cache.save();
    return named.filter((file): file is NamedFile => file !== undefined);
}

/** Parses the files whose summaries are missing: their paths, and their texts read when needed. */
export type SummaryParser = (paths: string[], textOf: (path: string) => string) => Promise<FileSummary[]>;

/** A `SummaryParser` on this thread. */
export function summarizeHere(summarizer: Summarizer): SummaryParser {
    return async (paths, textOf) => {
        const summaries: FileSummary[] = [];
        for (const path of paths) summaries.push(await summarizer.summarize(path, textOf(path)));
        return summaries;
    };
}

function namedFile(path: string, summary: FileSummary, keepReferences: boolean): NamedFile {
    return keepReferences ? { path, declarations: summary.declarations, references: summary.references } : { path, declarations: summary.declarations };
}

/** At most this much text (in UTF-16 code units) per batch, whatever the batch size: a batch of large plans stays small in memory. */
export const BATCH_TEXT_LIMIT = 16 * 1024 * 1024;

/** The files checked, in path order, in batches of at most `size` files and `BATCH_TEXT_LIMIT` of text. */
export function batchesOf<T extends BatchFile>(files: readonly T[], size: number, textLimit = BATCH_TEXT_LIMIT): T[][] {
    const sorted = [...files].sort((a, b) => (a.absolutePath < b.absolutePath ? -1 : a.absolutePath > b.absolutePath ? 1 : 0));
    const batches: T[][] = [];
    let current: T[] = [];
    let length = 0;
    for (const file of sorted) {
        const fileLength = file.textLength ?? file.text.length;
        if (current.length > 0 && (current.length >= size || length + fileLength > textLimit)) {
            batches.push(current);
            current = [];
            length = 0;
        }
        current.push(file);
        length += fileLength;
    }
    if (current.length > 0) batches.push(current);
    return batches;
}

/**
 * Checks one batch: its files loaded, every other file of `names` a companion (its summary's
 * names, its text read from disk when a file of the batch refers to it). Returns the diagnostics
 * of the batch's files, unsorted, each file's in the order the validator gave them.
 */
export async function checkBatch(batch: readonly BatchFile[], names: readonly NamedFile[], settings: BatchSettings, onFileChecked?: () => void): Promise<DiagnosticRecord[]> {
    const services = await createCliServices(settings);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const inBatch = new Set(batch.map(file => file.absolutePath));
    const documents = batch.map(file => factory.fromString<VplanFile>(file.text, URI.file(file.absolutePath)));
    if (onFileChecked) {
        const reported = new Set(documents.map(document => document.uri.toString()));
        services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            if (reported.has(document.uri.toString())) onFileChecked();
        });
    }
    const companions: CompanionFile[] = [];
    for (const file of names) {
        if (inBatch.has(file.path)) continue;
        const summary: FileSummary = { format: SUMMARY_FORMAT, declarations: file.declarations, references: [] };
        companions.push({
            uri: URI.file(file.path),
            summary: () => summary,
            text: () => { try { return readPlanText(file.path, file.path); } catch { return undefined; } }
        });
    }
    await buildWithCompanions(services.shared, documents as LangiumDocument[], companions);
    const records: DiagnosticRecord[] = [];
    documents.forEach((document, index) => {
        for (const diagnostic of document.diagnostics ?? []) records.push(toRecord(batch[index].displayPath, diagnostic));
    });
    return records;
}
