/**
 * The semantic diff of two versions of a plan file (`vplan diff`): what changed in meaning, not
 * in lines. Both versions are first turned into their export snapshots (language/export), so the
 * diff sees exactly what the export and the checks see: resolved references, computed ends,
 * default terms. Pure: no I/O, no services; the CLI loads the files and renders the result.
 */

import type { ResolvedPlan } from '../model/plan-model.js';
import { exportPlan, type ExportPeriod, type PlanExport } from '../export/plan-export.js';

export const DIFF_FORMAT_VERSION = 1;

export type DiffSection =
    | 'plan' | 'members' | 'supporters' | 'risks' | 'phases' | 'measures' | 'interventions'
    | 'agreements' | 'regie' | 'aftercare' | 'meetings' | 'evaluations';

export const DIFF_SECTIONS: readonly DiffSection[] = [
    'plan', 'members', 'supporters', 'risks', 'phases', 'measures', 'interventions',
    'agreements', 'regie', 'aftercare', 'meetings', 'evaluations'
];

export type FieldValue = string | number | boolean | null | string[];

export interface FieldChange {
    field: string;
    old: FieldValue;
    new: FieldValue;
    /** For list fields: the items only in the new version. */
    added?: string[];
    /** For list fields: the items only in the old version. */
    removed?: string[];
}

export interface EntityChange {
    section: DiffSection;
    change: 'added' | 'removed' | 'changed';
    /** The name (or, for unnamed things, kind/date/title with an ordinal) that matched the versions. */
    key: string;
    /** For `changed`: the fields that differ. */
    fields: FieldChange[];
    /** For `added` / `removed`: the entity's fields. */
    values?: Record<string, FieldValue>;
}

/** A regie handover: on `date`, casusregie passes from one organisation to the next. */
export interface Handover {
    from: string | null;
    to: string | null;
    date: string;
}

export interface HandoverChange {
    change: 'added' | 'removed' | 'moved';
    from: string | null;
    to: string | null;
    oldDate?: string;
    newDate?: string;
}

export interface PlanDiff {
    plan: string;
    change: 'added' | 'removed' | 'changed' | 'unchanged';
    changes: EntityChange[];
    handovers: HandoverChange[];
}

/** A diagnostic without its position: the diff compares what is wrong, not where. */
export interface DiagnosticKey {
    code: string;
    severity: string;
    message: string;
}

export interface DiagnosticsDiff {
    introduced: DiagnosticKey[];
    resolved: DiagnosticKey[];
}

export interface DiffResult {
    version: typeof DIFF_FORMAT_VERSION;
    old: string;
    new: string;
    /** True when neither the plans nor the diagnostics differ. */
    identical: boolean;
    plans: PlanDiff[];
    diagnostics: DiagnosticsDiff;
}

type Flat = Record<string, FieldValue>;

function startOf(period: ExportPeriod | null): string | null {
    return period?.start ?? null;
}

function endOf(period: ExportPeriod | null): string | null {
    return period?.end ?? null;
}

/** Gives things a stable key: the base key, with ` #2`, ` #3` for repeats in source order. */
function keyed<T>(items: readonly T[], baseKey: (item: T) => string): Array<[string, T]> {
    const counts = new Map<string, number>();
    return items.map(item => {
        const base = baseKey(item);
        const n = (counts.get(base) ?? 0) + 1;
        counts.set(base, n);
        return [n === 1 ? base : `${base} #${n}`, item];
    });
}

