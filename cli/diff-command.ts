/**
 * `vplan diff OLD NEW [--format text|json]` and `vplan diff --git` (git's external diff driver):
 * compares two versions of a plan file by meaning (contract: shared/spec/cli.md). Exit 0 whether
 * or not they differ; 2 when a file cannot be read or the arguments are wrong.
 */

import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { text, type Locale } from '../language/i18n/locale.js';
import { resolvePlan } from '../language/model/plan-model.js';
import { diffFiles, type DiagnosticKey } from '../language/diff/plan-diff.js';
import { renderDiffText } from '../language/diff/plan-diff-text.js';
import { localeFromEnvironment } from '../language/i18n/locale.js';
import type { ResolvedPlan } from '../language/model/plan-model.js';
import { CliInputError, because, readPlanText } from './files.js';
import { loadFileWithWorkspace } from './diff-workspace.js';
import { withLocaleAndConfig, type LocaleAndConfig } from './common-options.js';
import { cliTexts } from './cli-texts.js';
import type { WorkspaceOptions } from './workspace.js';
import type { CliIo } from './io.js';

interface Side {
    label: string;
    plans: ResolvedPlan[];
    diagnostics: DiagnosticKey[];
}

const NO_FILE = '/dev/null';

/**
 * One version of the file. `textFile` is where its text is (a temporary file from git, or the
 * file itself); `workspacePath` is the path whose workspace resolves its references.
 */
async function loadSide(label: string, textFile: string, workspacePath: string, displayPath: string, options: WorkspaceOptions): Promise<Side> {
    if (textFile === NO_FILE) return { label, plans: [], diagnostics: [] };
    const text = readPlanText(resolve(options.cwd, textFile), textFile === workspacePath ? displayPath : textFile);
    const loaded = await loadFileWithWorkspace({ absolutePath: resolve(options.cwd, workspacePath), displayPath, text }, options);
    return {
        label,
        plans: loaded.plans.map(resolvePlan),
        diagnostics: loaded.diagnostics.map(d => ({ code: d.code, severity: d.severity, message: d.message }))
    };
}

export function registerDiffCommand(program: Command, io: CliIo, setExitCode: (code: number) => void, locale: Locale): void {
    const say = (entry: typeof cliTexts.diff) => text(entry, {}, locale);
    withLocaleAndConfig(program.command('diff')
        .description(say(cliTexts.diff))
        .argument(say(cliTexts.filesName), say(cliTexts.diffFilesArgument))
        .addOption(new Option(say(cliTexts.formatFlag), say(cliTexts.formatOption)).choices(['text', 'json']).default('text'))
        .option('--git', say(cliTexts.gitOption), false), locale)
        .action(async (files: string[], options: { format: 'text' | 'json'; git: boolean } & LocaleAndConfig) => {
            const cwd = process.cwd();
            const workspaceOptions: WorkspaceOptions = {
                locale: options.locale, defaultLocale: localeFromEnvironment(process.env), configPath: options.config, cwd
            };
            let oldSide: Side;
            let newSide: Side;
            let header: string | undefined;
            if (options.git) {
                // git passes 7 arguments, 9 for a rename (new path and a message), 1 for an unmerged path.
                if (files.length === 1) {
                    io.write(`${text(cliTexts.unmergedPath, { path: files[0] }, options.locale ?? workspaceOptions.defaultLocale)}\n`);
                    setExitCode(0);
                    return;
                }
                if (files.length !== 7 && files.length !== 9) {
                    throw new CliInputError('diff --git', because(cliTexts.diffGitArguments, { count: files.length }));
                }
                const [path, oldFile, , , newFile] = files;
                const newPath = files.length === 9 ? files[7] : path;
                header = `diff --vplan a/${path} b/${newPath}`;
                oldSide = await loadSide(`a/${path}`, oldFile, path, path, workspaceOptions);
                newSide = await loadSide(`b/${newPath}`, newFile, newPath, newPath, workspaceOptions);
            } else {
                if (files.length !== 2) throw new CliInputError('diff', because(cliTexts.diffTwoFiles, { count: files.length }));
                const [oldFile, newFile] = files;
                oldSide = await loadSide(oldFile, oldFile, oldFile, oldFile, workspaceOptions);
                newSide = await loadSide(newFile, newFile, newFile, newFile, workspaceOptions);
            }
            const result = diffFiles(oldSide, newSide);
            if (options.format === 'json') {
                io.write(JSON.stringify(result, null, 2) + '\n');
            } else {
                const locale = options.locale ?? workspaceOptions.defaultLocale;
                io.write((header ? header + '\n' : '') + renderDiffText(result, locale));
            }
            setExitCode(0);
        });
}
