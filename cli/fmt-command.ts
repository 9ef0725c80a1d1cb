/**
 * `vplan fmt [PATH...] [--check] [--config FILE]`: rewrites plan files into the canonical layout
 * (language reference, section 5) with the same formatter as the editor's Format Document. A file
 * with syntax errors is reported and never rewritten; a file already canonical is not touched; a
 * rewrite is atomic (temporary file in the same folder, then rename), so an interrupted run
 * never leaves half a plan behind, and keeps the file's owner, group, mode, hard links and
 * byte-order mark (output-file.ts). A file that changed since it was read, that nobody may
 * write, or whose formatted text vplan would refuse as too large is left as it is, with a line.
 * The layout does not depend on settings; with `--config FILE` the messages follow its locale.
 */

import { URI, type LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import type { Command } from 'commander';
import { formatText } from '../language/lsp/vplan-formatter.js';
import { createVplanServices } from '../language/vplan-module.js';
import type { VplanFile } from '../language/generated/ast.js';
import { localeFromEnvironment, text, type Locale } from '../language/i18n/locale.js';
import { syntaxMessageFor } from '../language/syntax/syntax-errors.js';
import { renderMessage } from '../language/rules/registry.js';
import { MAX_PLAN_BYTES } from '../language/workspace/plan-size-limit.js';
import { CliInputError, because, collectPlanFiles, type PlanFile } from './files.js';
import { replacePlanFile } from './output-file.js';
import { escapeControlCharacters } from './safe-text.js';
import { startProgress } from './progress.js';
import { servicesWithNamedConfig, withLocaleAndConfig, type LocaleAndConfig } from './common-options.js';
import { cliTexts } from './cli-texts.js';
import type { CliIo } from './io.js';

export type FormatOutcome =
    | { kind: 'canonical' }
    | { kind: 'changed'; text: string }
    /** `message` is the parser's (encoded) message; render it with `syntaxErrorText`. */
    | { kind: 'syntax-error'; line: number; column: number; message: string };

export function syntaxErrorText(message: string, locale: Locale): string {
    const { messageId, args } = syntaxMessageFor(message);
    return renderMessage(messageId, args, locale).split('\n')[0];
}

type Services = ReturnType<typeof createVplanServices>;

/** Formats one text with the editor's formatter; never formats a text that does not parse. */
export async function formatPlanText(services: Services, text: string, uri: URI): Promise<FormatOutcome> {
    const document: LangiumDocument<VplanFile> = services.shared.workspace.LangiumDocumentFactory.fromString<VplanFile>(text, uri);
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length > 0) {
        const error = lexerErrors[0];
        return { kind: 'syntax-error', line: error.line ?? 1, column: error.column ?? 1, message: error.message };
    }
    if (parserErrors.length > 0) {
        const token = parserErrors[0].token;
        // An error at the end of the file has no token position: point at the last line.
        const atEnd = !(Number(token.startLine) >= 1);
        const lastLines = text.trimEnd().split('\n');
        const line = atEnd ? lastLines.length : token.startLine!;
        const column = atEnd ? lastLines[lastLines.length - 1].length + 1 : token.startColumn ?? 1;
        return { kind: 'syntax-error', line, column, message: parserErrors[0].message };
    }
    const formatted = await formatText(services, text);
    // The formatter declines texts it could not re-emit in full; leave such a file alone.
    if (formatted === undefined) return { kind: 'syntax-error', line: 1, column: 1, message: 'the file cannot be laid out without losing text' };
    return formatted === text ? { kind: 'canonical' } : { kind: 'changed', text: formatted };
}

