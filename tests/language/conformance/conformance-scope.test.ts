/**
 * Conformance of section 2 (files and scope) and of "every check runs on every plan": which
 * declaration a reference resolves to, case-sensitive names, several plans, and plan status.
 */

import { describe, expect, test } from 'vitest';
import { isPlan, type Plan } from '../../../language/generated/ast.js';
import { resolvePlan } from '../../../language/model/plan-model.js';
import { check, diags, plan } from './conformance-support.js';

function firstPlan(result: Awaited<ReturnType<typeof check>>): Plan {
    return result.document.parseResult.value.declarations.find(isPlan)!;
}

describe('scope (section 2)', () => {
    test('where a reference accepts both kinds (`checked by`), a supporter named like an organisation wins inside its plan', async () => {
        const result = await check(plan({
            network: 'network {\n        supporter vt "Tante" supports ann aware\n    }'
        }));
        expect(result.codes).toEqual([]);
        const resolved = resolvePlan(firstPlan(result));
        expect((resolved.agreements[0].checkedBy as { $type?: string } | undefined)?.$type).toBe('Supporter');
    });

    test('elsewhere a reference only sees declarations of the kind it expects: `by` finds the organisation behind a supporter of that name', async () => {
        const result = await check(plan({
            network: 'network {\n        supporter burg "Tante" supports ann aware\n    }',
            regie: 'regie {\n        vt from 2026-01-01\n    }',
            extra: 'measure hv huisverbod {\n        on bob\n        by burg\n        from 2026-01-10\n    }'
        }), 'organisation burg "Burgemeester" kind burgemeester');
        expect(result.codes).toEqual([]);
        const resolved = resolvePlan(firstPlan(result));
        expect(resolved.measures[0].by?.declaration).toBe('organisation');
    });

    test('identifiers are case-sensitive', async () => {
        const result = await check(plan({ extra: 'intervention h2 "Hulp" {\n for Ann\n by ggz\n from 2026-02-01 for 3 months\n }' }));
        expect(result.codes).toEqual(['VP081']);
        expect(diags(result, 'VP081')[0].message).toContain('Ann');
    });

    test('each plan has its own namespace: two plans may both have a member `ann`', async () => {
        const result = await check(plan() + plan({}, 'p2'));
        expect(result.codes).toEqual([]);
    });

    test('a reference cannot reach into another plan', async () => {
        const other = 'plan p2 "Ander plan" {\n    status draft\n    period 2026-01-01 to 2027-01-01\n    household {\n        member zus adult no-action "x"\n    }\n}\n';
        const result = await check(plan({ extra: 'intervention h2 "Hulp" {\n for zus\n by ggz\n from 2026-02-01 for 3 months\n }' }) + other);
        expect(diags(result, 'VP081')).toHaveLength(1);
    });

    test('a supporter supports members, not other supporters', async () => {
        const result = await check(plan({ network: 'network {\n supporter oma "Oma" supports ann aware\n supporter opa "Opa" supports oma\n }' }));
        expect(result.codes).toEqual(['VP081']);
    });
});

describe('every check runs on every plan, whatever its status', () => {
    test.each(['draft', 'active', 'closed'])('status %s', async status => {
        const result = await check(plan({ status: `status ${status}`, regie: 'regie {\n wt from 2026-01-01 to 2026-02-01\n }' }));
        expect(result.codes).toEqual(['VP011']);
    });

    test('an unknown status is VP000 with the allowed values', async () => {
        const result = await check(plan({ status: 'status lopend' }));
        expect(result.codes).toEqual(['VP000']);
        for (const value of ['draft', 'active', 'closed']) expect(diags(result, 'VP000')[0].message).toContain(value);
    });
});

describe('measure types (section 6)', () => {
    test('an impossible `checked` date is VP060', async () => {
        expect((await check('measure type t "T" {\n mode drang\n term max 3 months\n checked 2026-02-30\n}')).codes).toEqual(['VP060']);
    });

    test('the VP030 message cites the basis of the built-in huisverbod', async () => {
        const result = await check(plan({
            regie: 'regie {\n vt from 2026-01-01\n }',
            extra: 'measure hv huisverbod {\n on bob\n by burg\n from 2026-01-10 for 29 days\n }'
        }), 'organisation burg "Burgemeester" kind burgemeester');
        expect(result.codes).toEqual(['VP030']);
        expect(diags(result, 'VP030')[0].message).toContain('Wet tijdelijk huisverbod');
    });

    test('every item of a measure type is optional except mode and title, and may come in any order', async () => {
        const result = await check('measure type t "T" {\n checked 2026-11-01\n source "https://example.invalid"\n regie wijkteam\n imposed by om, rechter\n subject any\n total max 2 years\n term max 1 year\n initial 6 months\n basis "b"\n mode drang\n}');
        expect(result.codes).toEqual([]);
    });
});
