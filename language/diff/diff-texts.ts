/**
 * The texts of the semantic diff (plan-diff-text.ts) as a catalogue of `Message`s, rendered with
 * `text()`; nouns and severities from i18n/phrases.ts. A diagnostic is a *bevinding* in Dutch,
 * never a *melding* (a report of violence at Veilig Thuis).
 */

import { message, words } from '../i18n/locale.js';
import { conceptWord, severityWord, type ConceptName } from '../i18n/phrases.js';
import type { DiffSection, HandoverChange } from './plan-diff.js';

/** The nouns of the diff's sections: the concepts of i18n/phrases.ts. */
const SECTION_CONCEPTS: Record<DiffSection, ConceptName> = {
    plan: 'plan', members: 'member', supporters: 'supporter', risks: 'risk', phases: 'phase', measures: 'measure',
    interventions: 'intervention', agreements: 'agreement', regie: 'regieEntry', aftercare: 'aftercare',
    meetings: 'meeting', evaluations: 'evaluation'
};

/** The fields of the diff in Dutch; English shows the field's own name. */
const FIELD_LABELS_NL: Record<string, string> = {
    title: 'titel', status: 'status', start: 'begin', end: 'einde', kind: 'soort', born: 'geboren', roles: 'rollen',
    outside: 'woont elders', noAction: 'geen actie', supports: 'steunt', aware: 'op de hoogte', severity: 'ernst',
    nature: 'aard', domain: 'domein', affects: 'treft', posedBy: 'veroorzaakt door', type: 'type', on: 'opgelegd aan',
    protects: 'beschermt', by: 'door', extensions: 'verlengingen', for: 'voor', framework: 'kader',
    addresses: 'pakt aan', phase: 'fase', fallback: 'bij uitval', checkedBy: 'gecontroleerd door', wholePlan: 'hele plan',
    organisation: 'organisatie', note: 'toelichting', owner: 'eigenaar', checkpoints: 'controlemomenten',
    signals: 'signalen', escalate: 'escalatie', date: 'datum', chair: 'voorzitter', participants: 'deelnemers', clients: 'cliënten'
};

/** The diff's texts, rendered with `text()`. */
export const diffTexts = {
    identical: words({ en: 'No differences in meaning.', nl: 'Geen inhoudelijke verschillen.' }),
    planAdded: message<{ plan: string }>({ en: a => `plan ${a.plan}: added`, nl: a => `plan ${a.plan}: toegevoegd` }),
    planRemoved: message<{ plan: string }>({ en: a => `plan ${a.plan}: removed`, nl: a => `plan ${a.plan}: verwijderd` }),
    planChanged: message<{ plan: string }>({ en: a => `plan ${a.plan}:`, nl: a => `plan ${a.plan}:` }),
    planUnchanged: message<{ plan: string }>({ en: a => `plan ${a.plan}: no changes in meaning`, nl: a => `plan ${a.plan}: inhoudelijk ongewijzigd` }),
    moved: message<HandoverChange>({
        en: h => `regie moves from ${h.from ?? '?'} to ${h.to ?? '?'} on ${h.newDate} instead of ${h.oldDate}`,
        nl: h => `regie gaat van ${h.from ?? '?'} naar ${h.to ?? '?'} over op ${h.newDate} in plaats van ${h.oldDate}`
    }),
    handoverAdded: message<HandoverChange>({
        en: h => `new handover: regie passes from ${h.from ?? '?'} to ${h.to ?? '?'} on ${h.newDate}`,
        nl: h => `nieuwe overdracht: regie gaat van ${h.from ?? '?'} naar ${h.to ?? '?'} over op ${h.newDate}`
    }),
    handoverRemoved: message<HandoverChange>({
        en: h => `handover dropped: regie no longer passes from ${h.from ?? '?'} to ${h.to ?? '?'} on ${h.oldDate}`,
        nl: h => `overdracht vervalt: regie gaat niet meer van ${h.from ?? '?'} naar ${h.to ?? '?'} over op ${h.oldDate}`
    }),
    // A diagnostic is a *bevinding* in Dutch, never a *melding* (i18n/phrases.ts).
    introduced: words({ en: 'Diagnostics introduced:', nl: 'Nieuwe bevindingen:' }),
    resolved: words({ en: 'Diagnostics resolved:', nl: 'Opgeloste bevindingen:' }),
    diagnostic: message<{ sign: '+' | '-'; code: string; severity: string; message: string }>({
        en: d => `  ${d.sign} ${d.code} ${d.severity}: ${d.message}`,
        nl: d => `  ${d.sign} ${d.code} ${isSeverity(d.severity) ? severityWord(d.severity, 'nl') : d.severity}: ${d.message}`
    }),
    none: words({ en: '(none)', nl: '(geen)' }),
    /** A field of an item by its name in the language (English) or in Dutch. */
    field: message<{ field: string }>({ en: a => a.field, nl: a => FIELD_LABELS_NL[a.field] ?? a.field }),
    /** A section's noun: `member` / `gezinslid`. */
    section: message<{ section: DiffSection }>({
        en: a => conceptWord(SECTION_CONCEPTS[a.section], 'en'),
        nl: a => conceptWord(SECTION_CONCEPTS[a.section], 'nl')
    })
};

function isSeverity(value: string): value is 'error' | 'warning' | 'info' {
    return value === 'error' || value === 'warning' || value === 'info';
}

