/**
 * Syntax rule (language/rules/syntax-rules.ts): VP000 for parse and lex errors (decoded from
 * syntax/syntax-errors.ts), reserved words used as names, unknown value words and string escapes;
 * recovery, so that one typo hides nothing else.
 */

import { describe, expect, test } from 'vitest';
import { EXAMPLE_SECTIONS, examplePlan } from '../../../language/rules/example-plan.js';
import { renderMessage } from '../../../language/rules/registry.js';
import { vp000 } from '../../../language/rules/syntax-rules.js';
import { encodeSyntaxError, syntaxMessageFor, type SyntaxErrorInfo } from '../../../language/syntax/syntax-errors.js';
import { newRefinementBudget, SyntaxMessageRefiner } from '../../../language/syntax/syntax-refinement.js';
import { checkText, createTestServices, withCode } from '../../helpers.js';
import { applyFix, checkPlan, exampleCodes, lineOf, quickFixes } from './rule-test-support.js';

const services = createTestServices();

const ORGANISATION_KINDS = 'veiligthuis wijkteam gi raad reclassering jeugdreclassering politie om burgemeester rechter zvh ggz jeugdhulp verslavingszorg opvang huisarts school gemeente other'.split(' ');
const DOMAINS = 'safety housing finances health addiction parenting work education social'.split(' ');
const UNITS = 'day days week weeks month months year years'.split(' ');

/** The example household with members added. */
const household = (...members: string[]) => EXAMPLE_SECTIONS.household.replace('\n    }', `${members.map(m => `\n        ${m}`).join('')}\n    }`);
/** The example regie with a gap at its end (VP011), so a test can show that a typo hides nothing else. */
const REGIE_WITH_GAP = EXAMPLE_SECTIONS.regie.replace('wijkteam_dordrecht from 2026-02-09', 'wijkteam_dordrecht from 2026-02-09 to 2026-12-01');
const withoutAddresses = (interventions: string) => interventions.replace(/\n {8}addresses partnergeweld/g, '');

/** The message of a decoded parser or lexer error, as the document validator renders it. */
const decoded = (info: SyntaxErrorInfo, locale: 'en' | 'nl' = 'en') => {
    const { messageId, args } = syntaxMessageFor(encodeSyntaxError(info));
    return renderMessage(messageId, args, locale);
};

