/**
 * Commander in the CLI's locale. Descriptions, argument names and option placeholders come from
 * cli-texts.ts when the program is built (the locale is known before parsing: common-options.ts);
 * what commander writes itself is rendered through the same catalogue: the help's headings,
 * `[options]`/`[command]` and `(choices: ..., default: ...)` through `configureHelp` (commander's
 * documented Help overrides), and its usage errors through `error()`, which every command of the
 * program inherits via `createCommand` (commander's documented way to subclass commands).
 */

import { Command, Help, type ErrorOptions, type HelpConfiguration } from 'commander';
import { text, type Locale } from '../language/i18n/locale.js';
import { cliTexts } from './cli-texts.js';

export class LocalisedCommand extends Command {
    constructor(name: string | undefined, readonly locale: Locale) {
        super(name);
        // English is commander's own text: leave its help exactly as it is.
        if (locale !== 'en') this.configureHelp(localisedHelp(locale));
    }

    override createCommand(name?: string): LocalisedCommand {
        return new LocalisedCommand(name, this.locale);
    }

    override error(message: string, errorOptions?: ErrorOptions): never {
        super.error(text(cliTexts.commanderError, { code: errorOptions?.code ?? 'commander.error', error: message }, this.locale), errorOptions);
    }
}

/** The parts of commander's help that are its own words, in `locale`. */
function localisedHelp(locale: Locale): HelpConfiguration {
    const base = Help.prototype;
    const tokens = (term: string) => text(cliTexts.helpTokens, { term }, locale);
    return {
        styleTitle: heading => text(cliTexts.helpHeadings, { heading }, locale),
        commandUsage(this: Help, command) {
            return tokens(base.commandUsage.call(this, command));
        },
        subcommandTerm(this: Help, command) {
            return tokens(base.subcommandTerm.call(this, command));
        },
        optionDescription(this: Help, option) {
            return text(cliTexts.helpExtras, { description: base.optionDescription.call(this, option) }, locale);
        },
        argumentDescription(this: Help, argument) {
            return text(cliTexts.helpExtras, { description: base.argumentDescription.call(this, argument) }, locale);
        }
    };
}
