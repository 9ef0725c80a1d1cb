/**
 * Quick fixes for vplan diagnostics. Each fix lives with its rule (`fix` of the rule unit,
 * language/rules/); this provider finds the diagnostic's rule and finding, asks the rule for its
 * proposals, applies them to the text, lays the touched lines out canonically and offers each
 * result as one edit, with a title in the document's locale.
 */

import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic } from 'vscode-languageserver';
import type { VplanServices } from '../vplan-module.js';
import { isMeasureType, isOrganisation, isPlan, type VplanFile } from '../generated/ast.js';
import type { VplanDiagnosticData } from '../validation/report.js';
import { measureTypeView, organisationView, type MeasureTypeView, type OrganisationView } from '../model/declaration-views.js';
import { planFacts } from '../analysis/plan-facts.js';
import { RULES_BY_CODE } from '../rules/registry.js';
import { containingPlanAt, type FixProposal, type FixSupport } from '../rules/fix-support.js';
import { applyFixEdits, minimalTextEdit } from './vplan-fix-apply.js';

export class VplanCodeActionProvider implements CodeActionProvider {
    constructor(protected readonly services: VplanServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const file = document.parseResult.value as VplanFile;
        if (!file.$cstNode) return undefined;
        // A file that does not parse gets only the fixes of syntax errors (VP000), which replace a
        // token; the others need the tree, which may not match what the author sees.
        const broken = document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            if (broken && diagnostic.code !== 'VP000') continue;
            actions.push(...this.actionsFor(document, file, diagnostic, broken));
        }
        return actions.length > 0 ? actions : undefined;
    }

    protected actionsFor(document: LangiumDocument, file: VplanFile, diagnostic: Diagnostic, broken = false): CodeAction[] {
        const data = diagnosticData(diagnostic);
        if (!data) return [];
        const text = document.textDocument.getText();
        const { locale, config } = this.services.config.SettingsProvider.settingsFor(document.uri);
        const support: FixSupport = {
            file,
            text,
            start: document.textDocument.offsetAt(diagnostic.range.start),
            end: document.textDocument.offsetAt(diagnostic.range.end),
            locale,
            config,
            organisations: this.organisations(document),
            measureTypes: this.measureTypes(document)
        };
        const actions: CodeAction[] = [];
        for (const proposal of this.proposals(support, data)) {
            // In a file with other syntax errors the result cannot be laid out (it does not parse yet): the edit stays as it is.
            const after = broken ? applyRawEdits(text, proposal.edits) : applyFixEdits(this.services, text, proposal.edits);
            const edit = after === undefined ? undefined : minimalTextEdit(text, after);
            if (!edit) continue;
            actions.push({
                title: proposal.title,
                kind: CodeActionKind.QuickFix,
                diagnostics: [diagnostic],
                isPreferred: proposal.preferred,
                edit: { changes: { [document.uri.toString()]: [edit] } }
            });
        }
        return actions;
    }

    /** What the rule's quick fix proposes for the diagnostic. */
    protected proposals(support: FixSupport, data: VplanDiagnosticData): FixProposal[] {
        const rule = RULES_BY_CODE.get(data.code);
        if (rule?.fix) {
            const plan = containingPlanAt(support);
            const key = data.messageId.startsWith(`${data.code}.`) ? data.messageId.slice(data.code.length + 1) : data.messageId;
            return rule.fix({
                ...support,
                finding: { key, args: data.args as never, fix: data.fix as never },
                plan: plan && isPlan(plan) ? plan : undefined,
                facts: plan ? planFacts(plan) : undefined
            });
        }
        return [];
    }

    /** The organisations a new reference can name: the first declaration of each global name. */
    protected organisations(document: LangiumDocument): OrganisationView[] {
        const names = this.services.references.GlobalNames;
        const result: OrganisationView[] = [];
        for (const description of names.firstDeclarations(names.keyOf(document.uri)).values()) {
            if (isOrganisation(description.node)) result.push(organisationView(description.node));
        }
        return result.sort((a, b) => a.name.localeCompare(b.name));
    }

    /** The measure types a new measure can name: the first declaration of each global name. */
    protected measureTypes(document: LangiumDocument): MeasureTypeView[] {
        const names = this.services.references.GlobalNames;
        const result: MeasureTypeView[] = [];
        for (const description of names.firstDeclarations(names.keyOf(document.uri)).values()) {
            if (isMeasureType(description.node)) result.push(measureTypeView(description.node));
        }
        return result.sort((a, b) => a.name.localeCompare(b.name));
    }
}

/** Raw edits applied as they are, last first. */
function applyRawEdits(text: string, edits: readonly FixProposal['edits'][number][]): string {
    let result = text;
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.end);
    return result;
}

/** The vplan data of a diagnostic; the code alone suffices for fixes that read the model. */
function diagnosticData(diagnostic: Diagnostic): VplanDiagnosticData | undefined {
    const data = diagnostic.data as Partial<VplanDiagnosticData> | undefined;
    const code = typeof data?.code === 'string' ? data.code : typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
    if (!code) return undefined;
    return { code, messageId: data?.messageId ?? code, args: data?.args ?? {}, fix: data?.fix };
}
