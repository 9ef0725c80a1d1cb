/** `vplan check [PATH...]`: validate plans and print their diagnostics (docs: shared/spec/cli.md). */

import type { DiagnosticRecord } from './workspace.js';
import { collectDiagnostics, loadWorkspace, type WorkspaceOptions } from './workspace.js';
import { collectPlanFiles } from './files.js';
import type { CliIo } from './io.js';
import { text, type Locale } from '../language/i18n/locale.js';
import { cliTexts } from './cli-texts.js';
import { URI } from 'langium';

export type CheckFormat = 'text' | 'json' | 'sarif' | 'junit' | 'github';

export interface CheckOptions extends WorkspaceOptions {
    format: CheckFormat;
    maxWarnings?: number;
    quiet: boolean;
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
    text: (records, summary, io, options) => {
        const lines = records.map(r => `${r.file}:${r.line}:${r.column}: ${io.colorSeverity(r.severity)} ${r.code} ${r.message}`);
        lines.push(summaryLine(summary, options.locale ?? options.defaultLocale));
        return lines.join('\n') + '\n';
    },
    json: (records, summary) => JSON.stringify({ version: 1, diagnostics: records, summary }, null, 2) + '\n'
};

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
    const files = collectPlanFiles(paths, options.cwd);
    for (const file of files) {
        if (file.text.trim().length === 0) io.error(text(cliTexts.emptyFile, { file: file.displayPath }, locale));
    }
    const workspace = await loadWorkspace(files, options);
    let records = collectDiagnostics(workspace, options);
    const summary = summarize(records, files.length);
    if (options.quiet) records = records.filter(r => r.severity === 'error');
    const settings = workspace.services.Vplan.config.SettingsProvider;
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
    return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}
