// Bundles the extension client, the language server and the CLI into out/*.cjs. The extension
// host loads CommonJS and Langium is ESM-only, so everything is bundled; `--minify` for the .vsix.
import * as esbuild from 'esbuild';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');
// `--outdir DIR` builds somewhere else than out/ (to compare two builds side by side).
const outdirIndex = process.argv.indexOf('--outdir');
const outdir = outdirIndex > 0 ? process.argv[outdirIndex + 1] : 'out';

// Langium's parser (chevrotain 13) calls Object.groupBy, which Node 20 (VS Code 1.100's extension
// host, and plain `node` on many machines) lacks. The production-mode grammar skips the checks
// that use it; this shim keeps the bundles safe on Node 20 either way.
const nodeShim = `if (typeof Object.groupBy !== 'function') { Object.groupBy = function (items, key) { const out = Object.create(null); let i = 0; for (const item of items) { const k = key(item, i++); (out[k] ??= []).push(item); } return out; }; }`;

const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.cjs' },
    sourcemap: !minify,
    minify,
    logLevel: 'warning',
    external: ['vscode'],
    // Prefer ESM builds: jsonc-parser's UMD main uses dynamic requires that bundling breaks.
    mainFields: ['module', 'main'],
    banner: { js: nodeShim },
    // Langium's ESM sources use import.meta.url in a few places; give CommonJS a stand-in.
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['./scripts/import-meta-url.js']
};

// Packages that only a rarely used part needs (xmlbuilder2: `vplan check --format junit`) go into
// a bundle of their own, out/lazy-<name>.cjs, which the other bundles require on first use: every
// other `vplan` run neither reads nor compiles nor initialises them (a quarter of the CLI bundle,
// docs/performance.md "Start-up of a single-file check"). The import must only use named functions.
const LAZY_PACKAGES = { xmlbuilder2: ['create'] };
const lazyPackages = {
    name: 'lazy-packages',
    setup(build) {
        const filter = new RegExp(`^(${Object.keys(LAZY_PACKAGES).join('|')})$`);
        build.onResolve({ filter }, args => args.namespace === 'lazy-package' ? undefined : { path: args.path, namespace: 'lazy-package' });
        build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, args => ({
            contents: [
                'let loaded;',
                `const load = () => (loaded ??= require('./lazy-${args.path}.cjs'));`,
                ...LAZY_PACKAGES[args.path].map(name => `export function ${name}(...args) { return load().${name}(...args); }`)
            ].join('\n'),
            loader: 'js'
        }));
    }
};
const lazyEntryPoints = Object.fromEntries(Object.keys(LAZY_PACKAGES).map(name => [`lazy-${name}`, name]));

const contexts = await Promise.all([
    // server-node-flags: read by bin/vplan-language-server.cjs before it loads the server (tiny, no dependencies).
    esbuild.context({ ...common, entryPoints: { extension: 'client/extension.ts', 'server-node-flags': 'client/server-node-flags.ts' }, outdir }),
    esbuild.context({
        ...common, entryPoints: { server: 'server/main.ts', cli: 'cli/main.ts', 'check-worker': 'cli/check-worker.ts' }, outdir,
        plugins: [lazyPackages], external: [...common.external, './lazy-*.cjs']
    }),
    esbuild.context({ ...common, entryPoints: lazyEntryPoints, outdir })
]);

if (watch) {
    await Promise.all(contexts.map(ctx => ctx.watch()));
} else {
    await Promise.all(contexts.map(ctx => ctx.rebuild()));
    await Promise.all(contexts.map(ctx => ctx.dispose()));
}
