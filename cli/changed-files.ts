/**
 * `vplan check --changed BASE` (issue 14, item 3): of the files a check would report on, only
 * those whose diagnostics a change since the git revision BASE can alter. A file's diagnostics
 * depend on its own text, its settings and, of other files, only the global names they declare
 * and the declarations it refers to (language/workspace/partial-build.ts). So a file is checked
 * when
 *
 * - it changed (in the working tree, staged or not, or is new and not ignored), or
 * - it declares or refers to a name whose declarations in a changed file differ between BASE
 *   and now in kind or text, or came or went (an edit of one organisation in the catalogue
 *   reaches the plans that name it; a new or removed declaration reaches every file with the
 *   same name: first declaration wins, VP080/VP081); a declaration that only moved reaches the
 *   files that declare the same name (VP080 says on which line the first one is); or
 *   a name declared by a file it reaches this way, and so on (a measure type that `requires` a
 *   changed one is changed for the plans that use it: what it requires is part of its meaning).
 *
 * Names are the workspace's own (language reference, section 2: files of two workspaces never see
 * each other's names), so a changed declaration reaches only the files of the workspace that held
 * it: at BASE for what it was, now for what it is (a file moved from one workspace to another is
 * a removal from the one and an addition to the other). A changed `vplan.config.json` can change
 * the settings of the files under its folder and which workspace they belong to: then every file
 * of the workspaces that hold its folder, now or at BASE, is checked, and no other. The files
 * picked are checked like `vplan check FILE...`, against the whole workspace, so their
 * diagnostics are exactly those of a full check. Names come from the summary cache
 * (cli/summary-cache.ts), so only the changed files are parsed once the cache is warm.
 */

import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { GitRepository } from './git-revision.js';
import { because, CliInputError, decodePlanBytes, type PlanFile } from './files.js';
import { reviewTexts } from './review-texts.js';
import { cliTexts } from './cli-texts.js';
import { namesOf, Summarizer, summarizeHere, workspaceFilesOf, batchSettingsOf, type NamedFile } from './check-batches.js';
import type { DeclarationSummary } from '../language/workspace/file-summary.js';
import { createCliServices, type WorkspaceOptions } from './workspace.js';
import { CONFIG_FILE_NAME } from '../language/config/vplan-config.js';
import { ProviderWorkspaceFileSystem, WorkspaceLayout, type EntryKind, type WorkspaceFileSystem } from '../language/workspace/workspace-layout.js';

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

/** The bytes of a file at a commit, or undefined when it is absent there. */
function bytesAt(top: string, commit: string, path: string, env: NodeJS.ProcessEnv): Buffer | undefined {
    const result = spawnSync('git', ['cat-file', 'blob', `${commit}:${path}`], { cwd: top, env, maxBuffer: 1024 * 1024 * 1024 });
    return result.status === 0 ? result.stdout : undefined;
}

/**
 * The file system as the workspace rule saw it at BASE, as far as roots go: the disk, with the
 * config files that changed since BASE as they were there (every other config file is the same).
 */
class BaseConfigFileSystem implements WorkspaceFileSystem {
    constructor(private readonly disk: WorkspaceFileSystem, private readonly configsAtBase: ReadonlyMap<string, Buffer | undefined>) {}

    readFolder(path: string): ReadonlyArray<{ name: string; kind: EntryKind }> | undefined {
        return this.disk.readFolder(path);
    }

    readText(path: string): { text: string } | { error: string } {
        if (!this.configsAtBase.has(path)) return this.disk.readText(path);
        const bytes = this.configsAtBase.get(path);
        return bytes === undefined ? { error: 'ENOENT' } : { text: bytes.toString('utf8') };
    }

    exists(path: string): boolean {
        return this.configsAtBase.has(path) ? this.configsAtBase.get(path) !== undefined : this.disk.exists(path);
    }

