/**
 * Every rule of spec section 7, and everything derived from the rule units: the rule table (the
 * CLI's SARIF and JUnit outputs, the config validation, docs/rules.md), the message registry, the
 * cascade sets, the quick-fix registry and what checks read of other files (the memo's
 * dependency signature). Nothing here is written by hand but the list of modules.
 *
 * The order of the modules is the order their checks run in (file checks first, then plan
 * checks), which is the order of a document's diagnostics.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- the registry holds the messages of every rule, whatever their argument types */

import type { Locale, Message } from '../i18n/locale.js';
import type { DeclarationRead, RuleModule, RuleSeverity, RuleSpec } from './rule-unit.js';

export type { ConfiguredSeverity, RuleSeverity } from './rule-unit.js';
import { syntaxRules } from './syntax-rules.js';
import { configRules } from './config-rules.js';
import { referenceRules } from './reference-rules.js';
import { structureRules } from './structure-rules.js';
import { coverageRules } from './coverage-rules.js';
import { regieRules } from './regie-rules.js';
import { aftercareRules } from './aftercare-rules.js';
import { measureRules } from './measure-rules.js';
import { careRules } from './care-rules.js';
import { phaseRules } from './phase-rules.js';
import { dateRules } from './date-rules.js';
import { privacyRules } from './privacy-rules.js';
import { participationRules } from './participation-rules.js';
import { incidentRules } from './incident-rules.js';

export const RULE_MODULES: readonly RuleModule[] = [
    syntaxRules,
    configRules,
    referenceRules,
    structureRules,
    coverageRules,
    regieRules,
    aftercareRules,
    measureRules,
    careRules,
    phaseRules,
    dateRules,
    privacyRules,
    participationRules,
    incidentRules
] as readonly RuleModule[];

/** Every rule, sorted by code. */
export const RULE_SPECS: readonly RuleSpec[] = RULE_MODULES.flatMap(module => [...module.rules]).sort((a, b) => (a.code < b.code ? -1 : 1));

export interface RuleInfo {
    code: string;
    severity: RuleSeverity;
    title: { en: string; nl: string };
}

export const RULES: readonly RuleInfo[] = RULE_SPECS.map(({ code, severity, title }) => ({ code, severity, title }));

export const RULES_BY_CODE: ReadonlyMap<string, RuleSpec> = new Map(RULE_SPECS.map(rule => [rule.code, rule]));

export function isRuleCode(code: string): boolean {
    return RULES_BY_CODE.has(code);
}

/** The anchor of a rule's section in docs/rules.md, e.g. `vp011`. */
export function ruleAnchor(code: string): string {
    return code.toLowerCase();
}

/** Every message of every rule by its id, `VP011.gap`. */
export const MESSAGES: Readonly<Record<string, Message<any>>> = Object.fromEntries(
    RULE_SPECS.flatMap(rule => Object.entries(rule.findings as Record<string, Message<any>>).map(([key, message]) => [`${rule.code}.${key}`, message]))
);

/** A message in a locale; an unknown id renders as itself. */
export function renderMessage(messageId: string, args: Record<string, unknown>, locale: Locale): string {
    const message = MESSAGES[messageId];
    if (!message) return messageId;
    try {
        return message[locale](args);
    } catch {
        return message.en(args);
    }
}

/** The cascade sets of validation/syntax-cascades.ts, by message id or code. */
export const CASCADES = {
    missingInNode: messageIds(rule => rule.cascade?.missingInNode),
    repeatedAfterError: messageIds(rule => rule.cascade?.repeatedAfterError),
    planLevelMissing: messageIds(rule => rule.cascade?.planLevelMissing),
    droppedBlock: new Set(RULE_SPECS.filter(rule => rule.cascade?.droppedBlock).map(rule => rule.code)),
    droppedCoverage: new Set(RULE_SPECS.filter(rule => rule.cascade?.droppedCoverage).map(rule => rule.code))
};

function messageIds(keys: (rule: RuleSpec) => readonly string[] | undefined): ReadonlySet<string> {
    return new Set(RULE_SPECS.flatMap(rule => (keys(rule) ?? []).map(key => `${rule.code}.${key}`)));
}

/** What the checks read of declarations in other files: the memo's signature records exactly these. */
export const CROSS_FILE_READS: ReadonlySet<DeclarationRead> = new Set(RULE_MODULES.flatMap(module => module.reads ?? []));

export const FILE_RULE_MODULES = RULE_MODULES.filter(module => module.file !== undefined);
export const PLAN_RULE_MODULES = RULE_MODULES.filter(module => module.plan !== undefined);
