/**
 * `vplan review BASE [HEAD] [--format text|json|markdown|html] [-o OUT] [--fail-on-new
 * [--max-warnings N]] [--config FILE]` (contract: shared/spec/cli.md, v2): the difference in
 * meaning between two git revisions of every workspace of the repository (review.ts). Exit 0, or 1 when
 * `--fail-on-new` finds the change introduces an error (or more new warnings than allowed; one
 * line on stderr says which); 2 with one line when a revision or the folder is not git's.
 */

import { escapeTextLines } from './safe-text.js';
import { extname, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { localeFromEnvironment, text, type Locale } from '../language/i18n/locale.js';
import { CliInputError } from './files.js';
import { servicesWithNamedConfig, withLocaleAndConfig, type LocaleAndConfig } from './common-options.js';
import { cliTexts } from './cli-texts.js';
import { reviewTexts } from './review-texts.js';
import { computeReview } from './review.js';
import { renderReviewJson, renderReviewMarkdown, renderReviewText } from './review-format.js';
import { renderReviewHtml } from './review-html.js';
import { renderToday, writeFileAtomically } from './render-command.js';
import { startProgress } from './progress.js';
import type { CliIo } from './io.js';

export type ReviewFormat = 'text' | 'json' | 'markdown' | 'html';

interface ReviewCommandOptions extends LocaleAndConfig {
    format?: ReviewFormat;
    output?: string;
    failOnNew: boolean;
    maxWarnings?: number;
    progress: boolean;
}

const EXTENSIONS: Record<string, ReviewFormat> = { '.json': 'json', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html' };

/** `--format`, else OUT's extension (`.md`, `.json`, `.html`), else text. */
export function reviewFormatFor(format: ReviewFormat | undefined, output: string | undefined): ReviewFormat {
    return format ?? (output ? EXTENSIONS[extname(output).toLowerCase()] : undefined) ?? 'text';
}

export function registerReviewCommand(program: Command, io: CliIo, setExitCode: (code: number) => void, locale: Locale): void {
    const say = (entry: typeof reviewTexts.review) => text(entry, {}, locale);
    withLocaleAndConfig(program.command('review')
        .description(say(reviewTexts.review))
        .argument('<base>', say(reviewTexts.baseArgument))
        .argument('[head]', say(reviewTexts.headArgument))
        .addOption(new Option(text(cliTexts.formatFlag, {}, locale), say(reviewTexts.formatOption)).choices(['text', 'json', 'markdown', 'html']))
        .option(text(cliTexts.outputFlag, {}, locale), text(cliTexts.outputOption, {}, locale))
        .option('--fail-on-new', say(reviewTexts.failOnNewOption), false)
        .option('--progress', text(cliTexts.progressOption, {}, locale), false)
        .option('--max-warnings <n>', say(reviewTexts.maxWarningsOption), value => {
            if (!/^\d+$/.test(value)) throw new InvalidArgumentError(text(cliTexts.wholeNumber, {}, locale));
            return Number(value);
        }), locale)
        .action(async (base: string, head: string | undefined, options: ReviewCommandOptions) => {
            if (options.maxWarnings !== undefined && !options.failOnNew) throw new CliInputError('--max-warnings', reviewTexts.maxWarningsNeedsFailOnNew);
            const cwd = process.cwd();
            const defaultLocale = localeFromEnvironment(process.env);
            const messageLocale = options.locale ?? defaultLocale;
            const format = reviewFormatFor(options.format, options.output);
            // `--config FILE`: read once, from the working tree, for both revisions (exit 2 with one line when it cannot be).
            const named = options.config !== undefined
                ? (await servicesWithNamedConfig({ locale: options.locale, defaultLocale, configPath: options.config, cwd })).config
                : undefined;
            const { review, timelines, workingTreeFiles } = await computeReview(base, head, {
                locale: options.locale, defaultLocale, cwd, timelines: format === 'html', today: renderToday(process.env),
                config: named && { absolutePath: named.uri.fsPath, text: named.text },
                progress: total => startProgress({ command: 'review', total, forced: options.progress, locale: messageLocale })
            });
            const output = format === 'json' ? renderReviewJson(review)
                : format === 'markdown' ? escapeTextLines(renderReviewMarkdown(review, messageLocale))
                    : format === 'html' ? renderReviewHtml(review, timelines, messageLocale)
                        : escapeTextLines(renderReviewText(review, messageLocale));
            // Never over a plan or config file of the working tree that was just read.
            if (options.output !== undefined) writeFileAtomically(resolve(cwd, options.output), output, options.output, workingTreeFiles);
            else io.write(output);
            let failed = false;
            if (options.failOnNew) {
                const { errors, warnings } = review.summary.introduced;
                if (errors > 0) {
                    io.error(text(reviewTexts.failIntroducedErrors, { errors }, messageLocale));
                    failed = true;
                }
                if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
                    io.error(text(reviewTexts.failTooManyWarnings, { warnings, max: options.maxWarnings }, messageLocale));
                    failed = true;
                }
            }
            setExitCode(failed ? 1 : 0);
        });
}
