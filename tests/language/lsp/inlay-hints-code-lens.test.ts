/**
 * Inlay hints (computed ends as the last covered day, checkpoint days, ages) and the code
 * lenses above a plan (coverage, regie today or at the plan start, aftercare, timeline link).
 */

import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { clearDocuments, parseHelper } from 'langium/test';
import type { LangiumDocument } from 'langium';
import type { InlayHint } from 'vscode-languageserver';
import { createTestServices } from '../../helpers.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { parseDate } from '../../../language/model/dates.js';
import { VplanCodeLensProvider, planLensTitles } from '../../../language/lsp/vplan-code-lens.js';
import { planFacts } from '../../../language/analysis/plan-facts.js';
import { isPlan, type VplanFile } from '../../../language/generated/ast.js';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { FULL } from './lsp-fixtures.js';

/** FULL with a second aftercare block after the first: another owner, another period. */
const TWO_AFTERCARE = FULL.replace('        checkpoints 3 months, 12 months\n    }\n', `        checkpoints 3 months, 12 months
    }
    aftercare {
        owner wt_dordt
        from 2026-12-01 for 2 years
        checkpoints 6 months, 2 years
    }
`);

const services = createTestServices();
const parse = parseHelper(services.Vplan);
let opened: LangiumDocument[] = [];

beforeAll(async () => {
    await loadBuiltinCatalogue(services.shared);
});
afterEach(async () => {
    await clearDocuments(services.shared, opened);
    opened = [];
    services.Vplan.config.SettingsProvider.localeOverride = undefined;
});

async function open(text: string): Promise<LangiumDocument> {
    const document = await parse(text);
    opened.push(document);
    return document;
}

async function hints(text: string): Promise<Array<[string, string]>> {
    const document = await open(text);
    const whole = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
    const result = await services.Vplan.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range: whole }) ?? [];
    // Each hint with the text of its line up to the hint, to show where it sits.
    return result.map((hint: InlayHint) => {
        const line = document.textDocument.getText({ start: { line: hint.position.line, character: 0 }, end: hint.position }).trim();
        return [line, String(hint.label)];
    });
}

describe('inlay hints', () => {
    test('ends, default ends, implied regie ends, checkpoints and ages (English)', async () => {
        const result = await hints(FULL);
        expect(result).toEqual(expect.arrayContaining([
            ['member sanne adult born 1989', 'age 37'],
            ['member noor child born 2015', 'age 11'],
            ['phase safety from 2026-01-12 for 7 weeks', 'until 2026-03-01'],
            ['from 2026-01-12', 'until 2026-01-21 (default)'],
            ['extend for 18 days', 'until 2026-02-08'],
            ['from 2026-01-20 for 6 months', 'until 2026-07-19'],
            ['wt_dordt from 2026-02-09', 'until 2027-01-11'],
            ['from 2027-01-12 for 18 months', 'until 2028-07-11'],
            ['checkpoints 3 months', '→ 2027-04-12'],
            ['checkpoints 3 months, 12 months', '→ 2028-01-12']
        ]));
        // A written `to DATE` needs no hint.
        expect(result.some(([line]) => line.endsWith('to 2026-07-12'))).toBe(false);
    });
    test('Dutch labels', async () => {
        services.Vplan.config.SettingsProvider.localeOverride = 'nl';
        const result = await hints(FULL);
        expect(result).toEqual(expect.arrayContaining([
            ['member noor child born 2015', 'leeftijd 11'],
            ['extend for 18 days', 't/m 2026-02-08'],
            ['from 2026-01-12', 't/m 2026-01-21 (standaard)']
        ]));
    });
    test('the plan period and a regie `for`', async () => {
        const result = await hints(`organisation o kind gi\nplan p {\n period 2026-01-01 for 1 year\n regie {\n  o from 2026-01-01 for 2 months\n }\n}`);
        expect(result).toEqual([
            ['period 2026-01-01 for 1 year', 'until 2026-12-31'],
            ['o from 2026-01-01 for 2 months', 'until 2026-02-28']
        ]);
    });
    test('every aftercare block gets its end and its checkpoint days', async () => {
        expect(TWO_AFTERCARE).not.toBe(FULL);
        const result = await hints(TWO_AFTERCARE);
        const inAftercare = ([line]: [string, string]) => line.startsWith('checkpoints') || ['from 2027-01-12 for 18 months', 'from 2026-12-01 for 2 years'].includes(line);
        const aftercare = result.filter(inAftercare);
        expect(aftercare).toEqual([
            ['from 2027-01-12 for 18 months', 'until 2028-07-11'],
            ['checkpoints 3 months', '→ 2027-04-12'],
            ['checkpoints 3 months, 12 months', '→ 2028-01-12'],
            ['from 2026-12-01 for 2 years', 'until 2028-11-30'],
            ['checkpoints 6 months', '→ 2027-06-01'],
            ['checkpoints 6 months, 2 years', '→ 2028-12-01']
        ]);
        // The other hints are those of the plan with one block.
        expect(result.filter(hint => !inAftercare(hint))).toEqual((await hints(FULL)).filter(hint => !inAftercare(hint)));
    });
    test('hints outside the requested range are left out', async () => {
        const document = await open(FULL);
        const result = await services.Vplan.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } }
        });
        expect(result).toEqual([]);
    });
});