    kindOf(path: string): EntryKind | undefined {
        return this.configsAtBase.has(path) ? (this.configsAtBase.get(path) !== undefined ? 'file' : undefined) : this.disk.kindOf(path);
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
    const changedConfigs = changed.filter(path => path === CONFIG_FILE_NAME || path.endsWith(`/${CONFIG_FILE_NAME}`));
    const changedPlans = changed.filter(path => path.endsWith('.vplan'));
    if (changedConfigs.length === 0 && changedPlans.length === 0) return { files: [] };
    const changedAbsolute = new Set(changedPlans.map(path => resolve(join(top, path))));

    // The workspace rule now (the services' layout) and at BASE (the changed config files as they
    // were there): a file's workspace is the root of its folder.
    const services = await createCliServices(options, false);
    const layout = services.Vplan.config.WorkspaceLayout;
    const baseLayout = new WorkspaceLayout(new BaseConfigFileSystem(
        new ProviderWorkspaceFileSystem(services.shared.workspace.FileSystemProvider),
        new Map(changedConfigs.map(path => [resolve(join(top, path)), bytesAt(top, commit, path, gitEnv)]))
    ));
    const rootNow = (path: string) => layout.rootOf(dirname(path)).path;
    const rootAtBase = (path: string) => baseLayout.rootOf(dirname(path)).path;

    // A changed config file governs the workspaces that hold its folder, now and at BASE: every
    // file of them is checked (its settings, or what it sees, may differ), and of no other.
    const governed = new Set<string>();
    for (const path of changedConfigs) {
        const config = resolve(join(top, path));
        governed.add(rootNow(config));
        governed.add(rootAtBase(config));
    }
    const affected = new Set<string>(changedAbsolute);
    for (const file of files) {
        if (governed.has(rootNow(file.absolutePath)) || governed.has(rootAtBase(file.absolutePath))) affected.add(file.absolutePath);
    }
    const picked = () => files.filter(file => affected.has(file.absolutePath));
    if (changedPlans.length === 0) return { files: picked() };

    // The names of every file of the workspaces (cached summaries), with the names each refers to.
    const settings = batchSettingsOf(options);
    const summarizer = new Summarizer(settings);
    const names = await namesOf(services, workspaceFilesOf(services, files), summarizeHere(summarizer), true);

    // A name of a workspace: files of two workspaces never see each other's names.
    const key = (root: string, name: string) => `${root}\0${name}`;
    const rootOfNamed = new Map(names.map(file => [file.path, rootNow(file.path)]));

    // The declarations of the changed files now and at BASE, compared name by name in the
    // workspace that held the file then and holds it now: a name whose declarations differ in kind
    // or text (or that came or went) is changed; one whose declarations only moved matters only to
    // the files that declare it too (VP080 names the line). A file that changed workspace takes
    // its declarations out of the one and into the other.
    const now = new Map(names.filter(file => changedAbsolute.has(file.path)).map(file => [file.path, file.declarations]));
    const changedNames = new Set<string>();
    const movedNames = new Set<string>();
    for (const path of changedPlans) {
        const absolute = resolve(join(top, path));
        const old = textAt(top, commit, path, gitEnv);
        const before = old === undefined ? [] : (await summarizer.summarize(absolute, old)).declarations;
        const after = now.get(absolute) ?? [];
        const byName = (declarations: readonly DeclarationSummary[], part: (d: DeclarationSummary) => string) => {
            const map = new Map<string, string[]>();
            for (const declaration of declarations) map.set(declaration.name, [...(map.get(declaration.name) ?? []), part(declaration)]);
            return map;
        };
        const meaning = (d: DeclarationSummary) => `${d.type}:${d.digest}`;
        const place = (d: DeclarationSummary) => `${d.type}:${d.digest}:${d.range[0]}`;
        const [beforeRoot, afterRoot] = [rootAtBase(absolute), rootOfNamed.get(absolute) ?? rootNow(absolute)];
        if (beforeRoot !== afterRoot) {
            for (const declaration of before) changedNames.add(key(beforeRoot, declaration.name));
            for (const declaration of after) changedNames.add(key(afterRoot, declaration.name));
            continue;
        }
        const [beforeMeaning, afterMeaning] = [byName(before, meaning), byName(after, meaning)];
        const [beforePlace, afterPlace] = [byName(before, place), byName(after, place)];
        for (const name of new Set([...beforeMeaning.keys(), ...afterMeaning.keys()])) {
            if (String(beforeMeaning.get(name)) !== String(afterMeaning.get(name))) changedNames.add(key(afterRoot, name));
            else if (String(beforePlace.get(name)) !== String(afterPlace.get(name))) movedNames.add(key(afterRoot, name));
        }
    }
    // Closed over references: a file that names a changed declaration may declare something whose
    // meaning to others depends on it (a measure type `requires` another: its view says whether
    // that resolves), so its own declarations count as changed too (in its own workspace).
    const referring = new Map<string, NamedFile[]>();
    const declaring = new Map<string, NamedFile[]>();
    const index = (map: Map<string, NamedFile[]>, name: string, file: NamedFile) => {
        const list = map.get(name);
        if (list) list.push(file);
        else map.set(name, [file]);
    };
    for (const file of names) {
        const root = rootOfNamed.get(file.path)!;
        for (const name of new Set(file.references ?? [])) index(referring, key(root, name), file);
        for (const declaration of file.declarations) index(declaring, key(root, declaration.name), file);
    }
    for (const name of movedNames) for (const file of declaring.get(name) ?? []) affected.add(file.path);
    const queue = [...changedNames];
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
        // Files that declare the name: which declaration comes first may change (VP080).
        for (const file of declaring.get(name) ?? []) affected.add(file.path);
        for (const file of referring.get(name) ?? []) {
            affected.add(file.path);
            const root = rootOfNamed.get(file.path)!;
            for (const declaration of file.declarations) {
                const declared = key(root, declaration.name);
                if (changedNames.has(declared)) continue;
                changedNames.add(declared);
                queue.push(declared);
            }
        }
    }
    // The names without the references: the check reads only what files declare.
    return { files: picked(), names: names.map(({ path, declarations }) => ({ path, declarations })) };
}
