// Runs every test layer with vitest and prints the closing line CI reads: `N passed, N failed`.
// Builds the bundles first, since the protocol, CLI and editor tests run the shipped files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
const vitest = spawnSync(process.execPath, [
    'node_modules/vitest/vitest.mjs', 'run',
    '--reporter=default', '--reporter=json', `--outputFile.json=${report}`,
    ...process.argv.slice(2)
], { stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    passed = result.numPassedTests ?? 0;
    // A file that fails to load has no test results of its own: count it as one failure.
    const brokenFiles = (result.testResults ?? []).filter(file => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
    failed = (result.numFailedTests ?? 0) + brokenFiles;
    skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
}
if (vitest.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
