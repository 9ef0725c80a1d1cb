/**
 * The plan-analysis layer: every fact worked out from a resolved plan, computed once per plan and
 * link. Checks, quick fixes, hover, code lens, inlay hints, the timeline, the export and the diff
 * read these facts and compute none of their own, so they cannot disagree (docs/ARCHITECTURE.md).
 *
 * The facts of a plan stay valid while its document keeps the same links: Langium replaces a
 * document's reference list whenever it relinks it (after an edit of the document itself or of a
 * declaration it names), so the cache is keyed on that list.
 */

import { AstUtils } from 'langium';
import type { Plan } from '../generated/ast.js';
import { resolvePlan, type ResolvedPlan } from '../model/plan-model.js';
import { computeCoverage, type CoverageFacts } from './coverage-facts.js';
import { computeRegie, type RegieFacts } from './regie-facts.js';
import { computeMeasureLimits, type MeasureLimitFacts } from './measure-facts.js';
import { computePhases, type PhaseFacts } from './phase-facts.js';
import { computeRequirements, type MeasureRequirement } from './requirement-facts.js';
import { computeDropOuts, type DropOutFacts } from './care-facts.js';
import { computeIncidents, type IncidentFacts } from './incident-facts.js';

export interface PlanFacts {
    plan: ResolvedPlan;
    coverage: CoverageFacts;
    regie: RegieFacts;
    measureLimits: MeasureLimitFacts[];
    phases: PhaseFacts;
    /** v2: measures whose type `requires` others, with the days none of those runs (VP034). */
    requirements: MeasureRequirement[];
    /** v2: drop-outs and what follows them (VP042, the timeline). */
    dropOuts: DropOutFacts;
    /** v2: incidents and the meetings that discuss them (VP050, VP052, the timeline). */
    incidents: IncidentFacts;
}

/** The facts of a resolved plan (not cached: use `planFacts` for a plan node). */
export function analysePlan(plan: ResolvedPlan): PlanFacts {
    const coverage = computeCoverage(plan);
    return {
        plan,
        coverage,
        regie: computeRegie(plan),
        measureLimits: computeMeasureLimits(plan),
        phases: computePhases(plan),
        requirements: computeRequirements(plan),
        dropOuts: computeDropOuts(plan, coverage),
        incidents: computeIncidents(plan)
    };
}

/**
 * The facts of the plans used most recently. Bounded: the rules of one validation, the hover, code
 * lens and timeline of the plans being edited read the same facts again and again, while keeping
 * the facts of every plan of a large workspace would cost the language server tens of megabytes
 * for plans nobody looks at (they are computed again, cheaply, when needed).
 */
const CACHED_PLANS = 64;
const cache = new Map<Plan, { links: unknown; facts: PlanFacts }>();

/** The facts of a linked plan, computed once per plan and link while it is in use. */
/** Drops a plan's facts, when its syntax tree is released (workspace/parked-plans.ts). */
export function forgetPlanFacts(plan: Plan): void {
    cache.delete(plan);
}

export function planFacts(plan: Plan): PlanFacts {
    const links = linksOf(plan);
    const cached = cache.get(plan);
    cache.delete(plan);
    if (cached && cached.links === links) {
        cache.set(plan, cached);
        return cached.facts;
    }
    const facts = analysePlan(resolvePlan(plan));
    cache.set(plan, { links, facts });
    if (cache.size > CACHED_PLANS) cache.delete(cache.keys().next().value!);
    return facts;
}

function linksOf(plan: Plan): unknown {
    const root = AstUtils.findRootNode(plan) as { $document?: { references?: unknown } };
    return root.$document?.references ?? root;
}
