/**
 * Conformance of VP000, VP005, VP080 and VP081 (spec sections 1, 2, 4 and 7), parse-error
 * recovery, and what vplan.config.json may and may not change.
 */

import { describe, expect, test } from 'vitest';
import { BASE, CATALOGUE, check, checkNl, checkWithConfig, diags, lineOf, linesOf, plan } from './conformance-support.js';

const BASE_RISK = BASE.risk;
const BASE_INTERVENTION = BASE.intervention;
const BASE_AGREEMENT = BASE.agreement;
const NO_ADDRESS_INTERVENTION = BASE.intervention.replace('        addresses r1\n', '').replace('addresses r1', '');

const household3 = (extra: string) => `household {
        member ann adult born 1990 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2018 roles witness
        ${extra}
    }`;

describe('VP000 syntax', () => {
    test('a structural keyword used as a name is VP000 whose message says it is reserved', async () => {
        const text = plan({ household: household3('member regie adult born 1960 no-action "x"') });
        const result = await check(text);
        expect(result.codes).toContain('VP000');
        const [d] = diags(result, 'VP000');
        expect(d.range.start.line + 1).toBe(lineOf(text, 'member regie'));
        expect(d.message).toMatch(/reserved/i);
        expect(diags(await checkNl(text), 'VP000')[0].message).toMatch(/gereserveerd/i);
    });

    const KEYWORDS = ('plan organisation measure type kind status period household member roles born outside network supporter ' +
        'supports aware risk severity nature domain affects posed by phase on protects from to for extend intervention framework ' +
        'addresses fallback agreement checked regie aftercare owner checkpoints signal escalate meeting chair participants client ' +
        'evaluation mode basis initial term total max subject imposed source').split(' ');

    test.each(KEYWORDS)('`member %s` is one VP000 saying the word is reserved, and the rest of the plan is still checked', async word => {
        const text = plan({
            household: household3(`member ${word} adult born 1960 no-action "x"`),
            regie: 'regie {\n        wt from 2026-01-01 to 2026-12-01\n    }'
        });
        const result = await check(text);
        expect(result.codes).toEqual(['VP000', 'VP011']);
        const [d] = diags(result, 'VP000');
        expect(d.message).toMatch(/reserved/i);
        expect(d.range.start.line + 1).toBe(lineOf(text, `member ${word} adult`));
    });

    test.each([
        ['a plan', (w: string) => plan({}, w)],
        ['a risk', (w: string) => plan({ risk: BASE_RISK.replace('risk r1', `risk ${w}`).replace('dynamic', 'static'), intervention: NO_ADDRESS_INTERVENTION })],
        ['an intervention', (w: string) => plan({ intervention: BASE_INTERVENTION.replace('intervention hulp', `intervention ${w}`) })],
        ['an agreement', (w: string) => plan({ agreement: BASE_AGREEMENT.replace('agreement afspraak', `agreement ${w}`) })],
        ['a supporter', (w: string) => plan({ network: `network {\n        supporter ${w} "Oma" supports ann aware\n    }` })],
        ['a measure', (w: string) => plan({ extra: `measure ${w} gedragsaanwijzing {\n on bob\n by om1\n from 2026-02-01 for 30 days\n }` })]
    ])('a reserved word as the name of %s is one VP000, nothing else', async (_label, make) => {
        for (const word of ['regie', 'household', 'phase', 'for']) {
            const result = await check(make(word));
            expect(result.codes, word).toEqual(['VP000']);
            expect(diags(result, 'VP000')[0].message).toContain(`'${word}'`);
        }
    });

    test('a reserved word as the name of an organisation or a measure type is one VP000', async () => {
        expect((await check('organisation status "X" kind other')).codes).toEqual(['VP000']);
        expect((await check('measure type regie "X" {\n mode drang\n}')).codes).toEqual(['VP000']);
    });

    test('a trailing comma is VP000 about a missing name, not about a reserved word', async () => {
        const result = await check(plan({ household: household3('member zus adult born 1960 roles victim,\n member zus2 adult no-action "x"') }));
        expect(result.codes).toContain('VP000');
        expect(diags(result, 'VP000')[0].message).not.toMatch(/reserved/i);
    });

    test('a name lost to a parse error does not stop the privacy checks', async () => {
        const text = plan({ network: 'network {\n        supporter "Oma" supports ann aware\n    }', extra: '// dossier 111222333' });
        const result = await check(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).toContain('VP070');
        expect(result.diagnostics.every(d => d.code !== undefined)).toBe(true);
    });

    test('value words are not reserved: `organisation politie "Politie ZHZ" kind politie` is fine', async () => {
        const text = plan({ regie: 'regie {\n politie from 2026-01-01\n }' });
        const result = await check(text, 'organisation politie "Politie ZHZ" kind politie\norganisation dwang "Dwang" kind other');
        expect(result.codes).toEqual([]);
    });

    test('a member may be named like a value word (adult, victim, safety)', async () => {
        const result = await check(plan({ household: household3('member victim adult born 1960 no-action "x"\n member safety child born 2019 no-action "y"') }));
        expect(result.codes).toEqual([]);
    });

    test.each([
        ['a role', household3('member zus adult born 1960 roles victim, slachtoffer no-action "x"'), 'household', ['victim', 'perpetrator', 'witness', 'parent']],
        ['a member kind', household3('member zus volwassene born 1960 no-action "x"'), 'household', ['adult', 'child']]
    ])('an unknown %s is VP000 listing the allowed values', async (_label, slot, key, allowed) => {
        const result = await check(plan({ [key]: slot }));
        expect(result.codes).toContain('VP000');
        const message = diags(result, 'VP000')[0].message;
        for (const value of allowed) expect(message).toContain(value);
    });

    test.each([
        ['an organisation kind', 'organisation x "X" kind bureau', ['veiligthuis', 'wijkteam', 'other']],
        ['a measure type mode', 'measure type t "T" {\n mode vrijwillig\n }', ['dwang', 'drang']],
        ['a measure type subject', 'measure type t "T" {\n mode drang\n subject kinderen\n }', ['adult', 'minor', 'any']]
    ])('an unknown %s is VP000 listing the allowed values', async (_label, text, allowed) => {
        const result = await check(text);
        expect(result.codes).toEqual(['VP000']);
        for (const value of allowed) expect(diags(result, 'VP000')[0].message).toContain(value);
    });

    test('an unknown duration unit is VP000; singular and plural are interchangeable', async () => {
        const bad = await check(plan({ aftercare: 'aftercare {\n owner wt\n from 2027-01-01 for 12 maanden\n checkpoints 3 months\n }' }));
        expect(bad.codes).toContain('VP000');
        const ok = await check(plan({ aftercare: 'aftercare {\n owner wt\n from 2027-01-01 for 1 years\n checkpoints 1 month, 2 week, 1 days\n }' }));
        expect(ok.codes).toEqual([]);
    });

    test('a string escape other than \\" and \\\\ is VP000; those two are fine', async () => {
        expect((await check(plan({ extra: 'evaluation 2026-06-01 "Zeg \\"nee\\" \\\\ ja"' }))).codes).toEqual([]);
        expect((await check(plan({ extra: 'evaluation 2026-06-01 "Regel\\nnieuw"' }))).codes).toEqual(['VP000']);
    });

    test('a string may not span lines', async () => {
        expect((await check(plan({ extra: 'evaluation 2026-06-01 "Regel\nnieuw"' }))).codes).toContain('VP000');
    });

    test('newlines are white space: a plan on one line parses', async () => {
        const oneLine = plan().replace(/\s*\n\s*/g, ' ');
        expect((await check(oneLine)).codes).toEqual([]);
    });

    test('a typo in one measure does not hide a VP011 elsewhere in the plan', async () => {
        const text = plan({
            regie: 'regie {\n wt from 2026-01-01 to 2026-06-01\n }',
            extra: 'measure g gedragsaanwijzing {\n on bob\n bij om1\n from 2026-02-01 for 30 days\n }'
        });
        const result = await check(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).toContain('VP011');
    });

    test('a syntax error in one construct does not hide a VP040 and a VP041 elsewhere', async () => {
        const text = plan({
            intervention: 'intervention hulp "Daderhulp" {\n for bob\n by ggz\n from 2026-01-10 for 6 months\n }',
            extra: 'evaluation 2026-06-01 "Eval" extra'
        });
        const result = await check(text);
        expect(result.codes).toContain('VP000');
        expect(result.codes).toContain('VP040');
        expect(result.codes).toContain('VP041');
    });
});

