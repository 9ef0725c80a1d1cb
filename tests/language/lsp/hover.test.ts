/**
 * Hover: measure types (declaration and reference, built-in and own), members (roles, age,
 * coverage) and organisations (kind, regie periods), the plan's other declarations, dates,
 * durations and value words, in English and Dutch.
 */

import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { clearDocuments, expectHover, parseHelper } from 'langium/test';
import { createTestServices } from '../../helpers.js';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import { FULL, mark } from './lsp-fixtures.js';
import { valueWord } from '../../../language/i18n/phrases.js';
import { text } from '../../../language/i18n/locale.js';
import { VALUE_SETS } from '../../../language/model/vocabulary.js';
import { editorTexts } from '../../../language/lsp/editor-texts.js';

const services = createTestServices();
const hover = expectHover(services.Vplan);
const settings = services.Vplan.config.SettingsProvider;

beforeAll(async () => {
    await loadBuiltinCatalogue(services.shared);
});
afterEach(() => {
    settings.localeOverride = undefined;
});

/** The hover markdown at the `<|>` marker. */
async function hoverText(text: string): Promise<string> {
    const offset = text.indexOf('<|>');
    const document = await parseHelper(services.Vplan)(text.replace('<|>', ''));
    try {
        const result = await services.Vplan.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
        });
        const contents = result?.contents;
        return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
    } finally {
        await clearDocuments(services.shared, [document]);
    }
}

test('expectHover: a measure type reference shows its title', async () => {
    await hover({ text: mark(FULL, 'huisverbod {'), index: 0, hover: /\*\*Measure type\*\* `huisverbod` — Tijdelijk huisverbod/, disposeAfterCheck: true });
});

describe('measure type hover', () => {
    test('a reference to a built-in type shows title, mode, basis, limits, subject, imposed by, regie, source and checked date', async () => {
        const text = await hoverText(mark(FULL, 'huisverbod {'));
        expect(text).toContain('Tijdelijk huisverbod');
        expect(text).toContain('built-in');
        expect(text).toContain('dwang');
        expect(text).toContain('Wet tijdelijk huisverbod');
        expect(text).toMatch(/initial 10 days/);
        expect(text).toMatch(/total max 28 days/);
        expect(text).toContain('Subject: adult');
        expect(text).toContain('burgemeester, politie');
        expect(text).toContain('Regie: veiligthuis');
        expect(text).toContain('https://wetten.overheid.nl/BWBR0020627');
        expect(text).toContain('2026-11-01');
    });
    test('the declaration of an own measure type', async () => {
        const text = await hoverText(`measure type <|>eigen "Eigen maatregel" {\n mode drang\n term max 3 months\n subject minor\n}`);
        expect(text).toContain('Eigen maatregel');
        expect(text).toContain('term max 3 months');
        expect(text).toContain('Subject: minor');
        expect(text).not.toContain('built-in');
    });
    test('in Dutch', async () => {
        settings.localeOverride = 'nl';
        const text = await hoverText(mark(FULL, 'huisverbod {'));
        expect(text).toContain('Maatregeltype');
        expect(text).toContain('eerste termijn 10 dagen');
        expect(text).toContain('max. totaal 28 dagen');
        expect(text).toContain('Opgelegd door');
        // The same words as the timeline: a measure's mode is its *kader*; value words in Dutch.
        expect(text).toContain('- Kader: dwang');
        expect(text).toContain('- Betreft: volwassene');
    });
});

