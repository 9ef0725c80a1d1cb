/**
 * The server's own watcher (server/folder-watcher.ts, for editors that watch no files for it):
 * what it reports for files and folders created, changed and deleted, what it leaves out, and
 * that it watches folders, never files.
 */

import { mkdirSync, mkdtempSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { FolderWatcher, type FolderChange } from '../../server/folder-watcher.js';
import { skipsForWatching } from '../../server/file-watching.js';

interface Watched {
    readonly dir: string;
    readonly watcher: FolderWatcher;
    readonly batches: FolderChange[][];
    /** Resolves once the changes reported so far (since the last call) include `path` with `type`. */
    until(type: FolderChange['type'], path: string): Promise<void>;
}

const open: Watched[] = [];
afterEach(() => {
    for (const { dir, watcher } of open.splice(0)) {
        watcher.close();
        rmSync(dir, { recursive: true, force: true });
    }
});

function watched(files: Record<string, string> = {}): Watched {
    const dir = mkdtempSync(join(tmpdir(), 'vplan-watch-'));
    for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), text);
    }
    const batches: FolderChange[][] = [];
    let seen: FolderChange[] = [];
    let waiting: (() => void) | undefined;
    const watcher = new FolderWatcher({
        skips: skipsForWatching,
        onChanges: changes => {
            batches.push(changes);
            seen.push(...changes);
            waiting?.();
        }
    });
    watcher.watchTree(dir);
    const result: Watched = {
        dir, watcher, batches,
        until: (type, path) => new Promise(done => {
            const check = () => {
                if (!seen.some(change => change.type === type && change.path === join(dir, path))) return;
                seen = [];
                waiting = undefined;
                done();
            };
            waiting = check;
            check();
        })
    };
    open.push(result);
    return result;
}

describe('the server\'s folder watcher', () => {
    test('files: written, new and deleted; other files are left out', async () => {
        const { dir, until, batches } = watched({ 'a.vplan': 'x', 'sub/b.vplan': 'x' });
        writeFileSync(join(dir, 'notes.txt'), 'x');
        writeFileSync(join(dir, 'a.vplan'), 'y');
        await until('changed', 'a.vplan');
        writeFileSync(join(dir, 'sub', 'c.vplan'), 'x');
        await until('changed', 'sub/c.vplan');
        rmSync(join(dir, 'sub', 'b.vplan'));
        await until('deleted', 'sub/b.vplan');
        writeFileSync(join(dir, 'vplan.config.json'), '{}');
        await until('changed', 'vplan.config.json');
        expect(batches.flat().some(change => change.path.endsWith('notes.txt'))).toBe(false);
    });

    test('an editor\'s save: the file is renamed away and written again, reported as changed', async () => {
        const { dir, until, batches } = watched({ 'a.vplan': 'x' });
        renameSync(join(dir, 'a.vplan'), join(dir, 'a.vplan~'));
        writeFileSync(join(dir, 'a.vplan'), 'y');
        rmSync(join(dir, 'a.vplan~'));
        await until('changed', 'a.vplan');
        expect(batches.flat().filter(change => change.path === join(dir, 'a.vplan')).map(change => change.type)).not.toContain('deleted');
    });

    test('folders: a new one is reported and watched, a deleted one takes its watches along', async () => {
        const { dir, watcher, until } = watched({ 'a.vplan': 'x' });
        expect(watcher.folderCount).toBe(1);
        mkdirSync(join(dir, 'regio', 'noord'), { recursive: true });
        await until('created', 'regio');
        expect(watcher.folderCount).toBe(3);
        writeFileSync(join(dir, 'regio', 'noord', 'p.vplan'), 'x');
        await until('changed', 'regio/noord/p.vplan');
        rmSync(join(dir, 'regio'), { recursive: true });
        await until('deleted', 'regio');
        expect(watcher.folderCount).toBe(1);
    });

    test('node_modules and folders whose name starts with a dot are not watched', async () => {
        const { dir, watcher, until, batches } = watched({ 'node_modules/x/a.vplan': 'x', '.git/a.vplan': 'x', 'plannen/a.vplan': 'x' });
        expect(watcher.folderCount).toBe(2);
        mkdirSync(join(dir, '.cache'));
        writeFileSync(join(dir, '.hidden.vplan'), 'x');
        writeFileSync(join(dir, 'plannen', 'a.vplan'), 'y');
        await until('changed', 'plannen/a.vplan');
        expect(batches.flat().map(change => change.path)).toEqual([join(dir, 'plannen', 'a.vplan')]);
        expect(watcher.folderCount).toBe(2);
    });

    test('lost events (no file name): the folder is reported as changed and new folders under it are watched', async () => {
        const { dir, watcher, until } = watched({ 'a.vplan': 'x' });
        mkdirSync(join(dir, 'missed'));
        // What Linux reports when its queue overflowed; the folder's own event for `missed` may come too.
        (watcher as unknown as { noted(folder: string, name: null): void }).noted(dir, null);
        await until('changed', '');
        expect(watcher.folderCount).toBe(2);
    });

    test('the system\'s limit of watches: reported once, and no further folder is tried', () => {
        const dir = mkdtempSync(join(tmpdir(), 'vplan-watch-'));
        for (const folder of ['a', 'b', 'c', 'd']) mkdirSync(join(dir, folder));
        const unwatchable: string[] = [];
        let watches = 0;
        const watcher = new FolderWatcher({
            skips: skipsForWatching,
            onChanges: () => undefined,
            onUnwatchable: (folder, error) => unwatchable.push(`${folder}: ${error.code}`),
            watch: ((...args: Parameters<typeof watch>) => {
                if (++watches > 2) throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
                return watch(...args);
            }) as typeof watch
        });
        open.push({ dir, watcher, batches: [], until: async () => undefined });
        watcher.watchTree(dir);
        expect(watcher.folderCount).toBe(2);
        expect(unwatchable).toHaveLength(1);
        expect(unwatchable[0]).toMatch(/: ENOSPC$/);
        expect(watches).toBe(3);
    });

    test('nothing is reported after close', async () => {
        const { dir, watcher, batches } = watched({ 'a.vplan': 'x' });
        watcher.close();
        writeFileSync(join(dir, 'a.vplan'), 'y');
        // A second watcher of the same folder sees a later write; the closed one saw nothing before it.
        const seen = new Promise<void>(done => {
            const second = new FolderWatcher({ skips: skipsForWatching, onChanges: () => done() });
            open.push({ dir: mkdtempSync(join(tmpdir(), 'vplan-watch-')), watcher: second, batches: [], until: async () => undefined });
            second.watchTree(dir);
            writeFileSync(join(dir, 'b.vplan'), 'y');
        });
        await seen;
        expect(batches).toEqual([]);
    });
});
