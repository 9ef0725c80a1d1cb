/**
 * VP005 for the items of language version 2 (spec sections 4 and 6): an intervention's `ended`
 * (at most once, with its reason), a measure type's `requires` (at most once), an incident's
 * title and a meeting action's text. Each mistake is one VP005 and nothing else; the valid form
 * is silent; a syntax error in the item gets VP000 and no VP005 (no cascades, section 7).
 */

import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import type { Locale } from '../../../language/i18n/locale.js';
import { checkPlan, lineOf, replaceOnce, withCode } from './rule-test-support.js';

const check = (text: string, locale?: Locale) => checkPlan(text, { locale });
const messages = (text: string, locale?: Locale) => check(text, locale).then(result => withCode(result, 'VP005').map(d => String(d.message)));

/** The example plan with items added at the end of intervention `daderhulp` (for mark, from 2026-01-20 for 12 months). */
const withDaderhulpItems = (...items: string[]) => examplePlan({
    interventions: replaceOnce(EXAMPLE_SECTIONS.interventions, '        addresses partnergeweld\n    }',
        `        addresses partnergeweld\n${items.map(item => `        ${item}`).join('\n')}\n    }`)
});

/** The example plan with items added to its meeting of 2026-01-15 (chaired by zvh_zhz). */
const withMeetingItems = (...items: string[]) => examplePlan({
    meetings: replaceOnce(EXAMPLE_SECTIONS.meetings, '        client noor heard\n', `        client noor heard\n${items.map(item => `        ${item}`).join('\n')}\n`)
});

/** The example plan with a line added at plan level (an incident on 2026-01-13 is discussed by the meeting of 2026-01-15). */
const withPlanLine = (line: string) => examplePlan({ extra: `    ${line}` });

describe('an intervention\'s `ended`', () => {
    test.each(['completed', 'dropout', 'referred'])('`ended DATE %s` once is fine', async reason => {
        // The help of daderhulp stops on the last day of its planned period: no other check is concerned.
        expect((await check(withDaderhulpItems(`ended 2027-01-19 ${reason}`))).codes).toEqual([]);
    });

    test('a second `ended` is VP005 on the second, naming the line of the first, and nothing else', async () => {
        const text = withDaderhulpItems('ended 2027-01-19 completed', 'ended 2027-01-18 referred');
        const result = await check(text);
        expect(result.codes).toEqual(['VP005']);
        const [found] = withCode(result, 'VP005');
        expect(found.severity).toBe(DiagnosticSeverity.Error);
        expect(found.range.start.line).toBe(lineOf(text, 'ended 2027-01-18'));
        expect(found.message).toBe(`Intervention 'daderhulp' has \`ended\` more than once (first on line ${lineOf(text, 'ended 2027-01-19') + 1}); ` +
            'it may appear only once: remove this one or merge the two.');
    });

    test('`ended DATE` without its reason is VP005 on the `ended` item, and nothing else', async () => {
        const text = withDaderhulpItems('ended 2027-01-19');
        const result = await check(text);
        expect(result.codes).toEqual(['VP005']);
        const [found] = withCode(result, 'VP005');
        expect(found.severity).toBe(DiagnosticSeverity.Error);
        expect(found.range.start.line).toBe(lineOf(text, 'ended 2027-01-19'));
        expect(found.range.start.character).toBe(8);
        expect(found.message).toBe("Intervention 'daderhulp' has `ended 2027-01-19` without its reason, which is required: " +
            'write `completed`, `dropout` or `referred` after the date, e.g. `ended 2027-01-19 dropout`.');
    });

    test('in Dutch', async () => {
        expect(await messages(withDaderhulpItems('ended 2027-01-19'), 'nl')).toEqual([
            "Interventie 'daderhulp' heeft `ended 2027-01-19` zonder reden, die is verplicht: schrijf `completed` (afgerond), " +
            '`dropout` (uitgevallen) of `referred` (doorverwezen) na de datum, bijvoorbeeld `ended 2027-01-19 dropout`.'
        ]);
    });

    test('a repeated `ended` without a reason is one VP005 (the repeat); the first, which the checks read, has its reason', async () => {
        const text = withDaderhulpItems('ended 2027-01-19 completed', 'ended 2027-01-18');
        const found = withCode(await check(text), 'VP005');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, 'ended 2027-01-18')]);
        expect(String(found[0].message)).toContain('more than once');
    });

    test.each([
        ['a quoted reason', 'ended 2027-01-19 "dropout"'],
        ['a reason split in two words', 'ended 2027-01-19 drop out']
    ])('%s is VP000 and no VP005 (no cascade)', async (_label, item) => {
        const result = await check(withDaderhulpItems(item));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP005');
    });

    test('an unknown reason is VP000 (with the allowed values), not VP005', async () => {
        const result = await check(withDaderhulpItems('ended 2027-01-19 gestopt'));
        expect(result.codes).toEqual(['VP000']);
    });
});

