/**
 * Writing files without losing anything (issue 15, "data lost or damaged"): `render -o`,
 * `review -o` and `fmt`.
 *
 * - A new or regular file is replaced atomically: a temporary file in the same folder, renamed
 *   into place, so a reader never sees half a file. The temporary file is removed when writing
 *   fails, and when the process is ended by SIGINT, SIGTERM or SIGHUP: once a temporary file has
 *   been written, a handler takes these signals, so they arrive between two steps of JavaScript,
 *   never between writing and renaming (`fmt` lets them in after each file). Only SIGKILL, which
 *   nothing can catch, can leave a temporary file behind.
 * - A file that is replaced keeps its owner, group and mode; a file with more than one hard link
 *   is written in place, so that every name still shows the same file.
 * - `-o` through a symbolic link writes the link's target (the link stays); a FIFO or a character
 *   device (`/dev/stdout`, `/dev/null`) is written to as it is, never replaced by a regular file;
 *   vplan's own stdout or stderr is written through the stream (a socket has no name to open).
 *   A dangling link, a block device or a socket is refused with one line, and so is an output that
 *   is one of the command's input files (`render plan.vplan -o plan.vplan`) or is named like a plan
 *   or configuration file (`*.vplan`, `vplan.config.json`: another plan of the workspace).
 */

import { randomBytes } from 'node:crypto';
import {
    chmodSync, chownSync, closeSync, fstatSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliInputError, because } from './files.js';
import { cliTexts } from './cli-texts.js';

/** Temporary files written but not yet renamed into place. */
const pendingTemporaries = new Set<string>();
let cleanupInstalled = false;

const CLEANUP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function removePendingTemporaries(): void {
    for (const path of pendingTemporaries) rmSync(path, { force: true });
    pendingTemporaries.clear();
}

/**
 * Removes unfinished temporary files when the process ends, also by a signal. The signal is then
 * raised again without the handler, so the process ends as the signal demands (exit 130, 143, ...).
 */
function installCleanup(): void {
    if (cleanupInstalled) return;
    cleanupInstalled = true;
    process.on('exit', removePendingTemporaries);
    for (const signal of CLEANUP_SIGNALS) {
        process.once(signal, () => {
            removePendingTemporaries();
            process.kill(process.pid, signal);
        });
    }
}

/**
 * Runs `write`, which creates `temporary` and renames it into place, with `temporary` removed
 * if `write` fails or a signal ends the process meanwhile (also for vplan's own cache files).
 */
export function withTemporaryFile(temporary: string, write: () => void): void {
    installCleanup();
    pendingTemporaries.add(temporary);
    try {
        write();
    } catch (error) {
        rmSync(temporary, { force: true });
        throw error;
    } finally {
        pendingTemporaries.delete(temporary);
    }
}

function writeError(display: string, error: unknown): CliInputError {
    if (error instanceof CliInputError) return error;
    const code = (error as NodeJS.ErrnoException)?.code;
    return new CliInputError(display,
        code === 'ENOENT' ? cliTexts.folderMissing
            : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? cliTexts.cannotWriteDenied
                : code === 'EISDIR' ? cliTexts.isFolder
                    : because(cliTexts.cannotWrite, { code }));
}

/**
 * Replaces `target` (a path that is no symbolic link) by `content` through a temporary file
 * renamed into place. `existing`: the file being replaced, whose owner, group and mode are kept;
 * when its owner or group cannot be given to the new file, the file is written in place instead.
 */
function replaceAtomically(target: string, content: string | Buffer, existing: Stats | undefined): void {
    installCleanup();
    const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    pendingTemporaries.add(temporary);
    try {
        // A new file gets the mode any new file gets (0666 less the umask); a copy of an existing
        // one stays private (0600) until it has the original's owner, group and mode.
        writeFileSync(temporary, content, { flag: 'wx', mode: existing ? 0o600 : 0o666 });
        if (existing) {
            if (!giveOwnerOf(temporary, existing)) {
                rmSync(temporary, { force: true });
                pendingTemporaries.delete(temporary);
                writeInPlace(target, content);
                return;
            }
            chmodSync(temporary, existing.mode & 0o7777);
        }
        renameSync(temporary, target);
        pendingTemporaries.delete(temporary);
    } catch (error) {
        rmSync(temporary, { force: true });
        pendingTemporaries.delete(temporary);
        throw error;
    }
}

/** Gives `path` the owner and group of `existing` (a root `fmt` must not give a user's plan to root); false when not allowed. */
function giveOwnerOf(path: string, existing: Stats): boolean {
    const written = statSync(path);
    if (written.uid === existing.uid && written.gid === existing.gid) return true;
    try {
        chownSync(path, existing.uid, existing.gid);
        return true;
    } catch (error) {
        const code = (error as NodeJS.ErrnoException)?.code;
        if (code === 'EPERM' || code === 'EACCES') return false;
        throw error;
    }
}

