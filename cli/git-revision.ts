/**
 * Git revisions as vplan reads them for `vplan review` (cli.md, v2): the files of a revision
 * exactly as they were, read through git itself (`git ls-tree`, `git cat-file --batch`), never by
 * a checkout, so the user's working tree, index and object store are left as they are; and a
 * Langium `FileSystemProvider` over such a snapshot, so that the whole workspace machinery
 * (language/workspace/workspace-layout.ts: roots, the config cascade, settings; the partitioned
 * scopes) works on a revision unchanged.
 *
 * A snapshot holds only what the workspace rule asks about: the `.vplan` files, the
 * `vplan.config.json` files and, at the top of the work tree, `.git` (the git rule of section 2).
 * Files under a folder whose name starts with a dot or that is `node_modules` take part in no
 * workspace and are left out; so are symbolic links (a folder search never follows one) and
 * submodules. Nothing above the top of the work tree exists in a snapshot: a revision is the
 * repository's content.
 *
 * The working tree (HEAD omitted) is what git sees of it: tracked files as they are on disk with
 * their uncommitted changes, and untracked files that are not ignored. Its renames are found with
 * git's own rename detection against a private copy of the index that marks the untracked files
 * as intended to be added, so that a plain `mv` is a rename as `git status` would show it once
 * added; whatever that writes goes to a temporary object folder, never to the repository.
 */

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { CONFIG_FILE_NAME } from '../language/config/vplan-config.js';
import { MAX_PLAN_BYTES } from '../language/workspace/plan-size-limit.js';
import { isWorkspaceEntryName } from '../language/workspace/workspace-layout.js';
import { CliInputError, because, decodePlanBytes, readPlanText, type Reason } from './files.js';
import { reviewTexts } from './review-texts.js';
import { cliTexts } from './cli-texts.js';
import { text } from '../language/i18n/locale.js';

/** The kind of a file a snapshot holds. */
export type SnapshotFileKind = 'plan' | 'config';

export interface RevisionSnapshot {
    /** Absolute path of the work tree's top folder, with `/` separators. */
    top: string;
    /** The text of every file the snapshot holds, by its path relative to `top`. */
    files: Map<string, string>;
    /** Plan files left out because they are not plan text (binary, not UTF-8, too large): why. */
    unreadable: Map<string, Reason>;
}

/** A file that git pairs across a rename. */
export interface GitRename {
    old: string;
    new: string;
}

/** Whether a path (relative to the top) names a file the workspace rule can see. */
export function snapshotKindOf(path: string): SnapshotFileKind | undefined {
    const segments = path.split('/');
    const name = segments[segments.length - 1];
    for (let i = 0; i < segments.length - 1; i++) {
        if (!isWorkspaceEntryName(segments[i], 'folder')) return undefined;
    }
    if (name === CONFIG_FILE_NAME) return 'config';
    return isWorkspaceEntryName(name, 'file') ? 'plan' : undefined;
}

/** Pathspecs of the files a snapshot holds (git's `*` matches `/` too). */
const PATHSPECS = ['*.vplan', `*${CONFIG_FILE_NAME}`];

interface GitResult {
    status: number | null;
    stdout: Buffer;
    stderr: string;
}

/** A git work tree, asked through the `git` program. */
export class GitRepository {
    private constructor(
        /** The top folder of the work tree (absolute, `/` separators). */
        readonly top: string,
        private readonly env: NodeJS.ProcessEnv
    ) {}

    /**
     * The work tree holding `cwd`. Throws a CliInputError (exit 2, one line) when git is not
     * installed or `cwd` is not inside a work tree.
     */
    static open(cwd: string, env: NodeJS.ProcessEnv = process.env): GitRepository {
        // Git's own variables of an enclosing git process (a hook) would point it elsewhere.
        const clean: NodeJS.ProcessEnv = { ...env, GIT_OPTIONAL_LOCKS: '0' };
        for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX']) delete clean[name];
        const result = spawnSync('git', ['rev-parse', '--is-inside-work-tree', '--show-toplevel'], { cwd, env: clean, maxBuffer: 1024 * 1024 });
        if (result.error) throw new CliInputError('git', reviewTexts.gitMissing);
        const lines = result.stdout.toString('utf8').split('\n');
        if (result.status !== 0 || lines[0] !== 'true' || !lines[1]) throw new CliInputError(cwd, reviewTexts.notInWorkTree);
        return new GitRepository(resolve(lines[1]).replace(/\\/g, '/'), clean);
    }