/** Each section of a plan as keyed flat records (the unit of comparison). */
export function flattenPlan(plan: PlanExport): Record<DiffSection, Array<[string, Flat]>> {
    const byTitleOrDate = (x: { title: string | null; date: string | null }) => x.title ?? x.date ?? '?';
    return {
        plan: [[plan.name, { title: plan.title, status: plan.status, start: startOf(plan.period), end: endOf(plan.period) }]],
        members: keyed(plan.members, m => m.name).map(([k, m]) => [k, {
            kind: m.kind, born: m.born, roles: m.roles, outside: m.outside, noAction: m.noAction
        }]),
        supporters: keyed(plan.supporters, s => s.name).map(([k, s]) => [k, { title: s.title, supports: s.supports, aware: s.aware }]),
        risks: keyed(plan.risks, r => r.name).map(([k, r]) => [k, {
            title: r.title, severity: r.severity, nature: r.nature, domain: r.domain,
            affects: r.affectsHousehold ? ['household', ...r.affects] : r.affects, posedBy: r.posedBy
        }]),
        phases: keyed(plan.phases, p => p.kind ?? '?').map(([k, p]) => [k, { start: startOf(p.period), end: endOf(p.period) }]),
        measures: keyed(plan.measures, m => m.name).map(([k, m]) => [k, {
            type: m.type, on: m.on, protects: m.protects, by: m.by, start: startOf(m.period), end: endOf(m.period),
            extensions: m.terms.filter(t => t.kind === 'extension').length
        }]),
        interventions: keyed(plan.interventions, i => i.name).map(([k, i]) => [k, {
            title: i.title, for: i.for, by: i.by, start: startOf(i.period), end: endOf(i.period), framework: i.framework,
            addresses: i.addresses, phase: i.phase, fallback: i.fallback
        }]),
        agreements: keyed(plan.agreements, a => a.name).map(([k, a]) => [k, {
            title: a.title, by: a.by, protects: a.protects, checkedBy: a.checkedBy,
            start: startOf(a.period), end: endOf(a.period), wholePlan: a.wholePlan
        }]),
        regie: keyed(plan.regie, r => r.organisation ?? '?').map(([k, r]) => [k, {
            organisation: r.organisation, start: startOf(r.period), end: endOf(r.period), note: r.note
        }]),
        aftercare: plan.aftercare ? [['aftercare', {
            owner: plan.aftercare.owner,
            start: startOf(plan.aftercare.period),
            end: endOf(plan.aftercare.period),
            checkpoints: plan.aftercare.checkpoints.map(c => (c.offset ? `${c.offset.amount} ${c.offset.unit}${c.offset.amount === 1 ? '' : 's'}` : '?')),
            signals: plan.aftercare.signals,
            escalate: plan.aftercare.escalate
        }]] : [],
        meetings: keyed(plan.meetings, byTitleOrDate).map(([k, m]) => [k, {
            date: m.date, title: m.title, chair: m.chair, participants: m.participants,
            clients: m.clients.map(c => `${c.member ?? '?'} ${c.mode ?? '?'}`)
        }]),
        evaluations: keyed(plan.evaluations, byTitleOrDate).map(([k, e]) => [k, { date: e.date, title: e.title }])
    };
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
    return a === b;
}

function fieldChanges(oldFlat: Flat, newFlat: Flat): FieldChange[] {
    const changes: FieldChange[] = [];
    for (const field of new Set([...Object.keys(oldFlat), ...Object.keys(newFlat)])) {
        const before = oldFlat[field] ?? null;
        const after = newFlat[field] ?? null;
        if (sameValue(before, after)) continue;
        const change: FieldChange = { field, old: before, new: after };
        if (Array.isArray(before) || Array.isArray(after)) {
            const oldList = Array.isArray(before) ? before : [];
            const newList = Array.isArray(after) ? after : [];
            change.added = newList.filter(x => !oldList.includes(x));
            change.removed = oldList.filter(x => !newList.includes(x));
        }
        changes.push(change);
    }
    return changes;
}

/** Consecutive regie holders (by start date) and the day regie passes from one to the next. */
export function handoversOf(plan: PlanExport): Handover[] {
    const entries = plan.regie
        .filter(r => r.period !== null)
        .map((r, index) => ({ r, index }))
        .sort((a, b) => (a.r.period!.start < b.r.period!.start ? -1 : a.r.period!.start > b.r.period!.start ? 1 : a.index - b.index));
    const handovers: Handover[] = [];
    for (let i = 1; i < entries.length; i++) {
        const from = entries[i - 1].r.organisation;
        const to = entries[i].r.organisation;
        if (from === to) continue;
        handovers.push({ from, to, date: entries[i].r.period!.start });
    }
    return handovers;
}

function diffHandovers(oldPlan: PlanExport | undefined, newPlan: PlanExport | undefined): HandoverChange[] {
    const oldKeyed = new Map(keyed(oldPlan ? handoversOf(oldPlan) : [], h => `${h.from}>${h.to}`));
    const newKeyed = new Map(keyed(newPlan ? handoversOf(newPlan) : [], h => `${h.from}>${h.to}`));
    const changes: HandoverChange[] = [];
    for (const [key, before] of oldKeyed) {
        const after = newKeyed.get(key);
        if (!after) changes.push({ change: 'removed', from: before.from, to: before.to, oldDate: before.date });
        else if (after.date !== before.date) changes.push({ change: 'moved', from: before.from, to: before.to, oldDate: before.date, newDate: after.date });
    }
    for (const [key, after] of newKeyed) {
        if (!oldKeyed.has(key)) changes.push({ change: 'added', from: after.from, to: after.to, newDate: after.date });
    }
    return changes;
}

