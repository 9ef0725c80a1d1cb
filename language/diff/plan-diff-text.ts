/**
 * The semantic diff as text for people (English or Dutch). One line per change:
 * `+` added, `-` removed, `~` changed; a regie handover that moved reads as a sentence
 * ("regie moves from A to B on D instead of D0").
 */

import { text, type Locale } from '../i18n/locale.js';
import { yesNo } from '../i18n/phrases.js';
import type { DiffResult, EntityChange, FieldChange, FieldValue, HandoverChange, PlanDiff } from './plan-diff.js';
import { diffTexts } from './diff-texts.js';

function label(field: string, locale: Locale): string {
    return text(diffTexts.field, { field }, locale);
}


function valueText(value: FieldValue, locale: Locale): string {
    if (value === null) return text(diffTexts.none, {}, locale);
    if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : text(diffTexts.none, {}, locale);
    if (typeof value === 'boolean') return yesNo(value, locale);
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
    const noun = text(diffTexts.section, { section: change.section }, locale);
    const subject = change.section === 'aftercare' ? noun : `${noun} ${change.key}`;
    switch (change.change) {
        case 'added': return `  + ${subject}${change.values ? ` (${valuesText(change.values, locale)})` : ''}`;
        case 'removed': return `  - ${subject}`;
        case 'changed': return `  ~ ${subject}: ${change.fields.map(f => fieldText(f, locale)).join('; ')}`;
    }
}

function handoverLine(change: HandoverChange, locale: Locale): string {
    switch (change.change) {
        case 'moved': return `  ~ ${text(diffTexts.moved, change, locale)}`;
        case 'added': return `  + ${text(diffTexts.handoverAdded, change, locale)}`;
        case 'removed': return `  - ${text(diffTexts.handoverRemoved, change, locale)}`;
    }
}

function planLines(diff: PlanDiff, locale: Locale): string[] {
    const plan = { plan: diff.plan };
    switch (diff.change) {
        case 'added': return [text(diffTexts.planAdded, plan, locale)];
        case 'removed': return [text(diffTexts.planRemoved, plan, locale)];
        case 'unchanged': return [text(diffTexts.planUnchanged, plan, locale)];
        case 'changed': {
            const regieChanges = diff.changes.filter(c => c.section === 'regie');
            const others = diff.changes.filter(c => c.section !== 'regie');
            const lines = [text(diffTexts.planChanged, plan, locale)];
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
    if (result.identical) return text(diffTexts.identical, {}, locale) + '\n';
    const lines: string[] = [];
    for (const plan of result.plans) lines.push(...planLines(plan, locale));
    if (result.diagnostics.introduced.length > 0) {
        lines.push(text(diffTexts.introduced, {}, locale), ...result.diagnostics.introduced.map(d => text(diffTexts.diagnostic, { sign: '+', ...d }, locale)));
    }
    if (result.diagnostics.resolved.length > 0) {
        lines.push(text(diffTexts.resolved, {}, locale), ...result.diagnostics.resolved.map(d => text(diffTexts.diagnostic, { sign: '-', ...d }, locale)));
    }
    return lines.join('\n') + '\n';
}