describe('VP000 parser and lexer errors', () => {
    test('a syntax error is an error that names what was found and what was expected', async () => {
        const result = await checkText(services, 'plan p "P" { household { member a adult } "oops" }');
        const [d] = withCode(result, 'VP000');
        expect(d.severity).toBe(1);
        expect(d.message).toMatch(/^Unexpected '"oops"': expected/);
    });

    test('a file that ends too early says so, in English and Dutch', async () => {
        const en = await checkText(services, 'plan p "P" {');
        expect(withCode(en, 'VP000')[0].message).toMatch(/^Unexpected end of file: expected /);
        const nl = await checkText(services, 'plan p "P" {', { locale: 'nl' });
        expect(withCode(nl, 'VP000')[0].message).toMatch(/^Onverwacht einde van het bestand: verwacht /);
    });

    test('one expected token reads as its name', async () => {
        const result = await checkText(services, 'plan p "P" { period 2026-01-01 to }');
        expect(withCode(result, 'VP000')[0].message).toBe("Unexpected '}': expected a date (YYYY-MM-DD).");
    });

    test('several expected tokens read as alternatives, in both languages', () => {
        const info: SyntaxErrorInfo = { kind: 'expected', expected: ['<ID>', "'to'", "'for'", '<EOF>'], found: 'tot' };
        expect(decoded(info)).toBe("Unexpected 'tot': expected a name, 'to', 'for' or the end of the file.");
        expect(decoded(info, 'nl')).toBe("Onverwacht 'tot': verwacht een naam, 'to', 'for' of het einde van het bestand.");
        expect(decoded({ kind: 'expected', expected: ['<STRING>', '<INT>'], found: '<EOF>' }))
            .toBe('Unexpected end of file: expected a quoted text or a number.');
    });

    test('a long token is cut short in the message', () => {
        expect(decoded({ kind: 'expected', expected: ['<ID>'], found: 'x'.repeat(50) })).toBe(`Unexpected '${'x'.repeat(40)}…': expected a name.`);
    });

    test('text after the last declaration, an unexpected character and an unknown error have messages of their own', async () => {
        expect(decoded({ kind: 'trailing', found: 'plna' })).toBe("Unexpected 'plna': expected a declaration ('plan', 'organisation' or 'measure type').");
        expect(decoded({ kind: 'trailing', found: 'plna' }, 'nl')).toBe("Onverwacht 'plna': verwacht een declaratie ('plan', 'organisation' of 'measure type').");
        expect(decoded({ kind: 'character', found: '§' })).toBe("Unexpected character '§'.");
        expect(decoded({ kind: 'character', found: '§' }, 'nl')).toBe("Onverwacht teken '§'.");
        expect(renderMessage(syntaxMessageFor('kapot').messageId, syntaxMessageFor('kapot').args, 'en')).toBe('Syntax error: kapot');
        expect(renderMessage(syntaxMessageFor('kapot').messageId, syntaxMessageFor('kapot').args, 'nl')).toBe('Syntaxfout: kapot');
        const result = await checkText(services, 'organisation o "O" kind other § ');
        expect(withCode(result, 'VP000').map(d => d.message)).toEqual(["Unexpected character '§'."]);
    });

    test('a string may not span lines', async () => {
        const result = await checkText(services, 'organisation o "open\n" kind other');
        expect(withCode(result, 'VP000')[0].message).toBe('Unterminated string: a text in double quotes must end on the same line.');
        const nl = await checkText(services, 'organisation o "open\n" kind other', { locale: 'nl' });
        expect(withCode(nl, 'VP000')[0].message).toBe('Tekst niet afgesloten: een tekst tussen dubbele aanhalingstekens moet op dezelfde regel eindigen.');
        expect((await checkPlan(examplePlan({ extra: '    evaluation 2026-06-01 "Regel\nnieuw"' }))).codes).toContain('VP000');
    });

    test('an invisible unexpected character is named by its code point, never printed raw', async () => {
        const result = await checkText(services, 'organisation o "O" kind other x\u202Ey\n');
        const messages = withCode(result, 'VP000').map(d => d.message);
        expect(messages).toContain('Unexpected invisible character U+202E.');
        expect(messages.join()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
        expect(decoded({ kind: 'character', found: 'U+00A0' }, 'nl')).toBe('Onverwacht onzichtbaar teken U+00A0.');
        // A visible one, also outside the BMP, is quoted whole.
        expect(withCode(await checkText(services, 'organisation o "O" kind other \u{1F600}'), 'VP000')[0].message).toBe("Unexpected character '\u{1F600}'.");
    });

    test('a block comment that is never closed says so, in English and Dutch', async () => {
        const text = 'organisation o "O" kind other\n/* open\norganisation p "P" kind other\n';
        expect(withCode(await checkText(services, text), 'VP000')[0].message).toBe(
            'Unterminated comment: `/*` opens a comment that is never closed; add `*/` where the comment ends (or start each line with `//`).');
        expect(withCode(await checkText(services, text, { locale: 'nl' }), 'VP000')[0].message).toMatch(/^Commentaar niet afgesloten: `\/\*`/);
        // A lone slash is still an unexpected character.
        expect(withCode(await checkText(services, 'organisation o "O" kind other / '), 'VP000').map(d => d.message)).toEqual(["Unexpected character '/'."]);
    });

    test('a full date after `born` is one VP000 that does not repeat the date, and the member gets no VP001 for the dropped rest', async () => {
        const result = await checkPlan(examplePlan({ household: household('member zus child born 2015-03-12 no-action "Woont bij oma"') }));
        const vp000 = withCode(result, 'VP000');
        expect(vp000.map(d => d.message)).toEqual(['`born` takes a year only, never a full date of birth (the date is not repeated here): write `born YYYY`.']);
        expect(JSON.stringify(result.diagnostics)).not.toContain('2015-03-12');
        expect(result.codes.filter(code => code === 'VP001')).toEqual([]);
        expect(decoded({ kind: 'bornDate' }, 'nl')).toMatch(/^`born` krijgt alleen een jaartal/);
        // Without the syntax error the same member without help is VP001.
        expect((await checkPlan(examplePlan({ household: household('member zus child born 2015') }))).codes).toContain('VP001');
    });

    test('a member without its kind is one VP000 that asks for the kind, not about a reserved word', async () => {
        const result = await checkPlan(examplePlan({ household: household('member zus born 2015 roles witness') }));
        expect(withCode(result, 'VP000').map(d => d.message)).toEqual(['A member needs its kind right after its name: write `adult` or `child`, e.g. `member noor child born 2015`.']);
        const unknownKind = await checkPlan(examplePlan({ household: household('member zus kid born 2015 roles witness') }));
        expect(withCode(unknownKind, 'VP000')[0].message).toMatch(/^Unknown member kind 'kid'/);
        expect(decoded({ kind: 'memberKind' }, 'nl')).toMatch(/^Een gezinslid heeft direct na de naam zijn soort nodig/);
    });

    test('a date token that does not exist still parses (its check is VP060)', async () => {
        const result = await checkText(services, 'measure type t "T" { mode drang checked 2026-02-30 }');
        expect(withCode(result, 'VP000')).toEqual([]);
    });

    test('newlines are white space: a plan on one line parses', async () => {
        expect((await checkPlan(examplePlan().replace(/\s*\n\s*/g, ' '))).codes).toEqual([]);
    });
});

describe('VP000 reserved words used as names', () => {
    test('a structural keyword used as a name is VP000 whose message says it is reserved, in English and Dutch', async () => {
        const text = examplePlan({ household: household('member regie adult born 1960 no-action "x"') });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP000']);
        const [d] = withCode(result, 'VP000');
        expect(d.range.start.line).toBe(lineOf(text, 'member regie'));
        expect(d.message).toBe("'regie' is a reserved word and cannot be used as a name; choose another pseudonym.");
        expect(withCode(await checkPlan(text, { locale: 'nl' }), 'VP000')[0].message)
            .toBe("'regie' is een gereserveerd woord en kan geen naam zijn; kies een ander pseudoniem.");
    });

    test('in a small file too', async () => {
        const en = await checkText(services, 'plan p "P" { household { member period adult } }');
        expect(withCode(en, 'VP000')[0].message).toMatch(/'period' is a reserved word/);
    });

    const KEYWORDS = ('plan organisation measure type kind status period household member roles born outside network supporter ' +
        'supports aware risk severity nature domain affects posed by phase on protects from to for extend intervention framework ' +
        'addresses fallback agreement checked regie aftercare owner checkpoints signal escalate meeting chair participants client ' +
        'evaluation mode basis initial term total max subject imposed source').split(' ');

    test.each(KEYWORDS)('`member %s` is one VP000 saying the word is reserved, and the rest of the plan is still checked', async word => {
        const text = examplePlan({ household: household(`member ${word} adult born 1960 no-action "x"`), regie: REGIE_WITH_GAP });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP000', 'VP011']);
        const [d] = withCode(result, 'VP000');
        expect(d.message).toMatch(/reserved/i);
        expect(d.range.start.line).toBe(lineOf(text, `member ${word} adult`));
    });

    test.each([
        ['a plan', (w: string) => examplePlan({}, w)],
        ['a risk', (w: string) => examplePlan({
            risks: EXAMPLE_SECTIONS.risks.replace('risk partnergeweld', `risk ${w}`).replace('dynamic', 'static'),
            interventions: withoutAddresses(EXAMPLE_SECTIONS.interventions)
        })],
        ['an intervention', (w: string) => examplePlan({ interventions: EXAMPLE_SECTIONS.interventions.replace('intervention daderhulp', `intervention ${w}`) })],
        ['an agreement', (w: string) => examplePlan({ agreements: EXAMPLE_SECTIONS.agreements.replace('agreement geen_contact', `agreement ${w}`) })],
        ['a supporter', (w: string) => examplePlan({ network: EXAMPLE_SECTIONS.network.replace('supporter oma', `supporter ${w}`) })],
        ['a measure', (w: string) => examplePlan({ measures: EXAMPLE_SECTIONS.measures.replace('measure hv', `measure ${w}`) })]
    ])('a reserved word as the name of %s is one VP000, nothing else', async (_label, make) => {
        for (const word of ['regie', 'household', 'phase', 'for']) {
            const result = await checkPlan(make(word));
            expect(result.codes, word).toEqual(['VP000']);
            expect(withCode(result, 'VP000')[0].message).toContain(`'${word}'`);
        }
    });

    test('a reserved word as the name of an organisation or a measure type is one VP000', async () => {
        expect((await checkText(services, 'organisation status "X" kind other')).codes).toEqual(['VP000']);
        expect((await checkText(services, 'measure type regie "X" {\n mode drang\n}')).codes).toEqual(['VP000']);
    });

    test('a trailing comma is VP000 about the comma, not about a reserved word', async () => {
        const result = await checkPlan(examplePlan({ household: household('member zus adult born 1960 roles victim,', 'member zus2 adult no-action "x"') }));
        expect(result.codes).toContain('VP000');
        expect(withCode(result, 'VP000')[0].message).toBe("A list ends with a comma before 'member': remove the comma (a list has no trailing comma), or add the missing name after it.");
        // On the same line as the next item's keyword (`for sanne, by ...`): about the comma too.
        const sameLine = await checkText(services, 'organisation o "O" kind other\nplan p "P" {\n    intervention i "I" {\n        for a, by o\n    }\n}\n');
        expect(withCode(sameLine, 'VP000')[0].message).toMatch(/^A list ends with a comma before 'by'/);
        expect(decoded({ kind: 'trailingComma', found: 'by' }, 'nl')).toBe("Een opsomming eindigt op een komma vóór 'by': haal de komma weg (een opsomming eindigt niet op een komma), of vul de ontbrekende naam aan.");
    });
});

describe('VP000 value words', () => {
    test('an unknown value word lists the allowed values, on the word', async () => {
        const result = await checkText(services, 'plan p "P" { status draft household { member a adult roles victim, bystander } }');
        const [diagnostic] = withCode(result, 'VP000');
        expect(diagnostic.message).toBe("Unknown role 'bystander'; allowed: victim, perpetrator, witness, parent.");
        expect(diagnostic.range.start.character).toBe(result.document.textDocument.getText().indexOf('bystander'));
        const nl = await checkText(services, 'plan p "P" { status draft household { member a adult roles victim, bystander } }', { locale: 'nl' });
        expect(withCode(nl, 'VP000')[0].message).toBe("Onbekende rol 'bystander'; toegestaan: victim, perpetrator, witness, parent.");
    });

    test('an unknown organisation kind and duration unit are VP000', async () => {
        const result = await checkText(services, 'organisation o "O" kind police\nmeasure type t "T" { mode drang initial 3 fortnights }');
        expect(withCode(result, 'VP000').map(d => d.message)).toEqual([
            expect.stringContaining("organisation kind 'police'"),
            expect.stringContaining("duration unit 'fortnights'")
        ]);
    });

    test.each([
        ['a role', household('member zus adult born 1960 roles victim, slachtoffer no-action "x"'), ['victim', 'perpetrator', 'witness', 'parent']],
        ['a member kind', household('member zus volwassene born 1960 no-action "x"'), ['adult', 'child']]
    ])('an unknown %s is VP000 listing the allowed values', async (_label, members, allowed) => {
        const result = await checkPlan(examplePlan({ household: members }));
        expect(result.codes).toContain('VP000');
        const message = withCode(result, 'VP000')[0].message;
        for (const value of allowed) expect(message).toContain(value);
    });

    test.each([
        ['an organisation kind', 'organisation x "X" kind bureau', ['veiligthuis', 'wijkteam', 'other']],
        ['a measure type mode', 'measure type t "T" {\n mode vrijwillig\n }', ['dwang', 'drang']],
        ['a measure type subject', 'measure type t "T" {\n mode drang\n subject kinderen\n }', ['adult', 'minor', 'any']]
    ])('an unknown %s is VP000 listing the allowed values', async (_label, text, allowed) => {
        const result = await checkText(services, text);
        expect(result.codes).toEqual(['VP000']);
        for (const value of allowed) expect(withCode(result, 'VP000')[0].message).toContain(value);
    });

    test('an unknown domain, severity, nature, framework or phase kind is VP000', async () => {
        for (const replace of [
            { risks: EXAMPLE_SECTIONS.risks.replace('domain safety', 'domain wonen') },
            { risks: EXAMPLE_SECTIONS.risks.replace('severity high', 'severity hoog') },
            { risks: EXAMPLE_SECTIONS.risks.replace('nature dynamic', 'nature wisselend') },
            { interventions: EXAMPLE_SECTIONS.interventions.replace('framework drang', 'framework vrijwillig') },
            { phases: EXAMPLE_SECTIONS.phases.replace('phase safety', 'phase veiligheid') }
        ]) {
            expect((await checkPlan(examplePlan(replace))).codes, JSON.stringify(replace)).toContain('VP000');
        }
    });

    test('an unknown duration unit is VP000; singular and plural are interchangeable', async () => {
        const bad = await checkPlan(examplePlan({ aftercare: EXAMPLE_SECTIONS.aftercare.replace('for 18 months', 'for 18 maanden') }));
        expect(bad.codes).toContain('VP000');
        const ok = await checkPlan(examplePlan({ aftercare: EXAMPLE_SECTIONS.aftercare.replace('for 18 months', 'for 2 year').replace('3 months, 6 months', '1 month, 2 week, 1 days, 6 months') }));
        expect(ok.codes).toEqual([]);
    });

    test.each(ORGANISATION_KINDS)('organisation kind %s is accepted', async kind => {
        expect((await checkText(services, `organisation org_${kind} "Org" kind ${kind}`)).codes).toEqual([]);
    });

    test('values are not reserved: an organisation may be named like its kind, and serve as regievoerder', async () => {
        expect((await checkText(services, 'organisation politie "Politie ZHZ" kind politie\norganisation gemeente "Gemeente" kind gemeente')).codes).toEqual([]);
        const text = examplePlan({ regie: EXAMPLE_SECTIONS.regie.replace('wijkteam_dordrecht from 2026-02-09', 'politie from 2026-02-09') });
        expect((await checkPlan(text, { others: ['organisation politie "Politie ZHZ" kind politie\norganisation dwang "Dwang" kind other'] })).codes).toEqual([]);
        expect((await checkText(services, 'organisation adult "A" kind other')).codes).toEqual([]);
    });

    test('a member may be named like a value word (adult, victim, safety)', async () => {
        const result = await checkPlan(examplePlan({ household: household('member victim adult born 1960 no-action "x"', 'member safety child born 2019 no-action "y"') }));
        expect(result.codes).toEqual([]);
    });

    test.each(['draft', 'active', 'closed'])('status %s is accepted', async status => {
        expect((await checkPlan(examplePlan({ header: EXAMPLE_SECTIONS.header.replace('status active', `status ${status}`) }))).codes).toEqual([]);
    });

    test('roles victim, perpetrator, witness and parent; victim and perpetrator together is legal; roles may be absent', async () => {
        const result = await checkPlan(examplePlan({
            household: household('member zus child born 2019').replace('roles victim, parent', 'roles victim, perpetrator, witness, parent'),
            agreements: EXAMPLE_SECTIONS.agreements.replace('protects sanne', 'protects sanne, zus'),
            // sanne is a perpetrator too: her help is drang (VP041 asks a fallback of voluntary help for a perpetrator)
            interventions: EXAMPLE_SECTIONS.interventions.replace(/addresses partnergeweld\n {4}}$/, 'addresses partnergeweld\n        framework drang\n    }')
        }));
        expect(result.codes).toEqual([]);
    });

    test.each(['low', 'medium', 'high', 'acute'])('severity %s is accepted', async severity => {
        expect((await checkPlan(examplePlan({ risks: EXAMPLE_SECTIONS.risks.replace('severity high', `severity ${severity}`) }))).codes).toEqual([]);
    });

    test.each(DOMAINS)('domain %s is accepted', async domain => {
        expect((await checkPlan(examplePlan({ risks: EXAMPLE_SECTIONS.risks.replace('domain safety', `domain ${domain}`) }))).codes).toEqual([]);
    });

    test.each(['static', 'dynamic'])('nature %s is accepted', async nature => {
        expect((await checkPlan(examplePlan({ risks: EXAMPLE_SECTIONS.risks.replace('nature dynamic', `nature ${nature}`) }))).codes).toEqual([]);
    });

    test.each(['voluntary', 'drang', 'dwang'])('framework %s is accepted', async framework => {
        const fallback = framework === 'voluntary' ? '\n        fallback "Terugmelding"' : '';
        const interventions = EXAMPLE_SECTIONS.interventions.replace('framework drang', `framework ${framework}${fallback}`);
        expect((await checkPlan(examplePlan({ interventions }))).codes).toEqual([]);
    });

    test.each(['safety', 'stability', 'recovery'])('phase kind %s is accepted, also on an intervention', async kind => {
        const interventions = EXAMPLE_SECTIONS.interventions.replace('        addresses partnergeweld\n    }\n\n    intervention steun', `        addresses partnergeweld\n        phase ${kind}\n    }\n\n    intervention steun`);
        expect(interventions).toContain(`phase ${kind}`);
        expect((await checkPlan(examplePlan({ interventions }))).codes).not.toContain('VP000');
    });

    test.each(['invited', 'present', 'heard', 'informed'])('client mode %s is accepted', async mode => {
        const meetings = EXAMPLE_SECTIONS.meetings.replace('client mark invited', `client mark ${mode}`);
        expect((await checkPlan(examplePlan({ meetings }))).codes).toEqual([]);
    });

    test.each(UNITS)('duration unit %s is accepted', async unit => {
        expect((await checkText(services, `measure type t "T" {\n    mode drang\n    initial 1 ${unit}\n}`)).codes).toEqual([]);
    });

    test('measure type values: mode dwang and drang, subject adult, minor and any, organisation kinds for imposed by and regie', async () => {
        const types = ['dwang', 'drang'].flatMap(mode => ['adult', 'minor', 'any'].map(subject =>
            `measure type t_${mode}_${subject} "T" {\n mode ${mode}\n subject ${subject}\n imposed by ${ORGANISATION_KINDS.join(', ')}\n regie wijkteam\n term max 1 year\n}`));
        expect((await checkText(services, types.join('\n'))).codes).toEqual([]);
    });
});

