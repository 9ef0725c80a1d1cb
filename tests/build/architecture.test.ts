/**
 * The invariants of docs/ARCHITECTURE.md that a machine can check: which layer may import what,
 * and no eval anywhere in shipped code.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const repo = new URL('../../', import.meta.url).pathname;

function sources(folder: string): string[] {
    const result: string[] = [];
    for (const entry of readdirSync(join(repo, folder))) {
        const path = join(repo, folder, entry);
        if (statSync(path).isDirectory()) result.push(...sources(relative(repo, path)));
        else if (/\.(ts|js|mjs|cjs)$/.test(entry)) result.push(relative(repo, path));
    }
    return result;
}

function imports(file: string): string[] {
    const text = readFileSync(join(repo, file), 'utf8');
    return [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map(match => match[1]);
}

describe('layers', () => {
    test('language/ never imports vscode, a connection, the server, the client or the CLI', () => {
        for (const file of sources('language')) {
            for (const target of imports(file)) {
                expect(target, file).not.toMatch(/^vscode$|^vscode-languageserver\/node$|^vscode-languageclient|\/server\/|\/client\/|\/cli\//);
            }
        }
    });

    test('server/ is LSP wiring: it imports the language, never the client or the CLI', () => {
        for (const file of sources('server')) {
            for (const target of imports(file)) expect(target, file).not.toMatch(/^vscode$|\/client\/|\/cli\//);
        }
    });

    test('the CLI never imports vscode or the server', () => {
        for (const file of sources('cli')) {
            for (const target of imports(file)) expect(target, file).not.toMatch(/^vscode$|\/server\/|\/client\//);
        }
    });

    test('the client talks to the language only through the timeline protocol and preview support', () => {
        for (const file of sources('client')) {
            for (const target of imports(file).filter(t => t.includes('/language/'))) {
                expect(target, file).toMatch(/language\/timeline\/(timeline-protocol|preview-support)\.js$/);
            }
        }
    });

    test('the CLI, the server and the tests create services only through createVplanServices', () => {
        for (const file of [...sources('cli'), ...sources('server')]) {
            const text = readFileSync(join(repo, file), 'utf8');
            expect(text, file).not.toMatch(/createDefaultModule|createDefaultSharedModule/);
        }
    });
});

test('no eval or Function constructor in shipped code', () => {
    for (const file of [...sources('language'), ...sources('server'), ...sources('client'), ...sources('cli'), ...sources('media')]) {
        const text = readFileSync(join(repo, file), 'utf8');
        expect(text, file).not.toMatch(/\beval\s*\(|new Function\s*\(/);
    }
});
