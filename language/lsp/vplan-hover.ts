/**
 * Hover: what a name means in the plan. A measure type shows its legal frame, a member what
 * covers them, an organisation its kind and when it holds regie; the plan's other declarations,
 * dates, durations and value words are in vplan-hover-more.ts. Everything comes from
 * `resolvePlan` / `measureTypeInfo`, so the hover never disagrees with the checks.
 */

import { VplanDocumentBuilder } from '../workspace/vplan-document-builder.js';
import { pathOf } from '../workspace/parked-plans.js';
import { compareCodePoints } from '../workspace/workspace-layout.js';
import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isMeasureType, isMember, isOrganisation, isPlan, isVplanFile, type MeasureType, type Member, type Organisation } from '../generated/ast.js';
import { text, type Locale, type Message, type NoArgs } from '../i18n/locale.js';
import { conceptWord, relationWord, valueWord } from '../i18n/phrases.js';
import { formatDay } from '../model/dates.js';
import { planFacts } from '../analysis/plan-facts.js';
import type { MemberCoverage } from '../analysis/coverage-facts.js';
import { declarationOf, measureTypeView } from '../model/declaration-views.js';
import { firstItem } from '../model/ast-queries.js';
import { parseDate } from '../model/dates.js';
import { isCheckedItem, isSourceItem } from '../generated/ast.js';
import type { VplanServices } from '../vplan-module.js';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import { documentLocale, durationOrDash, intervalText, md } from './vplan-editor-text.js';
import { editorTexts } from './editor-texts.js';
import { dateHover, durationAt, durationHover, planDeclarationHover, valueWordHover } from './vplan-hover-more.js';

export class VplanHoverProvider extends AstNodeHoverProvider {
    constructor(protected readonly services: VplanServices) {
        super(services);
    }

    // The hover text depends on the locale of the document being hovered, not of the declaration
    // (which may be the built-in catalogue), so the locale is passed along explicitly.
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const locale = documentLocale(this.services, document);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        const literal = leaf && leaf.offset <= offset && offset < leaf.end ? this.literalHover(leaf, locale) : undefined;
        if (literal) return { contents: { kind: 'markdown', value: literal } };
        const cst = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!cst || cst.end <= offset) return undefined;
        const contents = this.references.findDeclarations(cst)
            .map(node => this.hoverFor(node, locale))
            .filter((text): text is string => text !== undefined);
        return contents.length > 0 ? { contents: { kind: 'markdown', value: contents.join('\n\n') } } : undefined;
    }

    /** A date, a duration or a value word under the cursor (vplan-hover-more.ts). */
    protected literalHover(leaf: LeafCstNode, locale: Locale): string | undefined {
        if (leaf.tokenType.name === 'DATE') return dateHover(leaf, locale);
        const duration = durationAt(leaf);
        if (duration) return durationHover(duration, locale);
        return valueWordHover(leaf, locale);
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        return this.hoverFor(node, 'en');
    }

    protected hoverFor(node: AstNode, locale: Locale): string | undefined {
        if (isMeasureType(node)) return measureTypeHover(node, locale);
        if (isMember(node)) return memberHover(node, locale);
        if (isOrganisation(node)) return organisationHover(node, locale, this.services);
        return planDeclarationHover(node, locale);
    }
}

export function measureTypeHover(node: MeasureType, locale: Locale): string {
    const say = (entry: Message<NoArgs>) => text(entry, {}, locale);
    const info = measureTypeView(node);
    const source = firstItem(node, isSourceItem)?.text;
    const checked = parseDate(firstItem(node, isCheckedItem)?.date);
    const builtin = isBuiltinUri(AstUtils.getDocument(node).uri);
    const heading = `**${say(editorTexts.measureType)}** \`${info.name}\``
        + (info.title ? ` — ${md(info.title)}` : '')
        + (builtin ? ` *(${say(editorTexts.builtIn)})*` : '');
    const none = '—';
    const lines = [
        `- ${say(editorTexts.mode)}: ${info.mode ?? none}`,
        `- ${say(editorTexts.legalBasis)}: ${info.basis ? md(info.basis) : none}`,
        `- ${say(editorTexts.limits)}: ${say(editorTexts.initialTerm)} ${durationOrDash(info.initial, locale)}`
            + ` · ${say(editorTexts.termMax)} ${durationOrDash(info.termMax, locale)}`
            + ` · ${say(editorTexts.totalMax)} ${durationOrDash(info.totalMax, locale)}`,
        `- ${say(editorTexts.subject)}: ${valueWord('subject', info.subject, locale)}`,
        `- ${say(editorTexts.imposedBy)}: ${info.imposedBy.length > 0 ? info.imposedBy.join(', ') : none}`,
        `- ${say(editorTexts.regie)}: ${info.regie ?? none}`,
        `- ${say(editorTexts.source)}: ${source ? `<${source}>` : none}`,
        `- ${say(editorTexts.checked)}: ${checked !== undefined ? formatDay(checked) : none}`
    ];
    return [heading, '', ...lines].join('\n');
}

