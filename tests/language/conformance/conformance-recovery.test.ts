/**
 * Conformance of section 7's "No cascades — one mistake, one diagnostic": a typo does not fake the
 * diagnostics of what the parser dropped. (The cases of each rule are in its suite,
 * tests/language/rules/*-rules.test.ts; VP000's recovery in syntax-rules.test.ts.)
 */

import { describe, expect, test } from 'vitest';
import { BASE, check, plan } from './conformance-support.js';

describe('no cascades from what the parser dropped', () => {
    test.each([
        ['`staus active`: no VP005 for the status', { status: 'staus active' }],
        ['`period D tot E`: no VP005 for the missing end', { period: 'period 2026-01-01 tot 2027-01-01' }],
        ['`ownr wt` in the aftercare: no VP021 for the owner', { aftercare: BASE.aftercare.replace('owner wt', 'ownr wt') }]
    ])('%s', async (_label, overrides) => {
        const result = await check(plan(overrides));
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
    });

    test('a plan-level typo that drops no block still leaves the other checks running', async () => {
        const result = await check(plan({
            intervention: BASE.intervention.replace('        framework drang\n', '').replace('        addresses r1\n', ''),
            extra: 'evaluation 2026-06-01 "Eval" extra'
        }));
        expect(result.codes).toEqual(['VP000', 'VP040', 'VP041']);
    });
});
