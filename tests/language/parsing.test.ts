/**
 * The grammar of spec sections 1–6: every construct parses, sections and items come in any
 * order, layout is free, and syntax errors carry VP000 with a helpful message in both languages.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isMeasure, isPlan, type Plan } from '../../language/generated/ast.js';
import { checkText, createTestServices, withCode } from '../helpers.js';

const services = createTestServices();
const specExample = readFileSync(new URL('../fixtures/spec-example.vplan', import.meta.url), 'utf8');

const syntaxAndLinking = (codes: string[]) => codes.filter(code => code === 'VP000' || code === 'VP081');

describe('every construct of the spec', () => {
    test('the spec example parses and links', async () => {
        const result = await checkText(services, specExample);
        expect(syntaxAndLinking(result.codes)).toEqual([]);
        const plan = result.document.parseResult.value.declarations.find(isPlan) as Plan;
        expect(plan.name).toBe('vermeer_2026');
        expect(plan.items.filter(isMeasure)[0].type.ref?.name).toBe('huisverbod');
    });

    test('the whole example on one line parses the same', async () => {
        const oneLine = specExample.replace(/\/\/[^\n]*/g, '').replace(/\s+/g, ' ');
        const result = await checkText(services, oneLine);
        expect(syntaxAndLinking(result.codes)).toEqual([]);
    });

    test('plan sections may come in any order and repeat where allowed', async () => {
        const result = await checkText(services, `
            organisation vt "Veilig Thuis" kind veiligthuis
            plan p "Plan" {
                regie { vt from 2026-03-01 }
                household { member a adult roles victim }
                evaluation 2026-04-01
                regie { vt from 2026-01-01 to 2026-03-01 "eerste" }
                period 2026-01-01 for 1 year
                status draft
            }`);
        expect(syntaxAndLinking(result.codes)).toEqual([]);
    });

    test('items inside blocks may come in any order', async () => {
        const result = await checkText(services, `
            organisation vt "Veilig Thuis" kind veiligthuis
            plan p "Plan" {
                status active period 2026-01-01 to 2027-01-01
                household { member a adult }
                risk r "Risico" { posed by a affects household domain safety nature static severity low }
                aftercare { checkpoints 1 month, 2 weeks signal "x" from 2027-01-01 for 1 year owner vt escalate "y" }
            }`);
        expect(syntaxAndLinking(result.codes)).toEqual([]);
    });

    test('measure types, durations in singular and plural, and comments', async () => {
        const result = await checkText(services, `
            /* a block
               comment */
            measure type regionaal "Regionale afspraak" { // trailing comment
                mode drang basis "Convenant" initial 1 days term max 2 week total max 1 months
                subject any imposed by zvh, gemeente regie zvh source "intern" checked 2026-11-01
            }`);
        expect(result.diagnostics).toEqual([]);
    });
});

describe('syntax errors (VP000)', () => {
    test('a reserved word used as a name says so, in English and Dutch', async () => {
        const en = await checkText(services, 'plan p "P" { household { member period adult } }');
        expect(withCode(en, 'VP000')[0].message).toMatch(/'period' is a reserved word/);
        const nl = await checkText(services, 'plan p "P" { household { member period adult } }', { locale: 'nl' });
        expect(withCode(nl, 'VP000')[0].message).toMatch(/'period' is een gereserveerd woord/);
    });

    test('value words are not reserved', async () => {
        const result = await checkText(services, 'organisation politie "Politie ZHZ" kind politie\norganisation adult "A" kind other');
        expect(result.diagnostics).toEqual([]);
    });

    test('an unknown value word lists the allowed values', async () => {
        const result = await checkText(services, 'plan p "P" { status draft household { member a adult roles victim, bystander } }');
        const [diagnostic] = withCode(result, 'VP000');
        expect(diagnostic.message).toContain("Unknown role 'bystander'");
        expect(diagnostic.message).toContain('victim, perpetrator, witness, parent');
        expect(diagnostic.range.start.character).toBe(result.document.textDocument.getText().indexOf('bystander'));
    });

    test('an unknown organisation kind and duration unit are VP000', async () => {
        const result = await checkText(services, 'organisation o "O" kind police\nmeasure type t "T" { mode drang initial 3 fortnights }');
        expect(withCode(result, 'VP000').map(d => d.message)).toEqual([
            expect.stringContaining("organisation kind 'police'"),
            expect.stringContaining("duration unit 'fortnights'")
        ]);
    });

    test('only \\" and \\\\ escapes are allowed in strings', async () => {
        const ok = await checkText(services, 'organisation o "Zeg \\"hoi\\" met \\\\ streep" kind other');
        expect(ok.diagnostics).toEqual([]);
        const bad = await checkText(services, 'organisation o "regel\\nnieuw" kind other');
        expect(withCode(bad, 'VP000')[0].message).toContain("Invalid escape '\\n'");
    });

    test('a string may not span lines', async () => {
        const result = await checkText(services, 'organisation o "open\n" kind other');
        expect(withCode(result, 'VP000')[0].message).toMatch(/Unterminated string/);
    });

    test('a date token that does not exist still parses (its check is VP060)', async () => {
        const result = await checkText(services, 'measure type t "T" { mode drang checked 2026-02-30 }');
        expect(withCode(result, 'VP000')).toEqual([]);
    });

    test('errors recover: one typo does not hide later diagnostics', async () => {
        const result = await checkText(services, `
            plan p "P" {
                status active
                household { member a adult roles victim }
                period 2026-01-01 to 2027-01-01
                intervention i "I" { for a by nobody frm 2026-01-01 }
                measure m huisverbod { on a by ghost from 2026-01-01 }
            }`);
        expect(withCode(result, 'VP000').length).toBeGreaterThan(0);
        expect(withCode(result, 'VP081').map(d => d.message)).toEqual(expect.arrayContaining([expect.stringContaining("'ghost'")]));
    });

    test('an unexpected token names what was expected', async () => {
        const result = await checkText(services, 'plan p "P" { household { member a adult } "oops" }');
        expect(withCode(result, 'VP000')[0].message).toMatch(/^Unexpected '"oops"': expected/);
    });
});

describe('syntax messages', () => {
    test('a file that ends too early says so', async () => {
        const en = await checkText(services, 'plan p "P" {');
        expect(withCode(en, 'VP000')[0].message).toMatch(/^Unexpected end of file: expected /);
        const nl = await checkText(services, 'plan p "P" {', { locale: 'nl' });
        expect(withCode(nl, 'VP000')[0].message).toMatch(/^Onverwacht einde van het bestand: verwacht /);
    });

    test('several expected tokens read as alternatives', async () => {
        const result = await checkText(services, 'plan p "P" { period 2026-01-01 to }');
        expect(withCode(result, 'VP000')[0].message).toBe("Unexpected '}': expected a date (YYYY-MM-DD).");
    });
});
