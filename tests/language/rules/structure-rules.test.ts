/** Structure rules (language/rules/structure-rules.ts): VP005 (required and once-only items) and VP080 (unique names). */

import { readFileSync } from 'node:fs';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { loadBuiltinCatalogue } from '../../../language/workspace/builtin-documents.js';
import type { VplanFile } from '../../../language/generated/ast.js';
import type { Locale } from '../../../language/i18n/locale.js';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { structureRules } from '../../../language/rules/structure-rules.js';
import { checkText, createTestServices, type CheckResult } from '../../helpers.js';
import { checkPlan, exampleCodes, lineOf, quickFixes, withCode } from './rule-test-support.js';

const services = createTestServices();

/** Checks a text together with the example catalogue (organisations of every kind the plan names). */
const check = (text: string, locale?: Locale): Promise<CheckResult> => checkPlan(text, { locale });

const indent = (text: string) => text.split('\n').map(line => (line ? `    ${line}` : line)).join('\n');
/** The example plan with items added at its end. */
const withItems = (...items: string[]) => examplePlan({ extra: indent(items.join('\n')) });
/** A block: `head {` with its items on the following lines. */
const block = (head: string, ...items: string[]) => `${head} {\n${items.map(item => `    ${item}`).join('\n')}\n}`;
const household = (...members: string[]) => `    household {\n${members.map(member => `        ${member}`).join('\n')}\n    }`;
const EXAMPLE_MEMBERS = ['member sanne adult born 1989 roles victim, parent', 'member mark adult born 1986 roles perpetrator, parent', 'member noor child born 2015 roles witness'];
const PLAN_HEAD = 'plan vermeer_2026 "Veiligheidsplan gezin Vermeer"';

/** 0-based line of the first line holding `needle` after the line holding `anchor`. */
const lineAfter = (text: string, anchor: string, needle: string) => {
    const start = lineOf(text, anchor);
    return start + 1 + text.split('\n').slice(start + 1).findIndex(line => line.includes(needle));
};
const lines = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.range.start.line).sort((a, b) => a - b);
const messages = (diagnostics: Diagnostic[]) => diagnostics.map(d => String(d.message));