describe('code lens', () => {
    async function lenses(todayText: string, locale?: 'nl', text = FULL): Promise<Array<[string, string, unknown]>> {
        services.Vplan.config.SettingsProvider.localeOverride = locale;
        const document = await open(text);
        const provider = services.Vplan.lsp.CodeLensProvider as VplanCodeLensProvider;
        provider.today = () => parseDate(todayText)!;
        const result = await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
        const planLine = document.textDocument.getText().split('\n').findIndex(l => l.startsWith('plan '));
        expect(result.every(lens => lens.range.start.line === planLine)).toBe(true);
        return result.map(lens => [lens.command!.title, lens.command!.command, lens.command!.arguments?.[0]]);
    }
    test('coverage, regie today, aftercare and the timeline link', async () => {
        const result = await lenses('2026-01-20');
        // Only joost (no-action) is covered all along: the others go uncovered for months (VP004), lies is VP003.
        expect(result.map(r => r[0])).toEqual(['covered 1/5', 'regie today: vt_zhz', 'aftercare: 18 months', 'Open timeline']);
        expect(result[3][1]).toBe('vplan.openTimelineToSide');
        expect(String(result[3][2])).toMatch(/^file:\/\/\/.*\.vplan$/);
    });
    test('regie on the plan start when today lies outside the plan, in Dutch', async () => {
        const result = await lenses('2030-05-01', 'nl');
        expect(result.map(r => r[0])).toEqual(['gedekt 1/5', 'regie bij start plan (2026-01-12): vt_zhz', 'nazorg: 18 maanden', 'Tijdlijn openen']);
    });
    test('a member counts as covered when named and covered all along, as VP001–VP004 judge it', async () => {
        const covered = async (text: string) => {
            const document = await open(`${EXAMPLE_CATALOGUE}\n${text}`);
            const plan = (document.parseResult.value as VplanFile).declarations.find(isPlan)!;
            return planLensTitles(planFacts(plan), 'en', parseDate('2026-06-01')!)[0];
        };
        expect(await covered(examplePlan())).toBe('covered 3/3');
        // The help for noor stops after six months: she is uncovered from 2026-08-09 (VP004).
        expect(await covered(examplePlan({ interventions: EXAMPLE_SECTIONS.interventions.replace('from 2026-02-09 for 12 months', 'from 2026-02-09 for 6 months') })))
            .toBe('covered 2/3');
    });
    test('one aftercare lens per block, in source order, each naming its owner', async () => {
        expect((await lenses('2026-01-20', undefined, TWO_AFTERCARE)).map(r => r[0])).toEqual([
            'covered 1/5', 'regie today: vt_zhz', 'aftercare: 18 months (vt_zhz)', 'aftercare: 2 years (wt_dordt)', 'Open timeline'
        ]);
        expect((await lenses('2026-01-20', 'nl', TWO_AFTERCARE)).map(r => r[0]).slice(2, 4)).toEqual(['nazorg: 18 maanden (vt_zhz)', 'nazorg: 2 jaar (wt_dordt)']);
        // A block without a valid period still gets its lens; without any block, one lens says so.
        const undated = TWO_AFTERCARE.replace('from 2026-12-01 for 2 years', 'from 2026-13-01 for 2 years');
        expect((await lenses('2026-01-20', undefined, undated)).map(r => r[0]).slice(2, 4)).toEqual(['aftercare: 18 months (vt_zhz)', 'aftercare: — (wt_dordt)']);
        const none = FULL.replace(/\n {4}aftercare \{[\s\S]*?\n {4}\}\n/, '\n');
        expect(none).not.toBe(FULL);
        expect((await lenses('2026-01-20', undefined, none)).map(r => r[0])).toEqual(['covered 1/5', 'regie today: vt_zhz', 'aftercare: —', 'Open timeline']);
    });
    test('regie after a handover', async () => {
        const result = await lenses('2026-06-01');
        expect(result[1][0]).toBe('regie today: wt_dordt');
    });
});
