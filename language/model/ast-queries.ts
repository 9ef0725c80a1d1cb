/**
 * Small typed queries over the AST, shared by scoping, checks, the timeline and the LSP features.
 * Block items may come in any order; these helpers find them by type.
 */

import { AstUtils, GrammarUtils, type AstNode } from 'langium';
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
    const members: Member[] = [];
    for (const item of plan.items) {
        if (isHousehold(item)) for (const member of item.members) members.push(member);
    }
    return members;
}

export function planSupporters(plan: Plan): Supporter[] {
    const supporters: Supporter[] = [];
    for (const item of plan.items) {
        if (isNetwork(item)) for (const supporter of item.supporters) supporters.push(supporter);
    }
    return supporters;
}

export type PlanDeclaration = Member | Supporter | Risk | Measure | Intervention | Agreement;

/** A plan's own namespace: its declarations, and which of them repeat an earlier name. */
export interface PlanNamespace {
    /** Every named declaration, in source order. */
    readonly declarations: readonly PlanDeclaration[];
    /**
     * The declarations whose name an earlier one already has (VP080; they take part in no other
     * check). Names lost to a parse error (`undefined`) count as one name, like any other.
     */
    readonly duplicates: ReadonlySet<PlanDeclaration>;
}

const NO_DUPLICATES: ReadonlySet<PlanDeclaration> = new Set();

/**
 * Computed once per Plan node: scoping, the plan model and the checks all read it. It depends
 * only on the plan's own syntax tree (no references), which a reparse replaces, so it stays valid
 * as long as the node lives, also when Langium relinks the document in place.
 */
const namespaceByPlan = new WeakMap<Plan, PlanNamespace>();

export function planNamespace(plan: Plan): PlanNamespace {
    let namespace = namespaceByPlan.get(plan);
    if (!namespace) {
        const declarations: PlanDeclaration[] = [];
        for (const item of plan.items) {
            if (isHousehold(item)) for (const member of item.members) declarations.push(member);
            else if (isNetwork(item)) for (const supporter of item.supporters) declarations.push(supporter);
            else if (isRisk(item) || isMeasure(item) || isIntervention(item) || isAgreement(item)) declarations.push(item);
        }
        const seen = new Set<string | undefined>();
        let duplicates: Set<PlanDeclaration> | undefined;
        for (const declaration of declarations) {
            if (!seen.has(declaration.name)) seen.add(declaration.name);
            else (duplicates ??= new Set()).add(declaration);
        }
        // Kept for the life of the tree: most plans have no duplicate and share one empty set.
        namespace = { declarations, duplicates: duplicates ?? NO_DUPLICATES };
        namespaceByPlan.set(plan, namespace);
    }
    return namespace;
}

/** Every named declaration of a plan's own namespace, in source order. */
export function planDeclarations(plan: Plan): readonly PlanDeclaration[] {
    return planNamespace(plan).declarations;
}

/**
 * Whether a parse or lex error (VP000) lies inside the node's text (or right after its last
 * token): the parser may then have dropped an item that is really there, so a check that finds
 * it "missing" would report a cascade of that one mistake.
 */
/**
 * Whether a parse or lex error lies on the line where the node's name is written (`organisation
 * a-b`, `organisation 9a`): the name may be what recovery made of the broken text.
 */
export function hasSyntaxErrorOnNameLine(node: AstNode): boolean {
    const document = AstUtils.getDocument(node);
    const { parserErrors, lexerErrors } = document.parseResult;
    if (parserErrors.length === 0 && lexerErrors.length === 0) return false;
    const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode;
    if (!nameNode) return true;
    const line = nameNode.range.start.line;
    return parserErrors.some(e => e.token.startLine !== undefined && e.token.startLine - 1 === line)
        || lexerErrors.some(e => e.line !== undefined && e.line - 1 === line);
}

export function hasSyntaxErrorInside(node: AstNode): boolean {
    const cst = node.$cstNode;
    if (!cst) return true;
    const { parserErrors, lexerErrors } = AstUtils.getDocument(node).parseResult;
    // The common case, asked for many nodes of every plan: a document without any error.
    if (parserErrors.length === 0 && lexerErrors.length === 0) return false;
    const inside = (offset: number | undefined) => offset !== undefined && offset >= cst.offset && offset <= cst.end;
    return parserErrors.some(e => inside(e.token.startOffset) || inside((e as { previousToken?: { startOffset: number } }).previousToken?.startOffset))
        || lexerErrors.some(e => inside(e.offset));
}

