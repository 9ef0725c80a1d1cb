/**
 * Aftercare (language/rules/aftercare-rules.ts): VP020 aftercare defined, VP021 aftercare
 * complete, VP022 aftercare long enough and VP023 aftercare follows on, with calendar-month
 * lengths, their cascades, quick fixes and documentation examples.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EXAMPLE_CATALOGUE, EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { vp020, vp021, vp022, vp023 } from '../../../language/rules/aftercare-rules.js';
import { checkWithConfig } from '../conformance/conformance-support.js';
import { applyFix, checkPlan, exampleCodes, expectFixed, lineOf, quickFixes, replaceOnce, withCode } from './rule-test-support.js';

/** An aftercare block of these items. */
const aftercare = (...items: string[]) => `    aftercare {\n${items.map(item => `        ${item}`).join('\n')}\n    }`;
/** The example plan (period 2026-01-12 to 2027-01-12) with this aftercare. */
const withAftercare = (...items: string[]) => examplePlan({ aftercare: aftercare(...items) });
/** The example plan with another period line. */
const withPeriod = (period: string, block: string) => examplePlan({ header: `    status active\n    ${period}`, aftercare: block });

const AFTERCARE_CODES = ['VP020', 'VP021', 'VP022', 'VP023'];
const aftercareCodes = (codes: string[]) => codes.filter(code => AFTERCARE_CODES.includes(code));

describe('the example plan', () => {
    test('has no diagnostic, so each test below starts from one mistake', async () => {
        expect((await checkPlan(examplePlan())).codes).toEqual([]);
    });

    test('the spec example has no aftercare diagnostics (18 months, last checkpoint on the final day)', async () => {
        const text = readFileSync(new URL('../../fixtures/spec-example.vplan', import.meta.url), 'utf8');
        expect(aftercareCodes((await checkPlan(text)).codes)).toEqual([]);
    });
});

describe('VP020 aftercare defined', () => {
    const noAftercare = examplePlan({ aftercare: '' });

    test('a plan without aftercare is VP020 on its name and nothing else, citing the recurrence research', async () => {
        const result = await checkPlan(noAftercare);
        expect(result.codes).toEqual(['VP020']);
        const [d] = withCode(result, 'VP020');
        expect(d.severity).toBe(DiagnosticSeverity.Error);
        expect(d.range.start.line).toBe(lineOf(noAftercare, 'plan vermeer_2026'));
        expect(d.message).toContain('80%');
        expect(d.message).toContain('from 2027-01-12 for 12 months');
    });

    test('a plan with aftercare has no VP020', async () => {
        expect((await checkPlan(examplePlan())).codes).toEqual([]);
    });

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await checkPlan(noAftercare, { locale: 'nl' }), 'VP020');
        expect(d.message).toContain('heeft geen nazorg');
    });

    test('cascade: an aftercare block the parser dropped (`nazorg { ... }`) is a syntax error, not VP020', async () => {
        const result = await checkPlan(examplePlan({ aftercare: EXAMPLE_SECTIONS.aftercare.replace('aftercare {', 'nazorg {') }));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP020');
    });

    test('fix: aftercare from the plan end for 12 months with checkpoints, owned by the last regie holder', async () => {
        const { after, actions } = await applyFix(noAftercare, 'VP020', { locale: 'en' });
        expect(actions[0].isPreferred).toBe(true);
        expect(actions[0].title).toBe('Add aftercare: wijkteam_dordrecht from 2027-01-12 for 12 months');
        expect(after).toBe(replaceOnce(noAftercare, '    meeting ', [
            '    aftercare {',
            '        owner wijkteam_dordrecht',
            '        from 2027-01-12 for 12 months',
            '        checkpoints 3 months, 6 months, 12 months',
            '    }',
            '',
            '    meeting '
        ].join('\n')));
        await expectFixed(noAftercare, after, 'VP020');
    });

    test('fix: a Dutch title in a Dutch document', async () => {
        const { actions } = await applyFix(noAftercare, 'VP020', { locale: 'nl' });
        expect(actions[0].title).toBe('Nazorg toevoegen: wijkteam_dordrecht vanaf 2027-01-12 gedurende 12 maanden');
    });

    test('fix: a longer aftercare.minMonths gives a longer aftercare with a checkpoint at its end', async () => {
        const { after } = await applyFix(noAftercare, 'VP020', { locale: 'en', config: '{ "aftercare": { "minMonths": 18 } }' });
        expect(after).toContain('        from 2027-01-12 for 18 months\n        checkpoints 3 months, 6 months, 12 months, 18 months\n');
    });

    test('the docs example gives VP020 only', async () => {
        expect(await exampleCodes(vp020)).toEqual(['VP020']);
    });
});

