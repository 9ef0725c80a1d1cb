/**
 * Syntax: VP000, every finding about text that does not follow the grammar. Its sources:
 * - the parser and the lexer (and the name lexer, syntax/name-lexer.ts, for a reserved word used
 *   as a name): their providers in syntax/syntax-errors.ts encode the error while parsing, before
 *   the document's locale is known, and the document validator decodes it into one of the
 *   findings below (validation/vplan-document-validator.ts);
 * - this module's file check: value words (roles, kinds, units, ...) are identifiers to the
 *   grammar, so an unknown one is reported here with the allowed values; so is a string escape
 *   other than \" and \\.
 *
 * VP000 always reports (also inside a duplicate declaration) and cannot be turned off; the other
 * rules stay silent about what a syntax error may have dropped (validation/syntax-cascades.ts).
 *
 * The file check reads nothing but the document's own text and syntax tree: its findings are
 * recorded per tree and replayed when the document is validated again unchanged (vplan-validator.ts).
 */

import { CstUtils, isAstNode, type AstNode, type LangiumDocument } from 'langium';
import type { Locale } from '../i18n/locale.js';
import { orList, valueSetName } from '../i18n/phrases.js';
import { VALUE_SET_LOOKUP, VALUE_SETS, type ValueSetName } from '../model/vocabulary.js';
import type { SyntaxMessage } from '../syntax/syntax-errors.js';
import { findBsns } from '../model/personal-data.js';
import { defineRule, defineRules, finding, message, text, type Finding, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import type { FixProposal } from './fix-support.js';
import { examplePlan, EXAMPLE_SECTIONS } from './example-plan.js';

/** How the parser's neutral token keys (`<ID>`, `'member'`) read in a message. */
const TERMINAL_NAMES: Record<string, Record<Locale, string>> = {
    '<ID>': { en: 'a name', nl: 'een naam' },
    '<STRING>': { en: 'a quoted text', nl: 'een tekst tussen aanhalingstekens' },
    '<DATE>': { en: 'a date (YYYY-MM-DD)', nl: 'een datum (JJJJ-MM-DD)' },
    '<INT>': { en: 'a number', nl: 'een getal' },
    '<EOF>': { en: 'the end of the file', nl: 'het einde van het bestand' }
};

/** What a cross-reference names, for "the name of ..." (`<REF:Member>`). */
const REFERENCE_NAMES: Record<string, Record<Locale, string>> = {
    Member: { en: 'a household member', nl: 'een gezinslid' },
    Organisation: { en: 'an organisation', nl: 'een organisatie' },
    MeasureType: { en: 'a measure type', nl: 'een soort maatregel' },
    Risk: { en: 'a risk', nl: 'een risico' },
    AgreementParty: { en: 'a household member or supporter', nl: 'een gezinslid of steunfiguur' },
    Checker: { en: 'an organisation or supporter', nl: 'een organisatie of steunfiguur' },
    ActionOwner: { en: 'an organisation, household member or supporter', nl: 'een organisatie, gezinslid of steunfiguur' }
};

function tokenName(key: string, locale: Locale): string {
    const reference = /^<REF:(\w+)>$/.exec(key);
    if (reference) {
        const target = REFERENCE_NAMES[reference[1]];
        return target ? (locale === 'nl' ? `de naam van ${target.nl}` : `the name of ${target.en}`) : tokenName('<ID>', locale);
    }
    return TERMINAL_NAMES[key]?.[locale] ?? key;
}

/** A token that is not repeated (it may hold personal data, spec section 7), by its kind. */
const WITHHELD: Record<string, Record<Locale, string>> = {
    '<INT>': { en: 'number', nl: 'getal' },
    '<DATE>': { en: 'date', nl: 'datum' },
    '<STRING>': { en: 'text', nl: 'tekst' },
    '<ID>': { en: 'name', nl: 'naam' }
};

/** "Unexpected 'x'" / "Unexpected end of file" / "Unexpected number (not repeated ...)", in the locale; a long token is cut short. */
function unexpected(found: string, locale: Locale): string {
    if (found === '<EOF>') return locale === 'nl' ? 'Onverwacht einde van het bestand' : 'Unexpected end of file';
    const withheld = WITHHELD[found];
    if (withheld) {
        return locale === 'nl'
            ? `Onverwacht${found === '<DATE>' || found === '<STRING>' || found === '<ID>' ? 'e' : ''} ${withheld.nl} (hier niet herhaald: het kan een persoonsgegeven zijn)`
            : `Unexpected ${withheld.en} (not repeated here: it may be personal data)`;
    }
    const shown = `'${found.length > 40 ? found.slice(0, 40) + '…' : found}'`;
    return locale === 'nl' ? `Onverwacht ${shown}` : `Unexpected ${shown}`;
}

/** " Did you mean `protects`?" after a message, or nothing. */
function didYouMean(suggestion: string | undefined, locale: Locale): string {
    if (!suggestion) return '';
    return locale === 'nl' ? ` Bedoel je \`${suggestion}\`?` : ` Did you mean \`${suggestion}\`?`;
}

/** "a name, 'to' or 'for'" / "een naam, 'to' of 'for'". */
function alternatives(keys: readonly string[], locale: Locale): string {
    return orList(keys.map(key => tokenName(key, locale)), locale);
}


/**
 * The findings of the parser and the lexer, keyed as syntax/syntax-errors.ts decodes them: the
 * `satisfies` makes a decoded error without a message (or with other arguments) a compile error.
 */
type DecodedFindings = { [M in SyntaxMessage as M['messageId'] extends `VP000.${infer K}` ? K : never]: Finding<M['args']> };

const parserFindings = {
    reserved: finding<{ word: string }>({
        en: a => `'${a.word}' is a reserved word and cannot be used as a name; choose another pseudonym.`,
        nl: a => `'${a.word}' is een gereserveerd woord en kan geen naam zijn; kies een ander pseudoniem.`
    }),
    expected: finding<{ expected: string[]; found: string; suggestion?: string }>({
        en: a => `${unexpected(a.found, 'en')}: expected ${alternatives(a.expected, 'en')}.${didYouMean(a.suggestion, 'en')}`,
        nl: a => `${unexpected(a.found, 'nl')}: verwacht ${alternatives(a.expected, 'nl')}.${didYouMean(a.suggestion, 'nl')}`
    }),
    trailing: finding<{ found: string; suggestion?: string }>({
        en: a => `${unexpected(a.found, 'en')}: expected a declaration ('plan', 'organisation' or 'measure type').${didYouMean(a.suggestion, 'en')}`,
        nl: a => `${unexpected(a.found, 'nl')}: verwacht een declaratie ('plan', 'organisation' of 'measure type').${didYouMean(a.suggestion, 'nl')}`
    }),
    householdMixed: finding({
        en: () => '`affects household` names the whole household and cannot be mixed with members: write `affects household` alone, ' +
            'or list the members it affects instead (`affects sanne, noor`).',
        nl: () => '`affects household` noemt het hele gezin en gaat niet samen met losse gezinsleden: schrijf alleen `affects household`, ' +
            'of noem in plaats daarvan de gezinsleden die het raakt (`affects sanne, noor`).'
    }),
    character: finding<{ found: string }>({
        // An invisible character comes as its code point (`U+202E`), unquoted.
        en: a => (a.found.startsWith('U+') && a.found.length > 2 ? `Unexpected invisible character ${a.found}.` : `Unexpected character '${a.found}'.`),
        nl: a => (a.found.startsWith('U+') && a.found.length > 2 ? `Onverwacht onzichtbaar teken ${a.found}.` : `Onverwacht teken '${a.found}'.`)
    }),
    string: finding({
        en: () => 'Unterminated string: a text in double quotes must end on the same line.',
        nl: () => 'Tekst niet afgesloten: een tekst tussen dubbele aanhalingstekens moet op dezelfde regel eindigen.'
    }),
    comment: finding({
        en: () => 'Unterminated comment: `/*` opens a comment that is never closed; add `*/` where the comment ends (or start each line with `//`).',
        nl: () => 'Commentaar niet afgesloten: `/*` opent commentaar dat nergens wordt gesloten; zet `*/` waar het commentaar eindigt (of begin elke regel met `//`).'
    }),
    trailingComma: finding<{ found: string }>({
        en: a => `A list ends with a comma before '${a.found}': remove the comma (a list has no trailing comma), or add the missing name after it.`,
        nl: a => `Een opsomming eindigt op een komma vóór '${a.found}': haal de komma weg (een opsomming eindigt niet op een komma), of vul de ontbrekende naam aan.`
    }),
    memberKind: finding({
        en: () => 'A member needs its kind right after its name: write `adult` or `child`, e.g. `member noor child born 2015`.',
        nl: () => 'Een gezinslid heeft direct na de naam zijn soort nodig: schrijf `adult` of `child`, bijvoorbeeld `member noor child born 2015`.'
    }),
    bornDate: finding({
        en: () => '`born` takes a year only, never a full date of birth (the date is not repeated here): write `born YYYY`.',
        nl: () => '`born` krijgt alleen een jaartal, nooit een volledige geboortedatum (de datum wordt hier niet herhaald): schrijf `born JJJJ`.'
    }),
    unknown: finding<{ text: string }>({
        en: a => `Syntax error: ${a.text}`,
        nl: a => `Syntaxfout: ${a.text}`
    })
} satisfies DecodedFindings;

/** A value word as the message shows it: quoted, unless it may hold a BSN (spec section 7: then it is not repeated). */
function shownValue(value: string, locale: Locale): string {
    if (value !== WITHHELD_VALUE) return `'${value}'`;
    return locale === 'nl' ? '(een naam die hier niet herhaald wordt: het kan een persoonsgegeven zijn)' : '(a name not repeated here: it may be personal data)';
}

/** The value of a VP000.value finding whose word holds what VP070 reports (no word of the language starts with `<`). */
const WITHHELD_VALUE = '<ID>';

const vp000Texts = {
    fixTitle: message<{ replacement: string }>({
        en: a => `Change to '${a.replacement}'`,
        nl: a => `Vervang door '${a.replacement}'`
    })
};

export const vp000 = defineRule({
    code: 'VP000',
    severity: 'error',
    title: { en: 'Syntax', nl: 'Syntaxis' },
    findings: {
        ...parserFindings,
        value: finding<{ value: string; set: ValueSetName }>({
            en: a => `Unknown ${valueSetName(a.set, 'en')} ${shownValue(a.value, 'en')}; allowed: ${VALUE_SETS[a.set].join(', ')}.`,
            nl: a => `Onbekende ${valueSetName(a.set, 'nl')} ${shownValue(a.value, 'nl')}; toegestaan: ${VALUE_SETS[a.set].join(', ')}.`
        }),
        escape: finding<{ escape: string }>({
            en: a => `Invalid escape '${a.escape}' in a string: only \\" and \\\\ are allowed.`,
            nl: a => `Ongeldige escape '${a.escape}' in een tekst: alleen \\" en \\\\ zijn toegestaan.`
        })
    },
    texts: vp000Texts,
    // "Did you mean `protects`?": the misspelt token becomes the keyword (the refinement found it, syntax-refinement.ts).
    fix: (context): FixProposal[] => {
        const finding = context.finding;
        const replacement = finding.key === 'expected' || finding.key === 'trailing' ? finding.args.suggestion : undefined;
        if (!replacement || context.end <= context.start) return [];
        return [{
            title: text(vp000Texts.fixTitle, { replacement }, context.locale),
            edits: [{ offset: context.start, end: context.end, newText: replacement }],
            preferred: true
        }];
    },
    docs: {
        checks: 'The file follows the grammar of the language reference: keywords, braces, dates as `YYYY-MM-DD`, strings on one ' +
            'line with only `\\"` and `\\\\` as escapes. It also checks the value words the grammar reads as plain names: an unknown ' +
            'role, kind, status, severity, nature, domain, phase kind, framework, client mode, subject, mode, organisation kind or ' +
            'duration unit is VP000 with the allowed values in the message. A name equal to a structural keyword (`plan`, `member`, ' +
            '`risk`, `from`, ...) is VP000 whose message says the word is reserved. The parser recovers, so one typo does not hide ' +
            'the rest of the plan\'s diagnostics.',
        why: 'A plan that cannot be read cannot be checked. Value words stay unreserved so that, for example, ' +
            '`organisation politie "Politie ZHZ" kind politie` is fine (language reference, section 1).',
        example: {
            show: 'household {\n    member sanne adult born 1989 roles victm, parent\n}',
            file: examplePlan({ household: EXAMPLE_SECTIONS.household.replace('roles victim, parent', 'roles victm, parent') })
        },
        fix: 'Correct the word the message points at; the message lists what is allowed.'
    }
});

const RULES = [vp000] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

export const syntaxRules = defineRules({
    rules: RULES,
    documentLocal: true,
    file: ({ file, document, report }) => {
        forEachContent(file, node => checkValues(node, report));
        checkEscapes(file, document, report);
    }
});

/** For each node type and property holding value words, the set the words come from. */
const VALUE_PROPERTIES: Record<string, Array<[property: string, set: ValueSetName]>> = {
    Organisation: [['kind', 'organisationKind']],
    ModeItem: [['value', 'mode']],
    SubjectItem: [['value', 'subject']],
    ImposedByItem: [['kinds', 'organisationKind']],
    RegieKindItem: [['kind', 'organisationKind']],
    StatusItem: [['value', 'status']],
    Duration: [['unit', 'durationUnit']],
    Member: [['kind', 'memberKind'], ['roles', 'role']],
    SeverityItem: [['value', 'severity']],
    NatureItem: [['value', 'nature']],
    DomainItem: [['value', 'domain']],
    Phase: [['kind', 'phaseKind']],
    FrameworkItem: [['value', 'framework']],
    InterventionPhaseItem: [['kind', 'phaseKind']],
    ClientItem: [['mode', 'clientMode']],
    EndedItem: [['reason', 'endedReason']]
};

function checkValues(node: AstNode, report: Report): void {
    const properties = VALUE_PROPERTIES[node.$type];
    if (!properties) return;
    for (const [property, set] of properties) {
        const raw = (node as unknown as Record<string, unknown>)[property];
        const allowed = VALUE_SET_LOOKUP[set];
        if (Array.isArray(raw)) {
            for (let index = 0; index < raw.length; index++) {
                const value: unknown = raw[index];
                if (typeof value === 'string' && !allowed.has(value)) {
                    report('VP000.value', node, { value: withheld(value), set }, { property: property as never, index });
                }
            }
        } else if (typeof raw === 'string' && !allowed.has(raw)) {
            // A single word: no array is made for it (this runs for every value word of every file).
            report('VP000.value', node, { value: withheld(raw), set }, { property: property as never, index: undefined });
        }
    }
}

/** The word, or the withheld marker when it holds a BSN (VP070 reports it; the syntax error does not repeat it). */
function withheld(word: string): string {
    return /\d{9}/.test(word) && findBsns(word).length > 0 ? WITHHELD_VALUE : word;
}

/**
 * Visits every node below `node` in the order of Langium's `AstUtils.streamAllContents` (depth
 * first, properties in key order), with plain loops: the stream allocates objects per step.
 */
function forEachContent(node: AstNode, visit: (node: AstNode) => void): void {
    const record = node as unknown as Record<string, unknown>;
    // `for in` visits the same keys in the same order as Object.keys (AST nodes are plain objects)
    // without allocating the key array.
    for (const key in record) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[key];
        if (typeof value !== 'object' || value === null) continue; // names, value words, numbers
        if (isAstNode(value)) {
            visit(value);
            forEachContent(value, visit);
        } else if (Array.isArray(value)) {
            for (const element of value) {
                if (!isAstNode(element)) continue;
                visit(element);
                forEachContent(element, visit);
            }
        }
    }
}

const ESCAPE = /\\(.)/g;

/** One pass over the string tokens of the file. */
function checkEscapes(root: AstNode, document: LangiumDocument, report: Report): void {
    // Only a string with a backslash can hold an escape: most files have none, and need no walk.
    if (!root.$cstNode || !document.textDocument.getText().includes('\\')) return;
    for (const leaf of CstUtils.flattenCst(root.$cstNode)) {
        if (leaf.tokenType.name !== 'STRING') continue;
        for (const match of leaf.text.matchAll(ESCAPE)) {
            if (match[1] === '"' || match[1] === '\\') continue;
            const offset = leaf.offset + (match.index ?? 0);
            const range = {
                start: document.textDocument.positionAt(offset),
                end: document.textDocument.positionAt(offset + 2)
            };
            report('VP000.escape', leaf.astNode, { escape: match[0] }, { range });
        }
    }
}
