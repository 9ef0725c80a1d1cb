/**
 * `vplan diff OLD NEW [--format text|json]` and `vplan diff --git` (git's external diff driver):
 * compares two versions of a file by meaning (contract: shared/spec/cli.md, `vplan diff`, v2).
 * The diff itself is language/diff/plan-diff.ts; the loading of each side, in a workspace of its
 * own, is diff-workspace.ts.
 *
 * Exit 0 whether or not the versions differ; 2 when a file cannot be read or the arguments are
 * wrong. The git driver never makes git stop: a side that is not plan text gets a one-line note
 * and the other side is still shown (without diagnostics introduced or resolved: nothing was
 * compared), and whatever goes wrong, the exit code is 0.
 */

import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { text, localeFromEnvironment, type Locale } from '../language/i18n/locale.js';
import { diffChangeSet, singleFileDiff, type DiffSideInput, type SingleFileDiff } from '../language/diff/plan-diff.js';
import { renderDiffText } from '../language/diff/plan-diff-text.js';
import { CliInputError, because, readPlanText } from './files.js';
import { SUBJECT_KEY, diffPlaces, documentPathFor, loadDiffSides, type DiffSideSource } from './diff-workspace.js';
import { withLocaleAndConfig, type LocaleAndConfig } from './common-options.js';
import { cliTexts } from './cli-texts.js';
import type { WorkspaceOptions } from './workspace.js';
import type { CliIo } from './io.js';
import { escapeControlCharacters, escapeJsonControlCharacters, escapeTextLines } from './safe-text.js';

const NO_FILE = '/dev/null';

type Format = 'text' | 'json';

/** A blob name (`git diff` passes `.` for a file it has no blob of) and a file mode. */
const GIT_HEX = /^([0-9a-f]{4,64}|\.)$/;
const GIT_MODE = /^([0-7]{6}|\.)$/;

/** Whether arguments have the shape of git's external diff arguments (7, or 9 for a rename). */
function isGitTail(args: readonly string[]): boolean {
    if (args.length !== 7 && args.length !== 9) return false;
    return GIT_HEX.test(args[2]) && GIT_MODE.test(args[3]) && GIT_HEX.test(args[5]) && GIT_MODE.test(args[6]);
}

/**
 * Git appends its arguments to the configured command (`vplan diff --git PATH OLD-FILE ...`), and
 * a path may look like an option (`--config=x.vplan`, `-h.vplan`, `--git.vplan`). This puts `--`
 * before git's arguments, found by their shape, so that they are never read as options (options
 * the user wrote after `--git` stay options). Other command lines are returned as they are.
 */
export function protectGitDriverArguments(argv: readonly string[]): string[] {
    const diffAt = argv.indexOf('diff');
    const gitAt = argv.indexOf('--git', diffAt + 1);
    if (diffAt < 0 || gitAt < 0 || argv.slice(0, diffAt).some(a => !a.startsWith('-')) || argv.includes('--')) return [...argv];
    const tail = argv.slice(gitAt + 1);
    // An unmerged path comes alone.
    if (tail.length === 1) return [...argv.slice(0, gitAt + 1), '--', ...tail];
    for (let prefix = 0; prefix < tail.length; prefix++) {
        const rest = tail.slice(prefix);
        if (isGitTail(rest)) return [...argv.slice(0, gitAt + 1 + prefix), '--', ...rest];
    }
    return [...argv];
}

function write(io: CliIo, document: SingleFileDiff, format: Format, locale: Locale, lines: { before?: string[]; after?: string[] }): void {
    if (format === 'json') io.write(escapeJsonControlCharacters(JSON.stringify(document, null, 2)) + '\n');
    else io.write(escapeTextLines(renderDiffText(document, locale, lines)));
}

/** `vplan diff OLD NEW`: each side in its own workspace (a lone copy in the other side's place). */
async function diffFiles(oldFile: string, newFile: string, format: Format, options: WorkspaceOptions, locale: Locale, io: CliIo): Promise<void> {
    const oldPath = resolve(options.cwd, oldFile);
    const newPath = resolve(options.cwd, newFile);
    const oldText = readPlanText(oldPath, oldFile);
    const newText = readPlanText(newPath, newFile);
    const places = diffPlaces(oldPath, newPath);
    const exclude = new Set([oldPath, newPath, documentPathFor(oldPath), documentPathFor(newPath)]);
    const { old: oldSide, new: newSide } = await loadDiffSides({ label: oldFile, text: oldText, place: places.old }, { label: newFile, text: newText, place: places.new }, exclude, options);
    const changeSet = diffChangeSet(oldSide, newSide, [{ old: SUBJECT_KEY, new: SUBJECT_KEY }]);
    write(io, singleFileDiff(changeSet, { old: oldFile, new: newFile }), format, locale, {});
}