describe('member hover', () => {
    test('shows roles, age at plan start and what covers the member', async () => {
        const text = await hoverText(mark(FULL, 'sanne adult'));
        expect(text).toContain('victim, parent');
        expect(text).toContain('Age at plan start: 37');
        expect(text).toContain('measure `hv` (protects)');
        expect(text).toContain('agreement `contact` (protects)');
        // One item a line under "Covered by:", never one line joined by semicolons.
        const lines = text.split('\n');
        const at = lines.indexOf('- Covered by:');
        expect(at).toBeGreaterThan(0);
        expect(lines.slice(at + 1).filter(line => line.startsWith('  - ')).length).toBeGreaterThanOrEqual(2);
        expect(text).not.toContain('; ');
    });
    test('at a reference, with interventions for the member', async () => {
        const text = await hoverText(mark(FULL, 'mark\n        by ggz_zhz'));
        expect(text).toContain('measure `hv` (on)');
        expect(text).toContain('intervention `daderhulp`');
    });
    test('no-action counts as covered; an uncovered member is marked', async () => {
        expect(await hoverText(mark(FULL, 'joost'))).toContain('no-action');
        expect(await hoverText(mark(FULL, 'lies'))).toContain('**nothing**');
    });
    test('in Dutch', async () => {
        settings.localeOverride = 'nl';
        const text = await hoverText(mark(FULL, 'noor child'));
        expect(text).toContain('Leeftijd bij start plan: 11');
        expect(text).toContain('Gedekt door');
        expect(text).toContain('`noor` (kind)');
        expect(text).toContain('Rollen: getuige');
        expect(text).toContain('maatregel `hv` (beschermd)');
        const sanne = await hoverText(mark(FULL, 'sanne adult'));
        expect(sanne).toContain('Rollen: slachtoffer, ouder');
        expect(sanne).toContain('afspraak `contact` (beschermd)');
        expect(await hoverText(mark(FULL, 'mark\n        by ggz_zhz'))).toContain('maatregel `hv` (opgelegd)');
    });
});

describe('organisation hover', () => {
    test('shows kind and the periods in which regie lies with it (last covered day)', async () => {
        const text = await hoverText(mark(FULL, 'vt_zhz from'));
        expect(text).toContain('Veilig Thuis ZHZ');
        expect(text).toContain('Kind: veiligthuis');
        expect(text).toContain('`fam_test`: 2026-01-12 until 2026-02-08');
    });
    test('an implied regie end runs to the plan end; Dutch uses t/m', async () => {
        settings.localeOverride = 'nl';
        const text = await hoverText(mark(FULL, 'wt_dordt "Wijkteam'));
        expect(text).toContain('2026-02-09 t/m 2027-01-11');
        expect(text).toContain('Soort: wijkteam');
    });
});

describe('hover on dates, durations, value words and every declaration (issue 16)', () => {
    test('a date: weekday, day N of the plan period and the phases running that day', async () => {
        const text = await hoverText(mark(FULL, '2026-01-20 for 6 months'));
        expect(text).toContain('**2026-01-20 (Tuesday)**');
        expect(text).toContain('day 9 of the plan period (of 365)');
        expect(text).toContain('phase: safety');
    });
    test('an end date is the first day no longer covered: the hover names the last covered day', async () => {
        const text = await hoverText(mark(FULL, '2026-02-09 "Casemanagement"'));
        expect(text).toContain('**2026-02-09 (Monday)**');
        expect(text).toContain('the last day is 2026-02-08 (Sunday)');
        expect(text).toContain('day 28 of the plan period');
    });
    test('a date before or after the plan period says how far', async () => {
        const text = await hoverText(mark(FULL, '2027-01-12 for 18 months'));
        expect(text).toContain('1 day after the plan period');
        expect(text).toContain('in no phase');
    });
    test('a duration: the last covered day it gives, with weekday and plan day', async () => {
        const text = await hoverText(mark(FULL, '7 weeks'));
        expect(text).toContain('**7 weeks**');
        expect(text).toContain('ends after 2026-03-01 (Sunday)');
        expect(text).toContain('day 49 of the plan period');
        const checkpoint = await hoverText(mark(FULL, '3 months, 12 months'));
        expect(checkpoint).toContain('falls on 2027-04-12 (Monday)');
    });
    test('in Dutch', async () => {
        settings.localeOverride = 'nl';
        const text = await hoverText(mark(FULL, '2026-01-20 for 6 months'));
        expect(text).toContain('**2026-01-20 (dinsdag)**');
        expect(text).toContain('dag 9 van de planperiode (van 365)');
        expect(text).toContain(`fase: ${valueWord('phaseKind', 'safety', 'nl')}`);
        expect(await hoverText(mark(FULL, '6 months'))).toContain('loopt t/m 2026-07-19 (zondag)');
    });
    test('a value word: its value set, and what drang means', async () => {
        const text = await hoverText(mark(FULL, 'drang\n'));
        expect(text).toContain('**drang**');
        expect(text).toContain('a value of framework: voluntary, drang, dwang');
        expect(text).toContain('help under pressure');
        expect(await hoverText(mark(FULL, 'victim'))).toContain('a value of role');
    });
    test('a risk, a measure, an intervention, an agreement, a supporter and the plan, at a reference or the declaration', async () => {
        const risk = await hoverText(mark(FULL, 'geweld\n'));
        expect(risk).toContain('**Risk** `geweld` — Partnergeweld');
        expect(risk).toContain('Severity: high');
        expect(risk).toContain('Posed by: `mark`');
        const measure = await hoverText(mark(FULL, 'hv huisverbod'));
        expect(measure).toContain('**Measure** `hv`');
        expect(measure).toContain('`huisverbod` — Tijdelijk huisverbod');
        expect(measure).toContain('By: `bm_dordt`');
        const intervention = await hoverText(mark(FULL, 'daderhulp "Daderhulp"'));
        expect(intervention).toContain('**Intervention** `daderhulp` — Daderhulp');
        expect(intervention).toContain('2026-01-20 until 2026-07-19');
        expect(intervention).toContain('Framework: drang');
        const agreement = await hoverText(mark(FULL, 'contact "Contact"'));
        expect(agreement).toContain('Checked by: `vt_zhz`');
        expect(await hoverText(mark(FULL, 'oma "Oma"'))).toContain('Supports: `sanne`, `noor`');
        const plan = await hoverText(mark(FULL, 'fam_test'));
        expect(plan).toContain('**Plan** `fam_test` — Veiligheidsplan test');
        expect(plan).toContain('2026-01-12 until 2027-01-11');
    });
});

