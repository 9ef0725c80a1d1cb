/** Risk and phase checks VP040, VP041, VP050 and VP051 (spec section 7). */

import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();

const ORGANISATIONS = `organisation ggz "GGZ" kind ggz
organisation wt "WT" kind wijkteam
`;

function planWith(body: string): string {
    return `${ORGANISATIONS}plan p "P" {
    status active
    period 2026-01-12 to 2027-01-12
    household {
        member sanne adult born 1989 roles victim
        member mark adult born 1986 roles perpetrator
        member noor child born 2015 roles witness
    }
${body}
}
`;
}

function lineOf(text: string, marker: string): number {
    const line = text.split('\n').findIndex(l => l.includes(marker));
    if (line < 0) throw new Error(`marker not found: ${marker}`);
    return line;
}

const ERROR = 1;
const WARNING = 2;

async function diagnostics(text: string, code: string, locale?: 'en' | 'nl'): Promise<Diagnostic[]> {
    return withCode(await checkText(services, text, { locale }), code);
}

const RISK = `    risk partnergeweld "Partnergeweld" {
        severity high
        nature dynamic
        domain safety
        affects sanne
        posed by mark
    }`;

describe('VP040 risk addressed', () => {
    test('a dynamic risk that no intervention addresses is VP040 on the risk', async () => {
        const text = planWith(RISK);
        const found = await diagnostics(text, 'VP040');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, 'risk partnergeweld'));
        expect(found[0].message).toContain("'partnergeweld'");
        expect(found[0].message).toContain('addresses partnergeweld');
    });

    test('an addressed dynamic risk and an unaddressed static risk are fine', async () => {
        const text = planWith(`${RISK}
    risk schulden "Schulden" {
        severity low
        nature static
        domain finances
        affects household
    }
    intervention daderhulp "Daderhulp" {
        for mark
        by ggz
        from 2026-01-20 for 6 months
        addresses partnergeweld
        fallback "Terugmelding"
    }`);
        expect(await diagnostics(text, 'VP040')).toEqual([]);
    });
});

describe('VP041 plan for drop-out', () => {
    test('voluntary help (the default) for a perpetrator without a fallback is VP041', async () => {
        const text = planWith(`    intervention daderhulp "Daderhulp" {
        for mark
        by ggz
        from 2026-01-20 for 6 months
    }`);
        const found = await diagnostics(text, 'VP041');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, 'intervention daderhulp'));
        expect(found[0].message).toContain("perpetrator 'mark'");
        expect(found[0].message).toContain('fallback');
        expect((found[0].data as { fix?: unknown }).fix).toBeUndefined();
    });

    test('a fallback, a drang framework, or help for a non-perpetrator is fine', async () => {
        const text = planWith(`    intervention a "A" {
        for mark
        by ggz
        from 2026-01-20 for 6 months
        fallback "Terugmelding aan OM"
    }
    intervention b "B" {
        for mark
        by ggz
        from 2026-01-20 for 6 months
        framework drang
    }
    intervention c "C" {
        for sanne
        by wt
        from 2026-01-20 for 6 months
    }`);
        expect(await diagnostics(text, 'VP041')).toEqual([]);
    });
});

describe('VP050 phases in order', () => {
    test('phases that hand over on the same day, or skip a kind, or split one, are fine', async () => {
        const text = planWith(`    phase safety from 2026-01-12 to 2026-02-01
    phase safety from 2026-02-01 to 2026-03-01
    phase recovery from 2026-03-01 to 2027-01-12`);
        expect(await diagnostics(text, 'VP050')).toEqual([]);
    });

    test('overlapping phases are VP050 on the later one, naming the first shared day', async () => {
        const text = planWith(`    phase safety from 2026-01-12 to 2026-03-02
    phase stability from 2026-03-01 to 2026-09-01`);
        const found = await diagnostics(text, 'VP050');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(ERROR);
        expect(found[0].range.start.line).toBe(lineOf(text, 'phase stability'));
        expect(found[0].message).toContain('overlaps phase safety (2026-01-12 to 2026-03-02) from 2026-03-01');
        expect((found[0].data as { fix: unknown }).fix).toEqual({ otherStart: '2026-01-12', otherEnd: '2026-03-02' });
    });

    test('a kind that goes back in calendar order is VP050, whatever the source order', async () => {
        const text = planWith(`    phase safety from 2026-06-01 to 2026-09-01
    phase stability from 2026-01-12 to 2026-06-01`);
        const found = await diagnostics(text, 'VP050');
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'phase safety from 2026-06-01'));
        expect(found[0].message).toContain('comes after phase stability');
        expect(found[0].message).toContain('never back');
    });

    test('a phase with an invalid date takes part in no phase check', async () => {
        const text = planWith(`    phase safety from 2026-01-12 to 2026-02-30
    phase stability from 2026-02-01 to 2026-09-01`);
        const result = await checkText(services, text);
        expect(withCode(result, 'VP060')).toHaveLength(1);
        expect(withCode(result, 'VP050')).toEqual([]);
    });
});

describe('VP051 recovery after safety', () => {
    const phases = `    phase safety from 2026-01-12 to 2026-03-01
    phase stability from 2026-03-01 to 2026-09-01
    phase recovery from 2026-09-01 to 2027-01-12`;

    test('recovery help that starts before the first safety phase ends is VP051 on its `phase`', async () => {
        const text = planWith(`${phases}
    intervention herstel "Herstel" {
        for sanne
        by wt
        from 2026-02-28 for 6 months
        phase recovery
    }`);
        const found = await diagnostics(text, 'VP051');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, '        phase recovery'));
        expect(found[0].message).toContain('2026-02-28');
        expect(found[0].message).toContain('2026-03-01');
    });

    test('recovery help that starts on the day the safety phase ends is fine (half-open)', async () => {
        const text = planWith(`${phases}
    intervention herstel "Herstel" {
        for sanne
        by wt
        from 2026-03-01 for 6 months
        phase recovery
    }`);
        expect(await diagnostics(text, 'VP051')).toEqual([]);
    });

    test('without a safety phase there is nothing to wait for', async () => {
        const text = planWith(`    intervention herstel "Herstel" {
        for sanne
        by wt
        from 2026-01-12 for 6 months
        phase recovery
    }`);
        expect(await diagnostics(text, 'VP051')).toEqual([]);
    });
});

test('messages are rendered in Dutch for the nl locale', async () => {
    const text = planWith(`${RISK}
    phase stability from 2026-01-12 to 2026-03-01
    phase safety from 2026-03-01 to 2026-05-01
    intervention daderhulp "Daderhulp" {
        for mark
        by ggz
        from 2026-01-20 for 6 months
        phase recovery
    }`);
    const result = await checkText(services, text, { locale: 'nl' });
    const message = (code: string) => withCode(result, code)[0]?.message ?? '';
    expect(message('VP040')).toContain('geen enkele interventie pakt het aan');
    expect(message('VP041')).toContain('vrijwillige hulp voor pleger');
    expect(message('VP050')).toContain('nooit terug');
    expect(message('VP051')).toContain('voordat de eerste veiligheidsfase eindigt op 2026-05-01');
});
