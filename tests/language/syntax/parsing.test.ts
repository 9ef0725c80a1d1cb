/**
 * The grammar of spec sections 1–6: every construct parses, sections and items come in any
 * order, layout is free. (Syntax errors, VP000: tests/language/rules/syntax-rules.test.ts.)
 */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isMeasure, isPlan, type Plan } from '../../../language/generated/ast.js';
import { checkText, createTestServices } from '../../helpers.js';

const services = createTestServices();
const specExample = readFileSync(new URL('../../fixtures/spec-example.vplan', import.meta.url), 'utf8');

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