describe('VP005 required items', () => {
    test.each([
        ['status', { status: '' }],
        ['period', { period: '' }],
        ['household', { household: '' }],
        ['a household member', { household: 'household {\n }' }],
        ['a period end (`from DATE` alone)', { period: 'period 2026-01-01' }]
    ])('a plan without %s is VP005', async (_label, overrides) => {
        const result = await check(plan(overrides));
        expect(result.codes).toContain('VP005');
        expect(result.codes).not.toContain('VP000');
    });

    test.each([
        ['status', { extra: 'status draft' }],
        ['period', { extra: 'period 2026-01-01 to 2027-01-01' }],
        ['household', { extra: 'household {\n member zus adult no-action "x"\n }' }]
    ])('a plan with %s twice is VP005', async (_label, overrides) => {
        const result = await check(plan(overrides));
        expect(result.codes).toContain('VP005');
        expect(result.codes).not.toContain('VP000');
    });

    test('a plan title is required', async () => {
        const text = plan().replace('plan p "Veiligheidsplan"', 'plan p');
        expect((await check(text)).codes).toEqual(['VP005']);
    });

    test('a child\'s born is required, an adult\'s is not', async () => {
        expect((await check(plan({ household: household3('member zus child no-action "x"') }))).codes).toEqual(['VP005']);
        expect((await check(plan({ household: household3('member zus adult no-action "x"') }))).codes).toEqual([]);
    });

    const measureWithout = (missing: string) => ['on bob', 'by om1', 'from 2026-02-01 for 30 days'].filter(i => !i.startsWith(missing)).join('\n ');
    test.each(['on', 'by', 'from'])('a measure without `%s` is VP005', async missing => {
        const result = await check(plan({ extra: `measure g gedragsaanwijzing {\n ${measureWithout(missing)}\n }` }));
        expect(result.codes).toContain('VP005');
        expect(result.codes).not.toContain('VP000');
    });

    test.each([
        ['for', 'by ggz\n from 2026-02-01 for 3 months'],
        ['by', 'for ann\n from 2026-02-01 for 3 months'],
        ['a period', 'for ann\n by ggz'],
        ['an end (`from DATE` alone)', 'for ann\n by ggz\n from 2026-02-01']
    ])('an intervention without %s is VP005', async (_label, items) => {
        const result = await check(plan({ extra: `intervention h2 "Hulp" {\n ${items}\n }` }));
        expect(result.codes).toContain('VP005');
        expect(result.codes).not.toContain('VP000');
    });

    test.each([
        ['by', 'protects ann\n checked by vt'],
        ['protects', 'by bob\n checked by vt'],
        ['checked by', 'by bob\n protects ann'],
        ['an end (`from DATE` alone)', 'by bob\n protects ann\n checked by vt\n from 2026-02-01']
    ])('an agreement without %s is VP005', async (_label, items) => {
        const result = await check(plan({ extra: `agreement a2 "Afspraak" {\n ${items}\n }` }));
        expect(result.codes).toContain('VP005');
        expect(result.codes).not.toContain('VP000');
    });

    test('an agreement without any period is fine', async () => {
        expect((await check(plan({ extra: 'agreement a2 "Afspraak" {\n by bob\n protects ann\n checked by vt\n }' }))).codes).toEqual([]);
    });

    test('an agreement may be made by a supporter and checked by a supporter', async () => {
        expect((await check(plan({ extra: 'agreement a2 "Oma haalt op" {\n by oma\n protects kim\n checked by oma\n }' }))).codes).toEqual([]);
    });

    test.each(['severity high', 'nature dynamic', 'domain safety', 'affects ann'])('a risk without `%s` is VP005', async missing => {
        const items = ['severity high', 'nature dynamic', 'domain safety', 'affects ann', 'posed by bob'].filter(i => i !== missing);
        const result = await check(plan({
            intervention: 'intervention hulp "Daderhulp" {\n for bob\n by ggz\n from 2026-01-10 for 6 months\n framework drang\n addresses r1, r2\n }',
            extra: `risk r2 "Risico" {\n ${items.join('\n ')}\n }`
        }));
        expect(result.codes).toEqual(['VP005']);
    });

    test('a phase `from DATE` alone lacks its end: VP005', async () => {
        const result = await check(plan({ extra: 'phase safety from 2026-01-01' }));
        expect(result.codes).toContain('VP005');
        expect(result.codes).not.toContain('VP000');
    });

    test.each([
        ['a risk', 'risk r2 {\n severity low\n nature static\n domain social\n affects ann\n }'],
        ['an intervention', 'intervention h2 {\n for ann\n by ggz\n from 2026-02-01 for 3 months\n }'],
        ['an agreement', 'agreement a2 {\n by bob\n protects ann\n checked by vt\n }'],
        ['a meeting', 'meeting 2026-02-01 {\n client ann present\n }']
    ])('%s without a title is VP005', async (_label, construct) => {
        expect((await check(plan({ extra: construct }))).codes).toEqual(['VP005']);
    });

    test('an evaluation needs no title', async () => {
        expect((await check(plan({ extra: 'evaluation 2026-06-01' }))).codes).toEqual([]);
    });

    test('an organisation needs a title and a kind; a measure type a title and a mode', async () => {
        expect((await check('organisation x kind wijkteam')).codes).toEqual(['VP005']);
        expect((await check('organisation x "X"')).codes).toEqual(['VP005']);
        expect((await check('measure type t {\n mode drang\n }')).codes).toEqual(['VP005']);
        expect((await check('measure type t "T" {\n basis "b"\n }')).codes).toEqual(['VP005']);
        expect((await check('measure type t "T" {\n mode drang\n mode dwang\n }')).codes).toEqual(['VP005']);
    });

    test('a supporter\'s title is required', async () => {
        const result = await check(plan({ network: 'network {\n supporter oma supports ann aware\n }' }));
        expect(result.codes).toContain('VP005');
    });

    test.each([
        ['a measure with two `by`', 'measure g gedragsaanwijzing {\n on bob\n by om1\n by om1\n from 2026-02-01 for 30 days\n }'],
        ['a measure with two `from`', 'measure g gedragsaanwijzing {\n on bob\n by om1\n from 2026-02-01 for 30 days\n from 2026-03-01 for 30 days\n }'],
        ['an intervention with two frameworks', 'intervention h2 "Hulp" {\n for ann\n by ggz\n from 2026-02-01 for 3 months\n framework drang\n framework dwang\n }'],
        ['a risk with two severities', 'risk r2 "R" {\n severity low\n severity high\n nature static\n domain social\n affects ann\n }'],
        ['a meeting with two chairs', 'meeting 2026-02-01 "Overleg" {\n chair zvh1\n chair vt\n client ann present\n }'],
        ['an aftercare with two owners', 'aftercare {\n owner vt\n owner wt\n from 2027-01-01 for 12 months\n checkpoints 3 months\n }'],
        ['an aftercare with two escalates', 'aftercare {\n owner wt\n from 2027-01-01 for 12 months\n checkpoints 3 months\n escalate "a"\n escalate "b"\n }']
    ])('%s is VP005', async (label, construct) => {
        const overrides = label.includes('aftercare') ? { aftercare: construct } : { extra: construct };
        const result = await check(plan(overrides));
        expect(result.codes).toContain('VP005');
        expect(result.codes).not.toContain('VP000');
    });

    test('items of a construct may come in any order; extend, signal and client repeat', async () => {
        const result = await check(plan({
            regie: 'regie {\n vt from 2026-01-01\n }',
            aftercare: 'aftercare {\n signal "a"\n checkpoints 3 months\n signal "b"\n from 2027-01-01 for 12 months\n owner wt\n }',
            extra: 'measure hv huisverbod {\n extend for 5 days\n from 2026-01-10\n extend for 5 days\n by burg\n on bob\n }\n meeting 2026-02-01 "Overleg" {\n client kim informed\n chair zvh1\n client ann present\n }'
        }));
        expect(result.codes).toEqual([]);
    });
});

