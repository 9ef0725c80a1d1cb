/**
 * Inlay hints with the dates the plan implies: the last covered day of every `for DURATION`
 * (period, phase, measure term, extend, intervention, agreement, regie entry, every aftercare
 * block), the default end of a measure's first term, the implied end of a regie entry, the day of
 * each aftercare checkpoint, and each member's age at the plan start. All dates come from
 * `resolvePlan`; ends are shown as the last covered day (`until` / `t/m`), see docs/editor.md.
 */

import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { InlayHintKind, type InlayHint, type InlayHintParams, type Position, type Range } from 'vscode-languageserver';
import { isExtendItem, isPlan, isSpanItem, isVplanFile, type Duration } from '../generated/ast.js';
import { text, type Locale } from '../i18n/locale.js';
import { formatDay, type Day } from '../model/dates.js';
import { resolvePlan, type ResolvedPlan } from '../model/plan-model.js';
import type { VplanServices } from '../vplan-module.js';
import { documentLocale, untilText } from './vplan-editor-text.js';
import { editorTexts } from './editor-texts.js';

export class VplanInlayHintProvider implements InlayHintProvider {
    constructor(protected readonly services: VplanServices) {}

    getInlayHints(document: LangiumDocument, params: InlayHintParams): MaybePromise<InlayHint[] | undefined> {
        const root = document.parseResult.value;
        if (!isVplanFile(root)) return [];
        const locale = documentLocale(this.services, document);
        const hints: InlayHint[] = [];
        for (const plan of root.declarations.filter(isPlan)) {
            hints.push(...planInlayHints(resolvePlan(plan), document, locale));
        }
        return hints.filter(hint => inRange(hint.position, params.range));
    }
}

export function planInlayHints(plan: ResolvedPlan, document: LangiumDocument, locale: Locale): InlayHint[] {
    const hints: InlayHint[] = [];
    const at = (cst: CstNode | undefined, label: string, tooltip?: string) => {
        if (!cst) return;
        hints.push({
            position: document.textDocument.positionAt(cst.end), label, kind: InlayHintKind.Type, paddingLeft: true,
            ...(tooltip ? { tooltip } : {})
        });
    };
    const afterDuration = (duration: Duration | undefined, end: Day | undefined) => {
        if (duration && end !== undefined) at(duration.$cstNode, untilText(end, locale));
    };
    const propertyNode = (node: AstNode, property: string) => GrammarUtils.findNodeForProperty(node.$cstNode, property);

    if (plan.periodNode && plan.period) afterDuration(plan.periodNode.duration, plan.period.end);

    for (const member of plan.members) {
        if (member.age !== undefined) at(propertyNode(member.node, 'born'), text(editorTexts.age, { age: member.age }, locale));
    }
    for (const phase of plan.phases) {
        afterDuration(phase.node.duration, phase.dates.interval?.end);
    }
    for (const measure of plan.measures) {
        for (const term of measure.terms) {
            if (!term.interval) continue;
            if (isSpanItem(term.node) && term.defaultEnd) {
                at(term.node.$cstNode, text(editorTexts.defaultEnd, { until: untilText(term.interval.end, locale) }, locale),
                    text(editorTexts.defaultEndTooltip, {}, locale));
            } else if (isSpanItem(term.node) || isExtendItem(term.node)) {
                afterDuration(term.node.duration, term.interval.end);
            }
        }
    }
    for (const intervention of plan.interventions) {
        afterDuration(firstSpanDuration(intervention.node.items), intervention.dates.interval?.end);
    }
    for (const agreement of plan.agreements) {
        afterDuration(firstSpanDuration(agreement.node.items), agreement.dates?.interval?.end);
    }
    for (const entry of plan.regie) {
        if (!entry.interval) continue;
        if (entry.explicitEnd) afterDuration(entry.node.duration, entry.interval.end);
        else at(propertyNode(entry.node, 'start'), untilText(entry.interval.end, locale),
            text(editorTexts.impliedEndTooltip, {}, locale));
    }
    // Every aftercare block (a plan may hold several).
    for (const aftercare of plan.aftercareBlocks) {
        afterDuration(firstSpanDuration(aftercare.node.items), aftercare.dates?.interval?.end);
        for (const checkpoint of aftercare.checkpoints) {
            if (checkpoint.day !== undefined) at(checkpoint.node.$cstNode, `→ ${formatDay(checkpoint.day)}`);
        }
    }
    return hints;
}

function firstSpanDuration(items: readonly AstNode[]): Duration | undefined {
    return items.find(isSpanItem)?.duration;
}

function inRange(position: Position, range: Range): boolean {
    const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return after && before;
}
