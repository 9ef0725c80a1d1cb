/**
 * Progress of long work on stderr (cli.md v2, `--progress`; issue 14, item 6): "files done of
 * total". On a terminal it appears once the work has taken about two seconds, as one line
 * rewritten in place and cleared at the end; it never appears in a CI log (stderr not a
 * terminal, or the `CI` variable set) unless asked for with `--progress`, which prints plain
 * lines from the start: at most one a second, and the last one when the work is done.
 */

import { text, type Locale } from '../language/i18n/locale.js';
import { cliTexts } from './cli-texts.js';

export interface Progress {
    /** One more file done. */
    advance(): void;
    /** The work is done: the last line with `--progress`, the line cleared on a terminal. */
    finish(): void;
}

export interface ProgressOptions {
    command: 'check' | 'fmt' | 'review';
    total: number;
    /** `--progress`: plain lines whatever stderr is. */
    forced: boolean;
    locale: Locale;
    stream?: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>;
    env?: NodeJS.ProcessEnv;
    now?: () => number;
}

/** A terminal shows progress only for work that takes longer than this. */
export const TERMINAL_DELAY_MS = 2000;
const TERMINAL_INTERVAL_MS = 100;
const FORCED_INTERVAL_MS = 1000;

const NO_PROGRESS: Progress = { advance() { /* nothing to show */ }, finish() { /* nothing to show */ } };

/** Whether the environment says this is a CI run (GitHub Actions, GitLab, most others set CI). */
function inContinuousIntegration(env: NodeJS.ProcessEnv): boolean {
    const value = env.CI;
    return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

export function startProgress(options: ProgressOptions): Progress {
    const stream = options.stream ?? process.stderr;
    const env = options.env ?? process.env;
    const now = options.now ?? Date.now;
    const onTerminal = Boolean(stream.isTTY) && !inContinuousIntegration(env);
    if (!options.forced && !onTerminal) return NO_PROGRESS;
    const started = now();
    const line = (done: number) => text(cliTexts.progress, { command: options.command, done, total: options.total }, options.locale);
    let done = 0;
    let lastShown: number | undefined;
    let shownOnTerminal = false;

    if (options.forced) {
        return {
            advance() {
                done++;
                const time = now();
                if (done < options.total && lastShown !== undefined && time - lastShown < FORCED_INTERVAL_MS) return;
                lastShown = time;
                stream.write(`${line(done)}\n`);
            },
            finish() {
                if (lastShown === undefined || done < options.total) stream.write(`${line(options.total)}\n`);
            }
        };
    }
    return {
        advance() {
            done++;
            const time = now();
            if (time - started < TERMINAL_DELAY_MS) return;
            if (lastShown !== undefined && time - lastShown < TERMINAL_INTERVAL_MS && done < options.total) return;
            lastShown = time;
            shownOnTerminal = true;
            // Carriage return and erase-to-end-of-line: one line, rewritten in place.
            stream.write(`\r${line(done)}\u001b[K`);
        },
        finish() {
            if (shownOnTerminal) stream.write('\r\u001b[K');
        }
    };
}
