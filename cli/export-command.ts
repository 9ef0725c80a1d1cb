/** `vplan export FILE [--plan ID]`: the resolved plan as JSON (contract: shared/spec/cli.md). */

import type { Command } from 'commander';
import { text, type Locale } from '../language/i18n/locale.js';
import { resolvePlan } from '../language/model/plan-model.js';
import { exportDocument, type DiagnosticCounts } from '../language/export/plan-export.js';
import { localeFromEnvironment } from '../language/i18n/locale.js';
import { loadFileWorkspace, selectPlan } from './file-workspace.js';
import { withLocaleAndConfig, type LocaleAndConfig } from './common-options.js';
import { cliTexts } from './cli-texts.js';
import type { CliIo } from './io.js';

export function registerExportCommand(program: Command, io: CliIo, setExitCode: (code: number) => void, locale: Locale): void {
    const say = (entry: typeof cliTexts.export) => text(entry, {}, locale);
    withLocaleAndConfig(program.command('export')
        .description(say(cliTexts.export))
        .argument(say(cliTexts.fileName), say(cliTexts.fileArgument))
        .option('--plan <id>', say(cliTexts.exportPlanOption)), locale)
        .action(async (file: string, options: { plan?: string } & LocaleAndConfig) => {
            const loaded = await loadFileWorkspace(file, {
                locale: options.locale, defaultLocale: localeFromEnvironment(process.env), configPath: options.config, cwd: process.cwd()
            });
            const plan = selectPlan(loaded, file, options.plan, 'export');
            const counts: DiagnosticCounts = { errors: 0, warnings: 0, infos: 0 };
            for (const record of loaded.diagnostics) {
                if (record.severity === 'error') counts.errors++;
                else if (record.severity === 'warning') counts.warnings++;
                else counts.infos++;
            }
            io.write(JSON.stringify(exportDocument(resolvePlan(plan), file, counts), null, 2) + '\n');
            setExitCode(0);
        });
}