describe('VP021 aftercare complete', () => {
    test.each([
        ['owner', ['from 2027-01-12 for 12 months', 'checkpoints 3 months'], 'owner'],
        ['period', ['owner wijkteam_dordrecht', 'checkpoints 3 months'], 'from 2027-01-12 for 12 months'],
        ['checkpoint', ['owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months'], 'checkpoints 3 months, 6 months, 12 months']
    ])('a missing %s is VP021 on the `aftercare` keyword, not VP005, and nothing else', async (_label, items, template) => {
        const text = withAftercare(...items);
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP021']);
        const [d] = withCode(result, 'VP021');
        expect(d.severity).toBe(DiagnosticSeverity.Error);
        expect(d.range.start.line).toBe(lineOf(text, 'aftercare {'));
        expect(d.range.end.character - d.range.start.character).toBe('aftercare'.length);
        expect(d.message).toContain(template);
    });

    test('a period without an end is VP021 on the period, with a suggested end; VP022 stays silent', async () => {
        const text = withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12', 'checkpoints 3 months');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP021']);
        const [d] = withCode(result, 'VP021');
        expect(d.range.start.line).toBe(lineOf(text, 'from 2027-01-12'));
        expect(d.message).toContain('starts on 2027-01-12');
        expect(d.message).toContain('to 2028-01-12');
    });

    test('a checkpoint of zero is VP021 on that offset', async () => {
        const text = withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 0 days, 6 months');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP021']);
        const [d] = withCode(result, 'VP021');
        expect(d.range.start.line).toBe(lineOf(text, 'checkpoints 0 days'));
        expect(d.message).toContain("'0 days'");
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 0 months, 6 months'))).codes).toEqual(['VP021']);
    });

    test('a checkpoint after the end of aftercare is VP021 with its date and the period', async () => {
        const result = await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 6 months, 18 months'));
        expect(result.codes).toEqual(['VP021']);
        const [d] = withCode(result, 'VP021');
        expect(d.message).toContain("'18 months'");
        expect(d.message).toContain('2028-07-12');
        expect(d.message).toContain('2027-01-12 to 2028-01-12');
        expect(d.message).toContain('at most `12 months` (a check on 2028-01-12 is fine)');
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 3 months, 13 months'))).codes).toEqual(['VP021']);
    });

    test('a checkpoint on the final day (offset equal to the period) is fine, one day later is not', async () => {
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 18 months', 'checkpoints 3 months, 18 months'))).codes).toEqual([]);
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 to 2028-01-12', 'checkpoints 12 months'))).codes).toEqual([]);
        // 2027-01-12 + 12 months = 2028-01-12, 365 days
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 365 days'))).codes).toEqual([]);
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 366 days'))).codes).toEqual(['VP021']);
    });

    test.each([
        ['11 months and 30 days', 'from 2027-01-12 to 2028-01-11', 'checkpoints 12 months', '`11 months` or `364 days`', '`11 months` of `364 days`', ['11 months', '364 days']],
        ['whole months', 'from 2027-01-12 for 6 months', 'checkpoints 3 months, 7 months', '`6 months`', '`6 months`', ['6 months']],
        ['less than a month', 'from 2027-01-12 for 20 days', 'checkpoints 1 month', '`20 days`', '`20 days`', ['20 days']]
    ])('v2: the longest offset is one that can be written (%s), and each works when written in', async (_label, period, checkpoints, en, nl, offsets) => {
        const text = withAftercare('owner wijkteam_dordrecht', period, checkpoints);
        const [d] = withCode(await checkPlan(text), 'VP021');
        expect(d.message).toContain(`use an offset of at most ${en} (a check on`);
        expect(d.message).not.toMatch(/at most \d+ months? and/);
        const [dutch] = withCode(await checkPlan(text, { locale: 'nl' }), 'VP021');
        expect(dutch.message).toContain(`kies hoogstens ${nl} (een controle op`);
        const beyond = checkpoints.split(', ').at(-1)!;
        for (const offset of offsets) {
            const fixed = text.replace(`${checkpoints}`, checkpoints.replace(beyond, offset));
            expect(withCode(await checkPlan(fixed), 'VP021'), offset).toEqual([]);
        }
    });

    test('a checkpoint one day past the end names the end and the lengths in months and days', async () => {
        const result = await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 to 2028-01-11', 'checkpoints 12 months'));
        expect(result.codes).toEqual(['VP021', 'VP022']);
        const [d] = withCode(result, 'VP021');
        expect(d.message).toContain('falls on 2028-01-12');
        expect(d.message).toContain('11 months and 30 days');
    });

    test('an owner twice is VP005 on the repeat, not VP021; signal repeats', async () => {
        const text = withAftercare('owner wijkteam_dordrecht', 'owner veiligthuis_zhz', 'from 2027-01-12 for 12 months', 'checkpoints 3 months', 'signal "a"', 'signal "b"');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP005']);
        expect(withCode(result, 'VP005')[0].range.start.line).toBe(lineOf(text, 'owner veiligthuis_zhz'));
    });

    test('signals and escalate are optional; signal repeats', async () => {
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 12 months'))).codes).toEqual([]);
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 12 months',
            'signal "Nieuwe melding"', 'signal "Uitval"', 'escalate "Casusoverleg"'))).codes).toEqual([]);
    });

    test('every aftercare block is checked, not only the first; two complete blocks are fine', async () => {
        const second = (...items: string[]) => examplePlan({ aftercare: `${EXAMPLE_SECTIONS.aftercare}\n\n${aftercare(...items)}` });
        expect((await checkPlan(second('from 2027-01-12 for 6 months', 'checkpoints 3 months'))).codes).toEqual(['VP021', 'VP022']);
        expect((await checkPlan(second('owner veiligthuis_zhz', 'from 2026-12-01 for 12 months', 'checkpoints 3 months'))).codes).toEqual([]);
    });

    test.each([
        ['owner', 'owner wijkteam_dordrecht', 'ownr wijkteam_dordrecht'],
        ['period', 'from 2027-01-12 for 18 months', 'fro 2027-01-12 for 18 months'],
        ['checkpoints', 'checkpoints 3 months, 6 months, 12 months, 18 months', 'checkpoint 3 months, 6 months, 12 months, 18 months']
    ])('cascade: a misspelt %s is a syntax error, not a missing item', async (_label, item, typo) => {
        const result = await checkPlan(examplePlan({ aftercare: replaceOnce(EXAMPLE_SECTIONS.aftercare, item, typo) }));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP021');
    });

    test('cascade: a misspelt end after the start (`tot`) is a syntax error, not a period without an end', async () => {
        const result = await checkPlan(examplePlan({ aftercare: replaceOnce(EXAMPLE_SECTIONS.aftercare, 'from 2027-01-12 for 18 months', 'from 2027-01-12 tot 2028-07-12') }));
        expect(result.codes).toContain('VP000');
        expect(result.codes).not.toContain('VP021');
    });

    test('fix without an owner: the last regie holder becomes the owner, on the first line', async () => {
        const text = withAftercare('from 2027-01-12 for 18 months', 'checkpoints 3 months, 6 months');
        const { after, actions } = await applyFix(text, 'VP021', { locale: 'nl' });
        expect(actions[0].title).toBe('Eigenaar wijkteam_dordrecht toevoegen');
        expect(after).toBe(replaceOnce(text, '    aftercare {\n', '    aftercare {\n        owner wijkteam_dordrecht\n'));
        await expectFixed(text, after, 'VP021');
    });

    test('fix without a period: from the plan end for the minimum months, after the owner', async () => {
        const text = withAftercare('owner veiligthuis_zhz', 'checkpoints 3 months, 6 months');
        const { after, actions } = await applyFix(text, 'VP021', { locale: 'en' });
        expect(actions[0].title).toBe('Add the period: from 2027-01-12 for 12 months');
        expect(after).toBe(replaceOnce(text, '        owner veiligthuis_zhz\n', '        owner veiligthuis_zhz\n        from 2027-01-12 for 12 months\n'));
        await expectFixed(text, after, 'VP021');
    });

    test('fix without an end: the period gets the minimum months', async () => {
        const text = withAftercare('owner veiligthuis_zhz', 'from 2027-01-12', 'checkpoints 3 months');
        const { after, actions } = await applyFix(text, 'VP021', { locale: 'en' });
        expect(actions[0].title).toBe('End the aftercare after 12 months');
        expect(after).toBe(replaceOnce(text, 'from 2027-01-12\n', 'from 2027-01-12 for 12 months\n'));
        await expectFixed(text, after, 'VP021');
    });

    test('fix without checkpoints: checkpoints that fit in the period', async () => {
        const text = withAftercare('owner veiligthuis_zhz', 'from 2027-01-12 for 12 months', 'signal "Nieuwe melding"');
        const { after, actions } = await applyFix(text, 'VP021', { locale: 'en' });
        expect(actions[0].title).toBe('Add checkpoints: 3 months, 6 months, 12 months');
        expect(after).toBe(replaceOnce(text, 'from 2027-01-12 for 12 months\n', 'from 2027-01-12 for 12 months\n        checkpoints 3 months, 6 months, 12 months\n'));
        await expectFixed(text, after, 'VP021');
    });

    test('fix without checkpoints, in the second block: the offsets fit that block\'s own period', async () => {
        const text = examplePlan({ aftercare: `${EXAMPLE_SECTIONS.aftercare}\n\n${aftercare('owner veiligthuis_zhz', 'from 2027-01-12 for 12 months')}` });
        const { after } = await applyFix(text, 'VP021', { locale: 'en' });
        expect(after).toBe(replaceOnce(text, 'from 2027-01-12 for 12 months\n', 'from 2027-01-12 for 12 months\n        checkpoints 3 months, 6 months, 12 months\n'));
        await expectFixed(text, after, 'VP021');
    });

    test('no fix for a zero or too late checkpoint: there is no single right answer', async () => {
        const zero = await quickFixes(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 0 days'), 'VP021');
        expect(zero.actions).toEqual([]);
        const late = await quickFixes(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 12 months', 'checkpoints 18 months'), 'VP021');
        expect(late.actions).toEqual([]);
    });

    test('the docs example gives VP021 only', async () => {
        expect(await exampleCodes(vp021)).toEqual(['VP021']);
    });
});

