import { test } from 'vitest';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { checkPlan } from './rule-test-support.js';
import { readFileSync } from 'node:fs';

test('scratch', async () => {
    const cases: string[] = JSON.parse(readFileSync('/tmp/dh/cases.json', 'utf8'));
    for (const c of cases) {
        const text = c.startsWith('@') ? examplePlan(JSON.parse(c.slice(1))) : c;
        const r = await checkPlan(text);
        console.log('=== ' + c.slice(0, 200));
        for (const d of r.diagnostics) console.log(`${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message} ${JSON.stringify(d.data)}`);
    }
});
