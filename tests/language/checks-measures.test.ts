/** Measure checks VP030–VP033 (spec section 7): legal limits, subject, unchecked limit, authority. */

import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();

const ORGANISATIONS = `organisation vt "VT" kind veiligthuis
organisation bg "Burgemeester" kind burgemeester
organisation pol "Politie" kind politie
organisation ggz "GGZ" kind ggz
organisation rb "Rechtbank" kind rechter
organisation om "OM" kind om
`;

/** A plan whose household has an adult perpetrator `mark`, an adult victim `sanne` and a child `noor`. */
function planWith(body: string, period = 'period 2026-01-12 to 2027-01-12'): string {
    return `${ORGANISATIONS}plan p "P" {
    status active
    ${period}
    household {
        member sanne adult born 1989 roles victim
        member mark adult born 1986 roles perpetrator
        member noor child born 2015 roles witness
    }
${body}
}
`;
}

/** The 0-based line of the first line holding `marker`. */
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

describe('VP030 within the legal limit', () => {
    test('a huisverbod of 10 days extended by 18 (exactly 28 days) is legal', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        protects sanne, noor
        by bg
        from 2026-01-12 for 10 days
        extend for 18 days
    }`);
        expect(await diagnostics(text, 'VP030')).toEqual([]);
    });

    test('a huisverbod of 29 days is VP030 on the extension that breaks the total max, with limit, length and basis', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 for 10 days
        extend for 19 days
    }`);
        const found = await diagnostics(text, 'VP030');
        expect(found).toHaveLength(1);
        const [d] = found;
        expect(d.severity).toBe(ERROR);
        expect(d.range.start.line).toBe(lineOf(text, 'extend for 19 days'));
        expect(d.message).toContain('28 days');
        expect(d.message).toContain('29 days');
        expect(d.message).toContain('Wet tijdelijk huisverbod, art. 2 en 9');
        expect(d.message).toContain('2026-02-09'); // the latest legal end
        expect(d.message).toContain('at most 18 days');
        expect((d.data as { fix: unknown }).fix).toEqual({ termIndex: 1, maxEnd: '2026-02-09', maxDays: 18 });
    });

    test('an extension added after the total max is already reached is VP030 and says to remove it', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 for 28 days
        extend for 1 day
    }`);
        const [d] = await diagnostics(text, 'VP030');
        expect(d.range.start.line).toBe(lineOf(text, 'extend for 1 day'));
        expect(d.message).toContain('remove extension 1');
        expect((d.data as { fix: { maxDays: number } }).fix.maxDays).toBe(0);
    });

    test('the first term alone can break the total max: the diagnostic sits on `from`', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 to 2026-02-10
    }`);
        const [d] = await diagnostics(text, 'VP030');
        expect(d.range.start.line).toBe(lineOf(text, 'from 2026-01-12 to 2026-02-10'));
        expect(d.message).toContain('the first term');
    });

    test('term max 1 year with month-end dates: 2028-02-29 + 1 year = 2029-02-28 is legal, one day more is not', async () => {
        const plan = (end: string) => planWith(`    measure o ots {
        on noor
        by rb
        from 2028-02-29 to ${end}
    }`, 'period 2028-01-01 to 2030-01-01');
        expect(await diagnostics(plan('2029-02-28'), 'VP030')).toEqual([]);
        const text = plan('2029-03-01');
        const found = await diagnostics(text, 'VP030');
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'from 2028-02-29'));
        expect(found[0].message).toContain('term max of 1 year');
        expect(found[0].message).toContain('366 days');
        expect(found[0].message).toContain('2029-02-28');
        expect((found[0].data as { fix: unknown }).fix).toEqual({ termIndex: 0, maxEnd: '2029-02-28', maxDays: 365, maxDuration: '1 year' });
    });

    test('each term of an OTS is judged on its own: a too long extension is VP030 on that extension only', async () => {
        const text = planWith(`    measure o ots {
        on noor
        by rb
        from 2026-01-12 for 1 year
        extend for 13 months
    }`);
        const found = await diagnostics(text, 'VP030');
        expect(found).toHaveLength(1);
        expect(found[0].range.start.line).toBe(lineOf(text, 'extend for 13 months'));
        expect(found[0].message).toContain('Extension 1');
    });

    test('chained OTS extensions of a year each stay legal', async () => {
        const text = planWith(`    measure o ots {
        on noor
        by rb
        from 2026-01-12 for 1 year
        extend for 1 year
        extend for 12 months
    }`);
        expect(await diagnostics(text, 'VP030')).toEqual([]);
    });

    test('an invalid term (VP060) silences VP030', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 for 10 days
        extend to 2026-01-20
        extend for 40 days
    }`);
        const result = await checkText(services, text);
        expect(withCode(result, 'VP060')).toHaveLength(1);
        expect(withCode(result, 'VP030')).toEqual([]);
    });

    test('an unresolved measure type (VP081) silences VP030–VP033', async () => {
        const text = planWith(`    measure x onbekend_type {
        on noor
        by ggz
        from 2026-01-12 for 10 years
    }`);
        const result = await checkText(services, text);
        expect(withCode(result, 'VP081').length).toBeGreaterThan(0);
        expect(result.codes.filter(c => ['VP030', 'VP031', 'VP032', 'VP033'].includes(c))).toEqual([]);
    });
});

describe('VP031 eligible subject', () => {
    test('a huisverbod on a child is VP031 on that reference', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark,
           noor
        by bg
        from 2026-01-12 for 10 days
    }`);
        const found = await diagnostics(text, 'VP031');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(ERROR);
        expect(found[0].range.start.line).toBe(lineOf(text, '           noor'));
        expect(found[0].message).toContain("'noor' is a child");
        expect(found[0].message).toContain('only be imposed on adults');
    });

    test('an OTS on an adult is VP031', async () => {
        const text = planWith(`    measure o ots {
        on mark
        by rb
        from 2026-01-12 for 1 year
    }`);
        const [d] = await diagnostics(text, 'VP031');
        expect(d.message).toContain("'mark' is an adult");
        expect(d.message).toContain('minors');
    });

    test('a huisverbod on an adult, an OTS on a child and a subject-any type on anyone are fine', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 for 10 days
    }
    measure o ots {
        on noor
        by rb
        from 2026-01-12 for 1 year
    }
    measure g gedragsaanwijzing {
        on mark, noor
        by om
        from 2026-01-12 for 90 days
    }`);
        expect(await diagnostics(text, 'VP031')).toEqual([]);
    });
});

describe('VP032 unchecked limit', () => {
    test('a measure of a type without a limit and without an end is VP032, even with an extend', async () => {
        const text = planWith(`    measure s voorwaardelijk_sepot {
        on mark
        by om
        from 2026-02-01
        extend for 3 months
    }`);
        const found = await diagnostics(text, 'VP032');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, 'from 2026-02-01'));
        expect(found[0].message).toContain("'voorwaardelijk_sepot' has no legal limit");
        expect(found[0].message).toContain('2027-01-12');
        expect(found[0].message).toContain('from 2026-02-01 for');
    });

    test('`initial` does not excuse it: a declared type with only `initial` still needs an end', async () => {
        const text = `measure type regio_drang "Regionale drang" {
    mode drang
    initial 3 months
}
${planWith(`    measure r regio_drang {
        on mark
        by vt
        from 2026-02-01
    }`)}`;
        expect(await diagnostics(text, 'VP032')).toHaveLength(1);
    });

    test('an explicit end, or a type with a limit, is fine', async () => {
        const text = planWith(`    measure s voorwaardelijk_sepot {
        on mark
        by om
        from 2026-02-01 for 6 months
    }
    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12
    }`);
        expect(await diagnostics(text, 'VP032')).toEqual([]);
    });
});

describe('VP033 imposed by the right authority', () => {
    test('a huisverbod imposed by a GGZ organisation is VP033 on `by`, naming the allowed kinds', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        by ggz
        from 2026-01-12 for 10 days
    }`);
        const found = await diagnostics(text, 'VP033');
        expect(found).toHaveLength(1);
        expect(found[0].severity).toBe(WARNING);
        expect(found[0].range.start.line).toBe(lineOf(text, 'by ggz'));
        expect(found[0].message).toContain('burgemeester, politie');
        expect(found[0].message).toContain('kind ggz');
    });

    test('a huisverbod by the police or the mayor, and a type without `imposed by`, are fine', async () => {
        const text = `measure type regio_drang "Regionale drang" {
    mode drang
    term max 6 months
}
${planWith(`    measure hv huisverbod {
        on mark
        by pol
        from 2026-01-12 for 10 days
    }
    measure hv2 huisverbod {
        on mark
        by bg
        from 2026-03-01 for 10 days
    }
    measure r regio_drang {
        on mark
        by ggz
        from 2026-02-01 for 6 months
    }`)}`;
        expect(await diagnostics(text, 'VP033')).toEqual([]);
    });
});

