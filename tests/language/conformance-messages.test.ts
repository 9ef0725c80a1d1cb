/**
 * Conformance of section 7's first sentence: every diagnostic has a stable code, a severity and a
 * message in English and in Dutch. Plans that trigger every rule; every message is rendered in
 * both languages, differs between them, and never leaks a placeholder (`undefined`, `NaN`).
 */

import { describe, expect, test } from 'vitest';
import { RULES } from '../../language/rules/registry.js';
import { check, checkNl, plan } from './conformance-support.js';

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
    'organisation kapot "Kapot" kind bureau\n'
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
        const expected = ['VP000', 'VP001', 'VP002', 'VP003', 'VP005', 'VP010', 'VP011', 'VP012', 'VP013', 'VP020', 'VP021', 'VP022', 'VP023',
            'VP030', 'VP031', 'VP032', 'VP033', 'VP040', 'VP041', 'VP050', 'VP051', 'VP060', 'VP061', 'VP062', 'VP070', 'VP071', 'VP080', 'VP081',
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
