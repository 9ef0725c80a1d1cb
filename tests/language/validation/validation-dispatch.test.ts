/**
 * The document validator dispatches checks to the root and its plans only (our checks are
 * registered on VplanFile and Plan), instead of walking every node. Every plan of a file is still
 * checked, and a check registered on any other node type makes it walk every node again.
 */

import { describe, expect, test } from 'vitest';
import type { Member } from '../../../language/generated/ast.js';
import { checkText, createTestServices } from '../../helpers.js';

const PLAN = (name: string, memberKind: string) => `plan ${name} "Plan ${name}" {
    status active
    period 2026-01-12 to 2027-01-12
    household {
        member sanne ${memberKind} born 1989 roles victim
    }
}
`;

describe('validation dispatch', () => {
    test('the checks of every plan in a file run, and the file checks once', async () => {
        const services = createTestServices();
        const validator = services.Vplan.validation.VplanValidator;
        const checkedPlans: string[] = [];
        const checkPlan = validator.checkPlan.bind(validator);
        validator.checkPlan = (plan, accept) => { checkedPlans.push(plan.name); checkPlan(plan, accept); };
        const result = await checkText(services, [PLAN('p1', 'adultt'), PLAN('p2', 'adult'), PLAN('p3', 'kid')].join('\n'), { locale: 'en' });
        expect(checkedPlans).toEqual(['p1', 'p2', 'p3']);
        // The value word check (a file check) reports each unknown member kind once.
        expect(result.diagnostics.filter(d => String(d.message).startsWith('Unknown member kind')).map(d => d.range.start.line))
            .toEqual([4, 20]);
    });

    test('a check registered on another node type still runs on every such node', async () => {
        const services = createTestServices();
        const seen: string[] = [];
        services.Vplan.validation.ValidationRegistry.register({
            Member: (node: Member) => { seen.push(node.name); }
        });
        await checkText(services, PLAN('p1', 'adult').replace('member sanne', 'member noor child born 2015 roles witness\n        member sanne'));
        expect(seen).toEqual(['noor', 'sanne']);
    });
});
