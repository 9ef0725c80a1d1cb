/**
 * Small typed queries over the AST, shared by scoping, checks, the timeline and the LSP features.
 * Block items may come in any order; these helpers find them by type.
 */

import { AstUtils, type AstNode } from 'langium';
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

/**
 * Whether a parse or lex error (VP000) lies inside the node's text (or right after its last
 * token): the parser may then have dropped an item that is really there, so a check that finds
 * it "missing" would report a cascade of that one mistake.
 */
export function hasSyntaxErrorInside(node: AstNode): boolean {
    const cst = node.$cstNode;
    if (!cst) return true;
    const { parserErrors, lexerErrors } = AstUtils.getDocument(node).parseResult;
    const inside = (offset: number | undefined) => offset !== undefined && offset >= cst.offset && offset <= cst.end;
    return parserErrors.some(e => inside(e.token.startOffset) || inside((e as { previousToken?: { startOffset: number } }).previousToken?.startOffset))
        || lexerErrors.some(e => inside(e.offset));
}