describe('VP080 unique names and VP081 references', () => {
    test('a member declared twice is VP080 on the later one; the later one takes part in no other check', async () => {
        const text = plan({ household: household3('member kim child roles witness') });
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
        expect(linesOf(result, 'VP080')).toEqual([lineOf(text, 'member kim', 2)]);
    });

    test('members, supporters, risks, measures, interventions and agreements share one namespace per plan', async () => {
        const text = plan({ extra: 'risk oma "Oma" {\n severity low\n nature static\n domain social\n affects ann\n }' });
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
        expect(linesOf(result, 'VP080')).toEqual([lineOf(text, 'risk oma')]);
    });

    test('plans, organisations and measure types share one global namespace: VP080 on the later one', async () => {
        const text = `organisation p "Org P" kind other\n${plan()}`;
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
        expect(linesOf(result, 'VP080')).toEqual([lineOf(text, 'plan p')]);
    });

    test('redeclaring a built-in measure type is VP080 (a built-in counts as first)', async () => {
        const text = 'measure type huisverbod "Mijn huisverbod" {\n mode dwang\n}\n';
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
    });

    test('an organisation named like a built-in measure type is VP080 (one global namespace)', async () => {
        const result = await check('organisation ots "OTS-team" kind gi');
        expect(result.codes).toEqual(['VP080']);
    });

    test('a later duplicate takes part in no other check: a duplicate measure type with a missing mode gives only VP080', async () => {
        const result = await check('measure type ots "Andere OTS" {\n basis "x"\n}\n');
        expect(result.codes).toEqual(['VP080']);
    });

    test('a later duplicate takes part in no other check, VP081 included', async () => {
        const intervention = plan({ extra: 'intervention hulp "Tweede" {\n for nobody\n by ggz\n from 2026-02-30 for 3 months\n }' });
        expect((await check(intervention)).codes).toEqual(['VP080']);
        const supporter = plan({ extra: 'network {\n supporter oma "Tweede oma" supports nobody\n }' });
        expect((await check(supporter)).codes).toEqual(['VP080']);
        const member = plan({ household: household3('member kim adult born 2018 roles slachtoffer') });
        // VP000 (an unknown role) still reports on a duplicate; VP062 does not
        expect((await check(member)).codes).toEqual(['VP000', 'VP080']);
        const type = await check('measure type eigen "Eigen" {\n mode drang\n}\nmeasure type eigen "Tweede" {\n basis "geen mode"\n checked 2026-02-30\n}\n');
        expect(type.codes).toEqual(['VP080']);
    });

    test('a member covered only by a later duplicate intervention is not covered (the duplicate takes part in no check)', async () => {
        const text = plan({
            household: household3('member zus adult born 1960'),
            extra: 'intervention hulp "Tweede" {\n for zus\n by ggz\n from 2026-02-01 for 3 months\n }'
        });
        expect((await check(text)).codes).toEqual(['VP001', 'VP080']);
    });

    test('a duplicate plan takes part in no other check', async () => {
        const text = plan() + plan({ status: '', regie: 'regie {\n onbekend from 2026-01-01\n }' });
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
        expect(linesOf(result, 'VP080')).toEqual([lineOf(text, 'plan p', 2)]);
    });

    test('references resolve to the first declaration', async () => {
        // the second `hulp` has no fallback and is voluntary; it is ignored, so no VP041
        const text = plan({ extra: 'intervention hulp "Tweede" {\n for bob\n by ggz\n from 2026-02-01 for 3 months\n }' });
        expect((await check(text)).codes).toEqual(['VP080']);
    });

    test('a member named like an organisation is fine, and regie (which expects an organisation) still sees the organisation', async () => {
        const result = await check(plan({ household: household3('member wt adult born 1960 no-action "x"') }));
        expect(result.codes).toEqual([]);
    });

    test('a reference to a declaration of the wrong kind is VP081', async () => {
        const result = await check(plan({ extra: 'measure g gedragsaanwijzing {\n on bob\n by ann\n from 2026-02-01 for 30 days\n }' }));
        expect(result.codes).toEqual(['VP081']);
        expect(diags(result, 'VP081')[0].severity).toBe(1);
    });

    test('an unresolved member reference is VP081 with a message in both languages', async () => {
        const text = plan({ extra: 'intervention h2 "Hulp" {\n for nobody\n by ggz\n from 2026-02-01 for 3 months\n }' });
        const en = diags(await check(text), 'VP081');
        const nl = diags(await checkNl(text), 'VP081');
        expect(en).toHaveLength(1);
        expect(en[0].message).toContain('nobody');
        expect(nl[0].message).toContain('nobody');
        expect(nl[0].message).not.toBe(en[0].message);
    });

    test('references resolve across files of one workspace', async () => {
        const result = await check(plan(), 'organisation extra_org "Extra" kind other');
        expect(result.codes).toEqual([]);
    });
});

