/**
 * The invariants of docs/ARCHITECTURE.md that a machine can check: which layer may import what,
 * and no eval anywhere in shipped code.
 *
 * Every import is found with TypeScript's own parser (static imports and re-exports, `import type`,
 * dynamic `import()`, `require()` and `typeof import()` types), and a relative import is resolved to
 * the file and folder it reaches, so `../server/x.js` and `../../server/x.js` are the same thing.
 * eslint.config.mjs gives the same layer rules while editing, for static imports.
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
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

/** Every module specifier in the text, in source order. */
function moduleSpecifiers(text: string, fileName = 'file.ts'): string[] {
    const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const literal = (node: ts.Node | undefined) => {
        if (node && ts.isStringLiteralLike(node)) found.push(node.text);
    };
    const visit = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
        else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) literal(node.moduleReference.expression);
        else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword
            || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) literal(node.arguments[0]);
        else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

interface Import {
    /** The importing file, relative to the repository. */
    file: string;
    specifier: string;
    /** For a relative import: the file it reaches, relative to the repository (`.js` read as `.ts`). */
    target?: string;
    /** For a relative import: the top folder it reaches (`.` for a file at the root). */
    folder?: string;
    /** For a package import: the package and subpath, e.g. `vscode-languageclient/node`. */
    packagePath?: string;
}

function resolveTarget(file: string, specifier: string): string {
    const absolute = resolve(repo, dirname(file), specifier);
    const candidates = [absolute, absolute.replace(/\.js$/, '.ts'), absolute.replace(/\.mjs$/, '.mts'), absolute.replace(/\.cjs$/, '.cts')];
    return relative(repo, candidates.find(candidate => existsSync(candidate)) ?? absolute);
}

function importsOf(file: string, text = readFileSync(join(repo, file), 'utf8')): Import[] {
    return moduleSpecifiers(text, file).map(specifier => {
        if (!specifier.startsWith('.')) return { file, specifier, packagePath: specifier };
        const target = resolveTarget(file, specifier);
        const parts = target.split(sep);
        return { file, specifier, target, folder: parts.length > 1 ? parts[0] : '.' };
    });
}

const LAYERS = ['language', 'server', 'client', 'cli'] as const;
type Layer = typeof LAYERS[number];

const allImports = new Map<Layer, Import[]>(LAYERS.map(layer => [layer, sources(layer).flatMap(file => importsOf(file))]));

/** The editor's API and the language client: the VS Code extension's own. */
const EDITOR_PACKAGES = /^(vscode|vscode-languageclient)(\/|$)/;
/** A connection: only the server creates one. */
const CONNECTION_PACKAGE = /^vscode-languageserver\/node$/;

interface LayerRule {
    forbiddenFolders: string[];
    forbiddenPackages: RegExp[];
    /** When set, the only files of language/ this layer may import. */
    languageFiles?: string[];
}

const RULES: Record<Layer, LayerRule> = {
    // language/ runs in the CLI, the server and the tests: no editor, no connection.
    language: { forbiddenFolders: ['server', 'client', 'cli', 'tests', 'bench', 'scripts'], forbiddenPackages: [EDITOR_PACKAGES, CONNECTION_PACKAGE] },
    // server/ is LSP wiring over the language.
    server: { forbiddenFolders: ['client', 'cli', 'tests', 'bench', 'scripts'], forbiddenPackages: [EDITOR_PACKAGES] },
    cli: { forbiddenFolders: ['server', 'client', 'tests', 'bench', 'scripts'], forbiddenPackages: [EDITOR_PACKAGES, CONNECTION_PACKAGE] },
    // The client starts the bundled server as a process; of the language it needs only the
    // timeline request's shapes, the webview's vscode-free logic and the one localisation
    // mechanism (language/i18n/: `Message`, `text()`, the shared words) for client/client-texts.ts.
    client: {
        forbiddenFolders: ['server', 'cli', 'tests', 'bench', 'scripts'],
        forbiddenPackages: [CONNECTION_PACKAGE],
        languageFiles: ['language/timeline/timeline-protocol.ts', 'language/timeline/preview-support.ts', 'language/i18n/locale.ts', 'language/i18n/phrases.ts']
    }
};