describe('value words name their value set in plain words, in English as in Dutch', () => {
    const words = `${FULL}plan ander "Ander" {
    period 2026-01-12 to 2027-01-12
    household {
        member kim adult roles victim
    }
    intervention hulp "Hulp" {
        for kim
        by ggz_zhz
        from 2026-01-20 for 6 months
        framework voluntary
        ended 2026-03-01 dropout
    }
    meeting 2026-02-01 "Overleg" {
        client kim heard
    }
}
measure type eigen "Eigen" {
    mode drang
    subject minor
    regie wijkteam
}
`;

    test('every value set the hover can show, in English', async () => {
        expect(await hoverText(mark(words, 'adult roles victim\n    }\n    intervention hulp'))).toContain('a value of member kind: adult, child');
        expect(await hoverText(mark(FULL, 'safety from'))).toContain('a value of phase: safety, stability, recovery');
        expect(await hoverText(mark(words, 'heard'))).toContain('a value of client mode: invited, present, heard, informed');
        expect(await hoverText(mark(words, 'dropout'))).toContain('a value of reason for ending: completed, dropout, referred');
        expect(await hoverText(mark(FULL, 'veiligthuis'))).toContain('a value of organisation kind: veiligthuis,');
        expect(await hoverText(mark(words, 'wijkteam\n}'))).toContain('a value of organisation kind: veiligthuis,');
        expect(await hoverText(mark(FULL, 'active'))).toContain('a value of status: draft, active, closed');
        expect(await hoverText(mark(FULL, 'high'))).toContain('a value of severity:');
        expect(await hoverText(mark(FULL, 'dynamic'))).toContain('a value of nature:');
        expect(await hoverText(mark(FULL, 'safety\n'))).toContain('a value of domain:');
        expect(await hoverText(mark(words, 'minor'))).toContain('a value of subject: adult, minor, any');
        expect(await hoverText(mark(words, 'drang\n    subject'))).toContain('a value of mode: dwang, drang');
    });

    test('no English or Dutch name of a value set is its name in the code', () => {
        for (const set of Object.keys(VALUE_SETS)) {
            for (const locale of ['en', 'nl'] as const) {
                const name = text(editorTexts.valueSet, { set }, locale);
                expect(name, `${set} (${locale})`).toMatch(/^[a-zë ]+$/);
            }
        }
    });

    test('in Dutch', async () => {
        settings.localeOverride = 'nl';
        expect(await hoverText(mark(FULL, 'safety from'))).toContain('een waarde van fase: safety, stability, recovery');
        expect(await hoverText(mark(words, 'heard'))).toContain('een waarde van manier van deelname');
    });
});
