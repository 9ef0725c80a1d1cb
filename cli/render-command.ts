/**
 * `vplan render FILE [-o OUT] [--format html|svg] [--plan ID]`: draws the timeline of a plan
 * (language reference section 8; contract: shared/spec/cli.md). The HTML is one self-contained,
 * script-free, printable page; `-o` writes atomically (a temporary file renamed into place), so
 * a reader never sees half a timeline, and never over the plan or another file it read.
 */

import { extname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { localeFromEnvironment, text, type Locale } from '../language/i18n/locale.js';
import { planFacts } from '../language/analysis/plan-facts.js';
import { buildTimeline } from '../language/timeline/timeline-model.js';
import { renderHtml } from '../language/timeline/render-html.js';
import { renderSvg } from '../language/timeline/render-svg.js';
import { writeOutputFile } from './output-file.js';
import { loadFileWorkspace, selectPlan } from './file-workspace.js';
import { withLocaleAndConfig, type LocaleAndConfig } from './common-options.js';
import { cliTexts } from './cli-texts.js';
import type { CliIo } from './io.js';

export type RenderFormat = 'html' | 'svg';

interface RenderCommandOptions extends LocaleAndConfig {
    output?: string;
    format?: RenderFormat;
    plan?: string;
}

/** `--format`, else OUT's extension (`.svg` → svg), else html. */
export function renderFormatFor(format: RenderFormat | undefined, output: string | undefined): RenderFormat {
    if (format) return format;
    return output && extname(output).toLowerCase() === '.svg' ? 'svg' : 'html';
}

/**
 * Today for the marker. SOURCE_DATE_EPOCH (seconds; the reproducible-builds convention) pins it,
 * so that CI artifacts and documentation images do not change with the calendar.
 */
export function renderToday(env: Record<string, string | undefined>, now: Date = new Date()): Date {
    const epoch = env.SOURCE_DATE_EPOCH;
    if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
    return now;
}

/**
 * Writes `-o OUT` safely (output-file.ts): atomically for a regular file, through a symbolic link
 * or into a FIFO or character device as it is, never over one of `inputs` (the files read).
 */
export function writeFileAtomically(path: string, content: string, display: string, inputs: readonly string[] = []): void {
    writeOutputFile(path, content, display, inputs);
}

export function registerRenderCommand(program: Command, io: CliIo, setExitCode: (code: number) => void, locale: Locale): void {
    const say = (entry: typeof cliTexts.render) => text(entry, {}, locale);
    withLocaleAndConfig(program.command('render')
        .description(say(cliTexts.render))
        .argument(say(cliTexts.fileName), say(cliTexts.fileArgument))
        .option(say(cliTexts.outputFlag), say(cliTexts.outputOption))
        .addOption(new Option(say(cliTexts.formatFlag), say(cliTexts.renderFormatOption)).choices(['html', 'svg']))
        .option('--plan <id>', say(cliTexts.renderPlanOption)), locale)
        .action(async (file: string, options: RenderCommandOptions) => {
            const cwd = process.cwd();
            const loaded = await loadFileWorkspace(file, {
                locale: options.locale, defaultLocale: localeFromEnvironment(process.env), configPath: options.config, cwd
            });
            const plan = selectPlan(loaded, file, options.plan, 'render');
            const settings = loaded.workspace.services.Vplan.config.SettingsProvider;
            const locale = settings.settingsFor(loaded.document.uri).locale;
            const model = buildTimeline(planFacts(plan), loaded.document.diagnostics ?? [], { today: renderToday(process.env) });
            const format = renderFormatFor(options.format, options.output);
            const output = format === 'svg' ? renderSvg(model, { locale }) : renderHtml(model, { locale });
            if (options.output !== undefined) {
                // Never over a file the plan was read from (`render plan.vplan -o plan.vplan`, or its catalogue).
                const inputs = loaded.workspace.services.shared.workspace.LangiumDocuments.all
                    .filter(document => document.uri.scheme === 'file').map(document => document.uri.fsPath).toArray();
                writeFileAtomically(resolve(cwd, options.output), output, options.output, [resolve(cwd, file), ...inputs]);
            } else {
                io.write(output);
            }
            setExitCode(0);
        });
}
