/**
 * Conformance of section 7's first sentence: every diagnostic has a stable code, a severity and a
 * message in English and in Dutch. Plans that trigger every rule; every message is rendered in
 * both languages, differs between them, and never leaks a placeholder (`undefined`, `NaN`).
 */

import { describe, expect, test } from 'vitest';
import { RULES } from '../../../language/rules/registry.js';
import { BASE, check, checkNl, diags, plan } from './conformance-support.js';

const household = `household {
        member ann adult born 2012 roles victim, parent
        member bob adult born 1988 roles perpetrator
        member kim child born 2000 roles witness no-action "x"
        member tes child born 2012
        member ann child
        member ex adult born 1980 roles perpetrator outside no-action "Vertrokken"
    }`;

/** One plan (plus a few small files) that together raise almost every rule. */
const KITCHEN_SINK = [
    plan({
        household,
        network: 'network {\n        supporter oma "Oma" supports ann\n    }',
        risk: 'risk r1 "Geweld" {\n        severity high\n        nature dynamic\n        domain safety\n        affects ann\n    }',
        intervention: 'intervention hulp "Hulp" {\n        for bob, onbekend\n        by ggz\n        from 2026-01-10 for 6 months\n        phase recovery\n    }',
        agreement: 'agreement afspraak "Afspraak" {\n        by bob\n        protects ann\n        checked by vt\n        from 2026-02-30 for 3 months\n    }',
        regie: 'regie {\n        wt from 2026-01-02 to 2026-05-01\n        vt from 2026-04-01 to 2026-06-01\n    }',
        aftercare: 'aftercare {\n        owner wt\n        from 2027-02-01 for 6 months\n        checkpoints 0 days, 7 months\n    }',
        extra: [
            'phase stability from 2026-01-01 to 2026-03-01',
            'phase safety from 2026-02-01 to 2026-04-01',
            'measure hv huisverbod {\n        on kim\n        by rb\n        from 2026-01-05 for 40 days\n    }',
            'measure vs voorwaardelijk_sepot {\n        on bob\n        by om1\n        from 2026-03-01\n    }',
            'meeting 2027-01-01 "Overleg" {\n        chair zvh1\n        action "Actie" owner ggz due 2027-01-05\n    }',
            'risk r2 "Ernstig" {\n        severity acute\n        nature static\n        domain safety\n        affects ann\n    }',
            'intervention stop "Gestopt" {\n        for ann\n        by wt\n        from 2026-01-10 for 3 months\n        addresses r2\n        ended 2026-02-01 dropout\n    }',
            'incident 2026-05-01 "Melding"',
            'evaluation 2026-04-01 "Contact a.jansen@example.nl, kenmerk 111222333"',
            'status draft'
        ].join('\n    ')
    }),
    'plan leeg "Leeg" {\n}\n',
    // a plan whose name is missing (VP000): its messages must not say 'undefined'
    'plan "Zonder naam" {\n    status active\n}\n',
    'organisation kapot "Kapot" kind bureau\n',
    // version 2: cover that stops a month early (VP004), an uithuisplaatsing without an OTS (VP034)
    // and a hidden direction change (VP072)
    plan({
        agreement: BASE.agreement.replace('to 2027-01-01', 'to 2026-12-01'),
        extra: [
            'measure uhp uithuisplaatsing {\n        on kim\n        by rb\n        from 2026-02-01 for 3 months\n    }',
            'evaluation 2026-04-01 "Evaluatie \u202E na drie maanden"'
        ].join('\n    ')
    }, 'nieuw')
];