describe('a measure type\'s `requires`', () => {
    const type = (...items: string[]) => `measure type eigen_machtiging "Eigen machtiging" {\n${['mode dwang', ...items].map(item => `    ${item}`).join('\n')}\n}\n`;

    test('once is fine', async () => {
        expect((await check(type('requires ots, voorlopige_ots'))).codes).toEqual([]);
    });

    test('twice is VP005 on the second, naming the line of the first, and nothing else', async () => {
        const text = type('requires ots', 'subject minor', 'requires voorlopige_ots');
        const result = await check(text);
        expect(result.codes).toEqual(['VP005']);
        const [found] = withCode(result, 'VP005');
        expect(found.range.start.line).toBe(lineOf(text, 'requires voorlopige_ots'));
        expect(found.message).toBe("Measure type 'eigen_machtiging' has `requires` more than once (first on line 3); " +
            'it may appear only once: remove this one or merge the two.');
        expect(await messages(text, 'nl')).toEqual([
            "Maatregeltype 'eigen_machtiging' heeft `requires` meer dan eens (eerst op regel 3); dat mag maar één keer: verwijder deze of voeg de twee samen."
        ]);
    });

    test('an unknown type in the repeat is still VP081 (a reference of its own), besides the VP005', async () => {
        const result = await check(type('requires ots', 'requires onbekend'));
        expect(result.codes).toEqual(['VP005', 'VP081']);
    });

    test('a measure of a type with a repeated `requires` gets VP034 from the first list only, and the type one VP005', async () => {
        // No OTS runs on noor: the message names the first list (ots), not the repeat (huisverbod).
        const measures = `${EXAMPLE_SECTIONS.measures}\n\n` +
            '    measure eigen_noor eigen_machtiging {\n        on noor\n        by rechtbank_rotterdam\n        from 2026-01-12 for 3 months\n    }';
        const text = examplePlan({ measures });
        const result = await check(text + type('subject minor', 'requires ots', 'requires huisverbod'));
        expect(result.codes).toEqual(['VP005', 'VP034']);
        const [vp034] = withCode(result, 'VP034');
        expect(vp034.message).toContain('ots');
        expect(vp034.message).not.toContain('huisverbod');
    });
});

describe('an incident\'s title', () => {
    test('an incident with its title is fine', async () => {
        expect((await check(withPlanLine('incident 2026-01-13 "Nieuwe politiemelding"'))).codes).toEqual([]);
    });

    test('an incident without a title is VP005 on its date, and nothing else', async () => {
        const text = withPlanLine('incident 2026-01-13');
        const result = await check(text);
        expect(result.codes).toEqual(['VP005']);
        const [found] = withCode(result, 'VP005');
        expect(found.severity).toBe(DiagnosticSeverity.Error);
        expect(found.range.start.line).toBe(lineOf(text, 'incident 2026-01-13'));
        expect(found.range.start.character).toBe('    incident '.length);
        expect(found.message).toBe("Incident '2026-01-13' has no title, which is required: write a quoted title after it, e.g. `incident 2026-01-13 \"...\"`.");
        expect(await messages(text, 'nl')).toEqual([
            "Incident '2026-01-13' heeft geen titel, die is verplicht: schrijf er een titel tussen aanhalingstekens achter, bijvoorbeeld `incident 2026-01-13 \"...\"`."
        ]);
    });

    test('an unquoted title is VP000 and no VP005 (no cascade)', async () => {
        const result = await check(withPlanLine('incident 2026-01-13 Nieuwe politiemelding'));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP005');
    });
});

describe('a meeting action\'s text', () => {
    test('an action with its text is fine', async () => {
        expect((await check(withMeetingItems('action "Veiligheidsafspraken maken" owner zvh_zhz due 2026-01-22'))).codes).toEqual([]);
    });

    test('actions repeat', async () => {
        const text = withMeetingItems('action "Veiligheidsafspraken maken" owner zvh_zhz due 2026-01-22', 'action "Sanne bellen" owner wijkteam_dordrecht due 2026-01-19');
        expect((await check(text)).codes).toEqual([]);
    });

    test('an action without its text is VP005 on the action, and nothing else', async () => {
        const text = withMeetingItems('action owner zvh_zhz due 2026-01-22');
        const result = await check(text);
        expect(result.codes).toEqual(['VP005']);
        const [found] = withCode(result, 'VP005');
        expect(found.severity).toBe(DiagnosticSeverity.Error);
        expect(found.range.start.line).toBe(lineOf(text, 'action owner'));
        expect(found.message).toBe("An action of meeting '2026-01-15' has no text, which is required: write what was decided in quotes after `action`, " +
            'e.g. `action "..." owner zvh_zhz due 2026-01-22`.');
        expect(await messages(text, 'nl')).toEqual([
            "Een actie van overleg '2026-01-15' heeft geen tekst, die is verplicht: schrijf wat is besloten tussen aanhalingstekens na `action`, " +
            'bijvoorbeeld `action "..." owner zvh_zhz due 2026-01-22`.'
        ]);
    });

    test('only the action without text is reported, once', async () => {
        const text = withMeetingItems('action "Veiligheidsafspraken maken" owner zvh_zhz due 2026-01-22', 'action owner wijkteam_dordrecht due 2026-01-19');
        const found = withCode(await check(text), 'VP005');
        expect(found.map(d => d.range.start.line)).toEqual([lineOf(text, 'action owner wijkteam_dordrecht')]);
    });

    test('an unquoted text is VP000 and no VP005 (no cascade)', async () => {
        const result = await check(withMeetingItems('action bellen owner zvh_zhz due 2026-01-22'));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP005');
    });
});