/** A text as UTF-8 bytes, with a byte-order mark when the file had one (`fmt` keeps it). */
function encodeWithBom(text: string, bom: boolean): Buffer {
    const bytes = Buffer.from(text, 'utf8');
    return bom ? Buffer.concat([UTF8_BOM, bytes]) : bytes;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The plan text of bytes as `readPlanText` gives it (up to two BOMs dropped), to compare with what was read. */
function planTextOf(bytes: Buffer): string {
    let text = bytes.toString('utf8');
    for (let i = 0; i < 2 && text.charCodeAt(0) === 0xfeff; i++) text = text.slice(1);
    return text;
}

type RewriteOutcome = 'written' | 'changed-meanwhile' | 'refused';

/**
 * Rewrites one file with its formatted text (output-file.ts keeps owner, group, mode and hard
 * links), unless the result would be refused by vplan itself (too large), or the file changed
 * since it was read (an editor saved it: skipped with a line, to be formatted again).
 */
function rewrite(file: PlanFile, formatted: string, io: CliIo, locale: Locale): RewriteOutcome {
    const display = escapeControlCharacters(file.displayPath);
    try {
        const size = Buffer.byteLength(formatted, 'utf8') + UTF8_BOM.length;
        if (size > MAX_PLAN_BYTES) {
            throw new CliInputError(file.displayPath, because(cliTexts.formattedTooLarge, { megabytes: size / 1024 / 1024, limit: MAX_PLAN_BYTES / 1024 / 1024 }));
        }
        const outcome = replacePlanFile(file.absolutePath, current => {
            if (planTextOf(current) !== file.text) return undefined;
            return encodeWithBom(formatted, current.subarray(0, 3).equals(UTF8_BOM));
        }, file.displayPath);
        if (outcome.kind === 'changed-meanwhile') {
            io.error(new CliInputError(file.displayPath, cliTexts.changedMeanwhile).render(locale));
            return 'changed-meanwhile';
        }
        io.write(`${display}\n`);
        return 'written';
    } catch (error) {
        if (!(error instanceof CliInputError)) throw error;
        io.error(error.render(locale));
        return 'refused';
    }
}

interface FmtCommandOptions extends LocaleAndConfig {
    check: boolean;
    progress: boolean;
}

export function registerFmtCommand(program: Command, io: CliIo, setExitCode: (code: number) => void, locale: Locale): void {
    const say = (entry: typeof cliTexts.fmt) => text(entry, {}, locale);
    withLocaleAndConfig(program.command('fmt')
        .description(say(cliTexts.fmt))
        .argument(say(cliTexts.pathsName), say(cliTexts.pathsArgument))
        .option('--check', say(cliTexts.fmtCheckOption), false)
        .option('--progress', say(cliTexts.progressOption), false), locale)
        .action(async (paths: string[], options: FmtCommandOptions) => {
            const cwd = process.cwd();
            const files = collectPlanFiles(paths, cwd);
            // The layout does not depend on settings, the messages on a file do (its locale). With
            // `--config FILE` that file's settings apply to every file, as for `check`; a FILE that is
            // missing or cannot be read stops the call (exit 2) before any file is written.
            // Batch mode: every file named is plan text whatever its name (`vplan fmt notes.txt`: workspace/batch-module.ts).
            const services = options.config !== undefined
                ? (await servicesWithNamedConfig({ locale: options.locale, defaultLocale: localeFromEnvironment(process.env), configPath: options.config, cwd })).services
                : createVplanServices({ ...EmptyFileSystem, mode: 'batch' });
            const settings = services.Vplan.config.SettingsProvider;
            const localeOf = (file: PlanFile): Locale => (options.config !== undefined ? settings.settingsFor(URI.file(file.absolutePath)).locale : locale);
            const progress = startProgress({ command: 'fmt', total: files.length, forced: options.progress, locale });
            let failed = false;
            let refused = false;
            for (const file of files) {
                const outcome = await formatPlanText(services, file.text, URI.file(file.absolutePath));
                const display = escapeControlCharacters(file.displayPath);
                const fileLocale = localeOf(file);
                if (outcome.kind === 'syntax-error') {
                    io.error(`${display}:${outcome.line}:${outcome.column}: VP000 ${escapeControlCharacters(syntaxErrorText(outcome.message, fileLocale))} (${text(cliTexts.notFormatted, {}, fileLocale)})`);
                    failed = true;
                } else if (outcome.kind === 'changed') {
                    if (options.check) {
                        io.write(`${display}\n`);
                        failed = true;
                    } else {
                        const result = rewrite(file, outcome.text, io, fileLocale);
                        if (result === 'changed-meanwhile') failed = true;
                        if (result === 'refused') refused = true;
                    }
                }
                progress.advance();
                // Let a pending Ctrl-C or SIGTERM in (output-file.ts holds it while a file is replaced).
                await new Promise(resolve => setImmediate(resolve));
            }
            progress.finish();
            // A file that could not be written is work not done (exit 2); the others were still formatted.
            setExitCode(refused ? 2 : failed ? 1 : 0);
        });
}