    private run(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): GitResult {
        const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
            cwd: this.top, env: options.env ?? this.env, input: options.input, maxBuffer: 4 * 1024 * 1024 * 1024
        });
        if (result.error) throw new CliInputError('git', reviewTexts.gitMissing);
        return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
    }

    /** Runs git and returns its output, or throws a CliInputError naming the command and git's first line. */
    private git(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Buffer {
        const result = this.run(args, options);
        if (result.status !== 0) {
            const reason = result.stderr.split('\n').find(line => line.trim() !== '') ?? `exit ${result.status}`;
            throw new CliInputError(`git ${args[0]}`, because(reviewTexts.gitFailed, { reason: reason.replace(/^(fatal|error): /, '') }));
        }
        return result.stdout;
    }

    /** The commit a revision names, or a CliInputError (exit 2) when it names none. */
    commitOf(revision: string): string {
        // `--end-of-options` keeps a revision that starts with `-` from being read as an option.
        const result = this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
        const commit = result.stdout.toString('utf8').trim();
        if (result.status !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) throw new CliInputError(revision, reviewTexts.notARevision);
        return commit;
    }

    /** Each blob read so far, decoded: a revision and the next share most of their files. */
    private readonly blobs = new Map<string, { text: string } | { reason: Reason }>();

    /** The files of a commit, read from git's object store. */
    readCommit(commit: string): RevisionSnapshot {
        const listing = this.git(['ls-tree', '-r', '-z', '-l', '--full-tree', commit]).toString('utf8');
        const wanted: Array<{ path: string; object: string; kind: SnapshotFileKind }> = [];
        const unreadable = new Map<string, Reason>();
        for (const entry of listing.split('\0')) {
            // `<mode> SP <type> SP <object> SP+ <size> TAB <path>`
            const tab = entry.indexOf('\t');
            if (tab < 0) continue;
            const [mode, type, object, size] = entry.slice(0, tab).split(/ +/);
            const path = entry.slice(tab + 1);
            const kind = snapshotKindOf(path);
            // Regular files only: a link (120000) is no file to a folder search, a submodule (160000) no blob.
            if (!kind || type !== 'blob' || !(mode === '100644' || mode === '100755')) continue;
            if (kind === 'plan' && Number(size) > MAX_PLAN_BYTES) {
                unreadable.set(path, tooLarge(Number(size)));
                continue;
            }
            wanted.push({ path, object, kind });
        }
        const contents = this.readBlobs(wanted.filter(w => !this.blobs.has(`${w.kind}:${w.object}`)).map(w => w.object));
        const files = new Map<string, string>();
        for (const { path, object, kind } of wanted) {
            const key = `${kind}:${object}`;
            let blob = this.blobs.get(key);
            if (!blob) {
                const bytes = contents.get(object)!;
                // A config file as the disk is read for one (Node's lenient UTF-8); a plan as `vplan check` reads it.
                blob = kind === 'config' ? { text: bytes.toString('utf8') } : decodeBlob(bytes, path);
                this.blobs.set(key, blob);
            }
            if ('text' in blob) files.set(path, blob.text);
            else unreadable.set(path, blob.reason);
        }
        return { top: this.top, files, unreadable };
    }

    /** The contents of blobs, by object name, in one `git cat-file --batch`. */
    private readBlobs(objects: readonly string[]): Map<string, Buffer> {
        const contents = new Map<string, Buffer>();
        const unique = [...new Set(objects)];
        if (unique.length === 0) return contents;
        const output = this.git(['cat-file', '--batch'], { input: unique.join('\n') + '\n' });
        let offset = 0;
        for (const object of unique) {
            // `<object> SP <type> SP <size> LF <contents> LF`
            const headerEnd = output.indexOf(0x0a, offset);
            const header = output.subarray(offset, headerEnd).toString('utf8').split(' ');
            if (header[0] !== object || header.length !== 3) {
                throw new CliInputError('git cat-file', because(reviewTexts.gitFailed, { reason: header.join(' ') }));
            }
            const size = Number(header[2]);
            contents.set(object, output.subarray(headerEnd + 1, headerEnd + 1 + size));
            offset = headerEnd + 1 + size + 1;
        }
        return contents;
    }

    /** The working tree as git sees it: tracked and untracked (not ignored) files, as they are on disk. */
    readWorkingTree(): RevisionSnapshot {
        const listing = this.git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...PATHSPECS]).toString('utf8');
        const files = new Map<string, string>();
        const unreadable = new Map<string, Reason>();
        for (const path of new Set(listing.split('\0'))) {
            const kind = path ? snapshotKindOf(path) : undefined;
            if (!kind) continue;
            const absolute = join(this.top, path);
            let isFile: boolean;
            try {
                // A deleted file is listed (it is still in the index) but gone; a link is no file here.
                isFile = lstatSync(absolute).isFile();
            } catch {
                isFile = false;
            }
            if (!isFile) continue;
            if (kind === 'config') {
                try { files.set(path, readFileSync(absolute, 'utf8')); } catch { /* as if absent */ }
                continue;
            }
            try {
                files.set(path, readPlanText(absolute, path));
            } catch (error) {
                if (!(error instanceof CliInputError)) throw error;
                unreadable.set(path, reasonOf(error));
            }
        }
        return { top: this.top, files, unreadable };
    }

    /**
     * The plan files git finds renamed between a commit and another commit, or the working tree
     * when `head` is undefined (git's rename detection, `-M`).
     */
    renames(base: string, head: string | undefined): GitRename[] {
        const diff = (env?: NodeJS.ProcessEnv) => this.git([
            'diff', '-M', '-z', '--name-status', '--no-ext-diff', '--no-textconv', base, ...(head !== undefined ? [head] : []), '--', '*.vplan'
        ], { env }).toString('utf8');
        if (head !== undefined) return parseRenames(diff());
        // The working tree: a private index that also holds the untracked files (intent to add).
        const scratch = mkdtempSync(join(tmpdir(), 'vplan-review-'));
        try {
            const index = join(scratch, 'index');
            const realIndex = resolve(this.top, this.git(['rev-parse', '--git-path', 'index']).toString('utf8').trim());
            const objects = resolve(this.top, this.git(['rev-parse', '--git-path', 'objects']).toString('utf8').trim());
            const env: NodeJS.ProcessEnv = {
                ...this.env,
                GIT_INDEX_FILE: index,
                GIT_OBJECT_DIRECTORY: join(scratch, 'objects'),
                GIT_ALTERNATE_OBJECT_DIRECTORIES: [objects, this.env.GIT_ALTERNATE_OBJECT_DIRECTORIES].filter(Boolean).join(':')
            };
            mkdirSync(join(scratch, 'objects'));
            if (existsSync(realIndex)) copyFileSync(realIndex, index);
            else this.git(['read-tree', base], { env });
            const untracked = this.git(['ls-files', '-z', '--others', '--exclude-standard', '--', '*.vplan'], { env }).toString('utf8')
                .split('\0').filter(path => path && snapshotKindOf(path) === 'plan');
            if (untracked.length > 0) this.git(['add', '--intent-to-add', '--pathspec-from-file=-', '--pathspec-file-nul'], { env, input: untracked.join('\0') });
            return parseRenames(diff(env));
        } finally {
            rmSync(scratch, { recursive: true, force: true });
        }
    }
}

