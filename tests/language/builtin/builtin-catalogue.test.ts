/** The built-in catalogue (spec section 6) is valid vplan and holds exactly the specified types. */

import { describe, expect, test } from 'vitest';
import { BUILTIN_CATALOGUE } from '../../../language/builtin/catalogue.js';
import { isMeasureType, isSourceItem, isCheckedItem, type MeasureType } from '../../../language/generated/ast.js';
import { measureTypeView } from '../../../language/model/declaration-views.js';
import { checkText, createTestServices } from '../../helpers.js';

const services = createTestServices();

const expected: Record<string, { title: string; mode: string; limits: string; subject: string; imposedBy: string[]; regie?: string; requires?: string[] }> = {
    huisverbod: { title: 'Tijdelijk huisverbod', mode: 'dwang', limits: 'initial 10 day; total 28 day', subject: 'adult', imposedBy: ['burgemeester', 'politie'], regie: 'veiligthuis' },
    ots: { title: 'Ondertoezichtstelling', mode: 'dwang', limits: 'term 1 year', subject: 'minor', imposedBy: ['rechter'], regie: 'gi' },
    voorlopige_ots: { title: 'Voorlopige ondertoezichtstelling', mode: 'dwang', limits: 'term 3 month', subject: 'minor', imposedBy: ['rechter'], regie: 'gi' },
    uithuisplaatsing: { title: 'Machtiging uithuisplaatsing', mode: 'dwang', limits: 'term 1 year', subject: 'minor', imposedBy: ['rechter'], regie: 'gi', requires: ['ots', 'voorlopige_ots'] },
    vrijheidsbeperking_38v: { title: 'Vrijheidsbeperkende maatregel (art. 38v Sr)', mode: 'dwang', limits: 'total 5 year', subject: 'any', imposedBy: ['rechter'], regie: 'reclassering' },
    gedragsaanwijzing: { title: 'Gedragsaanwijzing OvJ (art. 509hh Sv)', mode: 'dwang', limits: 'term 90 day', subject: 'any', imposedBy: ['om'] },
    reclasseringstoezicht: { title: 'Voorwaardelijke straf met bijzondere voorwaarden', mode: 'dwang', limits: 'total 3 year', subject: 'adult', imposedBy: ['rechter'], regie: 'reclassering' },
    crisismaatregel: { title: 'Crisismaatregel Wvggz', mode: 'dwang', limits: 'term 3 day', subject: 'any', imposedBy: ['burgemeester'] },
    zorgmachtiging: { title: 'Zorgmachtiging Wvggz', mode: 'dwang', limits: 'term 12 month', subject: 'any', imposedBy: ['rechter'] },
    toezicht_begeleiding: { title: 'Jeugdreclassering, Toezicht en begeleiding', mode: 'dwang', limits: 'total 2 year', subject: 'minor', imposedBy: ['om', 'rechter'], regie: 'jeugdreclassering' },
    voorwaardelijk_sepot: { title: 'Voorwaardelijk sepot', mode: 'drang', limits: '', subject: 'any', imposedBy: ['om'] },
    vt_voorwaarden: { title: 'Veilig Thuis: voorwaarden en vervolg', mode: 'drang', limits: '', subject: 'any', imposedBy: ['veiligthuis'], regie: 'veiligthuis' }
};

describe('built-in catalogue', () => {
    test('parses and validates without any diagnostic', async () => {
        const result = await checkText(services, BUILTIN_CATALOGUE.replace(/measure type (\w+)/g, 'measure type copy_$1'));
        expect(result.diagnostics).toEqual([]);
    });

    test('holds exactly the types of spec section 6 with their limits', async () => {
        const result = await checkText(services, BUILTIN_CATALOGUE.replace(/measure type (\w+)/g, 'measure type copy_$1'));
        const types = result.document.parseResult.value.declarations.filter(isMeasureType) as MeasureType[];
        expect(types.map(t => t.name.replace('copy_', '')).sort()).toEqual(Object.keys(expected).sort());
        for (const type of types) {
            const info = measureTypeView(type);
            const want = expected[type.name.replace('copy_', '')];
            const limits = [
                info.initial && `initial ${info.initial.amount} ${info.initial.unit}`,
                info.termMax && `term ${info.termMax.amount} ${info.termMax.unit}`,
                info.totalMax && `total ${info.totalMax.amount} ${info.totalMax.unit}`
            ].filter(Boolean).join('; ');
            expect({ title: info.title, mode: info.mode, limits, subject: info.subject, imposedBy: info.imposedBy, regie: info.regie, requires: info.requires }, type.name)
                .toEqual({ ...want, regie: want.regie, requires: want.requires ?? [] });
            expect(info.basis, `${type.name} basis`).toBeTruthy();
            expect(type.items.find(isSourceItem)?.text, `${type.name} source`).toMatch(/^https:\/\//);
            expect(type.items.find(isCheckedItem)?.date, `${type.name} checked`).toBeDefined();
        }
    });
});
