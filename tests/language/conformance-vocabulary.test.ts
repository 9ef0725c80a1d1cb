/**
 * Conformance of the value words of sections 1, 3, 4 and 6: every value the spec lists is
 * accepted where it belongs, and values are not reserved. Lists copied from the spec text.
 */

import { describe, expect, test } from 'vitest';
import { check, plan } from './conformance-support.js';

const ORGANISATION_KINDS = 'veiligthuis wijkteam gi raad reclassering jeugdreclassering politie om burgemeester rechter zvh ggz jeugdhulp verslavingszorg opvang huisarts school gemeente other'.split(' ');
const DOMAINS = 'safety housing finances health addiction parenting work education social'.split(' ');
const UNITS = 'day days week weeks month months year years'.split(' ');

describe('value words', () => {
    test.each(ORGANISATION_KINDS)('organisation kind %s', async kind => {
        expect((await check(`organisation org_${kind} "Org" kind ${kind}`)).codes).toEqual([]);
    });

    test('an organisation may be named like its kind', async () => {
        expect((await check('organisation politie "Politie ZHZ" kind politie\norganisation gemeente "Gemeente" kind gemeente')).codes).toEqual([]);
    });

    test.each(['draft', 'active', 'closed'])('status %s', async status => {
        expect((await check(plan({ status: `status ${status}` }))).codes).toEqual([]);
    });

    test('roles victim, perpetrator, witness and parent; victim and perpetrator together is legal; roles may be absent', async () => {
        const result = await check(plan({
            household: `household {
        member ann adult born 1990 roles victim, perpetrator, witness, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
        member zus child born 2019
    }`,
            intervention: 'intervention hulp "Daderhulp" {\n        for bob, ann\n        by ggz\n        from 2026-01-10 for 6 months\n        framework drang\n        addresses r1\n    }',
            agreement: 'agreement afspraak "Geen contact" {\n        by bob\n        protects ann, kim, zus\n        checked by vt\n    }'
        }));
        expect(result.codes).toEqual([]);
    });

    test.each(['low', 'medium', 'high', 'acute'])('severity %s', async severity => {
        expect((await check(plan({ risk: `risk r1 "R" {\n severity ${severity}\n nature dynamic\n domain safety\n affects household\n }` }))).codes).toEqual([]);
    });

    test.each(DOMAINS)('domain %s', async domain => {
        expect((await check(plan({ risk: `risk r1 "R" {\n severity low\n nature static\n domain ${domain}\n affects ann\n }` }))).codes).toEqual([]);
    });

    test.each(['voluntary', 'drang', 'dwang'])('framework %s', async framework => {
        const fallback = framework === 'voluntary' ? '\n fallback "Terugmelding"' : '';
        const result = await check(plan({ intervention: `intervention hulp "H" {\n for bob\n by ggz\n from 2026-01-10 for 6 months\n framework ${framework}\n addresses r1${fallback}\n }` }));
        expect(result.codes).toEqual([]);
    });

    test.each(['safety', 'stability', 'recovery'])('phase kind %s, also on an intervention', async kind => {
        const result = await check(plan({
            extra: `phase ${kind} from 2026-01-01 to 2027-01-01\n intervention h2 "H" {\n for ann\n by ggz\n from 2026-01-10 for 6 months\n phase ${kind}\n }`
        }));
        expect(result.codes).toEqual([]);
    });

    test.each(UNITS)('duration unit %s', async unit => {
        const result = await check(plan({ extra: `phase safety from 2026-01-01 for 1 ${unit}` }));
        expect(result.codes).toEqual([]);
    });

    test('measure type values: mode dwang and drang, subject adult, minor and any, organisation kinds for imposed by and regie', async () => {
        const types = ['dwang', 'drang'].flatMap(mode => ['adult', 'minor', 'any'].map(subject =>
            `measure type t_${mode}_${subject} "T" {\n mode ${mode}\n subject ${subject}\n imposed by ${ORGANISATION_KINDS.join(', ')}\n regie wijkteam\n term max 1 year\n}`));
        expect((await check(types.join('\n'))).codes).toEqual([]);
    });

    test('an unknown domain, severity, nature, framework or phase kind is VP000', async () => {
        for (const [slot, text] of [
            ['risk', 'risk r1 "R" {\n severity low\n nature static\n domain wonen\n affects ann\n }'],
            ['risk', 'risk r1 "R" {\n severity hoog\n nature static\n domain safety\n affects ann\n }'],
            ['risk', 'risk r1 "R" {\n severity low\n nature wisselend\n domain safety\n affects ann\n }'],
            ['intervention', 'intervention hulp "H" {\n for bob\n by ggz\n from 2026-01-10 for 6 months\n framework vrijwillig\n addresses r1\n }'],
            ['extra', 'phase veiligheid from 2026-01-01 to 2026-03-01']
        ] as const) {
            expect((await check(plan({ [slot]: text }))).codes, text).toContain('VP000');
        }
    });
});
