/**
 * Words and phrases every catalogue needs, in one place so that the same concept has the same
 * Dutch word everywhere (a *gezinslid*, a *regievoerder*, an *opmerking*): counts of days and
 * months, durations, lists, severities. Messages of rules, the editor, the timeline and the CLI
 * build on these instead of writing their own.
 */

import type { DurationValue } from '../model/dates.js';
import type { ValueSetName } from '../model/vocabulary.js';
import type { Locale } from './locale.js';

type Forms = readonly [one: string, many: string];

const UNITS: Record<Locale, Record<DurationValue['unit'], Forms>> = {
    en: { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'], year: ['year', 'years'] },
    nl: { day: ['dag', 'dagen'], week: ['week', 'weken'], month: ['maand', 'maanden'], year: ['jaar', 'jaar'] }
};

/** `1 day`, `3 days`, `1 dag`, `3 dagen`. */
export function dayCount(count: number, locale: Locale): string {
    return durationText({ amount: count, unit: 'day' }, locale);
}

/** `1 month`, `18 months`, `1 maand`, `18 maanden`. */
export function monthCount(count: number, locale: Locale): string {
    return durationText({ amount: count, unit: 'month' }, locale);
}

/** A duration in words of the locale: `3 months`, `3 maanden`, `1 jaar`. */
export function durationText(duration: DurationValue, locale: Locale): string {
    const [one, many] = UNITS[locale][duration.unit];
    return `${duration.amount} ${duration.amount === 1 ? one : many}`;
}

/** A length of months and days: `2 months and 3 days`, `2 maanden en 3 dagen`. */
export function monthsAndDaysText(months: number, days: number, locale: Locale): string {
    if (months === 0) return dayCount(days, locale);
    if (days === 0) return monthCount(months, locale);
    return `${monthCount(months, locale)} ${locale === 'nl' ? 'en' : 'and'} ${dayCount(days, locale)}`;
}

function list(items: readonly string[], conjunction: string): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** `a, b and c` / `a, b en c`. */
export function andList(items: readonly string[], locale: Locale): string {
    return list(items, locale === 'nl' ? 'en' : 'and');
}

/** `a, b or c` / `a, b of c`. */
export function orList(items: readonly string[], locale: Locale): string {
    return list(items, locale === 'nl' ? 'of' : 'or');
}

/** `a` / `an` before a word in English messages. */
export function article(word: string): string {
    return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/**
 * The severities as users read them. In Dutch an info is an *opmerking*: at Veilig Thuis a
 * *melding* is a report of violence, never a remark of a tool. A diagnostic of any severity is a
 * *bevinding* (the diff's "Nieuwe bevindingen", `vplan check --help`).
 */
export const SEVERITY_WORDS: Record<Locale, Record<'error' | 'warning' | 'info', Forms>> = {
    en: { error: ['error', 'errors'], warning: ['warning', 'warnings'], info: ['info', 'infos'] },
    nl: { error: ['fout', 'fouten'], warning: ['waarschuwing', 'waarschuwingen'], info: ['opmerking', 'opmerkingen'] }
};

/** `1 error`, `3 waarschuwingen`, `2 opmerkingen`. */
export function severityCount(count: number, severity: 'error' | 'warning' | 'info', locale: Locale): string {
    const [one, many] = SEVERITY_WORDS[locale][severity];
    return `${count} ${count === 1 ? one : many}`;
}

/** `error`, `waarschuwing`, `opmerking`: one severity as a word, e.g. before a rule code. */
export function severityWord(severity: 'error' | 'warning' | 'info', locale: Locale): string {
    return SEVERITY_WORDS[locale][severity][0];
}

/** `1 file`, `3 files`, `1 bestand`, `3 bestanden`. */
export function fileCount(count: number, locale: Locale): string {
    const [one, many] = locale === 'nl' ? ['bestand', 'bestanden'] : ['file', 'files'];
    return `${count} ${count === 1 ? one : many}`;
}

/**
 * The things a plan is made of, as a coordinator names them. Messages of the editor, the
 * timeline and the diff use these nouns, so a *gezinslid* is never a *lid* or a *persoon* elsewhere.
 */
export type ConceptName =
    | 'plan' | 'member' | 'supporter' | 'risk' | 'phase' | 'measure' | 'measureType' | 'intervention' | 'agreement'
    | 'regie' | 'regieEntry' | 'handover' | 'aftercare' | 'checkpoint' | 'meeting' | 'incident' | 'evaluation' | 'organisation';

export const CONCEPT_WORDS: Record<Locale, Record<ConceptName, string>> = {
    en: {
        plan: 'plan', member: 'member', supporter: 'supporter', risk: 'risk', phase: 'phase', measure: 'measure',
        measureType: 'measure type', intervention: 'intervention', agreement: 'agreement', regie: 'regie',
        regieEntry: 'regie entry', handover: 'handover', aftercare: 'aftercare', checkpoint: 'checkpoint', meeting: 'meeting',
        incident: 'incident', evaluation: 'evaluation', organisation: 'organisation'
    },
    nl: {
        plan: 'plan', member: 'gezinslid', supporter: 'steunfiguur', risk: 'risico', phase: 'fase', measure: 'maatregel',
        measureType: 'maatregeltype', intervention: 'interventie', agreement: 'afspraak', regie: 'regie',
        regieEntry: 'regieperiode', handover: 'overdracht', aftercare: 'nazorg', checkpoint: 'controlemoment', meeting: 'overleg',
        incident: 'incident', evaluation: 'evaluatie', organisation: 'organisatie'
    }
};

/** A concept's noun in the locale: `member` / `gezinslid`. */
export function conceptWord(concept: ConceptName, locale: Locale): string {
    return CONCEPT_WORDS[locale][concept];
}

/**
 * How a member relates to an item that covers them, seen from the member: the subject of a
 * measure (`on`), the one helped (`for`), the one protected (`protects`).
 */
const RELATION_WORDS: Record<Locale, Record<'on' | 'for' | 'protects', string>> = {
    en: { on: 'on', for: 'for', protects: 'protects' },
    nl: { on: 'opgelegd', for: 'krijgt hulp', protects: 'beschermd' }
};

/** `protects` / `beschermd`: the member's relation to an item that covers them. */
export function relationWord(relation: 'on' | 'for' | 'protects', locale: Locale): string {
    return RELATION_WORDS[locale][relation];
}

/**
 * The value words of the language as a Dutch reader knows them. The plan text keeps the
 * language's (English) words; views for people (timeline, hover) show these. A value without an
 * entry (an organisation kind such as `veiligthuis`) is shown as written.
 */
const VALUE_WORDS_NL: Record<'memberKind' | 'role' | 'framework' | 'phaseKind' | 'subject' | 'status', Record<string, string>> = {
    memberKind: { adult: 'volwassene', child: 'kind' },
    role: { victim: 'slachtoffer', perpetrator: 'pleger', witness: 'getuige', parent: 'ouder' },
    framework: { voluntary: 'vrijwillig', drang: 'drang', dwang: 'dwang', unknown: 'onbekend' },
    phaseKind: { safety: 'veiligheid', stability: 'stabiliteit', recovery: 'herstel' },
    subject: { adult: 'volwassene', minor: 'minderjarige', any: 'iedereen' },
    status: { draft: 'concept', active: 'actief', closed: 'afgesloten' }
};

export type ValueWordSet = keyof typeof VALUE_WORDS_NL;

/** A value word for people: `victim` in English, `slachtoffer` in Dutch; unknown words as written. */
export function valueWord(set: ValueWordSet, value: string, locale: Locale): string {
    return locale === 'nl' ? VALUE_WORDS_NL[set][value] ?? value : value;
}

/** `yes` / `ja`, `no` / `nee`. */
export function yesNo(value: boolean, locale: Locale): string {
    return locale === 'nl' ? (value ? 'ja' : 'nee') : (value ? 'yes' : 'no');
}

/** Each value set as a coordinator names it (VP000's messages, hovers, completion details). */
const VALUE_SET_NAMES: Record<ValueSetName, Record<Locale, string>> = {
    status: { en: 'status', nl: 'status' },
    memberKind: { en: 'member kind', nl: 'soort gezinslid' },
    role: { en: 'role', nl: 'rol' },
    severity: { en: 'severity', nl: 'ernst' },
    nature: { en: 'nature', nl: 'aard' },
    domain: { en: 'domain', nl: 'domein' },
    phaseKind: { en: 'phase', nl: 'fase' },
    framework: { en: 'framework', nl: 'kader' },
    clientMode: { en: 'client mode', nl: 'manier van deelname' },
    subject: { en: 'subject', nl: 'doelgroep' },
    mode: { en: 'mode', nl: 'soort maatregel' },
    organisationKind: { en: 'organisation kind', nl: 'soort organisatie' },
    durationUnit: { en: 'duration unit', nl: 'tijdseenheid' },
    endedReason: { en: 'reason for ending', nl: 'reden van beëindiging' }
};

/** `member kind` / `soort gezinslid`: a value set by its name in words, never its name in the code. */
export function valueSetName(set: ValueSetName, locale: Locale): string {
    return VALUE_SET_NAMES[set]?.[locale] ?? set;
}

/** A declaration's or reference's AST type as a noun with its article ("an organisation"), since English needs "a" or "an". */
const DECLARATION_NOUNS: Record<string, Record<Locale, string>> = {
    Member: { en: 'a household member', nl: 'een gezinslid' },
    Supporter: { en: 'a supporter', nl: 'een steunfiguur' },
    Organisation: { en: 'an organisation', nl: 'een organisatie' },
    MeasureType: { en: 'a measure type', nl: 'een soort maatregel' },
    Plan: { en: 'a plan', nl: 'een plan' },
    Risk: { en: 'a risk', nl: 'een risico' },
    Measure: { en: 'a measure', nl: 'een maatregel' },
    Intervention: { en: 'an intervention', nl: 'een interventie' },
    Agreement: { en: 'an agreement', nl: 'een afspraak' },
    AgreementParty: { en: 'a household member or supporter', nl: 'een gezinslid of steunfiguur' },
    Checker: { en: 'an organisation or supporter', nl: 'een organisatie of steunfiguur' },
    ActionOwner: { en: 'an organisation, household member or supporter', nl: 'een organisatie, gezinslid of steunfiguur' }
};

/** `an organisation`, `een gezinslid`: the kind of a declaration (its AST type) with its article. */
export function declarationNoun(type: string, locale: Locale): string {
    return DECLARATION_NOUNS[type]?.[locale] ?? type;
}