describe('VP022 aftercare long enough', () => {
    test('exactly 12 months is fine; one day less warns, with the length, the minimum end and the research', async () => {
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 to 2028-01-12', 'checkpoints 12 months'))).codes).toEqual([]);
        const text = withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 to 2028-01-11', 'checkpoints 6 months');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP022']);
        const [d] = withCode(result, 'VP022');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'from 2027-01-12 to 2028-01-11'));
        expect(d.message).toContain('11 months and 30 days');
        expect(d.message).toContain('required 12 months');
        expect(d.message).toContain('2028-01-12');
        expect(d.message).toContain('80%');
    });

    test('six months is VP022 in both languages, citing the research in each', async () => {
        const text = withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 6 months', 'checkpoints 6 months');
        const en = withCode(await checkPlan(text), 'VP022')[0];
        const nl = withCode(await checkPlan(text, { locale: 'nl' }), 'VP022')[0];
        expect(en.message).toContain('80%');
        expect(nl.message).toContain('De nazorg duurt 6 maanden');
        expect(nl.message).toContain('80%');
    });

    test('month-end arithmetic: from 2026-01-31 for 12 months ends on 2027-01-31 and is long enough', async () => {
        const result = await checkPlan(withPeriod('period 2025-02-01 to 2026-01-31', aftercare('owner wijkteam_dordrecht', 'from 2026-01-31 for 12 months', 'checkpoints 1 month, 12 months')));
        expect(aftercareCodes(result.codes)).toEqual([]);
    });

    test('calendar months: 31 January to 31 January is twelve months, to 30 January is not', async () => {
        const block = (end: string) => withPeriod('period 2026-01-12 to 2027-01-31', aftercare('owner wijkteam_dordrecht', `from 2027-01-31 to ${end}`, 'checkpoints 3 months'));
        expect(aftercareCodes((await checkPlan(block('2028-01-31'))).codes)).toEqual([]);
        const short = await checkPlan(block('2028-01-30'));
        expect(aftercareCodes(short.codes)).toEqual(['VP022']);
        expect(withCode(short, 'VP022')[0].message).toContain('2028-01-31');
    });

    test('leap day: 12 months from 2028-02-29 clamp to 2029-02-28, where a 12-month checkpoint still fits', async () => {
        const block = (end: string, checkpoint: string) => withPeriod('period 2026-01-12 to 2028-03-01',
            aftercare('owner wijkteam_dordrecht', `from 2028-02-29 to ${end}`, `checkpoints ${checkpoint}`));
        expect(aftercareCodes((await checkPlan(block('2029-02-28', '12 months'))).codes)).toEqual([]);
        const short = await checkPlan(block('2029-02-27', '6 months'));
        expect(aftercareCodes(short.codes)).toEqual(['VP022']);
        expect(withCode(short, 'VP022')[0].message).toContain('2029-02-28');
    });

    test('52 weeks is short of 12 months; 1 year and 18 months are enough', async () => {
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 52 weeks', 'checkpoints 3 months'))).codes).toEqual(['VP022']);
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 1 year', 'checkpoints 1 year'))).codes).toEqual([]);
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 18 months', 'checkpoints 18 months'))).codes).toEqual([]);
    });

    test('aftercare.minMonths from vplan.config.json sets the threshold', async () => {
        const strict = await checkWithConfig('{ "aftercare": { "minMonths": 24 } }', [examplePlan(), EXAMPLE_CATALOGUE]);
        expect(strict.codes).toEqual(['VP022']);
        const sixMonths = withAftercare('owner wijkteam_dordrecht', 'from 2027-01-12 for 6 months', 'checkpoints 6 months');
        expect((await checkWithConfig('{ "aftercare": { "minMonths": 6 } }', [sixMonths, EXAMPLE_CATALOGUE])).codes).toEqual([]);
    });

    test('an invalid aftercare date silences VP022 and VP023', async () => {
        const result = await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-02-30 for 1 month', 'checkpoints 3 months'));
        expect(aftercareCodes(result.codes)).toEqual([]);
        expect(result.codes).toContain('VP060');
    });

    test('fix: a short aftercare is extended to the minimum', async () => {
        const text = withAftercare('owner veiligthuis_zhz', 'from 2027-01-12 to 2027-07-12', 'checkpoints 3 months, 6 months');
        const { after, actions } = await applyFix(text, 'VP022', { locale: 'nl' });
        expect(actions[0].title).toBe('Nazorg verlengen tot 12 maanden');
        expect(after).toBe(replaceOnce(text, 'from 2027-01-12 to 2027-07-12', 'from 2027-01-12 for 12 months'));
        await expectFixed(text, after, 'VP022');
    });

    test('fix: the minimum of vplan.config.json', async () => {
        const { after, actions } = await applyFix(examplePlan(), 'VP022', { locale: 'en', config: '{ "aftercare": { "minMonths": 24 } }' });
        expect(actions[0].title).toBe('Extend the aftercare to 24 months');
        expect(after).toBe(replaceOnce(examplePlan(), 'from 2027-01-12 for 18 months', 'from 2027-01-12 for 24 months'));
    });

    test('the docs example gives VP022 only', async () => {
        expect(await exampleCodes(vp022)).toEqual(['VP022']);
    });
});

