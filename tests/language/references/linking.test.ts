/**
 * Scoping (spec section 2): one global namespace across files, one namespace per plan that
 * shadows it, the built-in catalogue everywhere (VP081's own cases: tests/language/rules/reference-rules.test.ts).
 */

import { describe, expect, test } from 'vitest';
import { isAgreement, isMeasure, isPlan, type Plan } from '../../../language/generated/ast.js';
import { firstItem } from '../../../language/model/ast-queries.js';
import { isCheckedByItem } from '../../../language/generated/ast.js';
import { checkText, createTestServices, withCode } from '../../helpers.js';
import { isBuiltinUri } from '../../../language/workspace/builtin-documents.js';

const services = createTestServices();

const catalogue = `
organisation vt "Veilig Thuis" kind veiligthuis
organisation buurvrouw "Organisatie met de naam buurvrouw" kind other
`;

function planOf(result: Awaited<ReturnType<typeof checkText>>): Plan {
    return result.document.parseResult.value.declarations.find(isPlan) as Plan;
}

describe('references', () => {
    test('resolve across files of one workspace', async () => {
        const result = await checkText(services, [
            'plan p "P" { household { member a adult } measure m huisverbod { on a by vt from 2026-01-01 } }',
            catalogue
        ]);
        expect(withCode(result, 'VP081')).toEqual([]);
        const measure = planOf(result).items.find(isMeasure)!;
        expect(isBuiltinUri(measure.type.ref!.$container.$document!.uri)).toBe(true);
    });

    test('every built-in measure type is visible without a declaration', async () => {
        const types = ['huisverbod', 'ots', 'voorlopige_ots', 'uithuisplaatsing', 'vrijheidsbeperking_38v', 'gedragsaanwijzing',
            'reclasseringstoezicht', 'crisismaatregel', 'zorgmachtiging', 'toezicht_begeleiding', 'voorwaardelijk_sepot', 'vt_voorwaarden'];
        const measures = types.map((type, i) => `measure m${i} ${type} { on a by vt from 2026-01-01 }`).join('\n');
        const result = await checkText(services, [`plan p "P" { household { member a adult } ${measures} }`, catalogue]);
        expect(withCode(result, 'VP081')).toEqual([]);
    });

    test('a supporter named like an organisation wins inside its plan for `checked by`', async () => {
        const result = await checkText(services, [`
            plan p "P" {
                household { member a adult }
                network { supporter buurvrouw "Buurvrouw" supports a aware }
                agreement g "Afspraak" { by a protects a checked by buurvrouw }
            }`, catalogue]);
        const agreement = planOf(result).items.find(isAgreement)!;
        expect(firstItem(agreement, isCheckedByItem)?.checker.ref?.$type).toBe('Supporter');
    });

    test('elsewhere a reference only sees declarations of the kind it expects', async () => {
        const result = await checkText(services, [`
            plan p "P" {
                household { member a adult }
                network { supporter buurvrouw "Buurvrouw" supports a }
                intervention i "Hulp" { for a by buurvrouw from 2026-01-01 for 1 month }
            }`, catalogue]);
        expect(withCode(result, 'VP081')).toEqual([]);
    });

    test('plan-local names are not visible in other plans', async () => {
        const result = await checkText(services, [
            'plan p "P" { household { member a adult } }',
            'plan q "Q" { household { member b adult } agreement g "G" { by a protects b checked by vt } }',
            catalogue
        ]);
        expect(withCode(result, 'VP081')).toEqual([]);
        const other = await checkText(services, [
            'plan q "Q" { household { member b adult } agreement g "G" { by a protects b checked by vt } }',
            'plan p "P" { household { member a adult } }',
            catalogue
        ]);
        expect(withCode(other, 'VP081').map(d => d.message)).toEqual([expect.stringContaining("'a'")]);
    });
});

describe('duplicates', () => {
    test('references resolve to the first declaration; the built-in counts as first', async () => {
        const result = await checkText(services, [`
            measure type huisverbod "Eigen huisverbod" { mode drang }
            plan p "P" { household { member a adult } measure m huisverbod { on a by vt from 2026-01-01 } }`, catalogue]);
        const plan = result.document.parseResult.value.declarations.find(isPlan) as Plan;
        const measure = plan.items.find(isMeasure)!;
        expect(measure.type.ref?.title).toBe('Tijdelijk huisverbod');
    });
});
