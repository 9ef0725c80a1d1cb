// `npm run fuzz`: the property and fuzz tests of tests/robustness run longer than in CI, from a
// seed of their own (tests/robustness/fuzz-settings.ts). `npm run fuzz -- 50 1234` runs every
// property 50 times as often (default 20), with every seed shifted by 1234 (default: the day, so
// each day tries new inputs; a failure prints the seed and path that replay it).
import { spawnSync } from 'node:child_process';

const scale = process.argv[2] ?? '20';
const seed = process.argv[3] ?? String(Math.floor(Date.now() / 86_400_000));
console.log(`vplan fuzz: VPLAN_FUZZ_SCALE=${scale} VPLAN_FUZZ_SEED=${seed}`);
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const result = spawnSync(process.execPath, [
    'node_modules/vitest/vitest.mjs', 'run', '--testTimeout=3600000',
    'tests/robustness/hostile-inputs.test.ts', 'tests/robustness/mutation-fuzz.test.ts',
    'tests/robustness/formatter-properties.test.ts', 'tests/robustness/renderer-properties.test.ts'
], { stdio: 'inherit', env: { ...process.env, VPLAN_FUZZ_SCALE: scale, VPLAN_FUZZ_SEED: seed } });
process.exit(result.status ?? 1);