describe('VP000 string escapes', () => {
    test('only \\" and \\\\ escapes are allowed in strings; the finding is on the escape', async () => {
        expect((await checkText(services, 'organisation o "Zeg \\"hoi\\" met \\\\ streep" kind other')).diagnostics).toEqual([]);
        const bad = await checkText(services, 'organisation o "regel\\nnieuw" kind other');
        const [d] = withCode(bad, 'VP000');
        expect(d.message).toBe("Invalid escape '\\n' in a string: only \\\" and \\\\ are allowed.");
        expect(bad.document.textDocument.getText(d.range)).toBe('\\n');
        const nl = await checkText(services, 'organisation o "regel\\nnieuw" kind other', { locale: 'nl' });
        expect(withCode(nl, 'VP000')[0].message).toBe("Ongeldige escape '\\n' in een tekst: alleen \\\" en \\\\ zijn toegestaan.");
    });

    test('in a plan: VP000 and nothing else', async () => {
        expect((await checkPlan(examplePlan({ extra: '    evaluation 2026-06-01 "Zeg \\"nee\\" \\\\ ja"' }))).codes).toEqual([]);
        expect((await checkPlan(examplePlan({ extra: '    evaluation 2026-06-01 "Regel\\nnieuw"' }))).codes).toEqual(['VP000']);
    });
});