function violations(layer: Layer, imports = allImports.get(layer)!): string[] {
    const rule = RULES[layer];
    const found: string[] = [];
    for (const entry of imports) {
        const where = `${entry.file} imports '${entry.specifier}'`;
        if (entry.packagePath !== undefined) {
            if (rule.forbiddenPackages.some(pattern => pattern.test(entry.packagePath!))) found.push(where);
        } else if (rule.forbiddenFolders.includes(entry.folder!)) {
            found.push(`${where} (${entry.target})`);
        } else if (entry.folder === 'language' && rule.languageFiles && !rule.languageFiles.includes(entry.target!)) {
            found.push(`${where} (${entry.target})`);
        }
    }
    return found;
}

describe('how imports are found', () => {
    test('static, type-only, re-exported, dynamic, required and type-level imports all count', () => {
        const text = [
            "import { a } from './a.js';",
            "import type { B } from '../server/b.js';",
            "import './side-effect.js';",
            "export * from '../cli/c.js';",
            "export type { D } from '../client/d.js';",
            "const e = await import('../../server/e.js');",
            "const f = require('vscode');",
            "type G = typeof import('../cli/g.js');",
            "import h = require('vscode-languageclient/node');",
            "const notAnImport = 'from \\'../server/x.js\\'';"
        ].join('\n');
        expect(moduleSpecifiers(text)).toEqual([
            './a.js', '../server/b.js', './side-effect.js', '../cli/c.js', '../client/d.js', '../../server/e.js', 'vscode', '../cli/g.js', 'vscode-languageclient/node'
        ]);
    });

    test('a relative import counts by the folder it reaches, whatever its spelling', () => {
        const text = [
            "import { SERVER_NODE_FLAGS } from '../server/heap-settings.js';",
            "import type { Program } from './../cli/main.js';",
            "const lens = await import('../language/lsp/vplan-code-lens.js');",
            "import { TIMELINE_REQUEST } from '../language/timeline/timeline-protocol.js';",
            "import { registerCommands } from './commands.js';"
        ].join('\n');
        expect(violations('client', importsOf('client/example.ts', text))).toEqual([
            "client/example.ts imports '../server/heap-settings.js' (server/heap-settings.ts)",
            "client/example.ts imports './../cli/main.js' (cli/main.ts)",
            "client/example.ts imports '../language/lsp/vplan-code-lens.js' (language/lsp/vplan-code-lens.ts)"
        ]);
        expect(violations('language', importsOf('language/lsp/example.ts', "import type { X } from '../../server/main.js';"))).toEqual([
            "language/lsp/example.ts imports '../../server/main.js' (server/main.ts)"
        ]);
    });

    test('every relative import of the four layers reaches a file of the repository', () => {
        const unresolved = LAYERS.flatMap(layer => allImports.get(layer)!)
            .filter(entry => entry.target !== undefined && !existsSync(join(repo, entry.target)))
            .map(entry => `${entry.file} imports '${entry.specifier}'`);
        expect(unresolved).toEqual([]);
        // The scan sees the layers talk to each other at all (a broken scan would find nothing).
        expect(allImports.get('server')!.some(entry => entry.folder === 'language')).toBe(true);
        expect(allImports.get('client')!.some(entry => entry.target === 'language/timeline/timeline-protocol.ts')).toBe(true);
    });
});

describe('layers', () => {
    test('language/ never imports vscode, a connection, the server, the client, the CLI or the tests', () => {
        expect(violations('language')).toEqual([]);
    });

    test('server/ is LSP wiring: it imports the language, never the client, the CLI or vscode', () => {
        expect(violations('server')).toEqual([]);
    });

    test('the CLI never imports vscode, a connection, the server or the client', () => {
        expect(violations('cli')).toEqual([]);
    });

    test('the client never imports server/ or cli/, and of the language only the timeline protocol, preview support and i18n', () => {
        expect(violations('client')).toEqual([]);
    });

    test('the webview script imports nothing', () => {
        expect(sources('media').flatMap(file => importsOf(file)).map(entry => `${entry.file} imports '${entry.specifier}'`)).toEqual([]);
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
