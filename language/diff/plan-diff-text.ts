/**
 * The semantic diff as text for people (English or Dutch). One line per change:
 * `+` added, `-` removed, `~` changed; a regie handover that moved reads as a sentence
 * ("regie moves from A to B on D instead of D0").
 */

import type { Locale } from '../i18n/locale.js';
import type { DiffResult, DiffSection, EntityChange, FieldChange, FieldValue, HandoverChange, PlanDiff } from './plan-diff.js';

const SECTION_NOUNS: Record<Locale, Record<DiffSection, string>> = {
    en: {
        plan: 'plan', members: 'member', supporters: 'supporter', risks: 'risk', phases: 'phase', measures: 'measure',
        interventions: 'intervention', agreements: 'agreement', regie: 'regie entry', aftercare: 'aftercare',
        meetings: 'meeting', evaluations: 'evaluation'
    },
    nl: {
        plan: 'plan', members: 'gezinslid', supporters: 'steunfiguur', risks: 'risico', phases: 'fase', measures: 'maatregel',
        interventions: 'interventie', agreements: 'afspraak', regie: 'regieperiode', aftercare: 'nazorg',
        meetings: 'overleg', evaluations: 'evaluatie'
    }
};

const FIELD_LABELS_NL: Record<string, string> = {
    title: 'titel', status: 'status', start: 'begin', end: 'einde', kind: 'soort', born: 'geboren', roles: 'rollen',
    outside: 'woont elders', noAction: 'geen actie', supports: 'steunt', aware: 'op de hoogte', severity: 'ernst',
    nature: 'aard', domain: 'domein', affects: 'treft', posedBy: 'veroorzaakt door', type: 'type', on: 'op',
    protects: 'beschermt', by: 'door', extensions: 'verlengingen', for: 'voor', framework: 'kader',
    addresses: 'pakt aan', phase: 'fase', fallback: 'bij uitval', checkedBy: 'gecontroleerd door', wholePlan: 'hele plan',
    organisation: 'organisatie', note: 'toelichting', owner: 'eigenaar', checkpoints: 'controlemomenten',
    signals: 'signalen', escalate: 'escalatie', date: 'datum', chair: 'voorzitter', participants: 'deelnemers', clients: 'cliënten'
};

const TEXTS = {
    en: {
        identical: 'No differences in meaning.',
        planAdded: (p: string) => `plan ${p}: added`,
        planRemoved: (p: string) => `plan ${p}: removed`,
        planChanged: (p: string) => `plan ${p}:`,
        planUnchanged: (p: string) => `plan ${p}: no changes in meaning`,
        moved: (h: HandoverChange) => `regie moves from ${h.from ?? '?'} to ${h.to ?? '?'} on ${h.newDate} instead of ${h.oldDate}`,
        handoverAdded: (h: HandoverChange) => `new handover: regie passes from ${h.from ?? '?'} to ${h.to ?? '?'} on ${h.newDate}`,
        handoverRemoved: (h: HandoverChange) => `handover dropped: regie no longer passes from ${h.from ?? '?'} to ${h.to ?? '?'} on ${h.oldDate}`,
        introduced: 'Diagnostics introduced:',
        resolved: 'Diagnostics resolved:',
        yes: 'yes', no: 'no', none: '(none)'
    },
    nl: {
        identical: 'Geen inhoudelijke verschillen.',
        planAdded: (p: string) => `plan ${p}: toegevoegd`,
        planRemoved: (p: string) => `plan ${p}: verwijderd`,
        planChanged: (p: string) => `plan ${p}:`,
        planUnchanged: (p: string) => `plan ${p}: inhoudelijk ongewijzigd`,
        moved: (h: HandoverChange) => `regie gaat van ${h.from ?? '?'} naar ${h.to ?? '?'} over op ${h.newDate} in plaats van ${h.oldDate}`,
        handoverAdded: (h: HandoverChange) => `nieuwe overdracht: regie gaat van ${h.from ?? '?'} naar ${h.to ?? '?'} over op ${h.newDate}`,
        handoverRemoved: (h: HandoverChange) => `overdracht vervalt: regie gaat niet meer van ${h.from ?? '?'} naar ${h.to ?? '?'} over op ${h.oldDate}`,
        introduced: 'Nieuwe meldingen:',
        resolved: 'Opgeloste meldingen:',
        yes: 'ja', no: 'nee', none: '(geen)'
    }
} as const;

