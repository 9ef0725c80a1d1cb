/**
 * Watches folder trees for the server when the editor does not (file-watching.ts): one `fs.watch`
 * per folder, never per file, so that a workspace of 10,000 plans in a few folders costs a few
 * watches. Node's own `recursive: true` watches every file and every folder on Linux (also
 * `node_modules` and `.git`), and chokidar watches every file too (docs/decisions.md).
 *
 * Events are collected and reported in one batch once the tree has been quiet for a moment (an
 * editor's save is a rename and a write; `git checkout` writes hundreds of files), each path with
 * what it is now: a file that exists is `changed`, a path that is gone is `deleted`, a new folder
 * is `created` (its files are found by whoever reads the batch, as with an editor's watcher).
 */

import { lstatSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';

export type FolderChangeType = 'created' | 'changed' | 'deleted';

export interface FolderChange {
    readonly path: string;
    readonly type: FolderChangeType;
}

export interface FolderWatcherOptions {
    /** Whether a file or folder of this name is left out (with everything under it). */
    readonly skips: (name: string, isDirectory: boolean) => boolean;
    /** The changes of one quiet moment, in the order they were first seen. */
    readonly onChanges: (changes: FolderChange[]) => void;
    /**
     * A folder could not be watched: called once per folder, except when the system's limit of
     * watches is reached (ENOSPC, EMFILE), which is reported once and stops the watching of new folders.
     */
    readonly onUnwatchable?: (folder: string, error: NodeJS.ErrnoException) => void;
    /** Node's `fs.watch` unless given (tests give one that fails as a full system would). */
    readonly watch?: typeof watch;
    /** How long the tree must be quiet before a batch is reported (ms). */
    readonly quietMs?: number;
    /** Report at the latest this long after the first event of a batch, however busy the tree (ms). */
    readonly maxDelayMs?: number;
}

export class FolderWatcher {
    protected readonly watchers = new Map<string, FSWatcher>();
    /** Paths with an event since the last batch; `true` when a whole folder must be looked at again. */
    protected readonly pending = new Map<string, boolean>();
    protected quietTimer: NodeJS.Timeout | undefined;
    protected batchStarted: number | undefined;
    protected closed = false;
    /** The system's limit of watches was reached: no new folder is watched (a home folder opened by mistake). */
    protected exhausted = false;

    constructor(protected readonly options: FolderWatcherOptions) {}

    /** Starts watching `root` and every folder under it that is not skipped. */
    watchTree(root: string): void {
        if (this.closed) return;
        // A folder already watched is still looked through: after lost events a new folder may be under it.
        if (!this.watchers.has(root) && !this.watchFolder(root)) return;
        let entries;
        try {
            entries = readdirSync(root, { withFileTypes: true });
        } catch {
            return; // gone meanwhile: its parent's event reports it
        }
        for (const entry of entries) {
            if (entry.isDirectory() && !this.options.skips(entry.name, true)) this.watchTree(join(root, entry.name));
        }
    }

    /** The folders being watched (for tests and the server's log). */
    get folderCount(): number {
        return this.watchers.size;
    }

    close(): void {
        this.closed = true;
        if (this.quietTimer) clearTimeout(this.quietTimer);
        for (const watcher of this.watchers.values()) watcher.close();
        this.watchers.clear();
        this.pending.clear();
    }

    protected watchFolder(folder: string): boolean {
        if (this.exhausted) return false;
        try {
            // Not persistent: the watches must never keep the server alive after its client left.
            const watcher = (this.options.watch ?? watch)(folder, { persistent: false }, (_event, name) => this.noted(folder, name));
            watcher.on('error', () => this.unwatchTree(folder));
            this.watchers.set(folder, watcher);
            return true;
        } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            if (code === 'ENOENT' || code === 'ENOTDIR') return false;
            if (code === 'ENOSPC' || code === 'EMFILE') this.exhausted = true;
            this.options.onUnwatchable?.(folder, error as NodeJS.ErrnoException);
            return false;
        }
    }

    protected noted(folder: string, name: string | Buffer | null): void {
        if (this.closed) return;
        if (name === null || typeof name !== 'string') {
            // Linux gives no name when its event queue overflowed: look at the whole folder again.
            this.pending.set(folder, true);
        } else {
            if (this.options.skips(name, false) && this.options.skips(name, true)) return;
            const path = join(folder, name);
            if (!this.pending.has(path)) this.pending.set(path, false);
        }
        this.schedule();
    }

    protected schedule(): void {
        const now = Date.now();
        this.batchStarted ??= now;
        if (this.quietTimer) clearTimeout(this.quietTimer);
        const quiet = this.options.quietMs ?? 50;
        const latest = this.batchStarted + (this.options.maxDelayMs ?? 500);
        this.quietTimer = setTimeout(() => this.flush(), Math.max(0, Math.min(quiet, latest - now)));
    }

    protected flush(): void {
        this.quietTimer = undefined;
        this.batchStarted = undefined;
        if (this.closed) return;
        const changes: FolderChange[] = [];
        const pending = [...this.pending];
        this.pending.clear();
        for (const [path, wholeFolder] of pending) {
            const change = wholeFolder ? this.lookAgain(path) : this.changeAt(path);
            if (change) changes.push(change);
        }
        if (changes.length > 0) this.options.onChanges(changes);
    }

    /** What happened at `path`, judged by what is there now. */
    protected changeAt(path: string): FolderChange | undefined {
        let stats;
        try {
            stats = lstatSync(path);
        } catch {
            // Gone. A folder that was watched takes its watches (and those under it) along.
            const wasFolder = this.watchers.has(path);
            if (wasFolder) this.unwatchTree(path);
            const name = path.slice(path.lastIndexOf(sep) + 1);
            return wasFolder || !this.options.skips(name, false) ? { path, type: 'deleted' } : undefined;
        }
        const name = path.slice(path.lastIndexOf(sep) + 1);
        if (stats.isDirectory()) {
            if (this.watchers.has(path) || this.options.skips(name, true)) return undefined;
            this.watchTree(path);
            return { path, type: 'created' };
        }
        // Symbolic links are left out, as the workspace's own traversal leaves them out.
        if (!stats.isFile() || this.options.skips(name, false)) return undefined;
        return { path, type: 'changed' };
    }

    /** After lost events: the folder is reported as changed (its files are read again) and new folders under it are watched. */
    protected lookAgain(folder: string): FolderChange | undefined {
        const change = this.changeAt(folder);
        if (change?.type === 'deleted') return change;
        this.watchTree(folder);
        return { path: folder, type: 'changed' };
    }

    protected unwatchTree(folder: string): void {
        const prefix = folder + sep;
        for (const [path, watcher] of this.watchers) {
            if (path === folder || path.startsWith(prefix)) {
                watcher.close();
                this.watchers.delete(path);
            }
        }
    }
}
