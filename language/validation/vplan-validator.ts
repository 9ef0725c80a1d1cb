/**
 * Runs the rule units (rules/registry.ts) over a document: the file checks on the root, the plan
 * checks on each plan with the plan's facts (analysis/plan-facts.ts). A plan that is itself a
 * duplicate declaration (VP080) takes part in no plan check.
 */

import { AstUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { IToken } from 'chevrotain';
import type { Plan, VplanAstType, VplanFile } from '../generated/ast.js';
import type { VplanServices } from '../vplan-module.js';
import { planFacts } from '../analysis/plan-facts.js';
import { FILE_RULE_MODULES, PLAN_RULE_MODULES } from '../rules/registry.js';
import type { EarlierDeclaration, FileRuleContext, PlanRuleContext, RuleModule } from '../rules/rule-unit.js';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import { createReporter, type Reporter, type ReportOptions } from './report.js';
import { withoutSyntaxCascades } from './syntax-cascades.js';

interface RecordedReport {
    messageId: string;
    node: AstNode;
    args?: Record<string, unknown>;
    options?: ReportOptions<AstNode>;
}

/**
 * Per syntax tree, what each document-local file check (`documentLocal` in its module: value
 * words, escapes, personal data) reported, by the module's index among the file modules.
 * Langium relinks and revalidates every plan that refers to a catalogue when the catalogue
 * changes, without reparsing the plan; these findings are then the same, so they are replayed, in
 * order, through the reporter of the new validation (which applies the syntax-cascade filter as before).
 */
const recordedReportsByRoot = new WeakMap<VplanFile, Array<readonly RecordedReport[] | undefined>>();
/** Kept for the life of the tree: most files have no finding and share this one empty list. */
const NO_REPORTS: readonly RecordedReport[] = [];

type AnyFileContext = FileRuleContext<Record<string, never>>;

/** Runs a module's file check, or replays what it reported for this syntax tree before. */
function runFileModule(module: RuleModule, index: number, context: AnyFileContext): void {
    if (!module.documentLocal) {
        module.file!(context as never);
        return;
    }
    let recorded = recordedReportsByRoot.get(context.file);
    if (!recorded) recordedReportsByRoot.set(context.file, recorded = []);
    const known = recorded[index];
    const report = context.report as unknown as Reporter;
    if (known) {
        for (const { messageId, node, args, options } of known) report(messageId, node, args, options);
        return;
    }
    const reports: RecordedReport[] = [];
    const recording: Reporter = (messageId, node, args, options) => {
        reports.push({ messageId, node, args, options: options as ReportOptions<AstNode> | undefined });
        report(messageId, node, args, options);
    };
    module.file!({ ...context, report: recording as never } as never);
    recorded[index] = reports.length > 0 ? reports : NO_REPORTS; // not reached when the check throws: it runs again next time
}

export class VplanValidator {
    constructor(protected readonly services: VplanServices) {}

    checkFile(file: VplanFile, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(file);
        const { config } = this.services.config.SettingsProvider.settingsFor(document.uri);
        const globalNames = this.services.references.GlobalNames;
        const lexer = this.services.parser.Lexer;
        let tokens: IToken[] | undefined;
        const context = {
            file,
            document,
            config,
            report: withoutSyntaxCascades(createReporter(accept), this.services) as never,
            earlierDeclaration: (node: AstNode & { name: string }): EarlierDeclaration | undefined => {
                const earlier = globalNames.earlierDeclaration(node, node.name);
                if (!earlier) return undefined;
                return { uri: earlier.documentUri, builtin: isBuiltinUri(earlier.documentUri), line: earlier.nameSegment?.range.start.line, type: earlier.type };
            },
            tokens: () => (tokens ??= withComments(lexer.tokenize(document.textDocument.getText())))
        } satisfies AnyFileContext;
        runAll(FILE_RULE_MODULES, (module, index) => runFileModule(module, index, context));
    }

    checkPlan(plan: Plan, accept: ValidationAcceptor): void {
        if (this.services.references.GlobalNames.earlierDeclaration(plan, plan.name)) return;
        const document = AstUtils.getDocument(plan);
        const { config } = this.services.config.SettingsProvider.settingsFor(document.uri);
        const facts = planFacts(plan);
        const context = {
            facts,
            plan: facts.plan,
            config,
            report: withoutSyntaxCascades(createReporter(accept), this.services, plan) as never,
            isOn: (code: string) => config.rules[code] !== 'off'
        } satisfies PlanRuleContext<Record<string, never>>;
        runAll(PLAN_RULE_MODULES, module => module.plan!(context as never));
    }
}

/** The lexer's tokens and its hidden ones (comments), in text order. */
function withComments({ tokens, hidden }: { tokens: IToken[]; hidden: IToken[] }): IToken[] {
    if (hidden.length === 0) return tokens;
    const all: IToken[] = [];
    let h = 0;
    for (const token of tokens) {
        while (h < hidden.length && hidden[h].startOffset < token.startOffset) all.push(hidden[h++]);
        all.push(token);
    }
    while (h < hidden.length) all.push(hidden[h++]);
    return all;
}

/**
 * Runs every check even if one throws on a broken document, so that one failing check cannot hide
 * the diagnostics of the others; the first failure is rethrown afterwards for Langium to report.
 */
function runAll(modules: readonly RuleModule[], run: (module: RuleModule, index: number) => void): void {
    let failure: unknown;
    modules.forEach((module, index) => {
        try {
            run(module, index);
        } catch (error) {
            failure ??= error;
        }
    });
    if (failure !== undefined) throw failure;
}

export function registerValidationChecks(services: VplanServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.VplanValidator;
    const checks: ValidationChecks<VplanAstType> = {
        VplanFile: (node, accept) => validator.checkFile(node, accept),
        Plan: (node, accept) => validator.checkPlan(node, accept)
    };
    registry.register(checks, validator);
}
