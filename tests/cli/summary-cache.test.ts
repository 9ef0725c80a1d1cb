/**
 * The summary cache's file stamps (cli/summary-cache.ts, `summaryOfUnchanged`): a file whose stat is the
 * one it had when a run read it, and that was old enough then, is not read and hashed again; any
 * write, rename over it or change of its permissions, and a write in the same tick as the read
 * ("racily clean"), makes it read again. The cache holds no paths. Through the real binary: a
 * single-file check sees a changed companion file at once, whatever its size and times.
 */

import { chmodSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SummaryCache, hashText, stampStatOf } from '../../cli/summary-cache.js';
import type { FileSummary } from '../../language/workspace/file-summary.js';
import { SUMMARY_FORMAT } from '../../language/workspace/file-summary.js';
import { ensureBuilt, makeTempDir, removeDir, runVplan, writeFiles } from './cli-test-helpers.js';

let dir: string;
let cacheDir: string;

beforeEach(() => {
    dir = makeTempDir('vplan-stamps-');
    cacheDir = makeTempDir('vplan-stamps-cache-');
});

afterEach(() => {
    removeDir(dir);
    removeDir(cacheDir);
});

const summary = (name: string): FileSummary => ({ format: SUMMARY_FORMAT, declarations: [{ name, type: 'Plan', offset: 5, digest: name }] } as unknown as FileSummary);

/** A time in whole seconds, long past: what a tool that keeps modification times puts back exactly. */
const LONG_AGO = new Date('2026-01-05T09:00:00Z');

/** Writes a file with its modification time long past, as a checked-out file that nobody touched since. */
function writeOld(path: string, text: string): void {
    writeFileSync(path, text);
    utimesSync(path, LONG_AGO, LONG_AGO);
}

describe('file stamps in the summary cache', () => {
    test('an unchanged file keeps its key without being read; a changed one does not', () => {
        const path = join(dir, 'a.vplan');
        writeOld(path, 'plan a "A" {\n}\n');
        const cacheFile = join(cacheDir, 'summaries.json');
        const first = new SummaryCache(cacheFile);
        const key = hashText(readFileSync(path, 'utf8'));
        expect(first.summaryOfUnchanged(path, stampStatOf(path)!)).toBeUndefined();
        first.store(key, summary('a'));
        first.stamp(path, stampStatOf(path)!, key);
        first.save();
        // A later run: the same stat, the summary of the same text.
        expect(new SummaryCache(cacheFile).summaryOfUnchanged(path, stampStatOf(path)!)).toEqual(summary('a'));
        // The cache holds no path, nor any part of one.
        expect(readFileSync(cacheFile, 'utf8')).not.toContain('vplan-stamps');
        expect(readFileSync(cacheFile, 'utf8')).not.toContain('a.vplan');
        // A write of the same size, with the very same modification time put back: the change time differs.
        writeOld(path, 'plan b "B" {\n}\n');
        expect(statSync(path).size).toBe(Buffer.byteLength('plan a "A" {\n}\n'));
        expect(new SummaryCache(cacheFile).summaryOfUnchanged(path, stampStatOf(path)!)).toBeUndefined();
    });

    test('a change of permissions, a file written in the tick it was read, and a missing summary all mean reading it again', () => {
        const path = join(dir, 'a.vplan');
        writeOld(path, 'plan a "A" {\n}\n');
        const cacheFile = join(cacheDir, 'summaries.json');
        const key = hashText(readFileSync(path, 'utf8'));
        const stamped = (stamp: (cache: SummaryCache) => void) => {
            const cache = new SummaryCache(cacheFile);
            cache.store(key, summary('a'));
            stamp(cache);
            cache.save();
            return new SummaryCache(cacheFile);
        };
        expect(stamped(cache => cache.stamp(path, stampStatOf(path)!, key)).summaryOfUnchanged(path, stampStatOf(path)!)).toEqual(summary('a'));
        chmodSync(path, 0o600);
        expect(new SummaryCache(cacheFile).summaryOfUnchanged(path, stampStatOf(path)!)).toBeUndefined();
        // Written now and read now: a second write in the same tick could keep every time; not trusted.
        writeFileSync(path, 'plan a "A" {\n}\n');
        expect(stamped(cache => cache.stamp(path, stampStatOf(path)!, key)).summaryOfUnchanged(path, stampStatOf(path)!)).toBeUndefined();
        // A stamp whose summary is gone vouches for nothing.
        writeOld(path, 'plan a "A" {\n}\n');
        const other = new SummaryCache(cacheFile);
        other.stamp(path, stampStatOf(path)!, hashText('something else'));
        other.save();
        expect(new SummaryCache(cacheFile).summaryOfUnchanged(path, stampStatOf(path)!)).toBeUndefined();
        // With the cache off, nothing is kept.
        const off = new SummaryCache(undefined);
        off.stamp(path, stampStatOf(path)!, key);
        expect(off.summaryOfUnchanged(path, stampStatOf(path)!)).toBeUndefined();
    });

    test('vplan check of one file sees a companion changed to the same size at once, after runs that did not read it', () => {
        ensureBuilt();
        const plan = (name: string) => `plan ${name} "Plan" {\n    status active\n    period 2026-01-05 to 2027-01-04\n}\n`;
        writeFiles(dir, { 'vplan.config.json': '{ "root": true }\n' });
        writeOld(join(dir, 'a.vplan'), plan('bb'));
        writeOld(join(dir, 'z.vplan'), plan('aa'));
        const check = () => runVplan(['check', 'z.vplan', '--format', 'json'], { cwd: dir, env: { VPLAN_CACHE_DIR: cacheDir } });
        const codes = () => (JSON.parse(check().stdout) as { diagnostics: Array<{ code: string }> }).diagnostics.map(d => d.code);
        expect(codes()).not.toContain('VP080');
        // The second run takes a.vplan's summary by its stamp.
        expect(codes()).not.toContain('VP080');
        expect(readdirSync(cacheDir)).toHaveLength(1);
        // a.vplan, before z.vplan, now declares the plan z.vplan declares: same size, old times put back.
        writeOld(join(dir, 'a.vplan'), plan('aa'));
        expect(statSync(join(dir, 'a.vplan')).size).toBe(Buffer.byteLength(plan('bb')));
        expect(codes()).toContain('VP080');
    });
});
