/**
 * Small typed queries over the AST, shared by scoping, checks, the timeline and the LSP features.
 * Block items may come in any order; these helpers find them by type.
 */

import type { AstNode } from 'langium';
import {
    isAgreement, isHousehold, isIntervention, isMeasure, isNetwork, isRisk,
    type Agreement, type Intervention, type Measure, type Member, type Plan, type PlanItem, type Risk, type Supporter
} from '../generated/ast.js';

/** All items of `container.items` that pass the guard, in source order. */
export function itemsOf<T extends AstNode>(container: { items: readonly AstNode[] }, guard: (node: unknown) => node is T): T[] {
    return container.items.filter(guard);
}

/** The first item that passes the guard (a duplicate is VP005, reported elsewhere). */
export function firstItem<T extends AstNode>(container: { items: readonly AstNode[] }, guard: (node: unknown) => node is T): T | undefined {
    return container.items.find(guard);
}

export function planItems<T extends PlanItem>(plan: Plan, guard: (node: unknown) => node is T): T[] {
    return plan.items.filter(guard);
}

export function planMembers(plan: Plan): Member[] {
    return plan.items.filter(isHousehold).flatMap(h => h.members);
}

export function planSupporters(plan: Plan): Supporter[] {
    return plan.items.filter(isNetwork).flatMap(n => n.supporters);
}

export type PlanDeclaration = Member | Supporter | Risk | Measure | Intervention | Agreement;

/** Every named declaration of a plan's own namespace, in source order. */
export function* planDeclarations(plan: Plan): Generator<PlanDeclaration> {
    for (const item of plan.items) {
        if (isHousehold(item)) yield* item.members;
        else if (isNetwork(item)) yield* item.supporters;
        else if (isRisk(item) || isMeasure(item) || isIntervention(item) || isAgreement(item)) yield item;
    }
}
