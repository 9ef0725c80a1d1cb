/**
 * Conformance of section 7's "Parse errors carry code VP000 and recover" and "No cascades — one
 * mistake, one diagnostic": a typo is one VP000 (sometimes two, from the parser), it hides no
 * other diagnostic, and it does not fake the diagnostics of what the parser dropped.
 */

import { describe, expect, test } from 'vitest';
import { BASE, check, plan } from './conformance-support.js';

const gap = { regie: 'regie {\n        wt from 2026-01-01 to 2026-12-01\n    }' };

describe('a typo is VP000 and hides nothing else', () => {
    test.each([
        ['a keyword typo in a measure', { extra: 'measure g gedragsaanwijzing {\n        onn bob\n        by om1\n        from 2026-02-01 for 30 days\n    }' }],
        ['a keyword typo in an intervention', { intervention: BASE.intervention.replace('by ggz', 'bye ggz') }],
        ['a keyword typo in a risk', { risk: BASE.risk.replace('nature dynamic', 'natur dynamic') }],
        ['a keyword typo in an agreement', { agreement: BASE.agreement.replace('checked by vt', 'checkd by vt') }],
        ['a broken evaluation', { extra: 'evaluation 2026-06-01 "Eval" extra' }]
    ])('%s: VP000, and the VP011 elsewhere is still there', async (_label, overrides) => {
        const result = await check(plan({ ...gap, ...overrides }));
        expect(result.codes.filter(c => c !== 'VP000')).toEqual(['VP011']);
        expect(result.codes).toContain('VP000');
    });
});

describe('no cascades from what the parser dropped', () => {
    test('a misspelt `member` keyword: the member is lost, but references to it are not VP081 again', async () => {
        const result = await check(plan({ household: BASE.household.replace('member bob', 'membr bob') }));
        expect(result.codes).toEqual(['VP000']);
    });

    test('a misspelt `from` in a regie entry: VP000 only, no VP081 on the misspelt word', async () => {
        const result = await check(plan({ regie: 'regie {\n        wt form 2026-01-01\n    }' }));
        expect(result.codes.every(c => c === 'VP000')).toBe(true);
    });

    test('a misspelt `supports`: no VP081 on the word and no VP100 for the `aware` the parser dropped', async () => {
        const result = await check(plan({ network: 'network {\n        supporter oma "Oma" support ann aware\n    }' }));
        expect(result.codes.every(c => c === 'VP000')).toBe(true);
    });

    test('a misspelt `client` in a meeting: no VP090 and no VP091 for the client the parser dropped', async () => {
        const result = await check(plan({
            household: BASE.household.replace('member kim child born 2018', 'member kim child born 2012'),
            extra: 'meeting 2026-02-01 "Gesprek" {\n        clinet kim heard\n    }'
        }));
        expect(result.codes).toEqual(['VP000']);
    });

    test('a misspelt `network` block: no VP100', async () => {
        const result = await check(plan({ network: 'netwerk {\n        supporter oma "Oma" supports ann aware\n    }' }));
        expect(result.codes.every(c => c === 'VP000')).toBe(true);
    });

    test.each([
        ['`staus active`: no VP005 for the status', { status: 'staus active' }],
        ['`period D tot E`: no VP005 for the missing end', { period: 'period 2026-01-01 tot 2027-01-01' }],
        ['`protect ann` in an agreement: no VP001 or VP003 for the protection the parser dropped', { agreement: BASE.agreement.replace('protects ann, kim', 'protect ann, kim') }],
        ['`checkd by vt` in an agreement: no VP081 and no VP005 for the `by vt` the parser re-read', { agreement: BASE.agreement.replace('checked by vt', 'checkd by vt') }],
        ['`ownr wt` in the aftercare: no VP021 for the owner', { aftercare: BASE.aftercare.replace('owner wt', 'ownr wt') }],
        ['`regi { ... }`: no VP010 for the block the parser dropped', { regie: BASE.regie.replace('regie {', 'regi {') }],
        ['`netwerk { ... }`: no VP100, VP010, VP020 or VP001 for what the parser dropped', { network: BASE.network.replace('network {', 'netwerk {') }],
        ['`mesure ... { ... }`: no VP001 for the member the dropped measure was on', {
            household: BASE.household.replace('member kim child born 2018 roles witness', 'member kim child born 2018 roles witness\n        member ex adult born 1980 roles perpetrator'),
            extra: 'mesure g gedragsaanwijzing {\n        on ex\n        by om1\n        from 2026-02-01 for 30 days\n    }'
        }]
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

    test('without any syntax error, the same checks still report', async () => {
        expect((await check(plan({ network: '' }))).codes).toEqual(['VP100']);
        expect((await check(plan({ extra: 'meeting 2026-02-01 "Gesprek" {\n        chair zvh1\n    }' }))).codes).toEqual(['VP090']);
        expect((await check(plan({ extra: 'intervention h2 "Hulp" {\n for nobody\n by ggz\n from 2026-02-01 for 3 months\n }' }))).codes).toEqual(['VP081']);
    });
});
