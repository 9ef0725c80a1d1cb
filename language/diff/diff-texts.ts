/**
 * The texts of the semantic diff (plan-diff-text.ts) as a catalogue of `Message`s, rendered with
 * `text()`; nouns and severities from i18n/phrases.ts. Field names are the language's keywords
 * and stay as the plan text writes them in both languages. A diagnostic is a *bevinding* in
 * Dutch, never a *melding* (a report of violence at Veilig Thuis).
 */

import { message, words, type Locale } from '../i18n/locale.js';
import { conceptWord, severityCount, severityWord, type ConceptName } from '../i18n/phrases.js';
import type { HandoverChange, ItemKind, SeverityCounts, TextDifference } from './plan-diff.js';

/** The nouns of the kinds of items: the concepts of i18n/phrases.ts. */
const KIND_CONCEPTS: Record<ItemKind, ConceptName> = {
    plan: 'plan', organisation: 'organisation', 'measure type': 'measureType', member: 'member', supporter: 'supporter',
    risk: 'risk', phase: 'phase', measure: 'measure', intervention: 'intervention', agreement: 'agreement', regie: 'regieEntry',
    aftercare: 'aftercare', meeting: 'meeting', incident: 'incident', evaluation: 'evaluation'
};

/** `1 error, 2 warnings` (only the severities that occur). */
function severities(counts: SeverityCounts, locale: Locale): string {
    const parts: string[] = [];
    if (counts.errors > 0) parts.push(severityCount(counts.errors, 'error', locale));
    if (counts.warnings > 0) parts.push(severityCount(counts.warnings, 'warning', locale));
    if (counts.infos > 0) parts.push(severityCount(counts.infos, 'info', locale));
    return parts.join(', ');
}

const total = (counts: SeverityCounts) => counts.errors + counts.warnings + counts.infos;

/** The one severity of a count, when all of it is of one severity. */
function onlySeverity(counts: SeverityCounts): string | undefined {
    const present = (['errors', 'warnings', 'infos'] as const).filter(key => counts[key] > 0);
    return present.length === 1 ? present[0] : undefined;
}

/**
 * The diagnostics part of the count line: `1 error introduced, 2 resolved` (the severity is
 * said once when both sides are of the same single severity).
 */
function diagnosticsPart(introduced: SeverityCounts, resolved: SeverityCounts, locale: Locale, verbs: { introduced: string; resolved: string }): string {
    const parts: string[] = [];
    if (total(introduced) > 0) parts.push(`${severities(introduced, locale)} ${verbs.introduced}`);
    if (total(resolved) > 0) {
        const elide = total(introduced) > 0 && onlySeverity(introduced) !== undefined && onlySeverity(introduced) === onlySeverity(resolved);
        parts.push(`${elide ? total(resolved) : severities(resolved, locale)} ${verbs.resolved}`);
    }
    return parts.length > 0 ? `; ${parts.join(', ')}` : '';
}

export interface CountArgs {
    added: number;
    changed: number;
    removed: number;
    introduced: SeverityCounts;
    resolved: SeverityCounts;
}

/** The diff's texts, rendered with `text()`. */
export const diffTexts = {
    /** When nothing changed in meaning: what did change in the text. */
    sameMeaning: message<{ difference: TextDifference }>({
        en: a => ({
            identical: 'No differences.',
            comments: 'No differences in meaning: only comments changed.',
            layout: 'No differences in meaning: only the layout changed.',
            wording: 'No differences in meaning: only the way it is written changed.'
        })[a.difference],
        nl: a => ({
            identical: 'Geen verschillen.',
            comments: 'Geen inhoudelijke verschillen: alleen commentaar is gewijzigd.',
            layout: 'Geen inhoudelijke verschillen: alleen de opmaak is gewijzigd.',
            wording: 'Geen inhoudelijke verschillen: alleen de schrijfwijze is gewijzigd.'
        })[a.difference]
    }),
    identical: words({ en: 'No differences in meaning.', nl: 'Geen inhoudelijke verschillen.' }),
    planHeader: message<{ plan: string }>({ en: a => `plan ${a.plan}:`, nl: a => `plan ${a.plan}:` }),
    renamed: message<{ noun: string; name: string; newName: string }>({
        en: a => `${a.noun} ${a.name} renamed to ${a.newName}`,
        nl: a => `${a.noun} ${a.name} heet nu ${a.newName}`
    }),
    moved: message<HandoverChange>({
        en: h => `regie moves from ${h.from} to ${h.to} on ${h.newDate} instead of ${h.oldDate}`,
        nl: h => `regie gaat van ${h.from} naar ${h.to} over op ${h.newDate} in plaats van ${h.oldDate}`
    }),
    handoverAdded: message<HandoverChange>({
        en: h => `new handover: regie passes from ${h.from} to ${h.to} on ${h.newDate}`,
        nl: h => `nieuwe overdracht: regie gaat van ${h.from} naar ${h.to} over op ${h.newDate}`
    }),
    handoverRemoved: message<HandoverChange>({
        en: h => `handover dropped: regie no longer passes from ${h.from} to ${h.to} on ${h.oldDate}`,
        nl: h => `overdracht vervalt: regie gaat niet meer van ${h.from} naar ${h.to} over op ${h.oldDate}`
    }),
    // A diagnostic is a *bevinding* in Dutch, never a *melding* (i18n/phrases.ts).
    introduced: words({ en: 'Diagnostics introduced:', nl: 'Nieuwe bevindingen:' }),
    resolved: words({ en: 'Diagnostics resolved:', nl: 'Opgeloste bevindingen:' }),
    /** `+ VP081 error: ...`; for a diagnostic of another file `+ plans/b.vplan:12: VP013 error: ...`. */
    diagnostic: message<{ sign: '+' | '-'; where?: string; code: string; severity: 'error' | 'warning' | 'info'; message: string }>({
        en: d => `  ${d.sign} ${d.where ? `${d.where}: ` : ''}${d.code} ${d.severity}: ${d.message}`,
        nl: d => `  ${d.sign} ${d.where ? `${d.where}: ` : ''}${d.code} ${severityWord(d.severity, 'nl')}: ${d.message}`
    }),
    none: words({ en: '(none)', nl: '(geen)' }),
    /** A kind's noun: `member` / `gezinslid`. */
    kind: message<{ kind: ItemKind }>({
        en: a => conceptWord(KIND_CONCEPTS[a.kind], 'en'),
        nl: a => conceptWord(KIND_CONCEPTS[a.kind], 'nl')
    }),
    /** The count line, in the manner of `terraform plan`. */
    counts: message<CountArgs>({
        en: a => `${a.added} added, ${a.changed} changed, ${a.removed} removed`
            + diagnosticsPart(a.introduced, a.resolved, 'en', { introduced: 'introduced', resolved: 'resolved' }),
        nl: a => `${a.added} toegevoegd, ${a.changed} gewijzigd, ${a.removed} verwijderd`
            + diagnosticsPart(a.introduced, a.resolved, 'nl', { introduced: 'nieuw', resolved: 'opgelost' })
    })
};
