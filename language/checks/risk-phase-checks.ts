/**
 * Risk and phase checks of spec section 7: VP040 (dynamic risk addressed), VP041 (voluntary help
 * for a perpetrator has a fallback), VP050 (phases do not overlap and never go back) and VP051
 * (recovery help does not start before the first safety phase ends).
 *
 * Phases with an invalid date (VP060) or an unknown kind (VP000) take part in neither VP050 nor
 * VP051. Quick-fix data (`diagnostic.data.fix`):
 * - VP041: none needed (the fix inserts `fallback "..."` into the intervention).
 * - VP050.overlap: `{ otherStart, otherEnd }` of the phase it overlaps (ISO dates; set this phase's start to `otherEnd`).
 * - VP051: `{ earliestStart }`, the ISO date the intervention may start at the earliest.
 */

import { isInterventionPhaseItem } from '../generated/ast.js';
import { firstItem } from '../model/ast-queries.js';
import { formatDay } from '../model/dates.js';
import { type Interval, type ResolvedPhase } from '../model/plan-model.js';
import { PHASE_KINDS, type PhaseKind } from '../model/vocabulary.js';
import type { MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck } from '../validation/report.js';

export const riskPhaseMessages = {
    'VP040.unaddressed': {
        en: (a: { risk: string }) =>
            `Risk '${a.risk}' is dynamic (it can change), but no intervention addresses it. ` +
            `Add \`addresses ${a.risk}\` to an intervention that works on it, or add such an intervention.`,
        nl: (a: { risk: string }) =>
            `Risico '${a.risk}' is dynamisch (het kan veranderen), maar geen enkele interventie pakt het aan. ` +
            `Voeg \`addresses ${a.risk}\` toe aan een interventie die eraan werkt, of voeg zo'n interventie toe.`
    },
    'VP041.noFallback': {
        en: (a: { intervention: string; perpetrator: string }) =>
            `Intervention '${a.intervention}' is voluntary help for perpetrator '${a.perpetrator}' but says nothing about drop-out. ` +
            `Add \`fallback "..."\` stating what happens if '${a.perpetrator}' stops, or set \`framework drang\` or \`framework dwang\` if there is a legal frame.`,
        nl: (a: { intervention: string; perpetrator: string }) =>
            `Interventie '${a.intervention}' is vrijwillige hulp voor pleger '${a.perpetrator}', maar zegt niets over uitval. ` +
            `Voeg \`fallback "..."\` toe met wat er gebeurt als '${a.perpetrator}' stopt, of zet \`framework drang\` of \`framework dwang\` als er een juridisch kader is.`
    },
    'VP050.overlap': {
        en: (a: { kind: string; start: string; end: string; otherKind: string; otherStart: string; otherEnd: string }) =>
            `Phase ${a.kind} (${a.start} to ${a.end}) overlaps phase ${a.otherKind} (${a.otherStart} to ${a.otherEnd}) from ${a.start}: ` +
            `phases may not overlap. Let this phase start on ${a.otherEnd}, or let the other end on ${a.start} (ends are not part of a period).`,
        nl: (a: { kind: string; start: string; end: string; otherKind: string; otherStart: string; otherEnd: string }) =>
            `Fase ${a.kind} (${a.start} tot ${a.end}) overlapt met fase ${a.otherKind} (${a.otherStart} tot ${a.otherEnd}) vanaf ${a.start}: ` +
            `fasen mogen niet overlappen. Laat deze fase op ${a.otherEnd} beginnen, of laat de andere op ${a.start} eindigen (de einddatum hoort niet bij de periode).`
    },
    'VP050.order': {
        en: (a: { kind: string; start: string; otherKind: string; otherStart: string }) =>
            `Phase ${a.kind} (from ${a.start}) comes after phase ${a.otherKind} (from ${a.otherStart}): phases go safety, stability, recovery and never back. ` +
            `Change this phase's kind to ${a.otherKind} or a later one, or move it before ${a.otherStart}.`,
        nl: (a: { kind: string; start: string; otherKind: string; otherStart: string }) =>
            `Fase ${a.kind} (vanaf ${a.start}) komt na fase ${a.otherKind} (vanaf ${a.otherStart}): fasen gaan van safety via stability naar recovery en nooit terug. ` +
            `Maak van deze fase ${a.otherKind} of een latere fase, of verplaats haar naar vóór ${a.otherStart}.`
    },
    'VP051.early': {
        en: (a: { intervention: string; start: string; safetyEnd: string }) =>
            `Intervention '${a.intervention}' is for the recovery phase but starts on ${a.start}, before the first safety phase ends on ${a.safetyEnd}. ` +
            `Let it start on ${a.safetyEnd} or later, or choose \`phase safety\` or \`phase stability\`.`,
        nl: (a: { intervention: string; start: string; safetyEnd: string }) =>
            `Interventie '${a.intervention}' hoort bij de herstelfase maar begint op ${a.start}, voordat de eerste veiligheidsfase eindigt op ${a.safetyEnd}. ` +
            `Laat haar op of na ${a.safetyEnd} beginnen, of kies \`phase safety\` of \`phase stability\`.`
    }
} satisfies MessageCatalogue;

