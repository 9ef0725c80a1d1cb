/** `vplan check [PATH...]`: validate plans and print their diagnostics (docs: shared/spec/cli.md). */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DiagnosticRecord } from './workspace.js';
import type { WorkspaceOptions } from './workspace.js';
import { checkFiles, filesToCheck } from './check-run.js';
import { changedFilesOf } from './changed-files.js';
import { CliInputError, because, collectPlanFiles, decodePlanBytes, type PlanFile } from './files.js';
import type { CliIo } from './io.js';
import { text, type Locale } from '../language/i18n/locale.js';
import { MAX_PLAN_BYTES } from '../language/workspace/plan-size-limit.js';
import { cliTexts } from './cli-texts.js';
import { escapeControlCharacters, escapeJsonControlCharacters } from './safe-text.js';
import { startProgress } from './progress.js';
import { URI } from 'langium';

export type CheckFormat = 'text' | 'json' | 'sarif' | 'junit' | 'github';

export interface CheckOptions extends WorkspaceOptions {
    /** `--jobs N`: threads that check (cli/check-run.ts); default one per CPU where there are more than two. */
    jobs?: number;
    /** `--changed BASE`: only the files a change since the git revision BASE can affect (cli/changed-files.ts). */
    changed?: string;
    format: CheckFormat;
    maxWarnings?: number;
    quiet: boolean;
    /** `--stdin --stdin-filename PATH`: the text on stdin is the file PATH (as given). */
    stdinFilename?: string;
    /** Reads stdin whole (tests pass their own). */
    readStdin?: () => Buffer;
    /** `--progress`: progress lines on stderr also when it is not a terminal. */
    progress?: boolean;
}

export interface CheckSummary {
    files: number;
    errors: number;
    warnings: number;
    infos: number;
}

export function summarize(records: DiagnosticRecord[], files: number): CheckSummary {
    return {
        files,
        errors: records.filter(r => r.severity === 'error').length,
        warnings: records.filter(r => r.severity === 'warning').length,
        infos: records.filter(r => r.severity === 'info').length
    };
}

/** What a formatter may need beyond the diagnostics: every checked file and the rules it ran. */
export interface CheckContext {
    files: Array<{ file: string; absolutePath: string; rulesOff: ReadonlySet<string> }>;
}

export type CheckFormatter = (records: DiagnosticRecord[], summary: CheckSummary, io: CliIo, options: CheckOptions, context: CheckContext) => string;

const formatters: Partial<Record<CheckFormat, CheckFormatter>> = {
    // One line per diagnostic, whatever a file name or a quoted text holds (safe-text.ts).
    text: (records, summary, io, options) => {
        const lines = records.map(r => `${escapeControlCharacters(r.file)}:${r.line}:${r.column}: ${io.colorSeverity(r.severity)} ${r.code} ${escapeControlCharacters(r.message)}`);
        lines.push(summaryLine(summary, options.locale ?? options.defaultLocale));
        return lines.join('\n') + '\n';
    },
    json: (records, summary) => escapeJsonControlCharacters(JSON.stringify({ version: 1, diagnostics: records, summary }, null, 2)) + '\n'
};

/**
 * What `--max-warnings` says when it fails the run (one line, in the manner of ESLint's): a
 * `::error::` workflow command without a file in the `github` format (on stdout, where the
 * annotations are), else a line on stderr, so that json, sarif and junit stay one document.
 */
const tooManyWarningsWriters: Partial<Record<CheckFormat, (line: string, io: CliIo) => void>> = {};

/** Lets a format say in its own way that `--max-warnings` failed the run (format-github.ts). */
export function registerTooManyWarningsWriter(format: CheckFormat, writer: (line: string, io: CliIo) => void): void {
    tooManyWarningsWriters[format] = writer;
}

/** The closing line of the text format, in the message language. */
export function summaryLine(summary: CheckSummary, locale: Locale): string {
    return text(cliTexts.checkSummary, summary, locale);
}

