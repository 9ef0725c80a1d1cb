/**
 * The semantic diff as text for people (English or Dutch). One line per change: `+` added (the
 * item whole, as written), `-` removed (likewise), `~` changed (only what changed: `field old →
 * new`, list entries as `+x -y`, a flag as `+aware` / `-aware`) or renamed; a regie handover that
 * moved reads as a sentence. Then the diagnostics introduced and resolved, and a count line in the
 * manner of `terraform plan`. Field names are the language's keywords in both languages.
 */

import { text, type Locale } from '../i18n/locale.js';
import type { FieldChange, FieldValue, HandoverChange, ItemChange, SingleFileDiff, DiffDiagnostic } from './plan-diff.js';
import { diffTexts } from './diff-texts.js';

/** Fields whose values are strings in the plan text: shown in quotes, as written. */
const QUOTED_FIELDS = new Set(['title', 'note', 'fallback', 'no-action', 'basis', 'source', 'escalate', 'signal']);

function valueText(field: string, value: FieldValue, locale: Locale): string {
    if (value === null) return text(diffTexts.none, {}, locale);
    const quote = (v: string) => (QUOTED_FIELDS.has(field) ? JSON.stringify(v) : v);
    if (Array.isArray(value)) return value.length > 0 ? value.map(quote).join(', ') : text(diffTexts.none, {}, locale);
    if (typeof value === 'string') return quote(value);
    return String(value);
}

function fieldText(change: FieldChange, locale: Locale): string {
    if (typeof change.old === 'boolean' || typeof change.new === 'boolean') {
        return `${change.new === true ? '+' : '-'}${change.field}`;
    }
    if (change.added !== undefined && change.removed !== undefined && change.added.length + change.removed.length > 0) {
        const quote = (v: string) => (QUOTED_FIELDS.has(change.field) ? JSON.stringify(v) : v);
        return `${change.field} ${[...change.added.map(x => `+${quote(x)}`), ...change.removed.map(x => `-${quote(x)}`)].join(' ')}`;
    }
    return `${change.field} ${valueText(change.field, change.old, locale)} → ${valueText(change.field, change.new, locale)}`;
}

/** How nested lines of an added or removed item are marked: indented, or under their sign too (a Markdown `diff` block). */
export type Continuation = 'indent' | 'sign';

/** The written lines of an added or removed item under its sign, nested lines indented below the first. */
function writtenBlock(sign: '+' | '-', change: ItemChange, indent: string, continuation: Continuation): string[] {
    const lines = change.text ?? [];
    // A regie entry is written inside a `regie` block: its line alone does not say what it is.
    const first = change.kind === 'regie' ? `regie ${lines[0] ?? change.name}` : lines[0] ?? `${change.kind} ${change.name}`;
    const nested = continuation === 'sign' ? `${sign}   ` : '  ';
    return [`${indent}${sign} ${first}`, ...lines.slice(1).map(line => `${indent}${nested}${line}`)];
}

function changeLines(change: ItemChange, indent: string, locale: Locale, continuation: Continuation): string[] {
    const noun = text(diffTexts.kind, { kind: change.kind }, locale);
    switch (change.change) {
        case 'added': return writtenBlock('+', change, indent, continuation);
        case 'removed': return writtenBlock('-', change, indent, continuation);
        case 'renamed': return [`${indent}~ ${text(diffTexts.renamed, { noun, name: change.name, newName: change.newName ?? '' }, locale)}`];
        case 'changed': {
            const fields = (change.fields ?? []).map(f => fieldText(f, locale)).join('; ');
            if (change.kind === 'plan') return [`${indent}~ ${fields}`];
            const subject = change.kind === 'aftercare' && change.name === 'aftercare' ? noun : `${noun} ${change.name}`;
            return [`${indent}~ ${subject}: ${fields}`];
        }
    }
}

