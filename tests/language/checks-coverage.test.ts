/** Coverage checks (spec section 7): VP001, VP002, VP003. */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();

/** A plan with the given household and body (measures, interventions, agreements). */
function plan(household: string[], body: string): string {
    return `organisation vt "Veilig Thuis" kind veiligthuis
organisation ggz "GGZ" kind ggz
organisation bgm "Burgemeester" kind burgemeester
organisation rb "Rechtbank" kind rechter

plan p "Plan" {
    status active
    period 2026-01-12 to 2027-01-12
    household {
${household.map(m => `        ${m}`).join('\n')}
    }
${body}
    regie {
        vt from 2026-01-12
    }
    aftercare {
        owner vt
        from 2027-01-12 for 12 months
        checkpoints 12 months
    }
}
`;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex(line => line.includes(needle));
const intervention = (name: string, forWhom: string) =>
    `    intervention ${name} "Hulp" {\n        for ${forWhom}\n        by ggz\n        from 2026-01-20 for 6 months\n        framework drang\n    }`;
const agreement = (name: string, by: string, protects: string) =>
    `    agreement ${name} "Afspraak" {\n        by ${by}\n        protects ${protects}\n        checked by vt\n    }`;
const measure = (name: string, type: string, on: string, extra = '') =>
    `    measure ${name} ${type} {\n        on ${on}\n${extra}        by rb\n        from 2026-01-12 for 3 months\n    }`;

async function run(text: string, locale?: 'en' | 'nl') {
    const result = await checkText(services, text, { locale });
    return { result, vp001: withCode(result, 'VP001'), vp002: withCode(result, 'VP002'), vp003: withCode(result, 'VP003') };
}

describe('VP001 every member covered', () => {
    test('a member with no help, no protection and no no-action is VP001 on the member', async () => {
        const text = plan(['member sanne adult born 1989 roles victim', 'member opa adult born 1950'], intervention('h', 'sanne'));
        const { vp001 } = await run(text);
        expect(vp001).toHaveLength(1);
        expect(vp001[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp001[0].range.start.line).toBe(lineOf(text, 'member opa'));
        expect(vp001[0].message).toContain("'opa'");
        expect(vp001[0].message).toContain('no-action');
        expect((vp001[0].data as { fix?: unknown }).fix).toEqual({ member: 'opa' });
    });

    test('no-action with a reason covers a member', async () => {
        const { vp001 } = await run(plan(['member sanne adult roles victim', 'member opa adult no-action "Woont in het buitenland"'], intervention('h', 'sanne')));
        expect(vp001).toHaveLength(0);
    });

    test('no-action with an empty reason does not', async () => {
        const { vp001 } = await run(plan(['member sanne adult roles victim', 'member opa adult no-action ""'], intervention('h', 'sanne')));
        expect(vp001).toHaveLength(1);
        expect(vp001[0].message).toContain('empty reason');
    });

    test('being `for` an intervention, `on` a measure, or protected by a measure or agreement covers a member', async () => {
        const text = plan(
            ['member a adult', 'member b adult', 'member c adult', 'member d adult'],
            [intervention('h', 'a'), measure('m', 'voorwaardelijk_sepot', 'b', '        protects c\n'), agreement('g', 'a', 'd')].join('\n')
        );
        const { vp001 } = await run(text);
        expect(vp001).toHaveLength(0);
    });

    test('being the `by` of an agreement or a supporter does not cover a member', async () => {
        const { vp001 } = await run(plan(['member a adult', 'member b adult'], agreement('g', 'b', 'a')));
        expect(vp001.map(d => d.message)).toEqual([expect.stringContaining("'b'")]);
    });
});

describe('VP002 every perpetrator approached', () => {
    test('a perpetrator only bound by an agreement and marked no-action is still VP002, and gets no VP001 besides', async () => {
        const text = plan(['member sanne adult roles victim', 'member mark adult roles perpetrator no-action "Weigert contact"'], agreement('g', 'mark', 'sanne'));
        const { vp001, vp002 } = await run(text);
        expect(vp002).toHaveLength(1);
        expect(vp002[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp002[0].range.start.line).toBe(lineOf(text, 'member mark'));
        expect(vp002[0].message).toContain("'mark'");
        expect(vp002[0].message).toContain('for mark');
        expect(vp001).toHaveLength(0);
    });

    test('an uncovered perpetrator gets VP002 only (one mistake, one diagnostic)', async () => {
        const { vp001, vp002 } = await run(plan(['member sanne adult roles victim', 'member mark adult roles perpetrator'], agreement('g', 'sanne', 'sanne')));
        expect(vp002).toHaveLength(1);
        expect(vp001).toHaveLength(0);
    });

    test('an intervention for the perpetrator or a measure on them approaches them', async () => {
        const viaIntervention = await run(plan(['member mark adult roles perpetrator'], intervention('h', 'mark')));
        expect(viaIntervention.vp002).toHaveLength(0);
        const viaMeasure = await run(plan(['member mark adult roles perpetrator, victim'], measure('m', 'voorwaardelijk_sepot', 'mark')));
        expect(viaMeasure.vp002).toHaveLength(0);
    });

    test('being protected does not approach a perpetrator', async () => {
        const { vp002 } = await run(plan(['member sanne adult roles victim, perpetrator'], agreement('g', 'sanne', 'sanne')));
        expect(vp002).toHaveLength(1);
    });
});

describe('VP003 child witnesses are victims too', () => {
    test('a child witness with only no-action is VP003 (no-action does not excuse it)', async () => {
        const text = plan(['member sanne adult roles victim', 'member noor child born 2015 roles witness no-action "Logeert bij oma"'], intervention('h', 'sanne'));
        const { vp001, vp003 } = await run(text);
        expect(vp003).toHaveLength(1);
        expect(vp003[0].severity).toBe(DiagnosticSeverity.Error);
        expect(vp003[0].range.start.line).toBe(lineOf(text, 'member noor'));
        expect(vp003[0].message).toContain("'noor'");
        expect(vp003[0].message).toContain('protects');
        expect(vp001).toHaveLength(0);
    });

    test('an uncovered child witness gets VP003 only', async () => {
        const { vp001, vp003 } = await run(plan(['member sanne adult roles victim', 'member noor child born 2015 roles witness'], intervention('h', 'sanne')));
        expect(vp003).toHaveLength(1);
        expect(vp001).toHaveLength(0);
    });

    test('protection by an agreement or an intervention for the child is enough', async () => {
        const agreed = await run(plan(['member sanne adult roles victim', 'member noor child born 2015 roles witness'], intervention('h', 'sanne') + '\n' + agreement('g', 'sanne', 'noor')));
        expect(agreed.vp003).toHaveLength(0);
        const helped = await run(plan(['member noor child born 2015 roles witness'], intervention('h', 'noor')));
        expect(helped.vp003).toHaveLength(0);
    });

    test('being `on` a child-protection measure (subject minor) is enough; `on` another measure is not', async () => {
        const ots = await run(plan(['member noor child born 2015 roles witness'], measure('m', 'ots', 'noor')));
        expect(ots.vp003).toHaveLength(0);
        const sepot = await run(plan(['member noor child born 2015 roles witness'], measure('m', 'voorwaardelijk_sepot', 'noor')));
        expect(sepot.vp003).toHaveLength(1);
        expect(sepot.vp001).toHaveLength(0); // covered by the measure for VP001
    });

    test('`on` a measure of an unknown type gives no VP003 (no cascade from VP081)', async () => {
        const { vp003, result } = await run(plan(['member noor child born 2015 roles witness'], measure('m', 'onbekend', 'noor')));
        expect(result.codes).toContain('VP081');
        expect(vp003).toHaveLength(0);
    });

    test('an adult witness or a child who is not a witness is not concerned', async () => {
        const { vp003 } = await run(plan(['member sanne adult roles victim, witness', 'member noor child born 2015 no-action "Niet betrokken"'], intervention('h', 'sanne')));
        expect(vp003).toHaveLength(0);
    });
});

describe('the spec example and Dutch', () => {
    test('the spec example has no coverage diagnostics', async () => {
        const text = readFileSync(new URL('../fixtures/spec-example.vplan', import.meta.url), 'utf8');
        const { vp001, vp002, vp003 } = await run(text);
        expect([...vp001, ...vp002, ...vp003]).toHaveLength(0);
    });

    test('messages are rendered in Dutch', async () => {
        const { vp001, vp002, vp003 } = await run(plan(
            ['member opa adult', 'member mark adult roles perpetrator', 'member noor child born 2015 roles witness'], ''
        ), 'nl');
        expect(vp001[0].message).toContain("Gezinslid 'opa' is niet gedekt");
        expect(vp002[0].message).toContain("Pleger 'mark' wordt niet aangepakt");
        expect(vp003[0].message).toContain("Kind 'noor' is getuige van geweld");
    });
});
