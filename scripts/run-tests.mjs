// Runs ESLint and every test layer with vitest, and prints the closing line CI reads:
// `N passed, N failed`. Builds the bundles first, since the protocol, CLI and editor tests run the
// shipped files. Lint problems count as one failed test (their list is printed above the tests).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
}

// ESLint (eslint.config.mjs): typescript-eslint's rules and the layer invariants. The cache (by
// file content, in node_modules/.cache) makes a second run lint only the files that changed.
console.log('eslint .');
const lint = spawnSync(process.execPath, [
    'node_modules/eslint/bin/eslint.js', '--cache', '--cache-strategy', 'content', '--cache-location', 'node_modules/.cache/eslint/', '.'
], { stdio: 'inherit' });
const lintFailed = lint.status !== 0;
console.log(lintFailed ? 'eslint: FAILED (counted as 1 failed test)' : 'eslint: no problems');

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
// A report left from an earlier run must not be read as this run's.
rmSync(report, { force: true });
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
if (lintFailed) failed += 1;
else passed += 1;
if (skipped) console.log(`${skipped} skipped`);
// CI reads this line; it stands alone.
console.log(`${passed} passed, ${failed} failed`);
process.exit(vitest.status === 0 && failed === 0 ? 0 : 1);