/** One side of git's arguments: its text, or a note when it is not plan text. */
function gitSide(label: string, file: string, place: string, options: WorkspaceOptions, locale: Locale): { side: DiffSideSource; note?: { line: string; reason: string } } {
    if (file === NO_FILE) return { side: { label, place } };
    try {
        return { side: { label, place, text: readPlanText(resolve(options.cwd, file), label) } };
    } catch (error) {
        if (!(error instanceof CliInputError)) throw error;
        const line = error.render(locale);
        return { side: { label, place }, note: { line, reason: line.slice(line.indexOf(`${label}: `) + label.length + 2) } };
    }
}

/** `vplan diff --git PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE [NEW-PATH MESSAGE]`. */
async function gitDriver(args: readonly string[], format: Format, options: WorkspaceOptions, locale: Locale, io: CliIo): Promise<void> {
    const [path, oldFile, , , newFile] = args;
    const newPath = args.length === 9 ? args[7] : path;
    // Escaped as every file name vplan prints (safe-text.ts): a newline must not start a line of its own.
    const header = `diff --vplan a/${escapeControlCharacters(path)} b/${escapeControlCharacters(newPath)}`;
    try {
        // Both sides take the place of the repository path git names, in the working tree's workspace.
        const oldPlace = resolve(options.cwd, path);
        const newPlace = resolve(options.cwd, newPath);
        const oldSource = gitSide(`a/${path}`, oldFile, oldPlace, options, locale);
        const newSource = gitSide(`b/${newPath}`, newFile, newPlace, options, locale);
        const exclude = new Set([oldPlace, newPlace, documentPathFor(oldPlace), documentPathFor(newPlace)]);
        const loaded = await loadDiffSides(oldSource.side, newSource.side, exclude, options);
        const notes = ([['old', oldSource], ['new', newSource]] as const)
            .filter(([, source]) => source.note !== undefined)
            .map(([side, source]) => ({ side, file: source.side.label, reason: source.note!.reason }));
        // A side that is not plan text is not compared: the other side is shown (its items added or
        // removed, as written), but no diagnostic, of it or of any other file, counts as introduced
        // or resolved by the change, which is unknown (a file that git cannot show as text did not
        // fix the errors of the version before it).
        const compared = (side: DiffSideInput): DiffSideInput => (notes.length > 0 ? { files: side.files, diagnostics: [] } : side);
        const changeSet = diffChangeSet(compared(loaded.old), compared(loaded.new), [{ old: SUBJECT_KEY, new: SUBJECT_KEY }]);
        const document = singleFileDiff(changeSet, { old: `a/${path}`, new: `b/${newPath}` }, {
            notes, resolvedAgainstWorkingTree: changeSet.dependsOnOtherFiles
        });
        const sideNotes = [oldSource, newSource].filter(s => s.note).map(s => text(cliTexts.diffSideNotCompared, { line: s.note!.line }, locale));
        write(io, document, format, locale, {
            before: [header, ...sideNotes],
            after: document.resolvedAgainstWorkingTree ? [text(cliTexts.diffWorkingTreeNote, {}, locale)] : []
        });
    } catch (error) {
        // Never stop git (`git log -p` would end here for good): one line, and exit 0.
        const message = error instanceof CliInputError ? error.render(locale) : error instanceof Error ? error.message.split('\n')[0] : String(error);
        io.write(`${header}\n${text(cliTexts.diffGitFailed, { path: escapeControlCharacters(newPath), message }, locale)}\n`);
    }
}

export function registerDiffCommand(program: Command, io: CliIo, setExitCode: (code: number) => void, locale: Locale): void {
    const say = (entry: typeof cliTexts.diff) => text(entry, {}, locale);
    withLocaleAndConfig(program.command('diff')
        .description(say(cliTexts.diff))
        .argument(say(cliTexts.filesName), say(cliTexts.diffFilesArgument))
        .addOption(new Option(say(cliTexts.formatFlag), say(cliTexts.formatOption)).choices(['text', 'json']).default('text'))
        .option('--git', say(cliTexts.gitOption), false), locale)
        .action(async (files: string[], options: { format: Format; git: boolean } & LocaleAndConfig) => {
            const workspaceOptions: WorkspaceOptions = {
                locale: options.locale, defaultLocale: localeFromEnvironment(process.env), configPath: options.config, cwd: process.cwd()
            };
            const outputLocale = options.locale ?? workspaceOptions.defaultLocale;
            if (options.git) {
                // git passes 7 arguments, 9 for a rename (new path and a message), 1 for an unmerged path.
                if (files.length === 1) {
                    io.write(`${text(cliTexts.unmergedPath, { path: escapeControlCharacters(files[0]) }, outputLocale)}\n`);
                } else if (files.length === 7 || files.length === 9) {
                    await gitDriver(files, options.format, workspaceOptions, outputLocale, io);
                } else {
                    throw new CliInputError('diff --git', because(cliTexts.diffGitArguments, { count: files.length }));
                }
            } else {
                if (files.length !== 2) throw new CliInputError('diff', because(cliTexts.diffTwoFiles, { count: files.length }));
                await diffFiles(files[0], files[1], options.format, workspaceOptions, outputLocale, io);
            }
            setExitCode(0);
        });
}
