/**
 * Summaries of the `.vplan` files of a workspace (language/workspace/file-summary.ts), kept between
 * runs so that a command about one file (`vplan check FILE`, `render`, `export`, the git diff
 * driver) does not parse the whole workspace again. A summary is keyed by the SHA-256 of the
 * file's text and vplan's version, so a cached one is always the one a parse would give.
 *
 * The cache holds, per file, the names of its plans, organisations and measure types (with a
 * digest of each declaration's text) and the names it refers to (pseudonyms), never other plan text,
 * and, by a hash of the file's path (never the path), the file's size, times and inode when it was
 * last read, so that an unchanged file need not be read and hashed again (`summaryOfUnchanged`). It lives in the user's cache folder
 * (`$XDG_CACHE_HOME/vplan`, else `~/.cache/vplan`; `VPLAN_CACHE_DIR` overrides), one file per
 * workspace root, readable by the user only; `VPLAN_CACHE=off` turns it off (docs/privacy.md).
 */

import * as crypto from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SUMMARY_FORMAT, type FileSummary } from '../language/workspace/file-summary.js';
import packageJson from '../package.json' with { type: 'json' };
import { withTemporaryFile } from './output-file.js';

const VERSION = `${packageJson.version}/${SUMMARY_FORMAT}`;

interface CacheFile {
    version: string;
    entries: Record<string, FileSummary>;
    /**
     * By the hash of a file's path (the cache holds no paths): `STAT READAT KEY`, its stat when its
     * text was last read (`statStamp`), when that was (milliseconds since the epoch), and the key of
     * that text. One string per file: quicker to read back than an object.
     */
    files?: Record<string, string>;
}

/** What of a file's stat must be the same for its text to be: size, modification and change times (nanoseconds), inode. */
function statStamp(stats: BigIntStats): string {
    return `${stats.size}/${stats.mtimeNs}/${stats.ctimeNs}/${stats.ino}`;
}

/**
 * A stamp vouches for a file's text only if the file was older than this when it was read: a
 * file system that keeps times in whole seconds (or two, FAT) could otherwise hide a second write
 * in the same tick (git's "racily clean" entries, the same rule).
 */
const RACY_MS = 3_000;

/** The key of a file's stamp: half of the path's SHA-256 (the cache holds no paths). */
function pathKeyOf(path: string): string {
    return hashText(path).slice(0, 32);
}

/** What `SummaryCache.lookupFile` finds: the summary (and the text, if it was read), or the key and text to summarise. */
export type FileLookup = { summary: FileSummary; text?: string } | { summary?: undefined; key: string; text: string };

/** A file's stat with nanosecond times, or undefined when it cannot be had. */
export function stampStatOf(path: string): BigIntStats | undefined {
    try { return statSync(path, { bigint: true, throwIfNoEntry: false }); } catch { return undefined; }
}

/** Node 21.7+'s one-shot hash: the same digest, without an object per call (10,000 paths: 4 ms instead of 15). */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;

export function hashText(text: string): string {
    return oneShotHash ? oneShotHash('sha256', text) : crypto.createHash('sha256').update(text).digest('hex');
}

/** Where the summaries of a workspace root are kept, or undefined when the cache is off. */
export function summaryCacheFile(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
    if (env.VPLAN_CACHE === 'off') return undefined;
    const folder = env.VPLAN_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'vplan');
    return join(folder, `summaries-${hashText(root).slice(0, 24)}.json`);
}

export class SummaryCache {
    protected entries: Record<string, FileSummary> = {};
    protected readonly used = new Set<string>();
    protected files: Record<string, string> = {};
    protected readonly usedFiles = new Set<string>();
    protected dirty = false;

    constructor(protected readonly file: string | undefined) {
        if (!file) return;
        try {
            const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
            if (cached.version === VERSION && cached.entries && typeof cached.entries === 'object') {
                this.entries = cached.entries;
                if (cached.files && typeof cached.files === 'object') this.files = cached.files;
            }
        } catch { /* no cache yet, or an unreadable one: start afresh */ }
    }

