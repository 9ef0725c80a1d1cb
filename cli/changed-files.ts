/**
 * `vplan check --changed BASE` (issue 14, item 3): of the files a check would report on, only
 * those whose diagnostics a change since the git revision BASE can alter. A file's diagnostics
 * depend on its own text, its settings and, of other files, only the global names they declare
 * and the declarations it refers to (language/workspace/partial-build.ts). So a file is checked
 * when
 *
 * - it changed (in the working tree, staged or not, or is new and not ignored), or
 * - it declares or refers to a name that a changed file declares now or declared at BASE (a
 *   catalogue edit reaches every plan that names the edited organisation; a new or removed
 *   declaration reaches every file with the same name: first declaration wins, VP080/VP081).
 *
 * A changed `vplan.config.json` can change any file's settings or workspace: then every file is
 * checked. The files picked are checked like `vplan check FILE...`, against the whole workspace,
 * so their diagnostics are exactly those of a full check. Names come from the summary cache
 * (cli/summary-cache.ts), so only the changed files are parsed once the cache is warm.
 */

import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { GitRepository } from './git-revision.js';
import { because, CliInputError, decodePlanBytes, type PlanFile } from './files.js';
import { reviewTexts } from './review-texts.js';
import { cliTexts } from './cli-texts.js';
import { namesOf, Summarizer, summarizeHere, workspaceFilesOf, batchSettingsOf, type NamedFile } from './check-batches.js';
import { createCliServices, type WorkspaceOptions } from './workspace.js';
import { CONFIG_FILE_NAME } from '../language/config/vplan-config.js';

/** Paths (relative to the top of the work tree, `/` separators) changed since `commit`. */
function changedPaths(top: string, commit: string, env: NodeJS.ProcessEnv): string[] {
    const git = (args: string[]) => {
        const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd: top, env, maxBuffer: 1024 * 1024 * 1024 });
        if (result.status !== 0) {
            const reason = result.stderr?.toString('utf8').split('\n').find(line => line.trim() !== '') ?? `exit ${result.status}`;
            throw new CliInputError(`git ${args[0]}`, because(reviewTexts.gitFailed, { reason: reason.replace(/^(fatal|error): /, '') }));
        }
        return result.stdout.toString('utf8').split('\0').filter(Boolean);
    };
    // Tracked files that differ from BASE (staged or not, renames as a deletion and an addition),
    // and new files git does not ignore.
    const tracked = git(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', commit, '--']);
    const untracked = git(['ls-files', '-z', '--others', '--exclude-standard']);
    return [...new Set([...tracked, ...untracked])];
}

/** The text of a file at a commit, or undefined (absent there, or not plan text). */
function textAt(top: string, commit: string, path: string, env: NodeJS.ProcessEnv): string | undefined {
    const result = spawnSync('git', ['cat-file', 'blob', `${commit}:${path}`], { cwd: top, env, maxBuffer: 1024 * 1024 * 1024 });
    if (result.status !== 0) return undefined;
    try {
        return decodePlanBytes(result.stdout, path);
    } catch {
        return undefined;
    }
}

/**
 * The files of `files` that `--changed BASE` checks, in their order. Throws a CliInputError (exit
 * 2) when the current folder is not in a git work tree or BASE names no commit.
 */
export async function changedFilesOf(files: PlanFile[], base: string, options: WorkspaceOptions, env: NodeJS.ProcessEnv = process.env): Promise<{ files: PlanFile[]; names?: NamedFile[] }> {
    let repository: GitRepository;
    try {
        repository = GitRepository.open(options.cwd, env);
    } catch (error) {
        if (error instanceof CliInputError && error.path === 'git') throw error;
        throw new CliInputError('--changed', cliTexts.changedNoRepository);
    }
    let commit: string;
    try {
        commit = repository.commitOf(base);
    } catch {
        throw new CliInputError(base, cliTexts.changedUnknownRevision);
    }
    const gitEnv: NodeJS.ProcessEnv = { ...env, GIT_OPTIONAL_LOCKS: '0' };
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX']) delete gitEnv[name];
    const top = repository.top;
    const changed = changedPaths(top, commit, gitEnv);
    if (changed.some(path => path === CONFIG_FILE_NAME || path.endsWith(`/${CONFIG_FILE_NAME}`))) return { files };
    const changedPlans = changed.filter(path => path.endsWith('.vplan'));
    if (changedPlans.length === 0) return { files: [] };
    const changedAbsolute = new Set(changedPlans.map(path => resolve(join(top, path))));

    // The names of every file of the workspaces (cached summaries), with the names each refers to.
    const settings = batchSettingsOf(options);
    const services = await createCliServices(options, false);
    const summarizer = new Summarizer(settings);
    const names = await namesOf(services, workspaceFilesOf(services, files), summarizeHere(summarizer), true);

    // The names the changed files declare now and declared at BASE.
    const changedNames = new Set<string>();
    for (const file of names) {
        if (changedAbsolute.has(file.path)) for (const declaration of file.declarations) changedNames.add(declaration.name);
    }
    for (const path of changedPlans) {
        const old = textAt(top, commit, path, gitEnv);
        if (old === undefined) continue;
        const summary = await summarizer.summarize(resolve(join(top, path)), old);
        for (const declaration of summary.declarations) changedNames.add(declaration.name);
    }
    const affected = new Set<string>(changedAbsolute);
    for (const file of names) {
        if (file.declarations.some(declaration => changedNames.has(declaration.name))
            || (file.references ?? []).some(name => changedNames.has(name))) affected.add(file.path);
    }
    // The names without the references: the check reads only what files declare.
    return { files: files.filter(file => affected.has(file.absolutePath)), names: names.map(({ path, declarations }) => ({ path, declarations })) };
}