describe('messages in both languages', () => {
    test('every diagnostic is rendered in English and Dutch, differently, without placeholders', async () => {
        const seen = new Set<string>();
        for (let i = 0; i < KITCHEN_SINK.length; i++) {
            const texts = [KITCHEN_SINK[i], ...KITCHEN_SINK.filter((_, j) => j !== i)];
            const en = await check(texts[0], ...texts.slice(1));
            const nl = await checkNl(texts[0], ...texts.slice(1));
            expect(nl.codes).toEqual(en.codes);
            const byPosition = (d: { range: { start: { line: number; character: number } }; code?: unknown; message: unknown }) =>
                `${d.range.start.line}:${d.range.start.character}:${String(d.code)}`;
            const nlMessages = new Map<string, string[]>();
            for (const d of nl.diagnostics) nlMessages.set(byPosition(d), [...(nlMessages.get(byPosition(d)) ?? []), String(d.message)]);
            for (const d of en.diagnostics) {
                seen.add(String(d.code));
                const message = String(d.message);
                expect(message, `${d.code}: ${message}`).not.toMatch(/undefined|NaN|\[object/);
                const dutch = nlMessages.get(byPosition(d)) ?? [];
                expect(dutch.length, `${d.code} has a Dutch message`).toBeGreaterThan(0);
                for (const m of dutch) expect(m, `${d.code}: ${m}`).not.toMatch(/undefined|NaN|\[object/);
                expect(dutch, `${d.code} differs in Dutch`).not.toContain(message);
            }
        }
        const expected = ['VP000', 'VP001', 'VP002', 'VP003', 'VP004', 'VP005', 'VP010', 'VP011', 'VP012', 'VP013', 'VP020', 'VP021', 'VP022', 'VP023',
            'VP030', 'VP031', 'VP032', 'VP033', 'VP034', 'VP040', 'VP041', 'VP050', 'VP051', 'VP060', 'VP061', 'VP062', 'VP070', 'VP071', 'VP072', 'VP080', 'VP081',
            'VP090', 'VP091', 'VP100', 'VP042', 'VP043', 'VP052', 'VP092'].sort();
        expect([...seen].sort()).toEqual(expected.filter(code => seen.has(code)));
        // the kitchen sink is meant to reach (almost) every rule
        expect(expected.filter(code => !seen.has(code))).toEqual([]);
    });

    test('every rule of section 7 is known with its default severity', () => {
        const defaults: Record<string, string> = {
            VP000: 'error', VP001: 'error', VP002: 'error', VP003: 'error', VP005: 'error', VP009: 'error', VP010: 'error', VP011: 'error',
            VP012: 'error', VP013: 'warning', VP020: 'error', VP021: 'error', VP022: 'warning', VP023: 'warning', VP030: 'error',
            VP031: 'error', VP032: 'warning', VP033: 'warning', VP034: 'error', VP040: 'warning', VP041: 'warning', VP050: 'error', VP051: 'warning',
            VP060: 'error', VP061: 'warning', VP062: 'warning', VP070: 'error', VP071: 'warning', VP072: 'warning', VP080: 'error', VP081: 'error',
            VP004: 'warning', VP090: 'warning', VP091: 'info', VP100: 'warning',
            VP042: 'warning', VP043: 'warning', VP052: 'warning', VP092: 'warning'
        };
        expect(Object.fromEntries(RULES.map(r => [r.code, r.severity]))).toEqual(defaults);
    });
});

/** The rules of version 2 of the language reference: one plan that triggers each, and its exact message in both languages. */
const V2_CASES: Array<{ code: string; text: string; en: string[]; nl: string[] }> = [
    {
        code: 'VP004',
        // the agreement that protects ann and kim ends a month before the plan: 31 days uncovered
        text: plan({ agreement: BASE.agreement.replace('to 2027-01-01', 'to 2026-12-01') }),
        en: ['ann', 'kim'].map(name => `Member '${name}' is covered by nothing for 31 days from 2026-12-01 (through 2026-12-31): no intervention is \`for\` them, no measure is \`on\` them and no measure or agreement \`protects\` them on those days (at most 28 days in a row, coverage.maxGapDays). Let help or protection run on, or add an intervention \`for ${name}\` \`from 2026-12-01 to 2027-01-01\`.`),
        nl: ['ann', 'kim'].map(name => `Gezinslid '${name}' is 31 dagen door niets gedekt vanaf 2026-12-01 (tot en met 2026-12-31): geen interventie is \`for\` dit gezinslid, geen maatregel \`on\` en geen maatregel of afspraak \`protects\` het op die dagen (hoogstens 28 dagen achter elkaar, coverage.maxGapDays). Laat hulp of bescherming doorlopen, of voeg een interventie \`for ${name}\` \`from 2026-12-01 to 2027-01-01\` toe.`)
    },
    {
        code: 'VP034',
        text: plan({ extra: 'measure uhp uithuisplaatsing {\n        on kim\n        by rb\n        from 2026-02-01 for 3 months\n    }' }),
        en: ["Measure 'uhp' (uithuisplaatsing) may only run while a measure of type ots or voorlopige_ots runs on the same member, but none runs on 'kim' from 2026-02-01 for 89 days (through 2026-04-30). Add a measure of type ots with `on kim` and `from 2026-02-01 to 2026-05-01`."],
        nl: ["Maatregel 'uhp' (uithuisplaatsing) mag alleen lopen zolang er voor hetzelfde gezinslid een maatregel van type ots of voorlopige_ots loopt, maar voor 'kim' loopt er geen vanaf 2026-02-01, 89 dagen lang (tot en met 2026-04-30). Voeg een maatregel van type ots toe met `on kim` en `from 2026-02-01 to 2026-05-01`."]
    },
    {
        code: 'VP042',
        text: plan({ extra: 'intervention steun "Steun" {\n        for ann\n        by wt\n        from 2026-01-10 for 6 months\n        ended 2026-03-02 dropout\n    }' }),
        en: ["'ann' dropped out of intervention 'steun' (`ended 2026-03-02 dropout`), but no other help or measure follows within 14 days (2026-03-02 through 2026-03-16, coverage.followUpDays): on none of those days is another intervention `for` them or a measure `on` them. Add an intervention `for ann` that runs on one of those days (e.g. `from 2026-03-02`), or a measure `on ann`."],
        nl: ["'ann' is uitgevallen uit interventie 'steun' (`ended 2026-03-02 dropout`), maar binnen 14 dagen (2026-03-02 tot en met 2026-03-16, coverage.followUpDays) volgt geen andere hulp of maatregel: op geen van die dagen is een andere interventie `for` dit gezinslid of een maatregel `on`. Voeg een interventie `for ann` toe die op een van die dagen loopt (bijvoorbeeld `from 2026-03-02`), of een maatregel `on ann`."]
    },
    {
        code: 'VP043',
        text: plan({ intervention: BASE.intervention.replace('for 12 months', 'for 3 months') }),
        en: ["Risk 'r1' is severe (`severity high`), but no intervention that addresses it is planned for at least 6 months (care.minMonthsSevere): the longest, 'hulp', is planned from 2026-01-10 through 2026-04-09. Complex, lasting problems need more than short help: let 'hulp' run `from 2026-01-10 for 6 months` or longer, or add an intervention that addresses 'r1' for at least 6 months."],
        nl: ["Risico 'r1' is ernstig (`severity high`), maar geen interventie die het aanpakt is gepland voor minstens 6 maanden (care.minMonthsSevere): de langste, 'hulp', is gepland van 2026-01-10 tot en met 2026-04-09. Complexe, langdurige problemen vragen meer dan korte hulp: laat 'hulp' lopen `from 2026-01-10 for 6 months` of langer, of voeg een interventie toe die 'r1' minstens 6 maanden aanpakt."]
    },
    {
        code: 'VP052',
        text: plan({ extra: 'incident 2026-03-02 "Nieuwe melding"' }),
        en: ["The incident 'Nieuwe melding' on 2026-03-02 is not discussed in time: no meeting is dated from 2026-03-02 through 2026-03-16 (within 14 days, incidents.meetingWithinDays). Add a case discussion (`meeting DATE \"...\" { ... }`) dated on one of those days, so that the new report is picked up quickly."],
        nl: ["Het incident 'Nieuwe melding' op 2026-03-02 wordt niet op tijd besproken: geen overleg is gedateerd van 2026-03-02 tot en met 2026-03-16 (binnen 14 dagen, incidents.meetingWithinDays). Plan een casusoverleg (`meeting DATUM \"...\" { ... }`) op een van die dagen, zodat de nieuwe melding snel wordt opgepakt."]
    },
    {
        code: 'VP072',
        text: plan({ extra: 'evaluation 2026-04-01 "Evaluatie \u202E na drie maanden"' }),
        en: ['This text holds the invisible direction control U+202E (RIGHT-TO-LEFT OVERRIDE), which can make the plan read differently in review than it means. Remove it.'],
        nl: ['Deze tekst bevat het onzichtbare richtingsteken U+202E (RIGHT-TO-LEFT OVERRIDE), waardoor het plan bij een review anders kan lezen dan het bedoelt. Verwijder het.']
    },
    {
        code: 'VP092',
        text: plan({ extra: 'meeting 2026-02-02 "Overleg" {\n        chair vt\n        client ann present\n        action "Afspraken vastleggen" owner vt due 2026-01-30\n    }' }),
        en: ["The action 'Afspraken vastleggen' of the meeting on 2026-02-02 is due by 2026-01-30, before the meeting that decided it. Let it be due on 2026-02-02 or later (`due 2026-02-02`)."],
        nl: ["De actie 'Afspraken vastleggen' van het overleg op 2026-02-02 moet klaar zijn op 2026-01-30, vóór het overleg dat erover besliste. Laat haar op 2026-02-02 of later klaar zijn (`due 2026-02-02`)."]
    }
];

describe('the rules of version 2, each with a plan that triggers it and its exact message', () => {
    test('every new rule of the registry has a case here', () => {
        const v2 = ['VP004', 'VP034', 'VP042', 'VP043', 'VP052', 'VP072', 'VP092'];
        expect(V2_CASES.map(c => c.code)).toEqual(v2);
        for (const code of v2) expect(RULES.map(r => r.code)).toContain(code);
    });

    test.each(V2_CASES)('$code', async ({ code, text, en, nl }) => {
        expect(diags(await check(text), code).map(d => d.message)).toEqual(en);
        expect(diags(await checkNl(text), code).map(d => d.message)).toEqual(nl);
    });
});
