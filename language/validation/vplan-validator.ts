/**
 * Registers the checks of spec section 7. Plan checks share one resolved model per plan per
 * validation (each plan is walked a fixed number of times); file checks see the whole file.
 * A plan that is itself a duplicate declaration (VP080) takes part in no plan check.
 */

import type { AstNode, ValidationAcceptor, ValidationChecks } from 'langium';
import type { Plan, VplanAstType, VplanFile } from '../generated/ast.js';
import type { VplanServices } from '../vplan-module.js';
import { resolvePlan } from '../model/plan-model.js';
import { createReporter, type FileCheck, type FileCheckContext, type PlanCheck, type Reporter, type ReportOptions } from './report.js';
import { withoutSyntaxCascades } from './syntax-cascades.js';
import { syntaxFileChecks } from '../checks/syntax-checks.js';
import { structureFileChecks, structurePlanChecks } from '../checks/structure-checks.js';
import { coverageFileChecks, coveragePlanChecks } from '../checks/coverage-checks.js';
import { regieFileChecks, regiePlanChecks } from '../checks/regie-checks.js';
import { aftercareFileChecks, aftercarePlanChecks } from '../checks/aftercare-checks.js';
import { measureFileChecks, measurePlanChecks } from '../checks/measure-checks.js';
import { riskPhaseFileChecks, riskPhasePlanChecks } from '../checks/risk-phase-checks.js';
import { dateFileChecks, datePlanChecks } from '../checks/date-checks.js';
import { privacyFileChecks, privacyPlanChecks } from '../checks/privacy-checks.js';
import { participationFileChecks, participationPlanChecks } from '../checks/participation-checks.js';
import { AstUtils } from 'langium';

export const PLAN_CHECKS: readonly PlanCheck[] = [
    ...structurePlanChecks, ...coveragePlanChecks, ...regiePlanChecks, ...aftercarePlanChecks, ...measurePlanChecks,
    ...riskPhasePlanChecks, ...datePlanChecks, ...privacyPlanChecks, ...participationPlanChecks
];

export const FILE_CHECKS: readonly FileCheck[] = [
    ...syntaxFileChecks, ...structureFileChecks, ...coverageFileChecks, ...regieFileChecks, ...aftercareFileChecks,
    ...measureFileChecks, ...riskPhaseFileChecks, ...dateFileChecks, ...privacyFileChecks, ...participationFileChecks
];

/**
 * File checks whose findings depend on nothing but the document's own text and syntax tree (value
 * words and escapes, personal data). Langium relinks and revalidates every plan that refers to a
 * catalogue when the catalogue changes, without reparsing the plan; these findings are then the
 * same, so they are recorded per syntax tree (a reparse makes a new one) and replayed, in order,
 * through the reporter of the new validation (which applies the syntax-cascade filter as before).
 */
const DOCUMENT_LOCAL_FILE_CHECKS: readonly FileCheck[] = [...syntaxFileChecks, ...privacyFileChecks];

interface RecordedReport {
    messageId: string;
    node: AstNode;
    args?: Record<string, unknown>;
    options?: ReportOptions<AstNode>;
}

/** Per syntax tree, what each document-local check reported (by its index in the list above). */
const recordedReportsByRoot = new WeakMap<VplanFile, Array<readonly RecordedReport[] | undefined>>();
/** Kept for the life of the tree: most files have no finding and share this one empty list. */
const NO_REPORTS: readonly RecordedReport[] = [];

/** Runs a file check, or replays what it reported for this syntax tree before. */
function runFileCheck(check: FileCheck, context: FileCheckContext): void {
    const local = DOCUMENT_LOCAL_FILE_CHECKS.indexOf(check);
    if (local < 0) {
        check(context);
        return;
    }
    let recorded = recordedReportsByRoot.get(context.file);
    if (!recorded) recordedReportsByRoot.set(context.file, recorded = []);
    const known = recorded[local];
    if (known) {
        for (const { messageId, node, args, options } of known) context.report(messageId, node, args, options);
        return;
    }
    const reports: RecordedReport[] = [];
    const report: Reporter = (messageId, node, args, options) => {
        reports.push({ messageId, node, args, options: options as ReportOptions<AstNode> | undefined });
        context.report(messageId, node, args, options);
    };
    check({ ...context, report });
    recorded[local] = reports.length > 0 ? reports : NO_REPORTS; // not reached when the check throws: it runs again next time
}

export class VplanValidator {
    constructor(protected readonly services: VplanServices) {}

    checkFile(file: VplanFile, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(file);
        const { config, locale } = this.services.config.SettingsProvider.settingsFor(document.uri);
        const context = { file, document, services: this.services, config, locale, report: withoutSyntaxCascades(createReporter(accept), this.services) };
        runAll(FILE_CHECKS, context, runFileCheck);
    }

    checkPlan(plan: Plan, accept: ValidationAcceptor): void {
        if (this.services.references.GlobalNames.earlierDeclaration(plan, plan.name)) return;
        const document = AstUtils.getDocument(plan);
        const { config, locale } = this.services.config.SettingsProvider.settingsFor(document.uri);
        const context = { plan: resolvePlan(plan), config, locale, report: withoutSyntaxCascades(createReporter(accept), this.services, plan) };
        runAll(PLAN_CHECKS, context);
    }
}

/**
 * Runs every check even if one throws on a broken document, so that one failing check cannot hide
 * the diagnostics of the others; the first failure is rethrown afterwards for Langium to report.
 */
function runAll<C, K extends (context: C) => void>(checks: readonly K[], context: C, run: (check: K, context: C) => void = (check, c) => check(c)): void {
    let failure: unknown;
    for (const check of checks) {
        try {
            run(check, context);
        } catch (error) {
            failure ??= error;
        }
    }
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
