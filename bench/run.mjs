// `npm run bench`: bundles the benchmark (bench/*.ts → out/bench/*.cjs, like the shipped bundles)
// and runs it with this Node. Arguments are passed on, e.g. `npm run bench -- --profile`.
import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';

// The benchmark measures the shipped bundles, so build them first (skip with --no-build).
if (!process.argv.includes('--no-build')) {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
}

await esbuild.build({
    entryPoints: { main: 'bench/main.ts', alternatives: 'bench/alternatives.ts' },
    outdir: 'out/bench',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.cjs' },
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    sourcemap: true,
    // Langium's ESM sources use import.meta.url in a few places; give CommonJS a stand-in.
    define: { 'import.meta.url': 'importMetaUrl' },
    inject: ['./scripts/import-meta-url.js']
});

const result = spawnSync(process.execPath, ['out/bench/main.cjs', ...process.argv.slice(2).filter(arg => arg !== '--no-build')], { stdio: 'inherit' });
process.exit(result.status ?? 1);
