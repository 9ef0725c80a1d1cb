/**
 * Summaries of the `.vplan` files of a workspace (language/workspace/file-summary.ts), kept between
 * runs so that a command about one file (`vplan check FILE`, `render`, `export`, the git diff
 * driver) does not parse the whole workspace again. A summary is keyed by the SHA-256 of the
 * file's text and vplan's version, so a cached one is always the one a parse would give.
 *
 * The cache holds, per file, the names of its plans, organisations and measure types (with a
 * digest of each declaration's text) and the names it refers to (pseudonyms), never other plan text. It lives in the user's cache folder
 * (`$XDG_CACHE_HOME/vplan`, else `~/.cache/vplan`; `VPLAN_CACHE_DIR` overrides), one file per
 * workspace root, readable by the user only; `VPLAN_CACHE=off` turns it off (docs/privacy.md).
 */

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SUMMARY_FORMAT, type FileSummary } from '../language/workspace/file-summary.js';
import packageJson from '../package.json' with { type: 'json' };
import { withTemporaryFile } from './output-file.js';

const VERSION = `${packageJson.version}/${SUMMARY_FORMAT}`;

interface CacheFile {
    version: string;
    entries: Record<string, FileSummary>;
}

export function hashText(text: string): string {
    return createHash('sha256').update(text).digest('hex');
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
    protected dirty = false;

    constructor(protected readonly file: string | undefined) {
        if (!file) return;
        try {
            const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
            if (cached.version === VERSION && cached.entries && typeof cached.entries === 'object') this.entries = cached.entries;
        } catch { /* no cache yet, or an unreadable one: start afresh */ }
    }

    /** The summary of a text: cached, or computed now (and kept). */
    summary(text: string, compute: () => FileSummary): FileSummary {
        const key = hashText(text);
        this.used.add(key);
        let summary = this.entries[key];
        if (!summary || summary.format !== SUMMARY_FORMAT) {
            summary = compute();
            this.entries[key] = summary;
            this.dirty = true;
        }
        return summary;
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
        const unused = Object.keys(this.entries).some(key => !this.used.has(key));
        if (!this.dirty && !unused) return;
        const entries: Record<string, FileSummary> = {};
        for (const key of this.used) if (this.entries[key]) entries[key] = this.entries[key];
        const temporary = `${this.file}.${process.pid}.tmp`;
        try {
            mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
            // Removed on failure and on SIGINT/SIGTERM too (output-file.ts): no copy left behind.
            withTemporaryFile(temporary, () => {
                writeFileSync(temporary, JSON.stringify({ version: VERSION, entries } satisfies CacheFile), { mode: 0o600 });
                renameSync(temporary, this.file!);
            });
        } catch {
            try { rmSync(temporary, { force: true }); } catch { /* nothing left to clean */ }
        }
    }
}
