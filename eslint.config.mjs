// @ts-check
/**
 * ESLint with typescript-eslint's recommended rules (`npm run lint`, also part of `npm test`).
 * Besides style and correctness, it enforces the layer invariants of docs/ARCHITECTURE.md on
 * every static import while editing; tests/build/architecture.test.ts checks the same layers on
 * every import (dynamic `import()` and `require` included), resolved to the folder they reach.
 *
 * Not the type-aware rule sets: they need the whole TypeScript program, which made one lint take
 * about 30 s on the 2-CPU development machine instead of under 10 s (and `tsc` checks types anyway).
 */

import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Relative imports that leave a folder for `server/`, `client/`, `cli/`, `tests/` or `bench/`. */
function intoFolders(...folders) {
    return `^(\\.\\./)+(${folders.join('|')})(/|$)`;
}

const vscodeEditorApis = [
    { name: 'vscode', message: 'Only client/ may use the VS Code API (docs/ARCHITECTURE.md, invariants).' },
    { name: 'vscode-languageclient', message: 'Only client/ may use the language client.' },
    { name: 'vscode-languageclient/node', message: 'Only client/ may use the language client.' }
];

/** `no-restricted-imports` for one layer: the packages and the folders it may not import. */
function layerImports(paths, folders, why) {
    return {
        '@typescript-eslint/no-restricted-imports': ['error', {
            paths,
            patterns: [{ regex: intoFolders(...folders), message: why }]
        }]
    };
}

export default tseslint.config(
    {
        ignores: ['language/generated/**', 'out/**', 'node_modules/**', 'test-results/**', '**/*.d.ts']
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        languageOptions: { globals: { ...globals.node } },
        rules: {
            // `_name` marks a parameter that an interface requires but this implementation ignores.
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }]
        }
    },
    {
        files: ['**/*.cjs'],
        rules: { '@typescript-eslint/no-require-imports': 'off' },
        languageOptions: { sourceType: 'commonjs' }
    },
    {
        // esbuild injects this file into the CommonJS bundles, where `require` is what there is.
        files: ['scripts/import-meta-url.js'],
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    },
    {
        // The webview's script runs in the browser, inside VS Code's webview.
        files: ['media/**/*.js'],
        languageOptions: { sourceType: 'script', globals: { ...globals.browser, acquireVsCodeApi: 'readonly' } }
    },
    {
        // Layer invariants (docs/ARCHITECTURE.md): language/ runs in the CLI, the server and the tests.
        files: ['language/**/*.ts'],
        rules: layerImports(
            [...vscodeEditorApis, { name: 'vscode-languageserver/node', message: 'language/ uses LSP types only, never a connection.' }],
            ['server', 'client', 'cli', 'tests', 'bench'],
            'language/ never imports the server, the client, the CLI, the tests or the benchmark.'
        )
    },
    {
        // The memo rule (validation/validation-memo.ts): a rule reads another file's declarations only
        // through the views of model/declaration-views.ts, which the dependency signature records.
        // Reaching the declaration itself (`declarationOf`, or a reference's `.ref`) would give
        // stale diagnostics after a catalogue edit.
        files: ['language/rules/**/*.ts', 'language/analysis/**/*.ts'],
        rules: {
            ...layerImports(
                [...vscodeEditorApis, { name: 'vscode-languageserver/node', message: 'language/ uses LSP types only, never a connection.' }],
                ['server', 'client', 'cli', 'tests', 'bench'],
                'language/ never imports the server, the client, the CLI, the tests or the benchmark.'
            ),
            'no-restricted-syntax': ['error',
                {
                    selector: "ImportSpecifier[imported.name='declarationOf']",
                    message: 'Rules and facts read other files only through declaration views (model/declaration-views.ts): declarationOf bypasses the memo.'
                },
                {
                    selector: "MemberExpression[property.name='ref']",
                    message: 'Rules and facts read references through the resolved model (facts.plan), never `.ref`: it bypasses the declaration views.'
                }
            ]
        }
    },
    {
        files: ['server/**/*.ts'],
        rules: layerImports(vscodeEditorApis, ['client', 'cli', 'tests', 'bench'], 'server/ imports the language only, never the client, the CLI, the tests or the benchmark.')
    },
    {
        files: ['cli/**/*.ts'],
        rules: layerImports(
            [...vscodeEditorApis, { name: 'vscode-languageserver/node', message: 'The CLI never starts a connection.' }],
            ['server', 'client', 'tests', 'bench'],
            'cli/ imports the language only, never the server, the client, the tests or the benchmark.'
        )
    },
    {
        files: ['client/**/*.ts'],
        rules: {
            '@typescript-eslint/no-restricted-imports': ['error', {
                paths: [{ name: 'vscode-languageserver/node', message: 'The client starts the server as a process; it never serves LSP itself.' }],
                patterns: [
                    { regex: intoFolders('server', 'cli', 'tests', 'bench'), message: 'client/ starts the bundled server; it never imports server/, cli/, the tests or the benchmark.' },
                    {
                        // The webview logic, the request shapes and i18n only: the rest of the language is the server's.
                        regex: '^(\\.\\./)+language/(?!timeline/(timeline-protocol|preview-support)\\.js$|i18n/(locale|phrases)\\.js$)',
                        message: 'client/ may import from language/ only timeline/timeline-protocol.js, timeline/preview-support.js and i18n/locale.js, i18n/phrases.js.'
                    }
                ]
            }]
        }
    }
);