export function memberHover(node: Member, locale: Locale): string | undefined {
    const say = (entry: Message<NoArgs>) => text(entry, {}, locale);
    const plan = AstUtils.getContainerOfType(node, isPlan);
    if (!plan) return undefined;
    const coverage = planFacts(plan).coverage.of(node);
    const member = coverage?.member;
    const heading = `**${say(editorTexts.member)}** \`${node.name}\`` + (node.kind ? ` (${valueWord('memberKind', node.kind, locale)})` : '');
    if (!member) return heading;
    const lines: string[] = [];
    lines.push(`- ${say(editorTexts.roles)}: ${member.roles.size > 0 ? [...member.roles].map(role => valueWord('role', role, locale)).join(', ') : '—'}`);
    if (member.age !== undefined) {
        lines.push(`- ${say(editorTexts.ageAtPlanStart)}: ${member.age}`);
    }
    if (member.outside) lines.push(`- ${say(editorTexts.livesOutside)}`);
    const covers = coverageText(coverage!, locale);
    // One item a line: a member covered by several items reads as a list, not as one long line.
    if (covers.length > 0) lines.push(`- ${say(editorTexts.coveredBy)}:`, ...covers.map(cover => `  - ${cover}`));
    else lines.push(`- ${say(editorTexts.coveredBy)}: ${say(editorTexts.coveredByNothing)}`);
    return [heading, '', ...lines].join('\n');
}

/** What covers a member (the coverage facts, as VP001 reads them): items, or a `no-action` reason. */
function coverageText(coverage: MemberCoverage, locale: Locale): string[] {
    const out = coverage.items.map(entry => {
        const kind = conceptWord(entry.kind, locale);
        const relation = entry.relation === 'for' ? '' : ` (${relationWord(entry.relation, locale)})`;
        return `${kind} \`${entry.item.name}\`${relation}`;
    });
    if (coverage.noActionReason !== undefined) out.push(`no-action: “${md(coverage.noActionReason)}”`);
    return out;
}

export function organisationHover(node: Organisation, locale: Locale, services: VplanServices): string {
    const heading = `**${text(editorTexts.organisation, {}, locale)}** \`${node.name}\`` + (node.title ? ` — ${md(node.title)}` : '');
    const lines = [`- ${text(editorTexts.kind, {}, locale)}: ${node.kind ?? '—'}`];
    // In the global order of files (language reference, section 2), whatever order they were loaded in.
    const documents = services.shared.workspace.LangiumDocuments.all.toArray()
        .sort((a, b) => compareCodePoints(a.uri.path, b.uri.path) || compareCodePoints(a.uri.toString(), b.uri.toString()));
    const periods: string[] = [];
    const builder = services.shared.workspace.DocumentBuilder;
    const parked = builder instanceof VplanDocumentBuilder ? builder.parked : undefined;
    const target = parked && parked.size > 0 ? pathOf(node, services) : undefined;
    for (const document of documents) {
        // A parked plan (workspace/parked-plans.ts) keeps its regie periods with their organisations' paths.
        const record = parked?.recordOf(document.uri);
        if (record && target) {
            for (const period of record.regie) {
                const organisation = record.references[period.reference];
                if (organisation?.resolved && organisation.targetUri.toString() === target.uri && organisation.targetPath === target.path) {
                    periods.push(`\`${period.plan}\`: ${intervalText(period.interval, locale)}`);
                }
            }
            continue;
        }
        const root = document.parseResult.value;
        if (!isVplanFile(root)) continue;
        for (const plan of root.declarations.filter(isPlan)) {
            for (const { entry } of planFacts(plan).regie.periods.slice().sort((a, b) => a.index - b.index)) {
                if (entry.organisation && declarationOf(entry.organisation) === node && entry.interval) {
                    periods.push(`\`${plan.name}\`: ${intervalText(entry.interval, locale)}`);
                }
            }
        }
    }
    lines.push(`- ${text(editorTexts.holdsRegie, {}, locale)}: ${periods.length > 0 ? periods.join('; ') : '—'}`);
    return [heading, '', ...lines].join('\n');
}