describe('vplan.config.json', () => {
    const noFallback = plan({ intervention: 'intervention hulp "Daderhulp" {\n for bob\n by ggz\n from 2026-01-10 for 6 months\n addresses r1\n }' });

    test('"off" silences a rule', async () => {
        expect((await checkWithConfig(undefined, [noFallback, CATALOGUE])).codes).toEqual(['VP041']);
        expect((await checkWithConfig('{ "rules": { "VP041": "off" } }', [noFallback, CATALOGUE])).codes).toEqual([]);
    });

    test('a severity can be changed both ways', async () => {
        const asError = await checkWithConfig('{ "rules": { "VP041": "error" } }', [noFallback, CATALOGUE]);
        expect(asError.diagnostics.map(d => d.severity)).toEqual([1]);
        const gapped = plan({ regie: 'regie {\n wt from 2026-01-01 to 2026-06-01\n }' });
        const asInfo = await checkWithConfig('{ "rules": { "VP011": "info" } }', [gapped, CATALOGUE]);
        expect(asInfo.diagnostics.map(d => [d.code, d.severity])).toEqual([['VP011', 3]]);
    });

    test('VP000 cannot be turned off', async () => {
        const broken = plan({ extra: 'evaluation 2026-06-01 "Eval" extra' });
        const result = await checkWithConfig('{ "rules": { "VP000": "off" } }', [broken, CATALOGUE]);
        expect(result.codes).toContain('VP000');
    });

    test('"locale": "nl" gives Dutch messages', async () => {
        const en = await checkWithConfig('{}', [noFallback, CATALOGUE]);
        const nl = await checkWithConfig('{ "locale": "nl" }', [noFallback, CATALOGUE]);
        expect(nl.diagnostics[0].message).not.toBe(en.diagnostics[0].message);
    });

    test('a broken config leaves the defaults for what it failed to set', async () => {
        const result = await checkWithConfig('{ "rules": { "VP041": "off", "VP999": "off" }, "aftercare": { "minMonths": "twelve" } }', [noFallback, CATALOGUE]);
        expect(result.codes).toEqual([]);
        const still = await checkWithConfig('{ "rules": { "VP041": "loud" } }', [noFallback, CATALOGUE]);
        expect(still.codes).toEqual(['VP041']);
        expect(still.diagnostics[0].severity).toBe(2);
    });
});