function label(field: string, locale: Locale): string {
    return locale === 'nl' ? FIELD_LABELS_NL[field] ?? field : field;
}

function valueText(value: FieldValue, locale: Locale): string {
    const t = TEXTS[locale];
    if (value === null) return t.none;
    if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : t.none;
    if (typeof value === 'boolean') return value ? t.yes : t.no;
    if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(value) && /\s/.test(value)) return JSON.stringify(value);
    return String(value);
}

function fieldText(change: FieldChange, locale: Locale): string {
    if (change.added !== undefined && change.removed !== undefined) {
        const parts = [...change.added.map(x => `+${x}`), ...change.removed.map(x => `-${x}`)];
        if (parts.length > 0) return `${label(change.field, locale)} ${parts.join(' ')}`;
    }
    return `${label(change.field, locale)} ${valueText(change.old, locale)} → ${valueText(change.new, locale)}`;
}

function valuesText(values: Record<string, FieldValue>, locale: Locale): string {
    return Object.entries(values)
        .filter(([, v]) => v !== null && v !== false && !(Array.isArray(v) && v.length === 0))
        .map(([field, v]) => `${label(field, locale)} ${valueText(v, locale)}`)
        .join('; ');
}

function entityLine(change: EntityChange, locale: Locale): string {
    const noun = SECTION_NOUNS[locale][change.section];
    const subject = change.section === 'aftercare' ? noun : `${noun} ${change.key}`;
    switch (change.change) {
        case 'added': return `  + ${subject}${change.values ? ` (${valuesText(change.values, locale)})` : ''}`;
        case 'removed': return `  - ${subject}`;
        case 'changed': return `  ~ ${subject}: ${change.fields.map(f => fieldText(f, locale)).join('; ')}`;
    }
}

function handoverLine(change: HandoverChange, locale: Locale): string {
    const t = TEXTS[locale];
    switch (change.change) {
        case 'moved': return `  ~ ${t.moved(change)}`;
        case 'added': return `  + ${t.handoverAdded(change)}`;
        case 'removed': return `  - ${t.handoverRemoved(change)}`;
    }
}

function planLines(diff: PlanDiff, locale: Locale): string[] {
    const t = TEXTS[locale];
    switch (diff.change) {
        case 'added': return [t.planAdded(diff.plan)];
        case 'removed': return [t.planRemoved(diff.plan)];
        case 'unchanged': return [t.planUnchanged(diff.plan)];
        case 'changed': {
            const regieChanges = diff.changes.filter(c => c.section === 'regie');
            const others = diff.changes.filter(c => c.section !== 'regie');
            const lines = [t.planChanged(diff.plan)];
            // Keep the section order of the plan, with the regie story where regie sits.
            const beforeRegie = others.filter(c => ['plan', 'members', 'supporters', 'risks', 'phases', 'measures', 'interventions', 'agreements'].includes(c.section));
            const afterRegie = others.filter(c => !beforeRegie.includes(c));
            lines.push(...beforeRegie.map(c => entityLine(c, locale)));
            lines.push(...diff.handovers.map(h => handoverLine(h, locale)));
            lines.push(...regieChanges.map(c => entityLine(c, locale)));
            lines.push(...afterRegie.map(c => entityLine(c, locale)));
            return lines;
        }
    }
}

export function renderDiffText(result: DiffResult, locale: Locale): string {
    const t = TEXTS[locale];
    if (result.identical) return t.identical + '\n';
    const lines: string[] = [];
    for (const plan of result.plans) lines.push(...planLines(plan, locale));
    if (result.diagnostics.introduced.length > 0) {
        lines.push(t.introduced, ...result.diagnostics.introduced.map(d => `  + ${d.code} ${d.severity}: ${d.message}`));
    }
    if (result.diagnostics.resolved.length > 0) {
        lines.push(t.resolved, ...result.diagnostics.resolved.map(d => `  - ${d.code} ${d.severity}: ${d.message}`));
    }
    return lines.join('\n') + '\n';
}
