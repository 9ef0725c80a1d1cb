/**
 * The `vplan` command line (contract: shared/spec/cli.md). Exit codes: 0 success, 1 the check
 * failed, 2 the command could not do its work (one line on stderr, never a stack trace). Every
 * text for people comes from cli-texts.ts in the locale of the command line (common-options.ts).
 */

import { CommanderError, InvalidArgumentError, Option, type Command, type HelpContext } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { localeFromEnvironment, text, type Locale } from '../language/i18n/locale.js';
import { CliInputError } from './files.js';
import { runCheck, type CheckFormat } from './check-command.js';
// The machine formats of `vplan check` register themselves (after check-command has loaded).
import './format-sarif.js';
import './format-junit.js';
import './format-github.js';
import { processIo, toleratePipeClosed, type CliIo } from './io.js';
import { registerExtraCommands } from './commands.js';
import { cliTexts } from './cli-texts.js';
import { commandLineLocale, withLocaleAndConfig, type LocaleAndConfig } from './common-options.js';
import { LocalisedCommand } from './localised-command.js';
import { protectGitDriverArguments } from './diff-command.js';

/**
 * The program. Commander answers a command line without a command (`vplan`, `vplan --`) and
 * `vplan help NAME` for an unknown NAME with its whole help on stderr; vplan makes each a usage
 * error of one line instead (cli.md: every exit 2 prints one clear line). `vplan --help` and
 * `vplan help` still print the help on stdout with exit 0.
 */
class VplanProgram extends LocalisedCommand {
    override help(context?: HelpContext): never;
    override help(callback: (text: string) => string): never;
    override help(context?: HelpContext | ((text: string) => string)): never {
        if (typeof context === 'object' && context.error) {
            const [first, name] = this.args;
            if (first === 'help' && name !== undefined) {
                // Commander's own words (and code), so that they are put in Dutch like every other usage error.
                this.error(`error: unknown command '${name}'`, { code: 'commander.unknownCommand', exitCode: 2 });
            }
            this.error(text(cliTexts.noCommand, {}, this.locale), { code: 'vplan.noCommand', exitCode: 2 });
        }
        // One call per overload of commander's `help` (its deprecated callback form included).
        return typeof context === 'function' ? super.help(context) : super.help(context);
    }
}

export function buildProgram(io: CliIo, setExitCode: (code: number) => void, locale: Locale = 'en'): Command {
    const say = (entry: typeof cliTexts.program) => text(entry, {}, locale);
    const program = new VplanProgram('vplan', locale)
        .description(say(cliTexts.program))
        .version(packageJson.version, '-V, --version', say(cliTexts.versionOption))
        .helpOption('-h, --help', say(cliTexts.helpOption))
        .helpCommand(locale === 'en' ? 'help [command]' : text(cliTexts.helpTokens, { term: 'help [command]' }, locale), say(cliTexts.helpCommand))
        .configureOutput({
            writeOut: output => io.write(output),
            writeErr: output => io.error(output.replace(/\n$/, '')),
            // A usage error is one line on stderr (cli.md: every exit 2 prints one clear line).
            outputError: (output, write) => write(`${text(cliTexts.usageError, { error: output.replace(/\n$/, '') }, locale)}\n`)
        })
        .exitOverride();

    withLocaleAndConfig(program.command('check')
        .description(say(cliTexts.check))
        .argument(say(cliTexts.pathsName), say(cliTexts.pathsArgument))
        .addOption(new Option(say(cliTexts.formatFlag), say(cliTexts.formatOption)).choices(['text', 'json', 'sarif', 'junit', 'github']).default('text'))
        .option('--max-warnings <n>', say(cliTexts.maxWarningsOption), value => parseCount(value, locale))
        .option('--quiet', say(cliTexts.quietOption), false)
        .option('--stdin', say(cliTexts.stdinOption), false)
        .option('--stdin-filename <path>', say(cliTexts.stdinFilenameOption))
        .option('--progress', say(cliTexts.progressOption), false)
        .option('--jobs <n>', say(cliTexts.jobsOption), value => parsePositiveCount(value, locale))
        .option(`--changed <${say(cliTexts.changedName)}>`, say(cliTexts.changedOption)), locale)
        .action(async (paths: string[], options: CheckCommandOptions) => {
            if (options.stdin && options.stdinFilename === undefined) throw new CliInputError('--stdin', cliTexts.stdinNeedsFilename);
            if (!options.stdin && options.stdinFilename !== undefined) throw new CliInputError('--stdin-filename', cliTexts.stdinFilenameNeedsStdin);
            setExitCode(await runCheck(paths, {
                format: options.format,
                maxWarnings: options.maxWarnings,
                quiet: options.quiet,
                stdinFilename: options.stdin ? options.stdinFilename : undefined,
                progress: options.progress,
                jobs: options.jobs,
                changed: options.changed,
                locale: options.locale,
                defaultLocale: localeFromEnvironment(process.env),
                configPath: options.config,
                cwd: process.cwd()
            }, io));
        });

    registerExtraCommands(program, io, setExitCode, locale);
    return program;
}

interface CheckCommandOptions extends LocaleAndConfig {
    format: CheckFormat;
    maxWarnings?: number;
    quiet: boolean;
    stdin: boolean;
    stdinFilename?: string;
    progress: boolean;
    jobs?: number;
    changed?: string;
}

function parseCount(value: string, locale: Locale): number {
    // InvalidArgumentError, so that commander prints it (one line) before exiting with a usage error.
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(text(cliTexts.wholeNumber, {}, locale));
    return Number(value);
}

function parsePositiveCount(value: string, locale: Locale): number {
    const count = parseCount(value, locale);
    if (count < 1) throw new InvalidArgumentError(text(cliTexts.positiveNumber, {}, locale));
    return count;
}

export async function main(commandLine: string[]): Promise<number> {
    // Git's arguments to `vplan diff --git` are never options, whatever the file names (`-h.vplan`).
    const argv = protectGitDriverArguments(commandLine);
    toleratePipeClosed(process.stdout);
    toleratePipeClosed(process.stderr);
    const io = processIo();
    const locale = commandLineLocale(argv, process.env);
    let exitCode = 0;
    const program = buildProgram(io, code => { exitCode = code; }, locale);
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end here with code 0; usage errors were printed by commander.
            return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof CliInputError) {
            io.error(error.render(locale));
            return 2;
        }
        const message = error instanceof Error ? error.message : String(error);
        io.error(text(cliTexts.internalError, { message: message.split('\n')[0] }, locale));
        if (process.env.VPLAN_DEBUG) console.error(error);
        return 2;
    }
}

main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
}, () => {
    process.exitCode = 2;
});
