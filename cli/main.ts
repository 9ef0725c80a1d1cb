/**
 * The `vplan` command line (contract: shared/spec/cli.md). Exit codes: 0 success, 1 the check
 * failed, 2 the command could not do its work (one line on stderr, never a stack trace).
 */

import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { localeFromEnvironment, type Locale } from '../language/i18n/locale.js';
import { CliInputError } from './files.js';
import { runCheck, type CheckFormat } from './check-command.js';
// The machine formats of `vplan check` register themselves (after check-command has loaded).
import './format-sarif.js';
import './format-junit.js';
import './format-github.js';
import { processIo, type CliIo } from './io.js';
import { registerExtraCommands } from './commands.js';

export interface GlobalOptions {
    locale?: Locale;
    config?: string;
}

export function commonOptions(command: Command): Command {
    return command
        .addOption(new Option('--locale <locale>', 'language of messages (default: from LC_ALL, LC_MESSAGES or LANG)').choices(['en', 'nl']))
        .option('--config <file>', 'use this vplan.config.json instead of the nearest one');
}

export function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
    const program = new Command('vplan')
        .description('Check, format, draw and compare structured safety plans (.vplan files).')
        .version(packageJson.version, '-V, --version', 'print the version')
        .helpOption('-h, --help', 'show help')
        .configureOutput({
            writeOut: text => io.write(text),
            writeErr: text => io.error(text.replace(/\n$/, '')),
            // A usage error is one line on stderr (cli.md: every exit 2 prints one clear line).
            outputError: (text, write) => write(`vplan: ${text.replace(/\n$/, '')} (run vplan --help for usage)\n`)
        })
        .exitOverride();

    commonOptions(program.command('check')
        .description('validate plans and print their diagnostics')
        .argument('[paths...]', 'files or folders (default: the current folder)')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'junit', 'github']).default('text'))
        .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', parseCount)
        .option('--quiet', 'report errors only', false))
        .action(async (paths: string[], options: { format: CheckFormat; maxWarnings?: number; quiet: boolean } & GlobalOptions) => {
            setExitCode(await runCheck(paths, {
                format: options.format,
                maxWarnings: options.maxWarnings,
                quiet: options.quiet,
                locale: options.locale,
                defaultLocale: localeFromEnvironment(process.env),
                configPath: options.config,
                cwd: process.cwd()
            }, io));
        });

    registerExtraCommands(program, io, setExitCode);
    return program;
}

function parseCount(value: string): number {
    // InvalidArgumentError, so that commander prints it (one line) before exiting with a usage error.
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Give a whole number, such as 0.');
    return Number(value);
}

export async function main(argv: string[]): Promise<number> {
    const io = processIo();
    let exitCode = 0;
    const program = buildProgram(io, code => { exitCode = code; });
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end here with code 0; usage errors were printed by commander.
            return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof CliInputError) {
            io.error(`vplan: ${error.message}`);
            return 2;
        }
        const message = error instanceof Error ? error.message : String(error);
        io.error(`vplan: internal error: ${message.split('\n')[0]}`);
        if (process.env.VPLAN_DEBUG) console.error(error);
        return 2;
    }
}

main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
}, () => {
    process.exitCode = 2;
});
