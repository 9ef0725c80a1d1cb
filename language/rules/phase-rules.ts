/**
 * Phases (gefaseerde ketenzorg): VP050 (phases do not overlap and never go back, except to safety
 * after an incident, v2) and VP051 (recovery help does not start before the first safety phase
 * ends), over the phase and incident facts (analysis/phase-facts.ts, analysis/incident-facts.ts).
 *
 * No cascades: a phase with an invalid date (VP060) or an unknown kind (VP000) takes part in
 * neither rule (the facts hold only valid phases); an intervention with an invalid start gets no
 * VP051. One mistake, one diagnostic: a phase that overlaps another is not also judged on its order.
 * A `safety` phase after a phase of another kind, which an incident could allow, gets no VP050 when
 * an incident's date is invalid (VP060) or the plan has a syntax error (VP000) that may have dropped
 * an incident.
 */

import { AstUtils } from 'langium';
import { isInterventionPhaseItem, type Plan } from '../generated/ast.js';
import { firstItem } from '../model/ast-queries.js';
import { formatDay } from '../model/dates.js';
import type { ResolvedPlan } from '../model/plan-model.js';
import type { PhaseFacts, ValidPhase } from '../analysis/phase-facts.js';
import type { IncidentFacts } from '../analysis/incident-facts.js';
import { PHASE_KINDS, type PhaseKind } from '../model/vocabulary.js';
import { defineRule, defineRules, finding, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { EXAMPLE_SECTIONS, examplePlan } from './example-plan.js';

type OverlapArgs = { kind: string; start: string; end: string; otherKind: string; otherStart: string; otherEnd: string };
type OrderArgs = { kind: string; start: string; otherKind: string; otherStart: string };
type BackToSafetyArgs = OrderArgs & { previousKind: string; previousStart: string };
type EarlyArgs = { intervention: string; start: string; safetyEnd: string };

export const vp050 = defineRule({
    code: 'VP050',
    severity: 'error',
    title: { en: 'Phases in order', nl: 'Fasen op volgorde' },
    findings: {
        overlap: finding<OverlapArgs>({
            en: a =>
                `Phase ${a.kind} (${a.start} to ${a.end}) overlaps phase ${a.otherKind} (${a.otherStart} to ${a.otherEnd}) from ${a.start}: ` +
                `phases may not overlap. Let this phase start on ${a.otherEnd}, or let the other end on ${a.start} (ends are not part of a period).`,
            nl: a =>
                `Fase ${a.kind} (${a.start} tot ${a.end}) overlapt met fase ${a.otherKind} (${a.otherStart} tot ${a.otherEnd}) vanaf ${a.start}: ` +
                `fasen mogen niet overlappen. Laat deze fase op ${a.otherEnd} beginnen, of laat de andere op ${a.start} eindigen (de einddatum hoort niet bij de periode).`
        }),
        order: finding<OrderArgs>({
            en: a =>
                `Phase ${a.kind} (from ${a.start}) comes after phase ${a.otherKind} (from ${a.otherStart}): phases go safety, stability, recovery and never back. ` +
                `Change this phase's kind to ${a.otherKind} or a later one, or move it before ${a.otherStart}.`,
            nl: a =>
                `Fase ${a.kind} (vanaf ${a.start}) komt na fase ${a.otherKind} (vanaf ${a.otherStart}): fasen gaan van safety via stability naar recovery en nooit terug. ` +
                `Maak van deze fase ${a.otherKind} of een latere fase, of verplaats haar naar vóór ${a.otherStart}.`
        }),
        backToSafety: finding<BackToSafetyArgs>({
            en: a =>
                `Phase safety (from ${a.start}) comes after phase ${a.otherKind} (from ${a.otherStart}), and no incident lies between the start of ` +
                `the phase before it (${a.previousKind}, from ${a.previousStart}) and ${a.start}, both included: phases go safety, stability, recovery and ` +
                `only go back to safety after a new incident. If a new incident sent the plan back, record it: \`incident ${a.start} "..."\` ` +
                `(a date from ${a.previousStart} through ${a.start}); otherwise change this phase's kind to ${a.otherKind} or a later one, or move it before ${a.otherStart}.`,
            nl: a =>
                `Fase safety (vanaf ${a.start}) komt na fase ${a.otherKind} (vanaf ${a.otherStart}), en er ligt geen incident tussen het begin van ` +
                `de fase ervoor (${a.previousKind}, vanaf ${a.previousStart}) en ${a.start}, beide inbegrepen: fasen gaan van safety via stability naar recovery ` +
                `en gaan alleen na een nieuw incident terug naar safety. Als een nieuwe melding het plan terugzette, leg die vast: \`incident ${a.start} "..."\` ` +
                `(een datum van ${a.previousStart} tot en met ${a.start}); maak anders van deze fase ${a.otherKind} of een latere fase, of verplaats haar naar vóór ${a.otherStart}.`
        })
    },
    docs: {
        checks: 'Phases do not overlap, and taken in calendar order their kinds never go back (safety, stability, recovery). A phase ' +
            'may be skipped or split in two, not reversed. *v2*: a `safety` phase may follow a phase of another kind when an ' +
            '`incident` is dated on or after the start of the phase right before it and on or before the safety phase\'s own start; ' +
            'the order then starts again from that safety phase. The diagnostic is on the later phase; a phase that overlaps another ' +
            'is not also judged on its order. Phases with an invalid date or kind take part in no phase check; a safety phase that an ' +
            'incident could allow gets no VP050 while an incident\'s date is invalid or the plan has a syntax error.',
        why: 'Phased chain care (*gefaseerde ketenzorg*): first immediate safety, then stable safety through risk-driven care, then ' +
            'recovery [S21, S29g]; in all phases the professionals stay alert to immediate safety [S21], so a new incident can send ' +
            'the plan back to the safety phase.',
        example: {
            show: 'phase stability from 2026-01-12 to 2026-03-01\nphase safety from 2026-03-01 to 2026-09-01\nphase recovery from 2026-09-01 to 2027-01-12',
            file: examplePlan({ phases: EXAMPLE_SECTIONS.phases.replace('phase safety from 2026-01-12', 'phase stability from 2026-01-12').replace('phase stability from 2026-03-01', 'phase safety from 2026-03-01') })
        },
        fix: 'Put the phases in order and let each start where the previous one ends. If a new incident sent the plan back to ' +
            'safety, record it (`incident 2026-03-01 "Nieuwe politiemelding"`) on or before the start of the safety phase.'
    }
});

export const vp051 = defineRule({
    code: 'VP051',
    severity: 'warning',
    title: { en: 'Recovery after safety', nl: 'Herstel na veiligheid' },
    findings: {
        early: finding<EarlyArgs>({
            en: a =>
                `Intervention '${a.intervention}' is for the recovery phase but starts on ${a.start}, before the first safety phase ends on ${a.safetyEnd}. ` +
                `Let it start on ${a.safetyEnd} or later, or choose \`phase safety\` or \`phase stability\`.`,
            nl: a =>
                `Interventie '${a.intervention}' hoort bij de herstelfase maar begint op ${a.start}, voordat de eerste veiligheidsfase eindigt op ${a.safetyEnd}. ` +
                `Laat haar op of na ${a.safetyEnd} beginnen, of kies \`phase safety\` of \`phase stability\`.`
        })
    },
    docs: {
        checks: 'An intervention with `phase recovery` does not start before the earliest `safety` phase ends. The diagnostic is on ' +
            'its `phase` item. Without a safety phase there is nothing to wait for.',
        why: 'Recovery-oriented care follows immediate and stable safety [S21].',
        example: {
            show: 'phase safety from 2026-01-12 to 2026-03-01\n// ...\nintervention traumahulp "Traumabehandeling" {\n    for noor\n    by ggz_zhz\n    from 2026-02-01 for 6 months\n    phase recovery\n}',
            file: examplePlan({
                interventions: `${EXAMPLE_SECTIONS.interventions}\n\n    intervention traumahulp "Traumabehandeling" {\n        for noor\n        by ggz_zhz\n        from 2026-02-01 for 6 months\n        phase recovery\n    }`
            })
        },
        fix: 'Start the intervention on or after the end of the first safety phase (`from 2026-03-01`), or give it another phase.'
    }
});

const RULES = [vp050, vp051] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

export const phaseRules = defineRules({
    rules: RULES,
    plan: ({ facts, report }) => {
        reportPhaseOrder(facts.phases, facts.incidents, () => syntaxErrorBetweenItems(facts.plan.node), report);
        reportEarlyRecovery(facts.plan, facts.phases, report);
    }
});

const rank = (kind: PhaseKind) => PHASE_KINDS.indexOf(kind);

/**
 * VP050: one pass over the valid phases in calendar order, keeping the phase that reaches furthest
 * (an overlap) and the phase of the latest kind so far (going back). Version 2 lets a `safety`
 * phase after an incident start the order again: that exception resets `highest` to it.
 */
function reportPhaseOrder(phases: PhaseFacts, incidents: IncidentFacts, syntaxError: () => boolean, report: Report): void {
    let latestEnding: ValidPhase | undefined;
    let highest: ValidPhase | undefined;
    let previous: ValidPhase | undefined;
    for (const phase of phases.sorted) {
        const interval = phase.dates.interval;
        if (latestEnding && interval.start < latestEnding.dates.interval.end) {
            const other = latestEnding.dates.interval;
            report('VP050.overlap', phase.node, {
                kind: phase.kind, start: formatDay(interval.start), end: formatDay(interval.end),
                otherKind: latestEnding.kind, otherStart: formatDay(other.start), otherEnd: formatDay(other.end)
            });
        } else if (highest && rank(phase.kind) < rank(highest.kind)) {
            const args = { kind: phase.kind, start: formatDay(interval.start), otherKind: highest.kind, otherStart: formatDay(highest.dates.interval.start) };
            const backToSafety = phase.kind === 'safety' && previous !== undefined && previous.kind !== 'safety';
            if (!backToSafety) report('VP050.order', phase.node, args, { property: 'kind' });
            else if (incidents.incidentBetween(previous!.dates.interval.start, interval.start)) {
                // A new incident sent the plan back to safety: the order starts again here.
                highest = phase;
            } else if (!incidents.undatedIncidents && !syntaxError()) {
                report('VP050.backToSafety', phase.node, {
                    ...args, previousKind: previous!.kind, previousStart: formatDay(previous!.dates.interval.start)
                }, { property: 'kind' });
            }
        }
        if (!latestEnding || interval.end > latestEnding.dates.interval.end) latestEnding = phase;
        if (!highest || rank(phase.kind) > rank(highest.kind)) highest = phase;
        previous = phase;
    }
}

/**
 * Whether a syntax error (VP000) lies in the plan but outside all of its items: the parser may have
 * dropped a whole item there, such as a misspelt `incidnet 2026-05-02 "..."`.
 */
function syntaxErrorBetweenItems(plan: Plan): boolean {
    const { parserErrors, lexerErrors } = AstUtils.getDocument(plan).parseResult;
    const cst = plan.$cstNode;
    if (parserErrors.length === 0 && lexerErrors.length === 0) return false;
    if (!cst) return true;
    const items = plan.items.map(item => item.$cstNode).filter(node => node !== undefined);
    const betweenItems = (offset: number | undefined) =>
        offset !== undefined && offset >= cst.offset && offset <= cst.end && !items.some(node => offset >= node.offset && offset < node.end);
    return parserErrors.some(e => betweenItems(e.token.startOffset) || Number.isNaN(e.token.startOffset)) || lexerErrors.some(e => betweenItems(e.offset));
}

/** VP051: recovery help waits for the earliest safety phase to end. */
function reportEarlyRecovery(plan: ResolvedPlan, phases: PhaseFacts, report: Report): void {
    const safety = phases.earliestSafety;
    if (!safety) return;
    for (const intervention of plan.interventions) {
        const start = intervention.dates.start;
        if (intervention.phase !== 'recovery' || start === undefined || start >= safety.end) continue;
        report('VP051.early', firstItem(intervention.node, isInterventionPhaseItem) ?? intervention.node, {
            intervention: intervention.name, start: formatDay(start), safetyEnd: formatDay(safety.end)
        });
    }
}