describe('VP023 aftercare follows on', () => {
    test('aftercare starting after the plan end warns on its period, naming the days in between', async () => {
        const text = withAftercare('owner wijkteam_dordrecht', 'from 2027-02-01 for 12 months', 'checkpoints 3 months');
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP023']);
        const [d] = withCode(result, 'VP023');
        expect(d.severity).toBe(DiagnosticSeverity.Warning);
        expect(d.range.start.line).toBe(lineOf(text, 'from 2027-02-01'));
        expect(d.message).toContain('starts on 2027-02-01, 20 days after the plan ends on 2027-01-12');
        expect(d.message).toContain('through 2027-01-31');
    });

    test('aftercare starting on the plan end (the first day after the half-open plan) is fine, one day later warns', async () => {
        expect((await checkPlan(examplePlan())).codes).toEqual([]);
        const result = await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-01-13 for 12 months', 'checkpoints 3 months'));
        expect(result.codes).toEqual(['VP023']);
        expect(withCode(result, 'VP023')[0].message).toContain(', 1 day after');
    });

    test('v2: one day between plan and aftercare reads as one day ("falls" / "valt"), several as a range', async () => {
        const oneDay = withAftercare('owner wijkteam_dordrecht', 'from 2027-01-13 for 12 months', 'checkpoints 3 months');
        expect(withCode(await checkPlan(oneDay), 'VP023')[0].message).toBe('The aftercare starts on 2027-01-13, 1 day after the plan ends on 2027-01-12, ' +
            'so 2027-01-12 falls in neither. Start the aftercare on 2027-01-12 at the latest (`from 2027-01-12`).');
        expect(withCode(await checkPlan(oneDay, { locale: 'nl' }), 'VP023')[0].message).toBe('De nazorg begint op 2027-01-13, 1 dag nadat het plan eindigt op 2027-01-12, ' +
            'dus 2027-01-12 valt nergens onder. Laat de nazorg uiterlijk op 2027-01-12 beginnen (`from 2027-01-12`).');
        const twoDays = withAftercare('owner wijkteam_dordrecht', 'from 2027-01-14 for 12 months', 'checkpoints 3 months');
        expect(withCode(await checkPlan(twoDays), 'VP023')[0].message).toContain('so 2027-01-12 through 2027-01-13 fall in neither.');
        expect(withCode(await checkPlan(twoDays, { locale: 'nl' }), 'VP023')[0].message).toContain('dus 2027-01-12 tot en met 2027-01-13 vallen nergens onder.');
    });

    test('an earlier start, overlapping the plan, is fine', async () => {
        expect((await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2026-12-01 for 12 months', 'checkpoints 3 months'))).codes).toEqual([]);
    });

    test('a plan period given as a duration ends where the duration says', async () => {
        expect((await checkPlan(examplePlan({ header: '    status active\n    period 2026-01-12 for 1 year' }))).codes).toEqual([]);
    });

    test('an invalid plan period silences VP023', async () => {
        const result = await checkPlan(withPeriod('period 2026-01-12 to 2026-13-01', aftercare('owner wijkteam_dordrecht', 'from 2027-06-01 for 12 months', 'checkpoints 3 months')));
        expect(result.codes).toContain('VP060');
        expect(result.codes).not.toContain('VP023');
    });

    test('an aftercare without an end still has to follow on', async () => {
        const result = await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-02-01', 'checkpoints 3 months'));
        expect(result.codes).toEqual(['VP021', 'VP023']);
    });

    test('the message is rendered in Dutch', async () => {
        const [d] = withCode(await checkPlan(withAftercare('owner wijkteam_dordrecht', 'from 2027-02-01 for 12 months', 'checkpoints 3 months'), { locale: 'nl' }), 'VP023');
        expect(d.message).toContain('De nazorg begint op 2027-02-01, 20 dagen nadat het plan eindigt op 2027-01-12');
    });

    test('fix: a late aftercare starts when the plan ends', async () => {
        const text = withAftercare('owner veiligthuis_zhz', 'from 2027-02-01 for 12 months', 'checkpoints 3 months, 6 months');
        const { after, actions } = await applyFix(text, 'VP023', { locale: 'en' });
        expect(actions[0].title).toBe('Start the aftercare when the plan ends (2027-01-12)');
        expect(after).toBe(replaceOnce(text, 'from 2027-02-01 for 12 months', 'from 2027-01-12 for 12 months'));
        await expectFixed(text, after, 'VP023');
    });

    test('the docs example gives VP023 only', async () => {
        expect(await exampleCodes(vp023)).toEqual(['VP023']);
    });
});
