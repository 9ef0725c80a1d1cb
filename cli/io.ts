/** Output for the CLI: stdout for results, stderr for errors; colour only on a TTY without NO_COLOR. */

export interface CliIo {
    write(text: string): void;
    error(line: string): void;
    colorSeverity(severity: string): string;
}

const COLORS: Record<string, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };

export function processIo(): CliIo {
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    return {
        write: text => { process.stdout.write(text); },
        error: line => { process.stderr.write(line + '\n'); },
        colorSeverity: severity => (color && COLORS[severity] ? `${COLORS[severity]}${severity}\u001b[0m` : severity)
    };
}