const rank = (kind: PhaseKind) => PHASE_KINDS.indexOf(kind);

type ValidPhase = ResolvedPhase & { kind: PhaseKind; dates: { interval: Interval } };

export const riskPhasePlanChecks: PlanCheck[] = [
    // VP040: every dynamic risk is addressed by an intervention.
    ({ plan, report }) => {
        const addressed = new Set(plan.interventions.flatMap(i => i.addresses));
        for (const risk of plan.risks) {
            if (risk.nature === 'dynamic' && !addressed.has(risk.node)) {
                report('VP040.unaddressed', risk.node, { risk: risk.name }, { property: 'name' });
            }
        }
    },
    // VP041: voluntary help for a perpetrator plans for drop-out.
    ({ plan, report }) => {
        const perpetrators = new Set(plan.members.filter(m => m.roles.has('perpetrator')).map(m => m.node));
        for (const intervention of plan.interventions) {
            if (intervention.framework !== 'voluntary' || intervention.fallback !== undefined) continue;
            const perpetrator = intervention.for.find(member => perpetrators.has(member));
            if (perpetrator) {
                report('VP041.noFallback', intervention.node, { intervention: intervention.name, perpetrator: perpetrator.name }, { property: 'name' });
            }
        }
    },
    // VP050: one pass over the phases in calendar order.
    ({ plan, report }) => {
        const phases = plan.phases
            .filter((p): p is ValidPhase => p.kind !== undefined && p.dates.interval !== undefined)
            .sort((a, b) => a.dates.interval.start - b.dates.interval.start || a.dates.interval.end - b.dates.interval.end);
        let latestEnding: ValidPhase | undefined; // the phase reaching furthest so far
        let highest: ValidPhase | undefined; // the latest kind so far
        for (const phase of phases) {
            const interval = phase.dates.interval;
            if (latestEnding && interval.start < latestEnding.dates.interval.end) {
                // One mistake, one diagnostic: an overlapping phase is not also judged on its order.
                const other = latestEnding.dates.interval;
                report('VP050.overlap', phase.node, {
                    kind: phase.kind, start: formatDay(interval.start), end: formatDay(interval.end),
                    otherKind: latestEnding.kind, otherStart: formatDay(other.start), otherEnd: formatDay(other.end)
                }, { fix: { otherStart: formatDay(other.start), otherEnd: formatDay(other.end) } });
            } else if (highest && rank(phase.kind) < rank(highest.kind)) {
                report('VP050.order', phase.node, {
                    kind: phase.kind, start: formatDay(interval.start),
                    otherKind: highest.kind, otherStart: formatDay(highest.dates.interval.start)
                }, { property: 'kind' });
            }
            if (!latestEnding || interval.end > latestEnding.dates.interval.end) latestEnding = phase;
            if (!highest || rank(phase.kind) > rank(highest.kind)) highest = phase;
        }
    },
    // VP051: recovery help waits for the earliest safety phase to end.
    ({ plan, report }) => {
        let earliestSafety: Interval | undefined;
        for (const phase of plan.phases) {
            const interval = phase.dates.interval;
            if (phase.kind === 'safety' && interval && (!earliestSafety || interval.start < earliestSafety.start)) earliestSafety = interval;
        }
        if (!earliestSafety) return;
        for (const intervention of plan.interventions) {
            const start = intervention.dates.start;
            if (intervention.phase !== 'recovery' || start === undefined || start >= earliestSafety.end) continue;
            const phaseItem = firstItem(intervention.node, isInterventionPhaseItem);
            report('VP051.early', phaseItem ?? intervention.node, {
                intervention: intervention.name, start: formatDay(start), safetyEnd: formatDay(earliestSafety.end)
            }, { fix: { earliestStart: formatDay(earliestSafety.end) } });
        }
    }
];

export const riskPhaseFileChecks: FileCheck[] = [];
