// `npm start`: the main job on the examples. Checks the regional example plans (they must pass),
// draws each plan's timeline to out/examples/, and shows what the problem examples report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const cli = ['bin/vplan.cjs'];
const run = (args, options = {}) => spawnSync(process.execPath, [...cli, ...args], { stdio: 'inherit', ...options });

console.log('== vplan check examples/regio-zhz');
const check = run(['check', 'examples/regio-zhz']);
if (check.status !== 0) {
    console.error('The example plans should pass every check; see the diagnostics above.');
    process.exit(check.status ?? 1);
}

console.log('\n== vplan render: timelines of the example plans');
mkdirSync('out/examples', { recursive: true });
for (const name of readdirSync('examples/regio-zhz').filter(f => f.endsWith('.vplan')).sort()) {
    const text = readFileSync(join('examples/regio-zhz', name), 'utf8');
    if (!/^\s*plan\s/m.test(text)) continue;
    const out = join('out/examples', name.replace(/\.vplan$/, '.html'));
    const render = run(['render', join('examples/regio-zhz', name), '-o', out]);
    if (render.status !== 0) process.exit(render.status ?? 1);
    console.log(`wrote ${out}`);
}

console.log('\n== vplan check examples/problems (these plans show typical gaps on purpose)');
run(['check', 'examples/problems']);
console.log('\nDone: the example plans pass, their timelines are in out/examples/.');
