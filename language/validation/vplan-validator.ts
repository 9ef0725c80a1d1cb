/**
 * Registers the checks of spec section 7. Plan checks share one resolved model per plan per
 * validation (each plan is walked a fixed number of times); file checks see the whole file.
 * A plan that is itself a duplicate declaration (VP080) takes part in no plan check.
 */

import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Plan, VplanAstType, VplanFile } from '../generated/ast.js';
import type { VplanServices } from '../vplan-module.js';
import { resolvePlan } from '../model/plan-model.js';
import { createReporter, type FileCheck, type PlanCheck } from './report.js';
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

export class VplanValidator {
    constructor(protected readonly services: VplanServices) {}

    checkFile(file: VplanFile, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(file);
        const { config, locale } = this.services.config.SettingsProvider.settingsFor(document.uri);
        const context = { file, document, services: this.services, config, locale, report: withoutSyntaxCascades(createReporter(accept), this.services) };
        runAll(FILE_CHECKS, context);
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
function runAll<C>(checks: ReadonlyArray<(context: C) => void>, context: C): void {
    let failure: unknown;
    for (const check of checks) {
        try {
            check(context);
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
