/**
 * Conformance of VP001–VP003 (spec section 7), written from the spec text: who counts as covered,
 * approached or protected, and what `no-action` does and does not excuse.
 */

import { describe, expect, test } from 'vitest';
import { check, lineOf, linesOf, plan } from './conformance-support.js';

const household = (extraMember: string) => `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
        ${extraMember}
    }`;

describe('VP001 every member covered', () => {
    test('a member nobody covers is VP001 on that member', async () => {
        const text = plan({ household: household('member zus child born 2016') });
        const result = await check(text);
        expect(result.codes).toEqual(['VP001']);
        expect(linesOf(result, 'VP001')).toEqual([lineOf(text, 'member zus')]);
    });

    test('no-action with a reason covers a member', async () => {
        const result = await check(plan({ household: household('member zus child born 2016 outside no-action "Woont bij vader"') }));
        expect(result.codes).toEqual([]);
    });

    test('being a party (`by`) of an agreement does not cover a member', async () => {
        const text = plan({
            household: household('member zus adult born 1960'),
            extra: `agreement a2 "Zus belt dagelijks" {
        by zus
        protects ann
        checked by vt
    }`
        });
        expect((await check(text)).codes).toEqual(['VP001']);
    });

    test('affected by a risk or supported by a supporter does not cover a member', async () => {
        const text = plan({
            household: household('member zus child born 2016'),
            network: `network {
        supporter oma "Oma" supports ann, zus aware
    }`,
            risk: `risk r1 "Partnergeweld" {
        severity high
        nature dynamic
        domain safety
        affects ann, kim, zus
        posed by bob
    }`
        });
        expect((await check(text)).codes).toEqual(['VP001']);
    });

    test.each([
        ['protected by a measure', 'measure hv huisverbod {\n on bob\n protects zus\n by burg\n from 2026-01-05 for 10 days\n regie_placeholder }'],
        ['protected by an agreement', 'agreement a2 "Afspraak" {\n by bob\n protects zus\n checked by vt\n }'],
        ['the subject of an intervention', 'intervention h2 "Hulp" {\n for zus\n by ggz\n from 2026-02-01 for 3 months\n }']
    ])('a member %s is covered', async (_label, construct) => {
        const text = plan({
            household: household('member zus adult born 1960'),
            regie: 'regie {\n vt from 2026-01-01 to 2026-01-15\n wt from 2026-01-15\n }',
            extra: construct.replace('regie_placeholder', '')
        });
        expect((await check(text)).codes).not.toContain('VP001');
    });

    test('the subject (`on`) of a measure is covered', async () => {
        const text = plan({
            household: household('member zus adult born 1960'),
            extra: 'measure gv gedragsaanwijzing {\n on zus\n by om1\n from 2026-02-01 for 30 days\n }'
        });
        expect((await check(text)).codes).toEqual([]);
    });
});

describe('VP002 every perpetrator approached', () => {
    test('no-action does not excuse a perpetrator (VP002, and no VP001)', async () => {
        const text = plan({ household: household('member ex adult born 1985 roles perpetrator outside no-action "Geen contact meer"') });
        const result = await check(text);
        expect(result.codes).toEqual(['VP002']);
        expect(linesOf(result, 'VP002')).toEqual([lineOf(text, 'member ex')]);
    });

    test('agreements do not count for a perpetrator', async () => {
        const text = plan({
            household: household('member ex adult born 1985 roles perpetrator'),
            extra: 'agreement a2 "Ex houdt afstand" {\n by ex\n protects ex\n checked by vt\n }'
        });
        // protected by an agreement covers (VP001), but does not approach (VP002)
        expect((await check(text)).codes).toEqual(['VP002']);
    });

    test('a perpetrator who is only protected by a measure is not approached', async () => {
        const text = plan({
            household: household('member ex adult born 1985 roles perpetrator'),
            extra: 'measure gv gedragsaanwijzing {\n on bob\n protects ex\n by om1\n from 2026-02-01 for 30 days\n }'
        });
        expect((await check(text)).codes).toEqual(['VP002']);
    });

    test('the `on` of a measure approaches a perpetrator', async () => {
        const text = plan({
            household: household('member ex adult born 1985 roles perpetrator'),
            extra: 'measure gv gedragsaanwijzing {\n on ex\n by om1\n from 2026-02-01 for 30 days\n }'
        });
        expect((await check(text)).codes).toEqual([]);
    });
});

describe('VP003 child witnesses are victims too', () => {
    test('no-action does not excuse a child witness', async () => {
        const text = plan({ household: household('member zus child born 2016 roles witness no-action "Logeert bij tante"') });
        const result = await check(text);
        expect(result.codes).toEqual(['VP003']);
        expect(linesOf(result, 'VP003')).toEqual([lineOf(text, 'member zus')]);
    });

    test('the `on` of a subject-minor measure (an OTS) counts', async () => {
        const text = plan({
            household: household('member zus child born 2016 roles witness'),
            regie: 'regie {\n gi1 from 2026-01-01\n }',
            extra: 'measure ots1 ots {\n on zus\n by rb\n from 2026-02-01 for 1 year\n }'
        });
        expect((await check(text)).codes).toEqual([]);
    });

    test('the `on` of a measure whose subject is `any` does not count', async () => {
        const text = plan({
            household: household('member zus child born 2016 roles witness'),
            extra: 'measure gv gedragsaanwijzing {\n on zus\n by om1\n from 2026-02-01 for 30 days\n }'
        });
        expect((await check(text)).codes).toEqual(['VP003']);
    });

    test('an intervention for the child counts', async () => {
        const text = plan({
            household: household('member zus child born 2016 roles witness'),
            extra: 'intervention h2 "Traumahulp" {\n for zus\n by ggz\n from 2026-02-01 for 3 months\n }'
        });
        expect((await check(text)).codes).toEqual([]);
    });

    test('an adult witness and a child victim are not concerned', async () => {
        const text = plan({ household: household('member zus adult born 1995 roles witness no-action "Volwassen zus"\n member broer child born 2016 roles victim no-action "Logeert elders"') });
        expect((await check(text)).codes).toEqual([]);
    });
});
