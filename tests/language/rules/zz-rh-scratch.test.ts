import { test } from 'vitest';
import { examplePlan } from '../../../language/rules/example-plan.js';
import { checkPlan } from './rule-test-support.js';

const measure = (name: string, type: string, ...items: string[]) => `    measure ${name} ${type} {\n${items.map(item => `        ${item}`).join('\n')}\n    }`;
const VT = `    regie {\n        veiligthuis_zhz from 2026-01-12\n    }`;
test('scratch', async () => {
    const cases = [
        ['huisverbod', 'from 2026-01-12 for 10 days', 'extend for 20 days', 'extend for 5 days'],
        ['huisverbod', 'from 2026-01-12 for 30 days', 'extend for 5 days'],
        ['ots', 'from 2026-01-12 for 18 months', 'extend to 2028-03-01'],
        ['ots', 'from 2026-01-12 for 1 year', 'extend for 13 months', 'extend to 2029-01-01'],
    ];
    for (const [type, ...terms] of cases) {
        const on = type === 'ots' ? 'on noor' : 'on mark';
        const text = examplePlan({ measures: measure('m', type, on, type === 'ots' ? 'by rechtbank_rotterdam' : 'by burgemeester_dordrecht', ...terms), regie: VT });
        const r = await checkPlan(text);
        console.log(terms.join(' | '), '\n   ', r.diagnostics.map(d => `${d.code} L${d.range.start.line} ${d.message}`).join('\n    '));
    }
});
