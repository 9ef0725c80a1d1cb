/**
 * Care: VP040 (every dynamic risk addressed) and VP041 (voluntary help for a perpetrator plans for
 * drop-out). v2 adds the rules about help that stopped (VP042) and about how long severe risks get
 * help (VP043) to this family, each as one more report function of the plan check.
 *
 * No cascades: duplicate risks and interventions (VP080) are not in the resolved plan; a reference
 * that does not resolve (VP081) names nobody. A syntax error inside an intervention, measure or
 * agreement (it may have dropped an `addresses`), or a block the parser dropped, silences VP040; a
 * syntax error in or right after an intervention (it may have dropped its `fallback` or
 * `framework`) silences that intervention's VP041.
 */

import { isIntervention } from '../generated/ast.js';
import type { ResolvedPlan } from '../model/plan-model.js';
import { defineRule, defineRules, finding, message, text, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { EXAMPLE_SECTIONS, examplePlan } from './example-plan.js';
import { insertItem, nodeAt, quoted, type FixProposal } from './fix-support.js';

type RiskArgs = { risk: string };
type FallbackArgs = { intervention: string; perpetrator: string };

export const vp040 = defineRule({
    code: 'VP040',
    severity: 'warning',
    title: { en: 'Risk addressed', nl: 'Risico aangepakt' },
    findings: {
        unaddressed: finding<RiskArgs>({
            en: a =>
                `Risk '${a.risk}' is dynamic (it can change), but no intervention addresses it. ` +
                `Add \`addresses ${a.risk}\` to an intervention that works on it, or add such an intervention.`,
            nl: a =>
                `Risico '${a.risk}' is dynamisch (het kan veranderen), maar geen enkele interventie pakt het aan. ` +
                `Voeg \`addresses ${a.risk}\` toe aan een interventie die eraan werkt, of voeg zo'n interventie toe.`
        })
    },
    cascade: { droppedBlock: true, droppedCoverage: true },
    docs: {
        checks: 'Every risk with `nature dynamic` is addressed by at least one intervention (`addresses`).',
        why: 'Risk-driven care (*risicogestuurde zorg*) targets the dynamic risk factors that keep violence going [S21, S45a].',
        example: {
            show: 'risk verslaving "Alcoholgebruik" {\n    severity medium\n    nature dynamic\n    domain addiction\n    affects mark\n}\n// no intervention addresses verslaving',
            file: examplePlan({
                risks: `${EXAMPLE_SECTIONS.risks}\n\n    risk verslaving "Alcoholgebruik" {\n        severity medium\n        nature dynamic\n        domain addiction\n        affects mark\n    }`
            })
        },
        fix: 'Add `addresses verslaving` to an intervention that works on it, or add one.'
    }
});

const vp041Texts = {
    fixTitle: message<{ intervention: string }>({
        en: a => `Add a fallback for drop-out to '${a.intervention}'`,
        nl: a => `Afspraak bij uitval toevoegen aan '${a.intervention}'`
    }),
    /** The fallback the author fills in; no digits, so it never looks like personal data. */
    fixFallback: message({ en: () => 'TODO: what happens on drop-out', nl: () => 'TODO: afspraak bij uitval vastleggen' })
};

export const vp041 = defineRule({
    code: 'VP041',
    severity: 'warning',
    title: { en: 'Plan for drop-out', nl: 'Plan bij uitval' },
    findings: {
        noFallback: finding<FallbackArgs>({
            en: a =>
                `Intervention '${a.intervention}' is voluntary help for perpetrator '${a.perpetrator}' but says nothing about drop-out. ` +
                `Add \`fallback "..."\` stating what happens if '${a.perpetrator}' stops, or set \`framework drang\` or \`framework dwang\` if there is a legal frame.`,
            nl: a =>
                `Interventie '${a.intervention}' is vrijwillige hulp voor pleger '${a.perpetrator}', maar zegt niets over uitval. ` +
                `Voeg \`fallback "..."\` toe met wat er gebeurt als '${a.perpetrator}' stopt, of zet \`framework drang\` of \`framework dwang\` als er een juridisch kader is.`
        })
    },
    texts: vp041Texts,
    cascade: { missingInNode: ['noFallback'] },
    fix: (context): FixProposal[] => {
        const intervention = nodeAt(context.file, context.start, isIntervention);
        if (!intervention) return [];
        const fallback = `fallback ${quoted(text(vp041Texts.fixFallback, {}, context.locale))}`;
        return [{
            title: text(vp041Texts.fixTitle, { intervention: intervention.name }, context.locale),
            edits: [insertItem(context, intervention, fallback, () => true, false)],
            preferred: true
        }];
    },
    docs: {
        checks: 'A `voluntary` intervention (the default framework) whose `for` names a perpetrator has a `fallback`.',
        why: 'Help for perpetrators is "voluntary but not non-committal" [S29e]; if the help does not start, Veilig Thuis can move to ' +
            'coercion [S22a]. The plan should say what happens on drop-out (*uitval*).',
        example: {
            show: 'intervention daderhulp "Daderhulp huiselijk geweld" {\n    for mark\n    by ggz_zhz\n    from 2026-01-20 for 12 months\n    addresses partnergeweld\n}',
            file: examplePlan({ interventions: EXAMPLE_SECTIONS.interventions.replace('        framework drang\n', '') })
        },
        fix: 'Add `fallback "Bij uitval: melding aan Veilig Thuis"`, or use `framework drang` / `framework dwang` if that is what it is.'
    }
});

const RULES = [vp040, vp041] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

export const careRules = defineRules({
    rules: RULES,
    plan: ({ plan, report }) => {
        reportUnaddressedRisks(plan, report);
        reportMissingFallbacks(plan, report);
    }
});

/** VP040: every dynamic risk is addressed by an intervention. */
function reportUnaddressedRisks(plan: ResolvedPlan, report: Report): void {
    const addressed = new Set(plan.interventions.flatMap(i => i.addresses));
    for (const risk of plan.risks) {
        if (risk.nature === 'dynamic' && !addressed.has(risk.node)) {
            report('VP040.unaddressed', risk.node, { risk: risk.name }, { property: 'name' });
        }
    }
}

/** VP041: voluntary help for a perpetrator plans for drop-out. */
function reportMissingFallbacks(plan: ResolvedPlan, report: Report): void {
    const perpetrators = new Set(plan.members.filter(m => m.roles.has('perpetrator')).map(m => m.node));
    for (const intervention of plan.interventions) {
        if (intervention.framework !== 'voluntary' || intervention.fallback !== undefined) continue;
        const perpetrator = intervention.for.find(member => perpetrators.has(member));
        if (perpetrator) {
            report('VP041.noFallback', intervention.node, { intervention: intervention.name, perpetrator: perpetrator.name }, { property: 'name' });
        }
    }
}