/** Validates several files with fixed URIs (global names are ordered by URI) and returns each file's diagnostics. */
async function checkFiles(files: Record<string, string>, locale?: Locale): Promise<Record<string, Diagnostic[]>> {
    await loadBuiltinCatalogue(services.shared);
    services.Vplan.config.SettingsProvider.localeOverride = locale;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = factory.fromString<VplanFile>(text, URI.parse(`file:///structure/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    try {
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return Object.fromEntries(documents.map(d => [d.uri.path.split('/').pop()!, d.diagnostics ?? []]));
    } finally {
        await clearDocuments(services.shared, documents);
        services.Vplan.config.SettingsProvider.localeOverride = undefined;
    }
}

describe('the example plan and the docs examples', () => {
    test('the example plan has no diagnostic at all; the spec example has no VP005 and no VP080', async () => {
        expect((await check(examplePlan())).codes).toEqual([]);
        const spec = readFileSync(new URL('../../fixtures/spec-example.vplan', import.meta.url), 'utf8');
        const codes = (await checkText(services, spec)).codes;
        expect(codes).not.toContain('VP005');
        expect(codes).not.toContain('VP080');
    });

    test.each(structureRules.rules.map(rule => [rule.code, rule] as const))('the docs example of %s shows that rule and nothing else', async (code, rule) => {
        const codes = await exampleCodes(rule);
        expect(codes.length).toBeGreaterThan(0);
        expect(codes.every(c => c === code)).toBe(true);
    });
});

describe('VP005 required items', () => {
    test('offers no quick fix (the fix is the author\'s: which item, which title)', async () => {
        expect((await quickFixes(withItems(block('risk r "Risico"', 'severity low', 'nature static', 'affects sanne')), 'VP005')).actions).toEqual([]);
    });

    describe('on the plan itself', () => {
        test.each([
            ['status', '    period 2026-01-12 to 2027-01-12', 'status draft|active|closed'],
            ['period', '    status active', 'period YYYY-MM-DD to YYYY-MM-DD']
        ])('a missing %s is VP005 on the plan name', async (item, header, template) => {
            const text = examplePlan({ header });
            const result = await check(text);
            const found = withCode(result, 'VP005');
            expect(found).toHaveLength(1);
            expect(found[0].severity).toBe(DiagnosticSeverity.Error);
            expect(found[0].range.start.line).toBe(lineOf(text, 'plan vermeer_2026'));
            expect(found[0].message).toContain(`\`${item}\``);
            expect(found[0].message).toContain(template);
            expect(result.codes).not.toContain('VP000');
        });

        test('a missing household is VP005 (and no VP000)', async () => {
            const result = await check(examplePlan({ household: '' }));
            expect(messages(withCode(result, 'VP005'))).toEqual([expect.stringContaining('`household`')]);
            expect(result.codes).not.toContain('VP000');
        });

        test('a household without members is VP005 on the household', async () => {
            const text = examplePlan({ household: '    household {\n    }' });
            const result = await check(text);
            const found = withCode(result, 'VP005');
            expect(found).toHaveLength(1);
            expect(found[0].range.start.line).toBe(lineOf(text, 'household {'));
            expect(found[0].message).toContain('no members');
            expect(result.codes).not.toContain('VP000');
        });

        test('a second status is VP005 on the second, naming the line of the first', async () => {
            const text = examplePlan({ header: `${EXAMPLE_SECTIONS.header}\n    status closed` });
            const result = await check(text);
            expect(result.codes).toEqual(['VP005']);
            const [found] = withCode(result, 'VP005');
            expect(found.range.start.line).toBe(lineOf(text, 'status closed'));
            expect(found.message).toContain(`line ${lineOf(text, 'status active') + 1}`);
        });

        test('a second period is VP005 on the second', async () => {
            const text = examplePlan({ header: `${EXAMPLE_SECTIONS.header}\n    period 2026-01-12 to 2027-06-12` });
            const result = await check(text);
            expect(result.codes).toEqual(['VP005']);
            expect(lines(withCode(result, 'VP005'))).toEqual([lineOf(text, '2027-06-12')]);
        });

        test('a second household is VP005 on the second', async () => {
            const text = examplePlan({ extra: household('member zus adult no-action "n.v.t."') });
            const result = await check(text);
            expect(result.codes).toEqual(['VP005']);
            expect(lines(withCode(result, 'VP005'))).toEqual([lineOf(text, 'household {', 2)]);
        });

        test('a plan period with only a start is VP005 with a suggested end one year on', async () => {
            const text = examplePlan({ header: '    status active\n    period 2026-01-31' });
            const result = await check(text);
            const found = withCode(result, 'VP005');
            expect(found).toHaveLength(1);
            expect(found[0].range.start.line).toBe(lineOf(text, 'period 2026-01-31'));
            expect(found[0].message).toBe('The plan period starts on 2026-01-31 but has no end; add its end, e.g. `to 2027-01-31` or `for 12 months` (the end date itself is not included).');
            expect(result.codes).not.toContain('VP000');
        });

        test('a plan without a title is VP005 and nothing else', async () => {
            const result = await check(examplePlan().replace(PLAN_HEAD, 'plan vermeer_2026'));
            expect(result.codes).toEqual(['VP005']);
            expect(messages(withCode(result, 'VP005'))).toEqual([expect.stringContaining('no title')]);
        });

        test('repeatable sections (network, regie, evaluations) are fine', async () => {
            const text = withItems(block('network', 'supporter buur "Buurvrouw" supports sanne'), 'regie {\n}', 'evaluation 2026-04-01', 'evaluation 2026-07-01 "Tweede evaluatie"');
            expect((await check(text)).codes).toEqual([]);
        });

        test('items of a construct may come in any order; extend, signal and client repeat', async () => {
            const text = examplePlan({
                measures: indent(block('measure hv huisverbod', 'extend for 18 days', 'from 2026-01-12', 'protects sanne, noor', 'by burgemeester_dordrecht', 'on mark')),
                aftercare: indent(block('aftercare', 'signal "a"', 'checkpoints 3 months, 6 months, 12 months, 18 months', 'signal "b"', 'from 2027-01-12 for 18 months', 'owner wijkteam_dordrecht')),
                meetings: indent(block('meeting 2026-01-15 "Casusoverleg ZVH"', 'client noor heard', 'chair zvh_zhz', 'client sanne present',
                    'participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz', 'client mark invited'))
            });
            expect((await check(text)).codes).toEqual([]);
        });
    });

    describe('on members, supporters and phases', () => {
        test('a child without a birth year is VP005 on the member, and only that', async () => {
            const text = examplePlan({ household: household(EXAMPLE_MEMBERS[0], EXAMPLE_MEMBERS[1], 'member noor child roles witness') });
            const result = await check(text);
            expect(result.codes).toEqual(['VP005']);
            const [found] = withCode(result, 'VP005');
            expect(found.range.start.line).toBe(lineOf(text, 'member noor'));
            expect(found.message).toContain('born YYYY');
        });

        test('an adult without a birth year is fine', async () => {
            const text = examplePlan({ household: household('member sanne adult roles victim, parent', 'member mark adult roles perpetrator, parent', EXAMPLE_MEMBERS[2]) });
            expect((await check(text)).codes).toEqual([]);
        });

        test('a supporter without a title is VP005 on the supporter', async () => {
            const text = examplePlan({ network: indent(block('network', 'supporter oma supports sanne, noor aware')) });
            const result = await check(text);
            expect(result.codes).toEqual(['VP005']);
            expect(lines(withCode(result, 'VP005'))).toEqual([lineOf(text, 'supporter oma')]);
        });

        test('a phase with only a start is VP005 with a suggested end one month on; with an end it is fine', async () => {
            const text = examplePlan({ phases: EXAMPLE_SECTIONS.phases.replace('phase recovery from 2026-09-01 to 2027-01-12', 'phase recovery from 2026-09-01') });
            const result = await check(text);
            expect(result.codes).toEqual(['VP005']);
            const [found] = withCode(result, 'VP005');
            expect(found.range.start.line).toBe(lineOf(text, 'phase recovery'));
            expect(found.message).toContain('2026-09-01');
            expect(found.message).toContain('to 2026-10-01');
            expect(found.message).toContain('for 1 month`');
        });
    });

    describe('in risks, measures, interventions, agreements, aftercare and meetings', () => {
        test('a risk without its four items gets four VP005 on its name', async () => {
            const text = withItems(block('risk r "Risico"', 'posed by mark'));
            const found = withCode(await check(text), 'VP005');
            expect(found).toHaveLength(4);
            expect(found.every(d => d.range.start.line === lineOf(text, 'risk r'))).toBe(true);
            for (const item of ['severity', 'nature', 'domain', 'affects']) {
                expect(found.some(d => String(d.message).includes(`\`${item}\``))).toBe(true);
            }
        });

        test.each(['severity low', 'nature static', 'domain social', 'affects sanne'])('a risk without `%s` is VP005 and nothing else', async missing => {
            const items = ['severity low', 'nature static', 'domain social', 'affects sanne', 'posed by mark'].filter(item => item !== missing);
            expect((await check(withItems(block('risk r2 "Risico"', ...items)))).codes).toEqual(['VP005']);
        });

        test('a risk with a title and all items is fine; `posed by` twice is VP005 on the repeat', async () => {
            const complete = ['severity low', 'nature static', 'domain social', 'affects household', 'posed by mark'];
            expect((await check(withItems(block('risk r "Risico"', ...complete)))).codes).toEqual([]);
            const text = withItems(block('risk r "Risico"', ...complete, 'posed by sanne'));
            const result = await check(text);
            expect(result.codes).toEqual(['VP005']);
            expect(lines(withCode(result, 'VP005'))).toEqual([lineOf(text, 'posed by sanne')]);
        });

        test('a measure without on, by and from gets three VP005 on its name', async () => {
            const text = withItems(block('measure hv2 huisverbod', 'protects sanne'));
            const found = withCode(await check(text), 'VP005');
            expect(found.map(d => String(d.message).match(/`([a-z ]+)`/)?.[1]).sort()).toEqual(['by', 'from', 'on']);
            expect(found.every(d => d.range.start.line === lineOf(text, 'measure hv2'))).toBe(true);
        });

        const MEASURE_ITEMS = ['on mark', 'by burgemeester_dordrecht', 'from 2026-01-12 for 10 days'];
        test.each(['on', 'by', 'from'])('a measure without `%s` is VP005 (no VP000)', async missing => {
            const result = await check(examplePlan({ measures: indent(block('measure hv huisverbod', ...MEASURE_ITEMS.filter(item => !item.startsWith(missing)), 'protects sanne, noor')) }));
            expect(result.codes).toContain('VP005');
            expect(result.codes).not.toContain('VP000');
        });

        test('a measure may repeat `extend` and omit the end of its first term', async () => {
            const text = examplePlan({ measures: indent(block('measure hv huisverbod', 'on mark', 'protects sanne, noor', 'by burgemeester_dordrecht', 'from 2026-01-12', 'extend for 8 days', 'extend for 10 days')) });
            expect((await check(text)).codes).toEqual([]);
        });

        test.each([
            ['`by`', ['by burgemeester_dordrecht', 'by politie_zhz'], 'by politie_zhz'],
            ['`from`', ['by burgemeester_dordrecht', 'from 2026-01-12 for 10 days', 'from 2026-01-22 for 18 days'], 'from 2026-01-22']
        ])('a measure with %s twice is VP005 on the repeat', async (_label, items, repeat) => {
            const text = examplePlan({ measures: indent(block('measure hv huisverbod', 'on mark', 'protects sanne, noor', ...items, ...(items.some(i => i.startsWith('from')) ? [] : ['from 2026-01-12 for 28 days']))) });
            const found = withCode(await check(text), 'VP005');
            expect(found).toHaveLength(1);
            expect(found[0].range.start.line).toBe(lineAfter(text, 'measure hv', repeat));
        });

        test('an intervention needs for, by and a period with an end', async () => {
            const text = withItems(block('intervention h "Hulp"', 'from 2026-02-01'));
            const found = withCode(await check(text), 'VP005');
            expect(found).toHaveLength(3);
            expect(found.filter(d => d.range.start.line === lineOf(text, 'intervention h'))).toHaveLength(2);
            const noEnd = found.find(d => d.range.start.line === lineOf(text, 'from 2026-02-01'));
            expect(noEnd?.message).toContain('no end');
        });

        test.each([
            ['for', 'by ggz_zhz\nfrom 2026-02-01 for 3 months'],
            ['by', 'for sanne\nfrom 2026-02-01 for 3 months'],
            ['a period', 'for sanne\nby ggz_zhz'],
            ['an end (`from DATE` alone)', 'for sanne\nby ggz_zhz\nfrom 2026-02-01']
        ])('an intervention without %s is VP005 (no VP000)', async (_label, items) => {
            const result = await check(withItems(block('intervention h2 "Hulp"', ...items.split('\n'))));
            expect(result.codes).toContain('VP005');
            expect(result.codes).not.toContain('VP000');
        });

        test('an intervention with framework twice is VP005 on the repeat; without a title too', async () => {
            const text = withItems(block('intervention h', 'for sanne', 'by ggz_zhz', 'from 2026-02-01 for 3 months', 'framework voluntary', 'framework drang'));
            const found = withCode(await check(text), 'VP005');
            expect(found).toHaveLength(2);
            expect(found.some(d => String(d.message).includes('no title'))).toBe(true);
            expect(found.some(d => d.range.start.line === lineAfter(text, 'intervention h', 'framework drang'))).toBe(true);
        });

        test('an agreement needs by, protects and checked by; `from` alone lacks its end', async () => {
            const text = withItems(block('agreement a2 "Afspraak 2"', 'from 2026-02-01'));
            const found = withCode(await check(text), 'VP005');
            expect(found).toHaveLength(4);
            for (const item of ['by', 'protects', 'checked by']) {
                expect(found.some(d => String(d.message).includes(`no \`${item}\``) && d.range.start.line === lineOf(text, 'agreement a2'))).toBe(true);
            }
            expect(found.some(d => String(d.message).includes('no end') && d.range.start.line === lineAfter(text, 'agreement a2', 'from 2026-02-01'))).toBe(true);
        });

        test.each([
            ['by', 'protects sanne\nchecked by veiligthuis_zhz'],
            ['protects', 'by mark\nchecked by veiligthuis_zhz'],
            ['checked by', 'by mark\nprotects sanne'],
            ['an end (`from DATE` alone)', 'by mark\nprotects sanne\nchecked by veiligthuis_zhz\nfrom 2026-02-01']
        ])('an agreement without %s is VP005 (no VP000)', async (_label, items) => {
            const result = await check(withItems(block('agreement a2 "Afspraak"', ...items.split('\n'))));
            expect(result.codes).toContain('VP005');
            expect(result.codes).not.toContain('VP000');
        });

        test('an agreement without a period is fine (it holds for the whole plan), also made and checked by a supporter', async () => {
            expect((await check(withItems(block('agreement a2 "Oma haalt op"', 'by oma', 'protects noor', 'checked by oma')))).codes).toEqual([]);
        });

        test('aftercare: signals repeat, owner and escalate twice are VP005 on the repeat, a missing owner is not VP005 (VP021)', async () => {
            const text = examplePlan({
                aftercare: indent(block('aftercare', 'owner wijkteam_dordrecht', 'owner veiligthuis_zhz', 'from 2027-01-12 for 18 months', 'checkpoints 3 months, 6 months, 12 months, 18 months',
                    'signal "a"', 'signal "b"', 'escalate "x"', 'escalate "y"'))
            });
            const result = await check(text);
            expect(result.codes).toEqual(['VP005', 'VP005']);
            expect(lines(withCode(result, 'VP005'))).toEqual([lineOf(text, 'owner veiligthuis_zhz'), lineOf(text, 'escalate "y"')]);
            const missing = await check(examplePlan({ aftercare: indent(block('aftercare', 'from 2027-01-12 for 18 months', 'checkpoints 3 months')) }));
            expect(missing.codes).not.toContain('VP005');
        });

        test('every aftercare block is checked for repeats, not only the first', async () => {
            const text = withItems(block('aftercare', 'owner wijkteam_dordrecht', 'owner veiligthuis_zhz', 'from 2027-01-12 for 18 months', 'checkpoints 3 months'));
            const found = withCode(await check(text), 'VP005');
            expect(lines(found)).toEqual([lineOf(text, 'owner veiligthuis_zhz')]);
        });

        test('a meeting needs a title; clients repeat, chair does not', async () => {
            const text = withItems(block('meeting 2026-02-01', 'chair veiligthuis_zhz', 'chair zvh_zhz', 'client sanne present', 'client mark invited'));
            const found = withCode(await check(text), 'VP005');
            expect(found).toHaveLength(2);
            expect(found.some(d => String(d.message).includes('no title') && d.range.start.line === lineOf(text, 'meeting 2026-02-01'))).toBe(true);
            expect(found.some(d => d.range.start.line === lineAfter(text, 'meeting 2026-02-01', 'chair zvh_zhz'))).toBe(true);
        });

        test.each([
            ['a risk', block('risk r2', 'severity low', 'nature static', 'domain social', 'affects sanne')],
            ['an intervention', block('intervention h2', 'for sanne', 'by ggz_zhz', 'from 2026-02-01 for 3 months')],
            ['an agreement', block('agreement a2', 'by mark', 'protects sanne', 'checked by veiligthuis_zhz')],
            ['a meeting', block('meeting 2026-02-01', 'client sanne present')]
        ])('%s without a title is VP005 and nothing else', async (_label, construct) => {
            expect((await check(withItems(construct))).codes).toEqual(['VP005']);
        });

        test('an evaluation needs no title', async () => {
            expect((await check(withItems('evaluation 2026-06-01'))).codes).toEqual([]);
        });

        test.each([
            ['an intervention with two frameworks', block('intervention h2 "Hulp"', 'for sanne', 'by ggz_zhz', 'from 2026-02-01 for 3 months', 'framework drang', 'framework dwang')],
            ['a risk with two severities', block('risk r2 "R"', 'severity low', 'severity high', 'nature static', 'domain social', 'affects sanne')],
            ['a meeting with two chairs', block('meeting 2026-02-01 "Overleg"', 'chair zvh_zhz', 'chair veiligthuis_zhz', 'client sanne present')]
        ])('%s is VP005 (no VP000)', async (_label, construct) => {
            const result = await check(withItems(construct));
            expect(result.codes).toContain('VP005');
            expect(result.codes).not.toContain('VP000');
        });
    });

    describe('on organisations and measure types (a file check)', () => {
        test('an organisation without a kind or a title is VP005 on its name', async () => {
            const text = 'organisation a "A"\norganisation b kind wijkteam';
            const found = withCode(await check(text), 'VP005');
            expect(found).toHaveLength(2);
            expect(found.find(d => d.range.start.line === 0)?.message).toContain('`kind`');
            expect(found.find(d => d.range.start.line === 1)?.message).toContain('no title');
        });

        test('a measure type needs a mode and a title; other items appear at most once', async () => {
            const text = 'measure type regionale_drang {\n    basis "x"\n    basis "y"\n}';
            const found = withCode(await check(text), 'VP005');
            expect(found).toHaveLength(3);
            expect(found.some(d => String(d.message).includes('`mode`'))).toBe(true);
            expect(found.some(d => String(d.message).includes('no title'))).toBe(true);
            expect(found.some(d => d.range.start.line === 2)).toBe(true);
        });

        test.each([
            'organisation x kind wijkteam',
            'organisation x "X"',
            'measure type t {\n    mode drang\n}',
            'measure type t "T" {\n    basis "b"\n}',
            'measure type t "T" {\n    mode drang\n    mode dwang\n}'
        ])('`%s` is one VP005 and nothing else', async text => {
            expect((await check(text)).codes).toEqual(['VP005']);
        });

        test('a complete measure type is fine', async () => {
            expect((await check('measure type regionale_drang "Regionale drang" {\n    mode drang\n    total max 6 months\n}')).codes).toEqual([]);
        });
    });

    describe('cascades of syntax errors', () => {
        test('a risk whose item does not parse gets VP000, not a VP005 for the item the parser dropped (missing)', async () => {
            const result = await check(withItems(block('risk r "Risico"', 'severity', 'nature dynamic', 'domain safety', 'affects sanne')));
            expect(result.codes).toContain('VP000');
            expect(withCode(result, 'VP005')).toHaveLength(0);
        });

        test('an organisation whose kind does not parse gets VP000, not a VP005 for the missing kind', async () => {
            expect((await check('organisation x "X" knd wijkteam')).codes).toEqual(['VP000']);
        });

        test('a construct whose text holds a syntax error gets no VP005 for its title', async () => {
            const result = await check(withItems(block('risk r2', 'severity', 'nature static', 'domain social', 'affects sanne')));
            expect(result.codes).toEqual(['VP000']);
        });

        test('`period D tot E` and `phase ... tot E`: no VP005 for the missing end', async () => {
            expect((await check(examplePlan({ header: '    status active\n    period 2026-01-12 tot 2027-01-12' }))).codes.filter(c => c !== 'VP000')).toEqual([]);
            const phases = EXAMPLE_SECTIONS.phases.replace('phase recovery from 2026-09-01 to 2027-01-12', 'phase recovery from 2026-09-01 tot 2027-01-12');
            expect((await check(examplePlan({ phases }))).codes.filter(c => c !== 'VP000')).toEqual([]);
        });

        test('a member line with a syntax error gets no VP005 for its birth year', async () => {
            const result = await check(examplePlan({ household: household(EXAMPLE_MEMBERS[0], EXAMPLE_MEMBERS[1], 'member noor child bron 2015 roles witness') }));
            expect(result.codes).toContain('VP000');
            expect(result.codes).not.toContain('VP005');
        });

        test('a household whose only member line does not parse gets no VP005 for having no members', async () => {
            const result = await check(examplePlan({ household: household('membr sanne adult born 1989 roles victim, parent') }));
            expect(result.codes).toContain('VP000');
            expect(result.codes).not.toContain('VP005');
        });

        test('a repeated item after a syntax error on its line is silent', async () => {
            const text = examplePlan({ risks: EXAMPLE_SECTIONS.risks.replace('        posed by mark', '        posed by mark\n        ernst severity low') });
            const result = await check(text);
            expect(result.codes).toContain('VP000');
            expect(result.codes).not.toContain('VP005');
        });

        test('`staus active`: no VP005 for the status the parser dropped at plan level', async () => {
            const result = await check(examplePlan({ header: '    staus active\n    period 2026-01-12 to 2027-01-12' }));
            expect(result.codes).toContain('VP000');
            expect(result.codes.filter(c => c !== 'VP000')).toEqual([]);
        });

        test('a typo elsewhere in the plan does not hide a missing status', async () => {
            const text = examplePlan({ header: '    period 2026-01-12 to 2027-01-12', extra: indent(block('risk r "Risico"', 'severity', 'nature dynamic', 'domain safety', 'affects sanne')) });
            expect(messages(withCode(await check(text), 'VP005'))).toEqual([expect.stringContaining('`status`')]);
        });
    });
});

