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

export interface PlanFacts {
    plan: ResolvedPlan;
    coverage: CoverageFacts;
    regie: RegieFacts;
    measureLimits: MeasureLimitFacts[];
    phases: PhaseFacts;
}

/** The facts of a resolved plan (not cached: use `planFacts` for a plan node). */
export function analysePlan(plan: ResolvedPlan): PlanFacts {
    return {
        plan,
        coverage: computeCoverage(plan),
        regie: computeRegie(plan),
        measureLimits: computeMeasureLimits(plan),
        phases: computePhases(plan)
    };
}

const cache = new WeakMap<Plan, { links: unknown; facts: PlanFacts }>();

/** The facts of a linked plan, computed once per plan and link. */
export function planFacts(plan: Plan): PlanFacts {
    const links = linksOf(plan);
    const cached = cache.get(plan);
    if (cached && cached.links === links) return cached.facts;
    const facts = analysePlan(resolvePlan(plan));
    cache.set(plan, { links, facts });
    return facts;
}

function linksOf(plan: Plan): unknown {
    const root = AstUtils.findRootNode(plan) as { $document?: { references?: unknown } };
    return root.$document?.references ?? root;
}
