/**
 * The command line of `vplan-language-server` before any connection exists: `--help` and
 * `--version` print and exit 0; a start without a transport (`--stdio`, `--node-ipc`,
 * `--socket=PORT`, `--pipe=NAME`) is one line on stderr and exit 2, never the stack trace of
 * vscode-languageserver ("Connection input stream is not set"). Other arguments (such as
 * `--clientProcessId`, which clients add) are left to vscode-languageserver.
 */

import packageJson from '../package.json' with { type: 'json' };
import { localeFromEnvironment, text } from '../language/i18n/locale.js';
import { serverTexts } from './server-texts.js';

export const SERVER_COMMAND = 'vplan-language-server';

const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

export type CommandLineOutcome = { exit: number; stdout?: string; stderr?: string } | { start: true };

/** What the arguments ask for (pure: the caller prints and exits). */
export function readCommandLine(args: readonly string[], env: Record<string, string | undefined>): CommandLineOutcome {
    const locale = localeFromEnvironment(env);
    if (args.includes('-h') || args.includes('--help')) {
        return { exit: 0, stdout: text(serverTexts.usage, { command: SERVER_COMMAND, version: packageJson.version }, locale) + '\n' };
    }
    if (args.includes('-V') || args.includes('--version')) return { exit: 0, stdout: `${packageJson.version}\n` };
    if (!args.some(arg => TRANSPORT.test(arg))) {
        return { exit: 2, stderr: text(serverTexts.noTransport, { command: SERVER_COMMAND }, locale) + '\n' };
    }
    return { start: true };
}

/**
 * `VPLAN_LEAN_MIN_FILES`: from how many workspace files on the server parks closed plans
 * (language/workspace/parked-plans.ts); `0` always, unset the default (`LEAN_MIN_FILES`).
 */
export function leanMinFilesFrom(env: Record<string, string | undefined>): number | undefined {
    const value = env.VPLAN_LEAN_MIN_FILES;
    return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/**
 * `VPLAN_CHECK_UPDATES=1` (set by the tests): the document builder checks its choice of documents
 * on every update against Langium's walk over all of them (language/workspace/vplan-document-builder.ts),
 * and the server stops with the difference on stderr, so that a test sees it.
 */
export function checkUpdatesFrom(env: Record<string, string | undefined>): boolean {
    return env.VPLAN_CHECK_UPDATES === '1';
}