/** Compares two versions of one plan (either may be absent: the plan was added or removed). */
export function diffPlan(oldPlan: ResolvedPlan | undefined, newPlan: ResolvedPlan | undefined): PlanDiff {
    return diffPlanExports(oldPlan && exportPlan(oldPlan), newPlan && exportPlan(newPlan));
}

export function diffPlanExports(oldPlan: PlanExport | undefined, newPlan: PlanExport | undefined): PlanDiff {
    const name = (newPlan ?? oldPlan)?.name ?? '?';
    const handovers = diffHandovers(oldPlan, newPlan);
    if (!oldPlan || !newPlan) {
        return { plan: name, change: oldPlan ? 'removed' : newPlan ? 'added' : 'unchanged', changes: [], handovers };
    }
    const oldFlat = flattenPlan(oldPlan);
    const newFlat = flattenPlan(newPlan);
    // A moved handover already says that one holder's end and the next one's start moved.
    const movedDates = new Set(handovers.filter(h => h.change === 'moved').flatMap(h => [h.newDate, h.oldDate]));
    const changes: EntityChange[] = [];
    for (const section of DIFF_SECTIONS) {
        const before = new Map(oldFlat[section]);
        const after = new Map(newFlat[section]);
        for (const [key, values] of before) {
            const other = after.get(key);
            if (!other) {
                changes.push({ section, change: 'removed', key, fields: [], values });
                continue;
            }
            let fields = fieldChanges(values, other);
            if (section === 'regie') {
                fields = fields.filter(f => !((f.field === 'start' || f.field === 'end') && movedDates.has(f.old as string) && movedDates.has(f.new as string)));
            }
            if (fields.length > 0) changes.push({ section, change: 'changed', key, fields });
        }
        for (const [key, values] of after) {
            if (!before.has(key)) changes.push({ section, change: 'added', key, fields: [], values });
        }
    }
    return { plan: name, change: changes.length > 0 || handovers.length > 0 ? 'changed' : 'unchanged', changes, handovers };
}

/** Diagnostics (code + message, positions ignored) the new version introduces or resolves, as multisets. */
export function diffDiagnostics(oldDiagnostics: readonly DiagnosticKey[], newDiagnostics: readonly DiagnosticKey[]): DiagnosticsDiff {
    const keyOf = (d: DiagnosticKey) => `${d.code}\u0000${d.message}`;
    const remaining = new Map<string, number>();
    for (const d of oldDiagnostics) remaining.set(keyOf(d), (remaining.get(keyOf(d)) ?? 0) + 1);
    const introduced: DiagnosticKey[] = [];
    for (const d of newDiagnostics) {
        const n = remaining.get(keyOf(d)) ?? 0;
        if (n > 0) remaining.set(keyOf(d), n - 1);
        else introduced.push({ code: d.code, severity: d.severity, message: d.message });
    }
    const unmatchedNew = new Map<string, number>();
    for (const d of newDiagnostics) unmatchedNew.set(keyOf(d), (unmatchedNew.get(keyOf(d)) ?? 0) + 1);
    const resolved: DiagnosticKey[] = [];
    for (const d of oldDiagnostics) {
        const n = unmatchedNew.get(keyOf(d)) ?? 0;
        if (n > 0) unmatchedNew.set(keyOf(d), n - 1);
        else resolved.push({ code: d.code, severity: d.severity, message: d.message });
    }
    return { introduced, resolved };
}

/** The whole diff of two file versions: plans matched by name, plus the diagnostics diff. */
export function diffFiles(
    oldSide: { label: string; plans: readonly ResolvedPlan[]; diagnostics: readonly DiagnosticKey[] },
    newSide: { label: string; plans: readonly ResolvedPlan[]; diagnostics: readonly DiagnosticKey[] }
): DiffResult {
    const oldByName = new Map(oldSide.plans.map(p => [p.name, p]));
    const newByName = new Map(newSide.plans.map(p => [p.name, p]));
    const names = [...new Set([...oldByName.keys(), ...newByName.keys()])];
    const plans = names.map(name => diffPlan(oldByName.get(name), newByName.get(name)));
    const diagnostics = diffDiagnostics(oldSide.diagnostics, newSide.diagnostics);
    const identical = plans.every(p => p.change === 'unchanged') && diagnostics.introduced.length === 0 && diagnostics.resolved.length === 0;
    return { version: DIFF_FORMAT_VERSION, old: oldSide.label, new: newSide.label, identical, plans, diagnostics };
}
