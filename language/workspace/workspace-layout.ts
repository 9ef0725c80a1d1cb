/**
 * The workspace rule (language reference, section 2, v2): which files a `.vplan` file sees and
 * which `vplan.config.json` files set its settings. One rule for the editor and every command, so
 * a file means the same whoever reads it:
 *
 * - its root is the nearest folder at or above it holding a `vplan.config.json` with
 *   `"root": true`; without one, the top folder of the git work tree holding it; outside git, the
 *   folder of the topmost `vplan.config.json` at or above it; without any, its own folder;
 * - the workspace is every `.vplan` file under the root (recursively, skipping `node_modules`,
 *   folders whose name starts with a dot and folders that are the root of another workspace),
 *   plus the built-in catalogue; a search leaves out files whose name starts with a dot too
 *   (`isWorkspaceEntryName`);
 * - its settings come from every config between the root and its folder, nearer files overriding
 *   the keys they set (config/vplan-config.ts `mergeConfigSettings`).
 *
 * The rule asks its questions through Langium's `FileSystemProvider`: the disk (the server, the
 * CLI) or a git revision read with git itself (`vplan review`). Paths are absolute, with `/`
 * separators (a `file:` URI's path).
 *
 * A folder search never follows a symbolic link: a link is neither a file nor a folder to the
 * provider's directory listing, so nothing outside the workspace root is ever read by a search
 * (a plan file named explicitly on the command line may still be a link).
 */

import { URI, type FileSystemProvider } from 'langium';
import { CONFIG_FILE_NAME, mergeConfigSettings, parseConfigText, type ParsedConfig, type VplanConfig } from '../config/vplan-config.js';

export type EntryKind = 'file' | 'folder' | 'other';

/** The questions the rule asks of a file system. */
export interface WorkspaceFileSystem {
    /** The entries of a folder, or undefined when it is not a readable folder. */
    readFolder(path: string): ReadonlyArray<{ name: string; kind: EntryKind }> | undefined;
    /** The text of a file, or why it cannot be read (an error code such as `EACCES`). */
    readText(path: string): { text: string } | { error: string };
    /** Whether something (of any kind) exists at the path. */
    exists(path: string): boolean;
    /** The kind of the entry at a path, or undefined when there is none. */
    kindOf(path: string): EntryKind | undefined;
}

/** The rule's questions answered by a Langium file system provider. */
export class ProviderWorkspaceFileSystem implements WorkspaceFileSystem {
    constructor(protected readonly provider: FileSystemProvider) {}

    readFolder(path: string): ReadonlyArray<{ name: string; kind: EntryKind }> | undefined {
        try {
            return this.provider.readDirectorySync(URI.file(path)).map(node => ({
                name: node.uri.path.slice(node.uri.path.lastIndexOf('/') + 1),
                kind: node.isFile ? 'file' as const : node.isDirectory ? 'folder' as const : 'other' as const
            }));
        } catch {
            return undefined;
        }
    }

    readText(path: string): { text: string } | { error: string } {
        try {
            return { text: this.provider.readFileSync(URI.file(path)) };
        } catch (error) {
            return { error: error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : String(error) };
        }
    }

    exists(path: string): boolean {
        try {
            return this.provider.existsSync(URI.file(path));
        } catch {
            return false;
        }
    }

    kindOf(path: string): EntryKind | undefined {
        try {
            if (!this.provider.existsSync(URI.file(path))) return undefined;
            const node = this.provider.statSync(URI.file(path));
            return node.isFile ? 'file' : node.isDirectory ? 'folder' : 'other';
        } catch {
            return undefined;
        }
    }
}

/** Why a folder is a root. */
export type RootReason = 'config' | 'git' | 'topmost-config' | 'own-folder';

export interface WorkspaceRoot {
    path: string;
    reason: RootReason;
}

/** A config file of the cascade, parsed. */
export interface ConfigFile {
    path: string;
    text: string;
    parsed: ParsedConfig;
    /** Set when the file exists but cannot be read. */
    readError?: string;
}

/** Compares two strings by Unicode code points (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x === y) continue;
        // A surrogate (a code point above U+FFFF) sorts after every other UTF-16 unit.
        const xs = x >= 0xd800 && x <= 0xdfff;
        const ys = y >= 0xd800 && y <= 0xdfff;
        if (xs !== ys) return xs ? 1 : -1;
        return x - y;
    }
    return a.length - b.length;
}

export function parentOf(path: string): string {
    const cut = path.lastIndexOf('/');
    return cut <= 0 ? '/' : path.slice(0, cut);
}

export function joinPath(folder: string, name: string): string {
    return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** Whether `path` is `folder` or lies under it. */
export function isWithin(path: string, folder: string): boolean {
    return path === folder || folder === '/' || path.startsWith(folder + '/');
}

/** The path of a file relative to a folder that holds it, with `/` separators. */
export function relativeTo(path: string, folder: string): string {
    if (path === folder) return '';
    return folder === '/' ? path.slice(1) : path.slice(folder.length + 1);
}

const SKIPPED_FOLDERS = new Set(['node_modules']);