describe('VP080 unique names', () => {
    test('a name that recovery made of a broken line is VP000 only, not also a duplicate', async () => {
        const broken = await checkText(createTestServices(), 'organisation a-b "X" kind other\norganisation 9a "Y" kind other\n');
        expect(broken.codes.filter(code => code !== 'VP000')).toEqual([]);
        // The same names on clean lines are a duplicate.
        const clean = await checkText(createTestServices(), 'organisation a "X" kind other\norganisation a "Y" kind other\n');
        expect(clean.codes).toEqual(['VP080']);
        // In a plan too: `member 9noor` on a broken line is not a second `noor`.
        const inPlan = await check(examplePlan({ household: household(...EXAMPLE_MEMBERS, 'member 9noor child born 2019 roles witness') }));
        expect(inPlan.codes.filter(code => code === 'VP080')).toEqual([]);
    });

    test('offers no quick fix (the new name is the author\'s)', async () => {
        expect((await quickFixes(withItems(block('risk sanne "Risico"', 'severity low', 'nature static', 'domain safety', 'affects household')), 'VP080')).actions).toEqual([]);
    });

    test('a plan-level name used twice is VP080 on the later one, naming the line and kind of the first', async () => {
        const text = withItems(block('risk sanne "Risico"', 'severity low', 'nature static', 'domain safety', 'affects household'));
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
        const [found] = withCode(result, 'VP080');
        expect(found.severity).toBe(DiagnosticSeverity.Error);
        expect(found.range.start.line).toBe(lineOf(text, 'risk sanne'));
        expect(found.message).toBe(`The name 'sanne' is already used by a member declared on line ${lineOf(text, 'member sanne') + 1}; ` +
            "names must be unique, and references to 'sanne' go to that first one. Rename this risk.");
    });

    test('the first declaration gets the right article: "an intervention", "an agreement"', async () => {
        const text = withItems(block('risk daderhulp "Risico"', 'severity low', 'nature static', 'domain safety', 'affects household'));
        const [found] = withCode(await check(text), 'VP080');
        expect(found.message).toMatch(/^The name 'daderhulp' is already used by an intervention declared on line \d+;/);
    });

    test('a member declared twice is VP080 on the later one, which takes part in no other check', async () => {
        const text = examplePlan({ household: household(...EXAMPLE_MEMBERS, 'member noor child roles witness') });
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
        expect(lines(withCode(result, 'VP080'))).toEqual([lineOf(text, 'member noor', 2)]);
    });

    test('members, supporters, risks, measures, interventions and agreements share one namespace per plan', async () => {
        const text = withItems(block('risk oma "Oma"', 'severity low', 'nature static', 'domain social', 'affects sanne'));
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
        expect(lines(withCode(result, 'VP080'))).toEqual([lineOf(text, 'risk oma')]);
    });

    test('a duplicate takes part in no other check: a duplicate measure missing its items gets only VP080', async () => {
        const result = await check(withItems(block('measure hv ots', 'protects sanne')));
        expect(result.codes).toEqual(['VP080']);
    });

    test('a later duplicate takes part in no other check, VP060 and VP081 included', async () => {
        const intervention = withItems(block('intervention steun "Tweede"', 'for nobody', 'by ggz_zhz', 'from 2026-02-30 for 3 months'));
        expect((await check(intervention)).codes).toEqual(['VP080']);
        const supporter = withItems(block('network', 'supporter oma "Tweede oma" supports nobody'));
        expect((await check(supporter)).codes).toEqual(['VP080']);
        // VP000 (an unknown role) still reports on a duplicate; VP062 does not.
        const member = examplePlan({ household: household(...EXAMPLE_MEMBERS, 'member noor adult born 2018 roles slachtoffer') });
        expect((await check(member)).codes).toEqual(['VP000', 'VP080']);
        const type = await check('measure type eigen "Eigen" {\n    mode drang\n}\nmeasure type eigen "Tweede" {\n    basis "geen mode"\n    checked 2026-02-30\n}\n');
        expect(type.codes).toEqual(['VP080']);
    });

    test('a member covered only by a later duplicate intervention is not covered (the duplicate takes part in no check)', async () => {
        const text = examplePlan({
            household: household(...EXAMPLE_MEMBERS, 'member zus adult born 1960'),
            extra: indent(block('intervention steun "Tweede"', 'for zus', 'by ggz_zhz', 'from 2026-02-01 for 3 months'))
        });
        expect((await check(text)).codes).toEqual(['VP001', 'VP080']);
    });

    test('references resolve to the first declaration: a second `daderhulp` without framework is ignored', async () => {
        const text = withItems(block('intervention daderhulp "Tweede"', 'for mark', 'by ggz_zhz', 'from 2026-02-01 for 3 months'));
        expect((await check(text)).codes).toEqual(['VP080']);
    });

    test('a member may share its name with an organisation: the namespaces differ, and regie still sees the organisation', async () => {
        const text = examplePlan({ household: household(...EXAMPLE_MEMBERS, 'member wijkteam_dordrecht adult born 1960 no-action "Buurman"') });
        expect((await check(text)).codes).toEqual([]);
    });

    test('plans, organisations and measure types share one global namespace: VP080 on the later one', async () => {
        const text = `organisation vermeer_2026 "Org" kind other\n${examplePlan()}`;
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
        expect(lines(withCode(result, 'VP080'))).toEqual([lineOf(text, 'plan vermeer_2026')]);
    });

    test('a duplicate plan takes part in no other check', async () => {
        const text = examplePlan() + examplePlan({ header: '    period 2026-01-12 to 2027-01-12', regie: '    regie {\n        onbekend from 2026-01-01\n    }' });
        const result = await check(text);
        expect(result.codes).toEqual(['VP080']);
        expect(lines(withCode(result, 'VP080'))).toEqual([lineOf(text, 'plan vermeer_2026', 2)]);
    });

    test('two organisations with one name in one file: VP080 on the second, naming its line, and no VP005 for it', async () => {
        const result = await check('organisation vt "Veilig Thuis" kind veiligthuis\norganisation vt');
        expect(result.codes).toEqual(['VP080']);
        const [found] = withCode(result, 'VP080');
        expect(found.range.start.line).toBe(1);
        expect(found.message).toContain('declared on line 1;');
    });

    test('a measure type named like a built-in one is VP080 citing the built-in catalogue, and a duplicate gets no VP005', async () => {
        const found = await check('measure type huisverbod "Mijn huisverbod" {\n    mode dwang\n}');
        expect(found.codes).toEqual(['VP080']);
        expect(withCode(found, 'VP080')[0].message).toContain('declared in the built-in catalogue');
        expect((await check('measure type ots "Andere OTS" {\n    basis "x"\n}\n')).codes).toEqual(['VP080']);
    });

    test('an organisation named like a built-in measure type is VP080 (one global namespace)', async () => {
        expect((await check('organisation ots "OTS-team" kind gi')).codes).toEqual(['VP080']);
    });

    test('across files the later file (by name) gets VP080 with the first file and line', async () => {
        const result = await checkFiles({
            'a-catalogue.vplan': '// regional catalogue\norganisation vt "Veilig Thuis" kind veiligthuis',
            'b-other.vplan': 'organisation vt "Veilig Thuis bis" kind veiligthuis\nplan vt "Plan" {\n}'
        });
        expect(result['a-catalogue.vplan'].filter(d => d.code === 'VP080')).toHaveLength(0);
        const later = result['b-other.vplan'].filter(d => d.code === 'VP080');
        expect(later.map(d => d.range.start.line)).toEqual([0, 1]);
        expect(later[0].message).toContain('declared in a-catalogue.vplan, line 2;');
        expect(later[1].message).toContain('used by an organisation declared in a-catalogue.vplan, line 2; names must be unique, and references to \'vt\' go to that first one. Rename this plan.');
        // The duplicate plan takes part in no plan check.
        expect(result['b-other.vplan'].filter(d => ['VP005', 'VP010', 'VP020'].includes(String(d.code)))).toHaveLength(0);
    });
});

