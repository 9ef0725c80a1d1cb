/** Output for the CLI: stdout for results, stderr for errors; colour only on a TTY without NO_COLOR. */

export interface CliIo {
    write(text: string): void;
    error(line: string): void;
    colorSeverity(severity: string): string;
}

const COLORS: Record<string, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };

/**
 * A reader that stops early (`vplan check | head`, a pager quit, git's `log -p` cut short) closes
 * the pipe: the next write fails with EPIPE, which Node raises as an unhandled 'error' event, a
 * stack trace. The output is simply no longer wanted, so the writes stop quietly and the command
 * ends with its own exit code (0 for the git diff driver, so that git does not report a dead
 * driver). Any other error of the streams stays an error.
 */
export function toleratePipeClosed(stream: NodeJS.WriteStream): void {
    stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
        throw error;
    });
}

export function processIo(): CliIo {
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    return {
        write: text => { process.stdout.write(text); },
        error: line => { process.stderr.write(line + '\n'); },
        colorSeverity: severity => (color && COLORS[severity] ? `${COLORS[severity]}${severity}\u001b[0m` : severity)
    };
}