/**
 * Whether a folder's entry takes part in a folder search, by its name and kind: `.vplan` files and
 * folders other than `node_modules`, nothing whose name starts with a dot (a dot folder, and a
 * file such as `.vplan` or `.draft.vplan`, which Langium could not even take by its extension).
 * One rule for `filesOf`, the CLI's search of a PATH (cli/files.ts), the snapshots of `vplan
 * review` (cli/git-revision.ts), the server's workspace manager (builtin-documents.ts) and its
 * own file watcher (server/file-watching.ts). Whether a folder is the root of another workspace
 * is `filesOf`'s own question.
 */
export function isWorkspaceEntryName(name: string, kind: EntryKind): boolean {
    if (name.startsWith('.')) return false;
    return kind === 'folder' ? !SKIPPED_FOLDERS.has(name) : kind === 'file' && name.endsWith('.vplan');
}

export class WorkspaceLayout {
    protected readonly configs = new Map<string, ConfigFile | null>();
    protected readonly roots = new Map<string, WorkspaceRoot>();
    protected readonly settings = new Map<string, VplanConfig>();
    protected readonly fs: WorkspaceFileSystem;

    constructor(fs: WorkspaceFileSystem | FileSystemProvider) {
        this.fs = 'readFolder' in fs ? fs : new ProviderWorkspaceFileSystem(fs);
    }

    /** The workspace key of a document: its root's path; `''` for documents without a file (the built-in catalogue). */
    keyOf(uri: URI): string {
        return uri.scheme === 'file' ? this.rootOf(parentOf(uri.path)).path : '';
    }

    /** Every config file read so far, in the order read. */
    loadedConfigs(): ConfigFile[] {
        return [...this.configs.values()].filter((config): config is ConfigFile => config !== null);
    }

    /** Counts `invalidate` calls: what was derived from an older generation (a file's workspace) may be stale. */
    generation = 0;

    /** Forgets what was read (a config file or a folder changed). */
    invalidate(): void {
        this.generation++;
        this.configs.clear();
        this.roots.clear();
        this.settings.clear();
    }

    /** The config file in a folder, parsed, if there is one. */
    configIn(folder: string): ConfigFile | undefined {
        let config = this.configs.get(folder);
        if (config === undefined) {
            const path = joinPath(folder, CONFIG_FILE_NAME);
            const kind = this.fs.kindOf(path);
            if (kind === 'file') {
                const read = this.fs.readText(path);
                config = 'error' in read
                    ? { path, text: '', readError: read.error, parsed: { ...parseConfigText('{}'), problems: [{ offset: 0, length: 0, messageId: 'VP009.unreadable', args: { reason: read.error } }] } }
                    : { path, text: read.text, parsed: parseConfigText(read.text) };
            } else {
                config = null;
            }
            this.configs.set(folder, config);
        }
        return config ?? undefined;
    }

    /** The root of the workspace of a file in `folder` (language reference, section 2). */
    rootOf(folder: string): WorkspaceRoot {
        const cached = this.roots.get(folder);
        if (cached) return cached;
        let gitTop: string | undefined;
        let topmostConfig: string | undefined;
        let root: WorkspaceRoot | undefined;
        for (let current = folder; ; current = parentOf(current)) {
            const config = this.configIn(current);
            if (config?.parsed.settings.root === true) {
                root = { path: current, reason: 'config' };
                break;
            }
            if (config) topmostConfig = current;
            if (gitTop === undefined && this.fs.exists(joinPath(current, '.git'))) gitTop = current;
            if (current === '/') break;
        }
        root ??= gitTop !== undefined ? { path: gitTop, reason: 'git' }
            : topmostConfig !== undefined ? { path: topmostConfig, reason: 'topmost-config' }
                : { path: folder, reason: 'own-folder' };
        this.roots.set(folder, root);
        return root;
    }

    /** The config files that set the settings of a file in `folder`: from the root down to the folder. */
    configChain(folder: string, root: string = this.rootOf(folder).path): ConfigFile[] {
        const chain: ConfigFile[] = [];
        for (let current = folder; isWithin(current, root); current = parentOf(current)) {
            const config = this.configIn(current);
            if (config) chain.unshift(config);
            if (current === root || current === '/') break;
        }
        return chain;
    }

    /**
     * The settings of a file in `folder`: its config cascade over the defaults. One object per
     * folder until `invalidate()`: the validation memo compares settings by identity.
     */
    settingsOf(folder: string): VplanConfig {
        let settings = this.settings.get(folder);
        if (!settings) {
            settings = mergeConfigSettings(this.configChain(folder).map(config => config.parsed.settings));
            this.settings.set(folder, settings);
        }
        return settings;
    }

    /**
     * The `.vplan` files of the workspace with this root, sorted by their paths relative to the root
     * compared as code points. Links are not followed (see the file comment).
     */
    filesOf(root: string): string[] {
        const files: string[] = [];
        const visit = (folder: string) => {
            const entries = this.fs.readFolder(folder);
            if (!entries) return;
            for (const entry of entries) {
                if (!isWorkspaceEntryName(entry.name, entry.kind)) continue;
                const path = joinPath(folder, entry.name);
                if (entry.kind === 'folder') {
                    if (this.rootOf(path).path !== root) continue; // the root of another workspace
                    visit(path);
                } else {
                    files.push(path);
                }
            }
        };
        visit(root);
        return files.sort((a, b) => compareCodePoints(relativeTo(a, root), relativeTo(b, root)));
    }
}