/** A blob as plan text, or why it is not (the line `vplan check` would print for such a file). */
function decodeBlob(bytes: Buffer, path: string): { text: string } | { reason: Reason } {
    try {
        return { text: decodePlanBytes(bytes, path) };
    } catch (error) {
        if (!(error instanceof CliInputError)) throw error;
        return { reason: reasonOf(error) };
    }
}

/** The reason of a CliInputError without its `vplan: PATH: ` (a note names the file itself). */
function reasonOf(error: CliInputError): Reason {
    return locale => {
        const line = error.render(locale);
        const prefix = text(cliTexts.inputError, { path: error.path, reason: '' }, locale);
        return line.startsWith(prefix) ? line.slice(prefix.length) : line;
    };
}

function tooLarge(bytes: number): Reason {
    return because(reviewTexts.tooLargeInRevision, { megabytes: bytes / 1024 / 1024, limit: MAX_PLAN_BYTES / 1024 / 1024 });
}

/** The renames of `git diff --name-status -z` output (`R<score> NUL old NUL new NUL`). */
export function parseRenames(output: string): GitRename[] {
    const fields = output.split('\0');
    const renames: GitRename[] = [];
    for (let i = 0; i < fields.length;) {
        const status = fields[i];
        if (!status) { i++; continue; }
        if (status.startsWith('R') || status.startsWith('C')) {
            if (status.startsWith('R')) renames.push({ old: fields[i + 1], new: fields[i + 2] });
            i += 3;
        } else {
            i += 2;
        }
    }
    return renames;
}

