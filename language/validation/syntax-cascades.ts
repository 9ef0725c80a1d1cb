/**
 * "No cascades — one mistake, one diagnostic" (spec section 7) for syntax errors. When the parser
 * recovers from a typo it may drop text (`protect ann` loses a `protects`, `staus active` the
 * status, `netwerk { ... }` a whole block), and a check that then finds something missing would
 * report a second diagnostic for the one mistake, already reported as VP000. This reporter wrapper
 * drops exactly those "something is missing" diagnostics that dropped text could explain, and
 * leaves every other diagnostic alone, so a typo still hides nothing else (a VP011 elsewhere stays).
 */

import { AstUtils, isLeafCstNode, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { IToken } from 'chevrotain';
import { isAgreement, isIntervention, isMeasure, isVplanFile, type Plan } from '../generated/ast.js';
import { hasSyntaxErrorInside } from '../model/ast-queries.js';
import type { VplanServices } from '../vplan-module.js';
import { codeOf, type Reporter } from './report.js';
import { CASCADES } from '../rules/registry.js';

// Which findings each kind of dropped text can fake is declared by the rules (`cascade` in
// rules/rule-unit.ts) and collected by the registry (`CASCADES`):
// - missingInNode: "missing item" findings of the node they are reported on;
// - droppedBlock: codes whose finding a block dropped from the plan (`mesure ... { ... }`) could fake;
// - droppedCoverage: codes whose finding an item dropped inside a measure, intervention or agreement could fake.
const MISSING_IN_NODE = CASCADES.missingInNode;
const BLOCK_ABSENCE_CODES = CASCADES.droppedBlock;
const COVERAGE_CODES = CASCADES.droppedCoverage;

function sameLineErrorBefore(node: AstNode): boolean {
    const cst = node.$cstNode;
    if (!cst) return false;
    const { parserErrors } = AstUtils.getDocument(node).parseResult;
    return parserErrors.some(e => e.token.startLine !== undefined && e.token.startLine - 1 === cst.range.start.line && e.token.startOffset <= cst.offset);
}

/** A parse error on the node's last line right after it (`period 2026-01-01 tot ...`). */
function sameLineErrorAfter(node: AstNode): boolean {
    const cst = node.$cstNode;
    if (!cst) return false;
    const { parserErrors } = AstUtils.getDocument(node).parseResult;
    return parserErrors.some(e => e.token.startLine !== undefined && e.token.startLine - 1 === cst.range.end.line && e.token.startOffset >= cst.end);
}

/**
 * The tokens the parser dropped while recovering, from the plan's start up to the next
 * declaration (a plan cut short by an error leaves its rest behind it).
 */
function droppedPlanTokens(plan: Plan, document: LangiumDocument, services: VplanServices): IToken[] {
    const root = document.parseResult.value;
    const cst = plan.$cstNode;
    if (!cst || !root.$cstNode) return [];
    const declarations = isVplanFile(root) ? root.declarations : [];
    const next = declarations.map(d => d.$cstNode?.offset ?? Infinity).filter(offset => offset > cst.offset).reduce((a, b) => Math.min(a, b), Infinity);
    return droppedTokens(root, document, services).filter(t => t.startOffset >= cst.offset && t.startOffset < next);
}

/** Every token of the document that is in no CST node, computed once per parse. */
const droppedCache = new WeakMap<AstNode, IToken[]>();

function droppedTokens(root: AstNode, document: LangiumDocument, services: VplanServices): IToken[] {
    let dropped = droppedCache.get(root);
    if (!dropped) {
        const kept = new Set<number>();
        for (const node of CstUtils.streamCst(root.$cstNode!)) {
            if (isLeafCstNode(node)) kept.add(node.offset);
        }
        dropped = services.parser.Lexer.tokenize(document.textDocument.getText()).tokens.filter(t => !kept.has(t.startOffset));
        droppedCache.set(root, dropped);
    }
    return dropped;
}

export function withoutSyntaxCascades(report: Reporter, services: VplanServices, plan?: Plan): Reporter {
    let clean: boolean | undefined;
    let dropped: IToken[] | undefined;
    let insideCoverage: boolean | undefined;
    return (messageId, node, args, options) => {
        const document = AstUtils.getDocument(node);
        clean ??= document.parseResult.parserErrors.length === 0 && document.parseResult.lexerErrors.length === 0;
        if (!clean) {
            const code = codeOf(messageId);
            const isPlan = (node as AstNode) === plan;
            if (MISSING_IN_NODE.has(messageId) && !isPlan && (hasSyntaxErrorInside(node) || sameLineErrorAfter(node))) return;
            if (CASCADES.repeatedAfterError.has(messageId) && sameLineErrorBefore(node)) return;
            if (plan) {
                dropped ??= droppedPlanTokens(plan, document, services);
                // Any dropped text at plan level may be the missing status, period or household.
                if (isPlan && CASCADES.planLevelMissing.has(messageId) && dropped.length > 0) return;
                if (BLOCK_ABSENCE_CODES.has(code) && dropped.some(t => t.image === '{')) return;
                insideCoverage ??= plan.items.some(item => (isMeasure(item) || isIntervention(item) || isAgreement(item)) && hasSyntaxErrorInside(item));
                if (insideCoverage && COVERAGE_CODES.has(code)) return;
            }
        }
        report(messageId, node, args, options);
    };
}