/** Writes into an existing file: the same inode, so owner, group, mode and hard links stay. */
function writeInPlace(path: string, content: string | Buffer): void {
    writeFileSync(path, content, { flag: 'w' });
}

/** Whether two stats are the same file (device and inode). */
function sameFile(a: Stats, b: Stats): boolean {
    return a.dev === b.dev && a.ino === b.ino;
}

/** `*.vplan` and `vplan.config.json`: what `-o` never writes (a plan of the workspace may not even have been read). */
function isPlanOrConfigName(path: string): boolean {
    const name = basename(path);
    return name.toLowerCase().endsWith('.vplan') || name === 'vplan.config.json';
}

/** process.stdout or process.stderr when `target` is the file one of them writes to. */
function standardStreamOf(target: Stats): NodeJS.WriteStream | undefined {
    for (const [fd, stream] of [[1, process.stdout], [2, process.stderr]] as const) {
        try {
            if (sameFile(fstatSync(fd), target)) return stream;
        } catch { /* a closed stream is none */ }
    }
    return undefined;
}

/**
 * `-o OUT` of `render` and `review`: writes `content` to `path` (absolute), shown as `display`.
 * `inputs` are the absolute paths of the files the command read; writing over one of them is
 * refused (exit 2). Throws a CliInputError with one clear line when the output cannot be written.
 */
export function writeOutputFile(path: string, content: string, display: string, inputs: readonly string[] = []): void {
    let link: Stats | undefined;
    try {
        link = lstatSync(path);
    } catch (error) {
        if ((error as NodeJS.ErrnoException)?.code !== 'ENOENT') throw writeError(display, error);
    }
    try {
        if (!link) {
            // A timeline or review named like a plan would be read as one by every later folder search.
            if (isPlanOrConfigName(path)) throw new CliInputError(display, cliTexts.outputIsPlanFile);
            replaceAtomically(path, content, undefined);
            return;
        }
        let target: Stats;
        try {
            target = statSync(path);
        } catch (error) {
            const code = (error as NodeJS.ErrnoException)?.code;
            if (link.isSymbolicLink() && code === 'ENOENT') throw new CliInputError(display, cliTexts.danglingLink);
            throw writeError(display, error);
        }
        for (const input of inputs) {
            let inputStats: Stats | undefined;
            try { inputStats = statSync(input); } catch { /* an input that is gone is no output */ }
            if (inputStats && sameFile(inputStats, target)) throw new CliInputError(display, cliTexts.outputIsInput);
        }
        if (isPlanOrConfigName(path) || (link.isSymbolicLink() && isPlanOrConfigName(realpathSync(path)))) {
            throw new CliInputError(display, cliTexts.outputIsPlanFile);
        }
        if (target.isDirectory()) throw new CliInputError(display, cliTexts.isFolder);
        const stream = target.isFile() ? undefined : standardStreamOf(target);
        if (stream) {
            // `-o /dev/stdout` (or a link to it) when stdout is a socket, which cannot be opened by
            // its name: the stream itself is written.
            stream.write(content);
            return;
        }
        if (target.isFIFO() || target.isCharacterDevice()) {
            // A pipe, a terminal, /dev/null, /dev/stdout: write to it; replacing it would break it.
            writeFileSync(path, content, 'utf8');
            return;
        }
        if (!target.isFile()) throw new CliInputError(display, cliTexts.notAFileToWrite);
        if (target.nlink > 1) {
            writeInPlace(path, content);
            return;
        }
        replaceAtomically(link.isSymbolicLink() ? realpathSync(path) : path, content, target);
    } catch (error) {
        throw writeError(display, error);
    }
}

export interface ReplaceOutcome {
    kind: 'replaced' | 'changed-meanwhile';
}

/**
 * `fmt`: replaces the plan file at `path` (a link is followed to its target, which is rewritten)
 * by what `content` makes of the file's bytes read right before the replacement, keeping owner,
 * group, mode and hard links. When `content` gives undefined (an editor saved the file since it
 * was first read), nothing is written. A file nobody may write (a mode without any write bit,
 * or not writable for this user) is refused with one line.
 */
export function replacePlanFile(path: string, content: (current: Buffer) => Buffer | undefined, display: string): ReplaceOutcome {
    try {
        const target = realpathSync(path);
        const stats = statSync(target);
        if ((stats.mode & 0o222) === 0) throw new CliInputError(display, cliTexts.readOnly);
        // Opening for writing asks the system whether this user may write the file.
        closeSync(openSync(target, 'r+'));
        const current = readFileSync(target);
        const bytes = content(current);
        if (bytes === undefined) return { kind: 'changed-meanwhile' };
        if (stats.nlink > 1) writeInPlace(target, bytes);
        else replaceAtomically(target, bytes, stats);
        return { kind: 'replaced' };
    } catch (error) {
        throw writeError(display, error);
    }
}