// ---------------------------------------------------------------------------------------------
// A file system over a snapshot

class FileSystemError extends Error {
    constructor(readonly code: string, path: string) {
        super(`${code}: ${path}`);
    }
}

interface Node extends FileSystemNode {
    readonly isFile: boolean;
    readonly isDirectory: boolean;
    readonly uri: URI;
}

/**
 * Langium's `FileSystemProvider` over a revision snapshot: its files, the folders that hold them,
 * `.git` at the top, and the folders from `/` down to the top. `show` switches to another
 * snapshot of the same work tree (the head side of a review after its base side).
 */
export class RevisionFileSystemProvider implements FileSystemProvider {
    private snapshot: RevisionSnapshot | undefined;
    /** Folder path → its entries (name → whether it is a folder). */
    private folders = new Map<string, Map<string, boolean>>();

    constructor(snapshot?: RevisionSnapshot) {
        if (snapshot) this.show(snapshot);
    }

    show(snapshot: RevisionSnapshot): void {
        this.snapshot = snapshot;
        const folders = new Map<string, Map<string, boolean>>();
        const add = (folder: string, name: string, isFolder: boolean) => {
            let entries = folders.get(folder);
            if (!entries) folders.set(folder, entries = new Map());
            entries.set(name, isFolder);
        };
        // The folders from `/` down to the top, and `.git` at the top.
        const top = snapshot.top;
        folders.set('/', new Map());
        const segments = top.split('/').filter(Boolean);
        let current = '/';
        for (const segment of segments) {
            add(current, segment, true);
            current = current === '/' ? `/${segment}` : `${current}/${segment}`;
        }
        if (!folders.has(top)) folders.set(top, new Map());
        add(top, '.git', true);
        folders.set(`${top === '/' ? '' : top}/.git`, new Map());
        for (const path of snapshot.files.keys()) {
            const parts = path.split('/');
            let folder = top;
            for (let i = 0; i < parts.length - 1; i++) {
                add(folder, parts[i], true);
                folder = `${folder === '/' ? '' : folder}/${parts[i]}`;
                if (!folders.has(folder)) folders.set(folder, new Map());
            }
            add(folder, parts[parts.length - 1], false);
        }
        this.folders = folders;
    }

    /** The path of a file: URI, relative to the snapshot's top, or undefined when outside it. */
    private relative(path: string): string | undefined {
        const top = this.snapshot?.top ?? '/';
        if (top === '/') return path.slice(1);
        return path.startsWith(top + '/') ? path.slice(top.length + 1) : undefined;
    }

    private text(uri: URI): string | undefined {
        const relative = this.relative(uri.path);
        return relative !== undefined ? this.snapshot?.files.get(relative) : undefined;
    }

    private node(uri: URI): Node | undefined {
        if (this.folders.has(uri.path)) return { isFile: false, isDirectory: true, uri };
        return this.text(uri) !== undefined ? { isFile: true, isDirectory: false, uri } : undefined;
    }

    statSync(uri: URI): FileSystemNode {
        const node = this.node(uri);
        if (!node) throw new FileSystemError('ENOENT', uri.path);
        return node;
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        return this.statSync(uri);
    }

    existsSync(uri: URI): boolean {
        return this.node(uri) !== undefined;
    }

    async exists(uri: URI): Promise<boolean> {
        return this.existsSync(uri);
    }

    readFileSync(uri: URI): string {
        const text = this.text(uri);
        if (text === undefined) throw new FileSystemError(this.folders.has(uri.path) ? 'EISDIR' : 'ENOENT', uri.path);
        return text;
    }

    async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    readBinarySync(uri: URI): Uint8Array {
        return Buffer.from(this.readFileSync(uri), 'utf8');
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return this.readBinarySync(uri);
    }

    readDirectorySync(uri: URI): FileSystemNode[] {
        const entries = this.folders.get(uri.path);
        if (!entries) throw new FileSystemError(this.text(uri) !== undefined ? 'ENOTDIR' : 'ENOENT', uri.path);
        const folder = uri.path === '/' ? '' : uri.path;
        return [...entries].map(([name, isFolder]) => ({ isFile: !isFolder, isDirectory: isFolder, uri: URI.file(`${folder}/${name}`) }));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return this.readDirectorySync(uri);
    }
}
