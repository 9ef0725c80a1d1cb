/** Conformance of VP090, VP091 and VP100 (spec section 7). */

import { describe, expect, test } from 'vitest';
import { CATALOGUE, check, checkWithConfig, diags, lineOf, linesOf, plan } from './conformance-support.js';

const withTeen = (extra: string) => plan({
    household: `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
        member tes child born 2014 roles victim
    }`,
    agreement: `agreement afspraak "Geen contact" {
        by bob
        protects ann, kim, tes
        checked by vt
        from 2026-01-01 to 2026-07-01
    }`,
    extra
});

describe('VP090 clients at the table', () => {
    test('a meeting with no client is VP090 on the meeting', async () => {
        const text = plan({ extra: 'meeting 2026-02-01 "Casusoverleg" {\n        chair zvh1\n        participants vt, wt\n    }' });
        const result = await check(text);
        expect(result.codes).toEqual(['VP090']);
        expect(linesOf(result, 'VP090')).toEqual([lineOf(text, 'meeting 2026-02-01')]);
        expect(diags(result, 'VP090')[0].severity).toBe(2);
    });

    test.each(['invited', 'present', 'heard', 'informed'])('a client who was %s counts', async mode => {
        const result = await check(plan({ extra: `meeting 2026-02-01 "Casusoverleg" {\n client ann ${mode}\n }` }));
        expect(result.codes).toEqual([]);
    });

    test('a meeting whose only client is unresolved gets VP081 but no VP090', async () => {
        const result = await check(plan({ extra: 'meeting 2026-02-01 "Casusoverleg" {\n chair zvh1\n client onbekend present\n }' }));
        expect(result.codes).toEqual(['VP081']);
    });

    test('a meeting without its (required) braces is VP000, not VP090', async () => {
        const result = await check(plan({ extra: 'meeting 2026-02-01 "Casusoverleg"\n    evaluation 2026-03-01 "Evaluatie"' }));
        expect(result.codes).not.toContain('VP090');
        expect(result.codes).toContain('VP000');
    });

    test('an unknown client mode is VP000 with the allowed values', async () => {
        const result = await check(plan({ extra: 'meeting 2026-02-01 "Casusoverleg" {\n client ann gebeld\n }' }));
        expect(result.codes).toContain('VP000');
        const [d] = diags(result, 'VP000');
        for (const mode of ['invited', 'present', 'heard', 'informed']) expect(d.message).toContain(mode);
    });
});

describe('VP091 children heard', () => {
    test('a child of 12 (plan start year − born) never heard is VP091 (info) on the member', async () => {
        const text = withTeen('meeting 2026-02-01 "Casusoverleg" {\n client tes present\n }');
        const result = await check(text);
        expect(result.codes).toEqual(['VP091']);
        expect(diags(result, 'VP091')[0].severity).toBe(3);
        expect(linesOf(result, 'VP091')).toEqual([lineOf(text, 'member tes')]);
    });

    test('heard in one meeting of the plan is enough', async () => {
        const result = await check(withTeen('meeting 2026-02-01 "Casusoverleg" {\n client tes present\n }\n meeting 2026-03-01 "Gesprek" {\n client tes heard\n }'));
        expect(result.codes).toEqual([]);
    });

    test('a child of 11 is not concerned by default', async () => {
        const result = await check(plan({
            household: `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2015 roles witness
    }`
        }));
        expect(result.codes).toEqual([]);
    });

    test('participation.hearChildrenFromAge from vplan.config.json sets the age', async () => {
        // kim (born 2018) is 8 at the plan start
        const result = await checkWithConfig('{ "participation": { "hearChildrenFromAge": 8 } }', [plan(), CATALOGUE]);
        expect(result.codes).toEqual(['VP091']);
        const older = await checkWithConfig('{ "participation": { "hearChildrenFromAge": 9 } }', [plan(), CATALOGUE]);
        expect(older.codes).toEqual([]);
    });

    test('its severity can be raised in vplan.config.json', async () => {
        const result = await checkWithConfig('{ "rules": { "VP091": "warning" } }', [withTeen(''), CATALOGUE]);
        expect(result.codes).toEqual(['VP091']);
        expect(result.diagnostics[0].severity).toBe(2);
    });
});

describe('VP100 informal network', () => {
    test('a plan without a network is VP100', async () => {
        const result = await check(plan({ network: '' }));
        expect(result.codes).toEqual(['VP100']);
        expect(diags(result, 'VP100')[0].severity).toBe(2);
    });

    test('supporters who are not aware do not count', async () => {
        const result = await check(plan({ network: 'network {\n supporter oma "Oma" supports ann\n supporter buur "Buurvrouw" supports kim\n }' }));
        expect(result.codes).toEqual(['VP100']);
    });

    test('one aware supporter in any network block is enough', async () => {
        const result = await check(plan({ network: 'network {\n supporter oma "Oma" supports ann\n }\n network {\n supporter buur "Buurvrouw" supports kim aware\n }' }));
        expect(result.codes).toEqual([]);
    });
});