describe('recovery: a typo is VP000 and hides nothing else', () => {
    test.each([
        ['a keyword typo in a measure', { measures: EXAMPLE_SECTIONS.measures.replace('on mark', 'onn mark') }],
        ['a keyword typo in an intervention', { interventions: EXAMPLE_SECTIONS.interventions.replace('by ggz_zhz', 'bye ggz_zhz') }],
        ['a keyword typo in a risk', { risks: EXAMPLE_SECTIONS.risks.replace('nature dynamic', 'natur dynamic') }],
        ['a keyword typo in an agreement', { agreements: EXAMPLE_SECTIONS.agreements.replace('checked by veiligthuis_zhz', 'checkd by veiligthuis_zhz') }],
        ['a broken evaluation', { extra: '    evaluation 2026-06-01 "Eval" extra' }],
        ['a keyword typo in the measure\'s `by`', { measures: EXAMPLE_SECTIONS.measures.replace('by burgemeester_dordrecht', 'bij burgemeester_dordrecht') }]
    ])('%s: VP000, and the VP011 elsewhere is still there', async (_label, replace) => {
        const result = await checkPlan(examplePlan({ regie: REGIE_WITH_GAP, ...replace }));
        expect(result.codes).toContain('VP000');
        expect(result.codes.filter(c => c !== 'VP000')).toEqual(['VP011']);
    });

    test('a syntax error in one construct does not hide a VP041 in another', async () => {
        const result = await checkPlan(examplePlan({
            interventions: EXAMPLE_SECTIONS.interventions.replace('        framework drang\n', ''),
            extra: '    evaluation 2026-06-01 "Eval" extra'
        }));
        expect(result.codes).toEqual(['VP000', 'VP041']);
    });

    test('errors recover: a typo in one item does not hide a VP081 in the next', async () => {
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
});

describe('VP000 v2: what is valid at that point, and "did you mean"', () => {
    const misspelt = (find: string, replace: string, section: keyof typeof EXAMPLE_SECTIONS = 'measures') =>
        examplePlan({ [section]: EXAMPLE_SECTIONS[section].replace(find, replace) });

    test('`protect` in a measure lists the measure\'s items and asks "did you mean `protects`?", in English and Dutch', async () => {
        const text = misspelt('protects sanne', 'protect sanne');
        const [en] = withCode(await checkPlan(text), 'VP000');
        expect(en.range.start.line).toBe(lineOf(text, 'protect sanne'));
        expect(en.message).toBe("Unexpected 'protect': expected ',', 'on', 'protects', 'by', 'from', 'extend' or '}'. Did you mean `protects`?");
        expect(en.data).toMatchObject({ fix: { replacement: 'protects' } });
        const [nl] = withCode(await checkPlan(text, { locale: 'nl' }), 'VP000');
        expect(nl.message).toBe("Onverwacht 'protect': verwacht ',', 'on', 'protects', 'by', 'from', 'extend' of '}'. Bedoel je `protects`?");
    });

    test.each([
        ['a swapped pair of letters in a plan item', 'status active', 'statsu active', 'header', 'status'],
        ['a Dutch `tot` after a period\'s start', 'to 2027-01-12', 'tot 2027-01-12', 'header', 'to'],
        ['an optional item of a member', 'born 1989 roles', 'born 1989 rolse', 'household', 'roles'],
        ['the first word of a two-word item', 'posed by mark', 'posd by mark', 'risks', 'posed'],
        ['a missing letter in an intervention item', 'framework drang', 'framwork drang', 'interventions', 'framework']
    ])('%s: the quick fix puts the keyword in, and the plan checks clean again', async (_label, find, replace, section, keyword) => {
        const text = misspelt(find, replace, section as keyof typeof EXAMPLE_SECTIONS);
        const result = await checkPlan(text);
        const [error] = withCode(result, 'VP000');
        expect(error.message).toContain(`Did you mean \`${keyword}\`?`);
        const fixed = await applyFix(text, 'VP000');
        expect(fixed.actions.map(a => a.title)).toEqual([`Change to '${keyword}'`]);
        expect(fixed.after).toBe(text.replace(replace, find));
        expect((await checkPlan(fixed.after)).codes).toEqual([]);
    });

    test('a word at the top level lists the declarations and suggests `plan`', async () => {
        const text = examplePlan().replace('plan vermeer_2026', 'plna vermeer_2026');
        const [error] = withCode(await checkPlan(text), 'VP000');
        expect(error.message).toBe("Unexpected 'plna': expected 'plan', 'organisation' or 'measure type'. Did you mean `plan`?");
        expect((await checkPlan((await applyFix(text, 'VP000')).after)).codes).toEqual([]);
    });

    test('a word close to nothing valid gets the list but no suggestion and no fix', async () => {
        const text = misspelt('protects sanne', 'beschermt sanne');
        const [error] = withCode(await checkPlan(text), 'VP000');
        expect(error.message).toBe("Unexpected 'beschermt': expected ',', 'on', 'protects', 'by', 'from', 'extend' or '}'.");
        expect((await quickFixes(text, 'VP000')).actions).toEqual([]);
    });

    test('a valid keyword in the wrong place is not "misspelt"', async () => {
        const text = misspelt('protects sanne', 'protects sanne\n        period 2026-01-01');
        for (const d of withCode(await checkPlan(text), 'VP000')) expect(d.message).not.toContain('Did you mean');
    });

    test('the fix also works in a file with another syntax error: one typo after the other', async () => {
        const text = misspelt('protects sanne', 'protect sanne').replace('status active', 'statsu active');
        const first = await applyFix(text, 'VP000');
        expect(first.after).toBe(text.replace('statsu active', 'status active'));
        const second = await applyFix(first.after, 'VP000');
        expect((await checkPlan(second.after)).codes).toEqual([]);
    });

    test('an expected cross-reference reads as the name of what it refers to', async () => {
        const text = misspelt('on mark', 'on 2026-01-01');
        const [error] = withCode(await checkPlan(text), 'VP000');
        expect(error.message).toBe("Unexpected '2026-01-01': expected the name of a household member.");
        const [nl] = withCode(await checkPlan(text, { locale: 'nl' }), 'VP000');
        expect(nl.message).toBe("Onverwacht '2026-01-01': verwacht de naam van een gezinslid.");
    });

    test('after the budget of a document, an error keeps the parser\'s own list', () => {
        const refiner = new SyntaxMessageRefiner(services.Vplan);
        const text = misspelt('protects sanne', 'protect sanne');
        const parseResult = services.Vplan.parser.LangiumParser.parse(text);
        const [error] = parseResult.parserErrors;
        expect(refiner.refine(error.message, parseResult, newRefinementBudget())?.message.args).toMatchObject({ expected: expect.arrayContaining(["'protects'"]) });
        expect(refiner.refine(error.message, parseResult, { errors: 0, characters: 0 })?.message.args).toEqual({ expected: ["'}'"], found: 'protect' });
    });
});

describe('VP000 v2: `affects household` with members', () => {
    test.each([['household first', 'affects household, noor'], ['household last', 'affects noor, household']])('%s: the message explains, and its advice works', async (_label, affects) => {
        const text = examplePlan({ risks: EXAMPLE_SECTIONS.risks.replace('affects sanne, noor', affects) });
        const [error] = withCode(await checkPlan(text), 'VP000');
        expect(error.range.start.line).toBe(lineOf(text, affects));
        expect(error.message).toBe('`affects household` names the whole household and cannot be mixed with members: write `affects household` alone, ' +
            'or list the members it affects instead (`affects sanne, noor`).');
        const [nl] = withCode(await checkPlan(text, { locale: 'nl' }), 'VP000');
        expect(nl.message).toContain('`affects household` noemt het hele gezin en gaat niet samen met losse gezinsleden');
        expect((await checkPlan(text.replace(affects, 'affects household'))).codes).toEqual([]);
        expect((await checkPlan(text.replace(affects, 'affects sanne, noor'))).codes).toEqual([]);
    });
});

describe('VP000 v2: never quotes what VP070 or VP071 would report', () => {
    const stray = (token: string) => examplePlan({ extra: `    ${token}` });

    test.each([
        ['a number passing the eleven-test', '271828183', /^Unexpected number \(not repeated here: it may be personal data\): expected /, 'Onverwacht getal (hier niet herhaald'],
        ['a number in groups', '271 828 183', /^Unexpected number \(not repeated/, 'Onverwacht getal'],
        ['a string with a phone number', '"bel 06-12345678"', /^Unexpected text \(not repeated/, 'Onverwachte tekst'],
        ['a string with an e-mail address', '"mail a.jansen@example.nl"', /^Unexpected text \(not repeated/, 'Onverwachte tekst'],
        ['a string with a full date', '"sinds 12-03-2015"', /^Unexpected text \(not repeated/, 'Onverwachte tekst'],
        ['a string with a direction control', '"x\u202Ey"', /^Unexpected text \(not repeated/, 'Onverwachte tekst']
    ])('%s is named by its kind', async (_label, token, en, nl) => {
        const text = stray(token);
        const [error] = withCode(await checkPlan(text), 'VP000');
        expect(error.message).toMatch(en);
        expect(error.message).toContain("expected 'status', 'period'");
        expect(JSON.stringify(error)).not.toContain(token.replace(/"/g, ''));
        expect(withCode(await checkPlan(text, { locale: 'nl' }), 'VP000')[0].message).toContain(nl);
    });

    test.each([['a small number', '12'], ['a harmless string', '"Tweede evaluatie"'], ['a number failing the eleven-test', '123456789']])('%s is still quoted', async (_label, token) => {
        const [error] = withCode(await checkPlan(stray(token)), 'VP000');
        expect(error.message).toContain(`Unexpected '${token}'`);
    });

    test('an unknown value word holding a BSN is not repeated either', async () => {
        const text = examplePlan({ household: household().replace('roles victim, parent', 'roles victim271828183, parent') });
        const result = await checkPlan(text);
        expect(result.codes).toEqual(['VP000', 'VP070']);
        const [error] = withCode(result, 'VP000');
        expect(error.message).toBe('Unknown role (a name not repeated here: it may be personal data); allowed: victim, perpetrator, witness, parent.');
        expect(JSON.stringify(error)).not.toContain('271828183');
    });
});

describe('documentation example', () => {
    test('the example gives VP000 and nothing else', async () => {
        const codes = await exampleCodes(vp000);
        expect(codes.length).toBeGreaterThan(0);
        expect(new Set(codes)).toEqual(new Set(['VP000']));
    });
});
