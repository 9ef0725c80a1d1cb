/**
 * Packaging: `npm run package` makes an installable .vsix offline that holds the bundled,
 * minified extension and its contributions, and nothing of the sources, tests or node_modules.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildVsix } from '../editor/support/vsix.js';
import { REPO_ROOT, removeRunDir } from '../editor/support/tools.js';
import { readZipEntries } from './zip.js';

/** Files the extension needs at run time, relative to the extension folder. */
const REQUIRED = [
    'package.json',
    'package.nls.json',
    'package.nls.nl.json',
    'out/extension.cjs',
    'out/server.cjs',
    'language-configuration.json',
    'syntaxes/vplan.tmLanguage.json',
    'images/icon.png',
    // The language server links each diagnostic's code to its rule here (server/rule-docs.ts).
    'docs/rules.md'
];

/** Whatever matches one of these must never be shipped. */
const FORBIDDEN: Array<[string, RegExp]> = [
    ['node_modules', /(^|\/)node_modules\//],
    ['TypeScript sources', /\.ts$/],
    ['source maps', /\.map$/],
    ['tests', /(^|\/)tests?\//],
    ['grammar sources', /\.langium$/],
    ['CI scripts', /(^|\/)\.ci\//],
    ['the CLI bundle', /(^|\/)out\/cli\.cjs$/],
    ['benchmarks', /(^|\/)bench\//],
    ['build scripts', /\.mjs$/],
    ['the launcher module of vplan-language-server', /(^|\/)out\/server-node-flags\.cjs$/],
    // `npm start` renders the examples there; a .vsix packed after it must not carry them.
    ['rendered examples', /(^|\/)out\/examples\//]
];

function forbiddenIn(files: string[]): string[] {
    return files.flatMap(file => FORBIDDEN.filter(([, pattern]) => pattern.test(file)).map(([what]) => `${file} (${what})`));
}

describe('vsce ls: the files the .vsix would hold', () => {
    let files: string[] = [];

    beforeAll(() => {
        const result = spawnSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
        expect(result.status, result.stderr).toBe(0);
        files = result.stdout.split('\n').map(line => line.trim()).filter(Boolean);
    }, 90_000);

    test('lists every file the extension needs, plus README, CHANGELOG and LICENSE', () => {
        expect(files).toEqual(expect.arrayContaining([...REQUIRED, 'README.md', 'CHANGELOG.md', 'LICENSE']));
    });

    test('lists no node_modules, sources, maps, tests or tooling', () => {
        expect(forbiddenIn(files)).toEqual([]);
    });
});

describe('npm run package: the .vsix itself', () => {
    let names: string[] = [];
    let read: (name: string) => Buffer = () => Buffer.alloc(0);

    beforeAll(() => {
        const { vsix, runDir } = buildVsix();
        try {
            const zip = readZipEntries(vsix);
            names = zip.entries.map(entry => entry.name);
            const contents = new Map(names.map(name => [name, zip.read(name)]));
            read = name => contents.get(name) ?? Buffer.alloc(0);
        } finally {
            removeRunDir(runDir);
        }
    }, 180_000);

    test('holds the manifest, the bundles and the contributions', () => {
        expect(names).toEqual(expect.arrayContaining([
            'extension.vsixmanifest',
            ...REQUIRED.map(file => `extension/${file}`),
            'extension/readme.md',
            'extension/changelog.md',
            'extension/LICENSE.txt'
        ]));
    });

    test('holds nothing that is not shipped (node_modules, .ts, .map, tests)', () => {
        expect(forbiddenIn(names)).toEqual([]);
    });

    test('ships minified bundles without source-map references', () => {
        for (const bundle of ['extension/out/extension.cjs', 'extension/out/server.cjs']) {
            const code = read(bundle).toString('utf8');
            expect(code, bundle).not.toMatch(/sourceMappingURL/);
            // esbuild --minify writes few, very long lines (template literals keep theirs); an
            // unminified bundle averages some 40 characters a line.
            const averageLine = code.length / code.split('\n').length;
            expect(averageLine, `${bundle}: ${Math.round(averageLine)} characters a line`).toBeGreaterThan(500);
            // The Node 20 shim rides along in every bundle (VS Code 1.100's extension host is Node 20).
            expect(code).toContain('Object.groupBy');
        }
    });

    test('ships no telemetry client and no network endpoint in the bundles', () => {
        for (const bundle of ['extension/out/extension.cjs', 'extension/out/server.cjs']) {
            const code = read(bundle).toString('utf8');
            expect(code, bundle).not.toMatch(/applicationinsights|extension-telemetry|TelemetryReporter|dc\.services\.visualstudio\.com/i);
        }
    });

    test('the packaged manifest activates on vplan files, supports untrusted workspaces and needs VS Code 1.100', () => {
        const manifest = JSON.parse(read('extension/package.json').toString('utf8'));
        expect(manifest.activationEvents).toContain('onLanguage:vplan');
        expect(manifest.engines.vscode).toBe('^1.100.0');
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
        expect(manifest.main).toBe('./out/extension.cjs');
        expect(manifest.icon).toBe('images/icon.png');
    });

    test('the icon is a 128×128 PNG', () => {
        const png = read('extension/images/icon.png');
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    });

    test('the licence in the package is the one package.json names', () => {
        const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
        const licence = read('extension/LICENSE.txt').toString('utf8');
        expect(licence).toContain(`SPDX-License-Identifier: ${manifest.license}`);
    });
});
