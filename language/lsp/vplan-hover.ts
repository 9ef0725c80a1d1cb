/**
 * Hover: what a name means in the plan. A measure type shows its legal frame, a member what
 * covers them, an organisation its kind and when it holds regie. Everything comes from
 * `resolvePlan` / `measureTypeInfo`, so the hover never disagrees with the checks.
 */

import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isMeasureType, isMember, isOrganisation, isPlan, isVplanFile, type MeasureType, type Member, type Organisation } from '../generated/ast.js';
import type { Locale } from '../i18n/locale.js';
import { formatDay } from '../model/dates.js';
import { measureTypeInfo, resolvePlan, type ResolvedPlan } from '../model/plan-model.js';
import type { VplanServices } from '../vplan-module.js';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import { documentLocale, durationText, intervalText, md, t } from './vplan-editor-text.js';

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
        const cst = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!cst || cst.end <= offset) return undefined;
        const locale = documentLocale(this.services, document);
        const contents = this.references.findDeclarations(cst)
            .map(node => this.hoverFor(node, locale))
            .filter((text): text is string => text !== undefined);
        return contents.length > 0 ? { contents: { kind: 'markdown', value: contents.join('\n\n') } } : undefined;
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        return this.hoverFor(node, 'en');
    }

    protected hoverFor(node: AstNode, locale: Locale): string | undefined {
        if (isMeasureType(node)) return measureTypeHover(node, locale);
        if (isMember(node)) return memberHover(node, locale);
        if (isOrganisation(node)) return organisationHover(node, locale, this.services);
        return undefined;
    }
}

export function measureTypeHover(node: MeasureType, locale: Locale): string {
    const info = measureTypeInfo(node);
    const builtin = isBuiltinUri(AstUtils.getDocument(node).uri);
    const heading = `**${t(locale, 'Measure type', 'Maatregeltype')}** \`${info.name}\``
        + (info.title ? ` — ${md(info.title)}` : '')
        + (builtin ? ` *(${t(locale, 'built-in', 'ingebouwd')})*` : '');
    const none = '—';
    const lines = [
        `- ${t(locale, 'Mode', 'Modus')}: ${info.mode ?? none}`,
        `- ${t(locale, 'Legal basis', 'Wettelijke grondslag')}: ${info.basis ? md(info.basis) : none}`,
        `- ${t(locale, 'Limits', 'Termijnen')}: ${t(locale, 'initial', 'eerste termijn')} ${durationText(info.initial, locale)}`
            + ` · ${t(locale, 'term max', 'max. per termijn')} ${durationText(info.termMax, locale)}`
            + ` · ${t(locale, 'total max', 'max. totaal')} ${durationText(info.totalMax, locale)}`,
        `- ${t(locale, 'Subject', 'Betreft')}: ${info.subject}`,
        `- ${t(locale, 'Imposed by', 'Opgelegd door')}: ${info.imposedBy.length > 0 ? info.imposedBy.join(', ') : none}`,
        `- ${t(locale, 'Regie', 'Regie')}: ${info.regie ?? none}`,
        `- ${t(locale, 'Source', 'Bron')}: ${info.source ? `<${info.source}>` : none}`,
        `- ${t(locale, 'Checked', 'Gecontroleerd')}: ${info.checked !== undefined ? formatDay(info.checked) : none}`
    ];
    return [heading, '', ...lines].join('\n');
}

export function memberHover(node: Member, locale: Locale): string | undefined {
    const plan = AstUtils.getContainerOfType(node, isPlan);
    if (!plan) return undefined;
    const resolved = resolvePlan(plan);
    const member = resolved.members.find(m => m.node === node);
    const heading = `**${t(locale, 'Member', 'Gezinslid')}** \`${node.name}\`` + (node.kind ? ` (${node.kind})` : '');
    if (!member) return heading;
    const lines: string[] = [];
    lines.push(`- ${t(locale, 'Roles', 'Rollen')}: ${member.roles.size > 0 ? [...member.roles].join(', ') : '—'}`);
    if (member.age !== undefined) {
        lines.push(`- ${t(locale, 'Age at plan start', 'Leeftijd bij start plan')}: ${member.age}`);
    }
    if (member.outside) lines.push(`- ${t(locale, 'Lives outside the household', 'Woont buiten het huishouden')}`);
    const coverage = coverageOf(resolved, node, locale);
    lines.push(`- ${t(locale, 'Covered by', 'Gedekt door')}: ${coverage.length > 0 ? coverage.join('; ') : t(locale, '**nothing**', '**niets**')}`);
    return [heading, '', ...lines].join('\n');
}

/** What covers a member (spec VP001): measures on/protecting, interventions for, agreements protecting, or no-action. */
export function coverageOf(plan: ResolvedPlan, member: Member, locale: Locale): string[] {
    const out: string[] = [];
    for (const m of plan.measures) {
        if (m.on.includes(member)) out.push(`${t(locale, 'measure', 'maatregel')} \`${m.name}\` (${t(locale, 'on', 'op')})`);
        if (m.protects.includes(member)) out.push(`${t(locale, 'measure', 'maatregel')} \`${m.name}\` (${t(locale, 'protects', 'beschermt')})`);
    }
    for (const i of plan.interventions) {
        if (i.for.includes(member)) out.push(`${t(locale, 'intervention', 'interventie')} \`${i.name}\``);
    }
    for (const a of plan.agreements) {
        if (a.protects.includes(member)) out.push(`${t(locale, 'agreement', 'afspraak')} \`${a.name}\` (${t(locale, 'protects', 'beschermt')})`);
    }
    if (member.noAction !== undefined) out.push(`no-action: “${md(member.noAction)}”`);
    return out;
}

export function isCovered(plan: ResolvedPlan, member: Member): boolean {
    return member.noAction !== undefined
        || plan.measures.some(m => m.on.includes(member) || m.protects.includes(member))
        || plan.interventions.some(i => i.for.includes(member))
        || plan.agreements.some(a => a.protects.includes(member));
}

export function organisationHover(node: Organisation, locale: Locale, services: VplanServices): string {
    const heading = `**${t(locale, 'Organisation', 'Organisatie')}** \`${node.name}\`` + (node.title ? ` — ${md(node.title)}` : '');
    const lines = [`- ${t(locale, 'Kind', 'Soort')}: ${node.kind ?? '—'}`];
    const periods: string[] = [];
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        const root = document.parseResult.value;
        if (!isVplanFile(root)) continue;
        for (const plan of root.declarations.filter(isPlan)) {
            for (const entry of resolvePlan(plan).regie) {
                if (entry.organisation === node && entry.interval) {
                    periods.push(`\`${plan.name}\`: ${intervalText(entry.interval, locale)}`);
                }
            }
        }
    }
    lines.push(`- ${t(locale, 'Holds regie', 'Heeft regie')}: ${periods.length > 0 ? periods.join('; ') : '—'}`);
    return [heading, '', ...lines].join('\n');
}
