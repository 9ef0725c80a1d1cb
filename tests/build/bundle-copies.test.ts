/**
 * Each bundle holds one copy of every package: two versions of the LSP protocol (one brought by
 * vscode-languageserver, one by the project's own dependency) once cost the server and the CLI
 * 300 KB and about 10 ms of start-up (docs/performance.md, "Start-up of a single-file check").
 * esbuild names the source of every module in a comment (`// node_modules/PKG/...`) in the
 * unminified bundles that `npm test` builds.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const out = new URL('../../out/', import.meta.url).pathname;
const PACKAGES = ['vscode-languageserver-protocol', 'vscode-languageserver-types', 'vscode-jsonrpc', 'vscode-languageserver', 'vscode-uri', 'langium', 'chevrotain'];

/** Package name → the folders of that package whose modules a bundle contains. */
function packageCopies(bundle: string): Map<string, Set<string>> {
    const copies = new Map<string, Set<string>>();
    for (const [, path] of readFileSync(bundle, 'utf8').matchAll(/^\/\/ (node_modules\/\S+)$/gm)) {
        const parts = path.split('/');
        const last = parts.lastIndexOf('node_modules');
        const scoped = parts[last + 1].startsWith('@');
        const name = parts.slice(last + 1, last + (scoped ? 3 : 2)).join('/');
        const folder = parts.slice(0, last + (scoped ? 3 : 2)).join('/');
        if (!copies.has(name)) copies.set(name, new Set());
        copies.get(name)!.add(folder);
    }
    return copies;
}

test.each(['server.cjs', 'cli.cjs', 'check-worker.cjs'])('%s holds one copy of each LSP and Langium package', bundle => {
    const copies = packageCopies(join(out, bundle));
    expect(copies.size, 'no module comments: the bundle was minified (npm test builds it unminified)').toBeGreaterThan(0);
    expect(copies.has('langium')).toBe(true);
    for (const name of PACKAGES) {
        expect([...copies.get(name) ?? []], name).toHaveLength(copies.has(name) ? 1 : 0);
    }
});