function handoverLine(change: HandoverChange, locale: Locale): string {
    switch (change.change) {
        case 'moved': return `  ~ ${text(diffTexts.moved, change, locale)}`;
        case 'added': return `  + ${text(diffTexts.handoverAdded, change, locale)}`;
        case 'removed': return `  - ${text(diffTexts.handoverRemoved, change, locale)}`;
    }
}

/**
 * The changes of a file: plans in order (their own changes under a `plan NAME:` line), then
 * organisations and measure types. `vplan diff` and `vplan review` write them alike.
 */
export function changesLines(diff: Pick<SingleFileDiff, 'changes' | 'handovers'>, locale: Locale, continuation: Continuation = 'indent'): string[] {
    const lines: string[] = [];
    const planOrder: string[] = [];
    const inPlan = new Map<string, ItemChange[]>();
    const topLevel: ItemChange[] = [];
    const note = (plan: string) => {
        if (!inPlan.has(plan)) {
            inPlan.set(plan, []);
            planOrder.push(plan);
        }
        return inPlan.get(plan)!;
    };
    for (const change of diff.changes) {
        if (change.plan !== undefined) note(change.plan).push(change);
        else if (change.kind === 'plan' && change.change === 'changed') note(change.name).push(change);
        else topLevel.push(change);
    }
    for (const handover of diff.handovers) note(handover.plan);
    for (const plan of planOrder) {
        lines.push(text(diffTexts.planHeader, { plan }, locale));
        const changes = inPlan.get(plan)!;
        // The handovers where the regie entries would be: after the items before regie.
        const regieAt = changes.findIndex(c => ['regie', 'aftercare', 'meeting', 'incident', 'evaluation'].includes(c.kind));
        const cut = regieAt < 0 ? changes.length : regieAt;
        for (const change of changes.slice(0, cut)) lines.push(...changeLines(change, '  ', locale, continuation));
        for (const handover of diff.handovers.filter(h => h.plan === plan)) lines.push(handoverLine(handover, locale));
        for (const change of changes.slice(cut)) lines.push(...changeLines(change, '  ', locale, continuation));
    }
    for (const change of topLevel) lines.push(...changeLines(change, '', locale, continuation));
    return lines;
}

function diagnosticLines(sign: '+' | '-', diagnostics: readonly DiffDiagnostic[], subjectFiles: ReadonlySet<string>, locale: Locale): string[] {
    return diagnostics.map(d => text(diffTexts.diagnostic, {
        sign, code: d.code, severity: d.severity, message: d.message,
        // The file compared needs no name; a diagnostic of another file is named with its line.
        where: subjectFiles.has(d.file) ? undefined : `${d.file}:${d.line}`
    }, locale));
}

export interface DiffTextExtras {
    /** First lines: the git driver's `diff --vplan a/PATH b/PATH`, notes about sides not compared. */
    before?: string[];
    /** Lines right before the count line (the git driver's note on the working tree). */
    after?: string[];
}

export function renderDiffText(diff: SingleFileDiff, locale: Locale, extras: DiffTextExtras = {}): string {
    const lines = [...(extras.before ?? [])];
    const body = changesLines(diff, locale);
    if (body.length > 0) lines.push(...body);
    else if (diff.sameMeaning !== null) lines.push(text(diffTexts.sameMeaning, { difference: diff.sameMeaning }, locale));
    else if (diff.notes.length === 0) lines.push(text(diffTexts.identical, {}, locale));
    const subjectFiles = new Set([diff.old, diff.new]);
    if (diff.diagnostics.introduced.length > 0) {
        lines.push(text(diffTexts.introduced, {}, locale), ...diagnosticLines('+', diff.diagnostics.introduced, subjectFiles, locale));
    }
    if (diff.diagnostics.resolved.length > 0) {
        lines.push(text(diffTexts.resolved, {}, locale), ...diagnosticLines('-', diff.diagnostics.resolved, subjectFiles, locale));
    }
    lines.push(...(extras.after ?? []));
    lines.push(text(diffTexts.counts, diff.summary, locale));
    return lines.join('\n') + '\n';
}