describe('duplicates and Dutch messages', () => {
    test('a duplicate measure (VP080) takes part in no measure check', async () => {
        const text = planWith(`    measure hv huisverbod {
        on mark
        by bg
        from 2026-01-12 for 10 days
    }
    measure hv huisverbod {
        on noor
        by ggz
        from 2026-01-12 for 40 days
    }`);
        const result = await checkText(services, text);
        expect(result.codes.filter(c => ['VP030', 'VP031', 'VP032', 'VP033'].includes(c))).toEqual([]);
    });

    test('messages are rendered in Dutch for the nl locale', async () => {
        const text = planWith(`    measure hv huisverbod {
        on noor
        by ggz
        from 2026-01-12 for 10 days
        extend for 19 days
    }
    measure s voorwaardelijk_sepot {
        on mark
        by om
        from 2026-02-01
    }`);
        const result = await checkText(services, text, { locale: 'nl' });
        const message = (code: string) => withCode(result, code)[0]?.message ?? '';
        expect(message('VP030')).toContain('langer dan het totale maximum van 28 dagen');
        expect(message('VP030')).toContain('wettelijke grondslag: Wet tijdelijk huisverbod');
        expect(message('VP031')).toContain('kan alleen aan volwassenen worden opgelegd');
        expect(message('VP032')).toContain('heeft geen wettelijke termijn');
        expect(message('VP033')).toContain('alleen deze soorten kunnen hem opleggen');
    });
});