/** Lets other modules (SARIF, JUnit, GitHub) add formats without editing this file. */
export function registerCheckFormatter(format: CheckFormat, formatter: CheckFormatter): void {
    formatters[format] = formatter;
}

export async function runCheck(paths: string[], options: CheckOptions, io: CliIo): Promise<number> {
    const locale = options.locale ?? options.defaultLocale;
    const formatter = formatters[options.format];
    if (!formatter) {
        io.error(text(cliTexts.formatUnavailable, { format: options.format }, locale));
        return 2;
    }
    if (options.changed !== undefined && options.stdinFilename !== undefined) throw new CliInputError('--changed', cliTexts.changedWithStdin);
    let files = options.stdinFilename !== undefined ? [stdinFile(paths, options)] : collectPlanFiles(paths, options.cwd);
    // `--changed BASE`: the files a change can affect, with the names of the whole workspace read on the way.
    const changed = options.changed !== undefined ? await changedFilesOf(files, options.changed, options) : undefined;
    if (changed) files = changed.files;
    for (const file of files) {
        if (file.text.trim().length === 0) io.error(text(cliTexts.emptyFile, { file: escapeControlCharacters(file.displayPath) }, locale));
    }
    // A large workspace's texts are read again when needed, not kept (stdin's text has no file).
    if (options.stdinFilename === undefined) files = filesToCheck(files, options);
    const progress = startProgress({ command: 'check', total: files.length, forced: options.progress === true, locale });
    const run = await checkFiles(files, { ...options, onFileChecked: () => progress.advance() }, process.env, changed?.names);
    progress.finish();
    let records = run.records;
    const summary = summarize(records, files.length);
    if (options.quiet) records = records.filter(r => r.severity === 'error');
    const settings = run.services.Vplan.config.SettingsProvider;
    // Only the JUnit format reads which rules are off; the settings of every file are looked up when it asks.
    let contextFiles: CheckContext['files'] | undefined;
    const context: CheckContext = {
        get files() {
            return contextFiles ??= files.map(file => ({
                file: file.displayPath,
                absolutePath: file.absolutePath,
                rulesOff: new Set(Object.entries(settings.settingsFor(URI.file(file.absolutePath)).config.rules)
                    .filter(([, severity]) => severity === 'off').map(([code]) => code))
            }));
        }
    };
    io.write(formatter(records, summary, io, options, context));
    const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
    if (tooManyWarnings) {
        const line = text(cliTexts.tooManyWarnings, { warnings: summary.warnings, max: options.maxWarnings! }, locale);
        (tooManyWarningsWriters[options.format] ?? ((message, cliIo) => cliIo.error(message)))(line, io);
    }
    return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * `--stdin --stdin-filename PATH` (cli.md v2, for editors and hooks): the text on stdin, read as
 * plan text under the rules of a file (UTF-8, size limit), in the place of PATH in PATH's
 * workspace; the file PATH itself, if there is one, is not read.
 */
function stdinFile(paths: readonly string[], options: CheckOptions): PlanFile {
    const display = options.stdinFilename!;
    if (paths.length > 0) throw new CliInputError('--stdin', cliTexts.stdinNoPaths);
    let bytes: Buffer;
    try {
        bytes = (options.readStdin ?? (() => readFileSync(0)))();
    } catch (error) {
        throw new CliInputError('stdin', because(cliTexts.cannotRead, { code: (error as NodeJS.ErrnoException)?.code }));
    }
    if (bytes.length > MAX_PLAN_BYTES) {
        throw new CliInputError(display, because(cliTexts.tooLarge, { megabytes: bytes.length / 1024 / 1024, limit: MAX_PLAN_BYTES / 1024 / 1024 }));
    }
    // PATH is plan text whatever its name, as a file named explicitly (createCliServices, workspace.ts).
    return { displayPath: display, absolutePath: resolve(options.cwd, display), text: decodePlanBytes(bytes, display) };
}