describe('Dutch', () => {
    test('messages are rendered in Dutch', async () => {
        const text = examplePlan({
            header: '    period 2026-01-12 to 2027-01-12',
            extra: indent(block('risk sanne "R"', 'severity low', 'nature static', 'domain safety', 'affects household'))
        });
        const result = await check(text, 'nl');
        expect(withCode(result, 'VP005')[0].message).toBe("Plan 'vermeer_2026' heeft geen `status`, dat is verplicht: voeg een regel `status draft|active|closed` toe.");
        expect(withCode(result, 'VP080')[0].message).toContain("De naam 'sanne' is al in gebruik (gezinslid, gedeclareerd op regel");
        const files = await checkFiles({ 'a.vplan': 'measure type ots "OTS" {\n    mode dwang\n}' }, 'nl');
        expect(files['a.vplan'].find(d => d.code === 'VP080')?.message).toContain('in de ingebouwde catalogus');
        const cross = await checkFiles({ 'a.vplan': 'organisation vt "VT" kind veiligthuis', 'b.vplan': 'organisation vt "VT" kind veiligthuis' }, 'nl');
        expect(cross['b.vplan'].find(d => d.code === 'VP080')?.message).toContain('(organisatie, gedeclareerd in a.vplan, regel 1)');
    });

    test.each([
        ['a phase without an end', { phases: EXAMPLE_SECTIONS.phases.replace('phase recovery from 2026-09-01 to 2027-01-12', 'phase recovery from 2026-09-01') },
            "Fase 'recovery' begint op 2026-09-01 maar heeft geen einde; voeg het einde toe, bijvoorbeeld `to 2026-10-01` of `for 1 month` (de einddatum zelf telt niet mee)."],
        ['a child without a birth year', { household: household(EXAMPLE_MEMBERS[0], EXAMPLE_MEMBERS[1], 'member noor child roles witness') },
            "Gezinslid 'noor' is een kind zonder geboortejaar: voeg `born JJJJ` toe na `child` (alleen een jaartal, nooit een volledige datum)."],
        ['an empty household', { household: '    household {\n    }' },
            'Het huishouden heeft geen gezinsleden; een plan heeft er minstens één nodig: voeg een regel toe zoals `member sanne adult roles victim` (een pseudoniem, nooit een echte naam).'],
        ['a second status', { header: `${EXAMPLE_SECTIONS.header}\n    status closed` },
            "Plan 'vermeer_2026' heeft `status` meer dan eens (eerst op regel 2); dat mag maar één keer: verwijder deze of voeg de twee samen."],
        ['an aftercare block with two owners', { aftercare: EXAMPLE_SECTIONS.aftercare.replace('owner wijkteam_dordrecht', 'owner wijkteam_dordrecht\n        owner veiligthuis_zhz') },
            'Het nazorgblok heeft `owner` meer dan eens (eerst op regel {owner}); dat mag maar één keer: verwijder deze of voeg de twee samen.']
    ])('%s', async (_label, sections, expected) => {
        const text = examplePlan(sections);
        // `{owner}`: the 1-based line of the first owner.
        expect(messages(withCode(await check(text, 'nl'), 'VP005'))).toEqual([expected.replace('{owner}', String(lineOf(text, 'owner wijkteam_dordrecht') + 1))]);
    });

    test('an invalid start date gives no suggested end', async () => {
        const text = examplePlan({ phases: EXAMPLE_SECTIONS.phases.replace('phase recovery from 2026-09-01 to 2027-01-12', 'phase recovery from 2026-09-31') });
        const result = await check(text, 'nl');
        expect(messages(withCode(result, 'VP005'))).toEqual([
            "Fase 'recovery' begint op 2026-09-31 maar heeft geen einde; voeg het einde toe met `to JJJJ-MM-DD` of `for N days|weeks|months|years` (de einddatum zelf telt niet mee)."
        ]);
    });
});
