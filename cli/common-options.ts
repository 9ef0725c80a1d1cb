/**
 * The options every command shares, defined once: `--locale` (and how the CLI finds its locale
 * before commander parses anything, so that `--help` and usage errors are in that language too)
 * and `--config`.
 */

import { Option, type Command } from 'commander';
import { URI } from 'langium';
import { isLocale, localeFromEnvironment, text, type Locale } from '../language/i18n/locale.js';
import type { LoadedConfig } from '../language/config/settings-provider.js';
import { cliTexts } from './cli-texts.js';
import { CliInputError, because } from './files.js';
import { createCliServices, type Services, type WorkspaceOptions } from './workspace.js';

export interface LocaleAndConfig {
    locale?: Locale;
    config?: string;
}

/**
 * The locale of a command line: its last valid `--locale en|nl` (or `--locale=nl`), else LC_ALL,
 * LC_MESSAGES, LANG. Read before parsing, because the help and the usage errors need it.
 */
export function commandLineLocale(argv: readonly string[], env: Record<string, string | undefined>): Locale {
    let found: Locale | undefined;
    for (let i = 0; i < argv.length; i++) {
        const argument = argv[i];
        if (argument === '--') break;
        const value = argument === '--locale' ? argv[i + 1] : argument.startsWith('--locale=') ? argument.slice('--locale='.length) : undefined;
        if (isLocale(value)) found = value;
    }
    return found ?? localeFromEnvironment(env);
}

/** `--locale en|nl`: the language of messages. */
export function withLocale(command: Command, locale: Locale): Command {
    return command.addOption(new Option(text(cliTexts.localeFlag, {}, locale), text(cliTexts.localeOption, {}, locale)).choices(['en', 'nl']));
}

/** `--locale` and `--config FILE`, as every command that reads a workspace has them. */
export function withLocaleAndConfig(command: Command, locale: Locale): Command {
    return withLocale(command, locale).option(text(cliTexts.configFlag, {}, locale), text(cliTexts.configOption, {}, locale));
}

/**
 * `--config FILE` as `check` takes it: services whose settings are FILE's for every file
 * (workspace.ts `createCliServices`: exit 2 with one line when FILE does not exist or is not a
 * file), and FILE as they read it. A FILE that exists but cannot be read is exit 2 as well, with
 * one line: `fmt` and `review` report no diagnostics on it (`check` reports it as VP009).
 */
export async function servicesWithNamedConfig(options: WorkspaceOptions & { configPath: string }): Promise<{ services: Services; config: LoadedConfig }> {
    const services = await createCliServices(options, false);
    // The named file replaces the cascade: it is the one source of every document's settings.
    const config = services.Vplan.config.SettingsProvider.sourcesFor(URI.file(options.cwd))[0];
    if (config.readError !== undefined) throw new CliInputError(options.configPath, because(cliTexts.cannotRead, { code: config.readError }));
    return { services, config };
}
