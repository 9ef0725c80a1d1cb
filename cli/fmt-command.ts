/**
 * `vplan fmt [PATH...] [--check]`: rewrites plan files into the canonical layout (language
 * reference, section 5) with the same formatter as the editor's Format Document. A file with
 * syntax errors is reported and never rewritten; a file already canonical is not touched; a
 * rewrite is atomic (temporary file in the same folder, then rename), so an interrupted run
 * never leaves half a plan behind.
 */

import { randomBytes } from 'node:crypto';
import { chmodSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import type { Command } from 'commander';
import { formatText } from '../language/lsp/vplan-formatter.js';
import { createVplanServices } from '../language/vplan-module.js';
import type { VplanFile } from '../language/generated/ast.js';
import { text, type Locale } from '../language/i18n/locale.js';
import { syntaxMessageFor } from '../language/syntax/syntax-errors.js';
import { renderMessage } from '../language/rules/registry.js';
import { CliInputError, because, collectPlanFiles } from './files.js';
import { withLocale } from './common-options.js';
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

/** Replaces a file's content atomically, keeping its permissions; follows a symbolic link to its target. */
export function writeFileAtomically(path: string, text: string): void {
    const target = realpathSync(path);
    const mode = statSync(target).mode & 0o7777;
    const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
        writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx', mode });
        chmodSync(temporary, mode);
        renameSync(temporary, target);
    } catch (error) {
        try { unlinkSync(temporary); } catch { /* nothing was written */ }
        const code = (error as NodeJS.ErrnoException)?.code;
        throw new CliInputError(path, code === 'EACCES' || code === 'EPERM' ? cliTexts.cannotWriteDenied : because(cliTexts.cannotWrite, { code }));
    }
}

export function registerFmtCommand(program: Command, io: CliIo, setExitCode: (code: number) => void, locale: Locale): void {
    const say = (entry: typeof cliTexts.fmt) => text(entry, {}, locale);
    withLocale(program.command('fmt')
        .description(say(cliTexts.fmt))
        .argument(say(cliTexts.pathsName), say(cliTexts.pathsArgument))
        .option('--check', say(cliTexts.fmtCheckOption), false), locale)
        .action(async (paths: string[], options: { check: boolean }) => {
            const files = collectPlanFiles(paths, process.cwd());
            const services = createVplanServices(EmptyFileSystem);
            let failed = false;
            for (const file of files) {
                const outcome = await formatPlanText(services, file.text, URI.file(file.absolutePath));
                if (outcome.kind === 'syntax-error') {
                    io.error(`${file.displayPath}:${outcome.line}:${outcome.column}: VP000 ${syntaxErrorText(outcome.message, locale)} (${text(cliTexts.notFormatted, {}, locale)})`);
                    failed = true;
                } else if (outcome.kind === 'changed') {
                    if (options.check) {
                        io.write(`${file.displayPath}\n`);
                        failed = true;
                    } else {
                        writeFileAtomically(file.absolutePath, outcome.text);
                        io.write(`${file.displayPath}\n`);
                    }
                }
            }
            setExitCode(failed ? 1 : 0);
        });
}