    /**
     * A file's summary, read from its text only when its stamp does not vouch for it
     * (`summaryOfUnchanged`; `stamped` false for a text that is not the file's on disk): the
     * summary when cached, else the key and the text to summarise (then `store` it). Undefined
     * when `read` finds no text. A text read now is stamped.
     */
    lookupFile(path: string, read: () => string | undefined, stamped = true): FileLookup | undefined {
        const stats = stamped && this.file ? stampStatOf(path) : undefined;
        const pathKey = stats && pathKeyOf(path);
        const unchanged = stats && this.summaryByStamp(pathKey!, stats);
        if (unchanged) return { summary: unchanged };
        const text = read();
        if (text === undefined) return undefined;
        const key = hashText(text);
        if (stats) this.stampByKey(pathKey!, stats, key);
        const summary = this.lookup(key);
        return summary ? { summary, text } : { key, text };
    }

    /**
     * The summary of a file's text without reading it: when the file has the very stat it had when
     * its text was last read (size, modification and change times, inode; a write, a rename over
     * it or a change of its permissions changes one of them), it was old enough then (`RACY_MS`),
     * and that text's summary is cached. Undefined otherwise: then read it, and `stamp` it.
     */
    summaryOfUnchanged(path: string, stats: BigIntStats): FileSummary | undefined {
        return this.file ? this.summaryByStamp(pathKeyOf(path), stats) : undefined;
    }

    /** Notes the stat a file had when its text, with this key, was read now (`summaryOfUnchanged`). */
    stamp(path: string, stats: BigIntStats, key: string): void {
        if (this.file) this.stampByKey(pathKeyOf(path), stats, key);
    }

    protected summaryByStamp(pathKey: string, stats: BigIntStats): FileSummary | undefined {
        const [stat, readAt, key] = this.files[pathKey]?.split(' ') ?? [];
        if (stat !== statStamp(stats) || !(Number(readAt) - Number(stats.mtimeNs / 1_000_000n) > RACY_MS) || !key) return undefined;
        const summary = this.lookup(key);
        if (summary) this.usedFiles.add(pathKey);
        return summary;
    }

    protected stampByKey(pathKey: string, stats: BigIntStats, key: string): void {
        this.usedFiles.add(pathKey);
        this.files[pathKey] = `${statStamp(stats)} ${Date.now()} ${key}`;
        this.dirty = true;
    }

    /** The cached summary of a text by its key (`hashText(text)`), if there is one (it is then kept by `save`). */
    lookup(key: string): FileSummary | undefined {
        const summary = this.entries[key];
        if (!summary || summary.format !== SUMMARY_FORMAT) return undefined;
        this.used.add(key);
        return summary;
    }

    /** Keeps the summary of a text (by its key) computed elsewhere (`vplan check` in batches, cli/check-batches.ts). */
    store(key: string, summary: FileSummary): void {
        this.used.add(key);
        this.entries[key] = summary;
        this.dirty = true;
    }

    /** Writes the cache (only the summaries used in this run), atomically; a failure only costs speed. */
    save(): void {
        if (!this.file) return;
        const unused = Object.keys(this.entries).some(key => !this.used.has(key)) || Object.keys(this.files).some(key => !this.usedFiles.has(key));
        if (!this.dirty && !unused) return;
        const entries: Record<string, FileSummary> = {};
        for (const key of this.used) if (this.entries[key]) entries[key] = this.entries[key];
        const files: Record<string, string> = {};
        for (const key of this.usedFiles) if (entries[this.files[key]?.split(' ')[2] ?? '']) files[key] = this.files[key];
        const temporary = `${this.file}.${process.pid}.tmp`;
        try {
            mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
            // Removed on failure and on SIGINT/SIGTERM too (output-file.ts): no copy left behind.
            withTemporaryFile(temporary, () => {
                writeFileSync(temporary, JSON.stringify({ version: VERSION, entries, files } satisfies CacheFile), { mode: 0o600 });
                renameSync(temporary, this.file!);
            });
        } catch {
            try { rmSync(temporary, { force: true }); } catch { /* nothing left to clean */ }
        }
    }
}
