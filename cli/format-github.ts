/**
 * `vplan check --format github`: GitHub Actions workflow commands, one per diagnostic, so that
 * diagnostics show up as annotations on the pull request's changed lines.
 */

import { isAbsolute, relative, resolve } from 'node:path';
import { registerCheckFormatter, registerTooManyWarningsWriter } from './check-command.js';
import { escapeControlCharacters } from './safe-text.js';
import type { DiagnosticRecord, SeverityName } from './workspace.js';

const COMMANDS: Record<SeverityName, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escapes a command's message: GitHub's rules (`%`, CR and LF, which GitHub decodes again), then
 * every other control character as text (safe-text.ts), so that no file name or quoted text can
 * start a workflow command of its own or drive the log viewer.
 */
export function escapeData(text: string): string {
    return escapeControlCharacters(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a property value: the message escapes plus `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub matches annotations to files by their path in the repository: relative, with `/`. */
function annotationPath(file: string, cwd: string): string {
    const fromRoot = relative(cwd, resolve(cwd, file));
    const path = fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot) ? file : fromRoot;
    return path.split('\\').join('/');
}

export function githubCommand(record: DiagnosticRecord, cwd: string = process.cwd()): string {
    const properties = [
        `file=${escapeProperty(annotationPath(record.file, cwd))}`,
        `line=${record.line}`,
        `col=${record.column}`,
        `endLine=${record.endLine}`,
        `endColumn=${record.endColumn}`,
        `title=${escapeProperty(record.code)}`
    ];
    return `::${COMMANDS[record.severity]} ${properties.join(',')}::${escapeData(record.message)}`;
}

registerCheckFormatter('github', (records, _summary, _io, options) => records.map(record => githubCommand(record, options.cwd) + '\n').join(''));
// `--max-warnings` exceeded: an error annotation without a file, on stdout with the others.
registerTooManyWarningsWriter('github', (line, io) => io.write(`::error::${escapeData(line)}\n`));
