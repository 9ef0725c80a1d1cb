/**
 * Care: VP040 (every dynamic risk addressed), VP041 (voluntary help for a perpetrator plans for
 * drop-out), and since v2 VP042 (a drop-out is followed up, over the drop-out facts of
 * analysis/care-facts.ts) and VP043 (severe risks get help planned for long enough), each as one
 * report function of the plan check.
 *
 * No cascades: duplicate risks and interventions (VP080) are not in the resolved plan; a reference
 * that does not resolve (VP081) names nobody. A syntax error inside an intervention, measure or
 * agreement (it may have dropped an `addresses`, a `for` or an `on`), or a block the parser
 * dropped, silences VP040, VP042 and VP043; a syntax error in or right after an intervention (it
 * may have dropped its `fallback` or `framework`) silences that intervention's VP041. VP042 is
 * silent when the `ended` date is invalid or not after the start (VP060), without a valid plan
 * period, for a member some other help or measure of whom has an invalid period, and where a
 * misspelt `framework` (VP000) leaves open whether the help counts; VP043 is silent for a risk
 * that an intervention with an invalid planned period addresses.
 */

import { isFallbackItem, isIntervention, isSpanItem, type Intervention } from '../generated/ast.js';
import { addMonthsClamped, formatDay } from '../model/dates.js';
import type { ResolvedIntervention, ResolvedPlan } from '../model/plan-model.js';
import { followUpWithin, type DropOutFacts } from '../analysis/care-facts.js';
import { dayCount, monthCount } from '../i18n/phrases.js';
import type { VplanConfig } from '../config/vplan-config.js';
import { defineRule, defineRules, finding, message, text, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { EXAMPLE_SECTIONS, examplePlan } from './example-plan.js';
import { byKindPreference, insertItem, nodeAt, quoted, setEnd, unusedPlanName, type FixProposal } from './fix-support.js';

type RiskArgs = { risk: string };
type FallbackArgs = { intervention: string; perpetrator: string };
type FollowUpArgs = { intervention: string; member: string; ended: string; lastDay: string; followUpDays: number };
type FollowUpFix = { intervention: string; member: string };
type SevereArgs = { risk: string; severity: string; months: number; intervention: string; start: string; lastDay: string };
type SevereFix = { intervention: string; months: number };

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
        en: a => `Add an empty fallback for drop-out to '${a.intervention}', to fill in`,
        nl: a => `Lege afspraak bij uitval toevoegen aan '${a.intervention}', om in te vullen`
    })
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
        }),
        emptyFallback: finding<FallbackArgs>({
            en: a =>
                `Intervention '${a.intervention}' is voluntary help for perpetrator '${a.perpetrator}', but its \`fallback\` is empty, so it says nothing about drop-out. ` +
                `Write in it what happens if '${a.perpetrator}' stops, or set \`framework drang\` or \`framework dwang\` if there is a legal frame.`,
            nl: a =>
                `Interventie '${a.intervention}' is vrijwillige hulp voor pleger '${a.perpetrator}', maar de \`fallback\` is leeg en zegt dus niets over uitval. ` +
                `Schrijf erin wat er gebeurt als '${a.perpetrator}' stopt, of zet \`framework drang\` of \`framework dwang\` als er een juridisch kader is.`
        })
    },
    texts: vp041Texts,
    cascade: { missingInNode: ['noFallback'] },
    fix: (context): FixProposal[] => {
        // An empty fallback is what this fix writes: the author fills it in, the fix never does.
        if (context.finding.key !== 'noFallback') return [];
        const intervention = nodeAt(context.file, context.start, isIntervention);
        if (!intervention) return [];
        return [{
            title: text(vp041Texts.fixTitle, { intervention: intervention.name }, context.locale),
            edits: [insertItem(context, intervention, 'fallback ""', () => true, false)],
            preferred: true
        }];
    },
    docs: {
        checks: 'A `voluntary` intervention (the default framework) whose `for` names a perpetrator has a `fallback` that says ' +
            'something: an empty or blank `fallback ""` does not count.',
        why: 'Help for perpetrators is "voluntary but not non-committal" [S29e]; if the help does not start, Veilig Thuis can move to ' +
            'coercion [S22a]. The plan should say what happens on drop-out (*uitval*).',
        example: {
            show: 'intervention daderhulp "Daderhulp huiselijk geweld" {\n    for mark\n    by ggz_zhz\n    from 2026-01-20 for 12 months\n    addresses partnergeweld\n}',
            file: examplePlan({ interventions: EXAMPLE_SECTIONS.interventions.replace('        framework drang\n', '') })
        },
        fix: 'Add `fallback "Bij uitval: melding aan Veilig Thuis"`, or use `framework drang` / `framework dwang` if that is what it is. ' +
            'The quick fix adds an empty `fallback ""` to fill in; until it says something, VP041 stays.'
    }
});

const vp042Texts = {
    fixTitle: message<{ intervention: string; member: string; start: string; lastDay: string }>({
        en: a => `Hand the rest of '${a.intervention}' over to new help for '${a.member}' (${a.start} through ${a.lastDay})`,
        nl: a => `Rest van '${a.intervention}' overdragen aan nieuwe hulp voor '${a.member}' (${a.start} tot en met ${a.lastDay})`
    }),
    interventionTitle: message<{ member: string }>({
        en: a => `Follow-up help for ${a.member} after drop-out`,
        nl: a => `Vervolghulp voor ${a.member} na uitval`
    })
};

/** The example plan in which Sanne drops out of help of her own and nothing takes over (steun helps Noor only). */
const vp042Example = examplePlan({
    interventions: `${EXAMPLE_SECTIONS.interventions.replace('for sanne, noor', 'for noor')}\n\n` +
        '    intervention steun_sanne "Ondersteuning Sanne" {\n        for sanne\n        by wijkteam_dordrecht\n        from 2026-02-09 for 6 months\n        ended 2026-04-20 dropout\n    }'
});

export const vp042 = defineRule({
    code: 'VP042',
    severity: 'warning',
    title: { en: 'Drop-out followed up', nl: 'Uitval opgevolgd' },
    findings: {
        notFollowedUp: finding<FollowUpArgs, FollowUpFix>({
            en: a =>
                `'${a.member}' dropped out of intervention '${a.intervention}' (\`ended ${a.ended} dropout\`), but no other help or measure follows ` +
                `within ${dayCount(a.followUpDays, 'en')} (${a.ended} through ${a.lastDay}, coverage.followUpDays): on none of those days is another ` +
                `intervention \`for\` them or a measure \`on\` them. Add an intervention \`for ${a.member}\` that runs on one of those days ` +
                `(e.g. \`from ${a.ended}\`), or a measure \`on ${a.member}\`.`,
            nl: a =>
                `'${a.member}' is uitgevallen uit interventie '${a.intervention}' (\`ended ${a.ended} dropout\`), maar binnen ${dayCount(a.followUpDays, 'nl')} ` +
                `(${a.ended} tot en met ${a.lastDay}, coverage.followUpDays) volgt geen andere hulp of maatregel: op geen van die dagen is een andere ` +
                `interventie \`for\` dit gezinslid of een maatregel \`on\`. Voeg een interventie \`for ${a.member}\` toe die op een van die dagen loopt ` +
                `(bijvoorbeeld \`from ${a.ended}\`), of een maatregel \`on ${a.member}\`.`
        }),
        perpetratorNotFollowedUp: finding<FollowUpArgs, FollowUpFix>({
            en: a =>
                `Perpetrator '${a.member}' dropped out of voluntary help '${a.intervention}' (\`ended ${a.ended} dropout\`), but no drang or dwang help ` +
                `and no measure follows within ${dayCount(a.followUpDays, 'en')} (${a.ended} through ${a.lastDay}, coverage.followUpDays): after a ` +
                `drop-out, voluntary help again is not enough. Add an intervention \`for ${a.member}\` with \`framework drang\` or \`framework dwang\` ` +
                `that runs on one of those days (e.g. \`from ${a.ended}\`), or a measure \`on ${a.member}\`.`,
            nl: a =>
                `Pleger '${a.member}' is uitgevallen uit vrijwillige hulp '${a.intervention}' (\`ended ${a.ended} dropout\`), maar binnen ` +
                `${dayCount(a.followUpDays, 'nl')} (${a.ended} tot en met ${a.lastDay}, coverage.followUpDays) volgt geen drang- of dwanghulp en geen ` +
                `maatregel: na uitval is opnieuw vrijwillige hulp niet genoeg. Voeg een interventie \`for ${a.member}\` toe met \`framework drang\` of ` +
                `\`framework dwang\` die op een van die dagen loopt (bijvoorbeeld \`from ${a.ended}\`), of een maatregel \`on ${a.member}\`.`
        })
    },
    texts: vp042Texts,
    cascade: { droppedBlock: true, droppedCoverage: true },
    fix: (context): FixProposal[] => {
        const { plan, facts, locale } = context;
        const fix = context.finding.fix;
        if (!plan || !facts || !fix) return [];
        const dropOut = facts.dropOuts.dropOuts.find(d => d.intervention.name === fix.intervention);
        const member = dropOut?.members.find(m => m.member.name === fix.member);
        const plannedEnd = dropOut?.intervention.dates.end;
        // The new help takes over the rest of the planned period; without one there is nothing mechanical to propose.
        if (!dropOut || !member || plannedEnd === undefined || plannedEnd <= dropOut.day) return [];
        // Help for any perpetrator goes under drang: after voluntary help VP042 asks for it, and new voluntary help
        // would be VP041 (the fix never writes a `fallback`), also after a drop-out from drang or dwang help.
        const drang = member.needsDrangOrDwang || member.member.roles.has('perpetrator');
        const kinds = drang ? ['veiligthuis', 'reclassering', 'ggz', 'verslavingszorg'] : ['wijkteam', 'jeugdhulp', 'ggz', 'veiligthuis'];
        // A real organisation of the workspace, another one than the help that was dropped where there is one.
        const candidates = byKindPreference(context.organisations, kinds);
        const organisation = candidates.find(o => o.name !== dropOut.intervention.by?.name) ?? candidates[0];
        if (!organisation) return [];
        const name = unusedPlanName(`vervolg_${fix.member}`, plan);
        const title = quoted(text(vp042Texts.interventionTitle, { member: fix.member }, locale));
        const start = formatDay(dropOut.day);
        const lines = [`for ${fix.member}`, `by ${organisation.name}`, `from ${start} to ${formatDay(plannedEnd)}`];
        if (drang) lines.push('framework drang');
        return [{
            title: text(vp042Texts.fixTitle, { intervention: fix.intervention, member: fix.member, start, lastDay: formatDay(plannedEnd - 1) }, locale),
            edits: [insertItem(context, plan, `intervention ${name} ${title} {\n${lines.join('\n')}\n}`, item => item === dropOut.intervention.node, true)],
            preferred: true
        }];
    },
    docs: {
        checks: 'When an intervention has `ended DATE dropout` and `DATE` lies inside the plan period, each member it is `for` is, on at ' +
            'least one of the days `DATE` through `DATE` + `coverage.followUpDays` (default 14) days, both included, the `for` of another ' +
            'intervention or the `on` of a measure that runs that day. For a perpetrator who dropped out of `voluntary` help that other ' +
            'intervention has `framework drang` or `framework dwang`; any measure counts. Agreements do not count. One diagnostic per ' +
            'dropped intervention and member, on the `ended` item. Silent when the `ended` date is invalid or not after the start ' +
            '([VP060](#vp060)), and for a member some other help or measure of whom has an invalid period.',
        why: 'Drop-out from voluntary help is common and one of the ways help fails [S2]. Help for perpetrators is "voluntary but not ' +
            'non-committal" [S29e]: when help does not get going, Veilig Thuis can move to coercion [S22a]. A plan that records a ' +
            'drop-out should show what took over, and soon. The rule and its threshold are a design choice of vplan.',
        example: {
            show: 'intervention steun_sanne "Ondersteuning Sanne" {\n    for sanne\n    by wijkteam_dordrecht\n    from 2026-02-09 for 6 months\n    ended 2026-04-20 dropout\n}\n// no other intervention for sanne, no measure on sanne',
            file: vp042Example
        },
        fix: 'Add an intervention for the member that starts within the window (`from 2026-04-20`), with `framework drang` or ' +
            '`framework dwang` for a perpetrator who dropped out of voluntary help, or a measure on the member. The quick fix adds ' +
            'one from the `ended` date to the planned end of the help that was dropped, by an organisation of the workspace; help ' +
            'for a perpetrator gets `framework drang`, also after drang or dwang help, so that [VP041](#vp041) does not follow.'
    }
});

const vp043Texts = {
    fixTitle: message<{ intervention: string; months: number }>({
        en: a => `Plan '${a.intervention}' for ${monthCount(a.months, 'en')}`,
        nl: a => `'${a.intervention}' plannen voor ${monthCount(a.months, 'nl')}`
    })
};

export const vp043 = defineRule({
    code: 'VP043',
    severity: 'warning',
    title: { en: 'Severe risks get lasting help', nl: 'Langdurige hulp bij ernstige risico\'s' },
    findings: {
        shortHelp: finding<SevereArgs, SevereFix>({
            en: a =>
                `Risk '${a.risk}' is severe (\`severity ${a.severity}\`), but no intervention that addresses it is planned for at least ` +
                `${monthCount(a.months, 'en')} (care.minMonthsSevere): the longest, '${a.intervention}', is planned from ${a.start} through ${a.lastDay}. ` +
                `Complex, lasting problems need more than short help: let '${a.intervention}' run \`from ${a.start} for ${durationWords(a.months)}\` ` +
                `or longer, or add an intervention that addresses '${a.risk}' for at least ${monthCount(a.months, 'en')}.`,
            nl: a =>
                `Risico '${a.risk}' is ernstig (\`severity ${a.severity}\`), maar geen interventie die het aanpakt is gepland voor minstens ` +
                `${monthCount(a.months, 'nl')} (care.minMonthsSevere): de langste, '${a.intervention}', is gepland van ${a.start} tot en met ${a.lastDay}. ` +
                `Complexe, langdurige problemen vragen meer dan korte hulp: laat '${a.intervention}' lopen \`from ${a.start} for ${durationWords(a.months)}\` ` +
                `of langer, of voeg een interventie toe die '${a.risk}' minstens ${monthCount(a.months, 'nl')} aanpakt.`
        })
    },
    texts: vp043Texts,
    cascade: { droppedBlock: true, droppedCoverage: true },
    fix: (context): FixProposal[] => {
        const fix = context.finding.fix;
        const intervention = context.plan && fix
            ? context.plan.items.find((item): item is Intervention => isIntervention(item) && item.name === fix.intervention)
            : undefined;
        const span = intervention?.items.find(isSpanItem);
        const edit = span && fix ? setEnd(span, `for ${durationWords(fix.months)}`) : undefined;
        if (!edit || !fix) return [];
        // Not preferred: adding longer help of another kind is as good a fix.
        return [{ title: text(vp043Texts.fixTitle, { intervention: fix.intervention, months: fix.months }, context.locale), edits: [edit], preferred: false }];
    },
    docs: {
        checks: 'Every risk with `severity high` or `severity acute` that at least one intervention `addresses` is addressed by an ' +
            'intervention whose planned period (from its `from` to its planned end, ignoring `ended`) is at least ' +
            '`care.minMonthsSevere` (default 6) calendar months long. On the risk. A risk that no intervention addresses is ' +
            '[VP040](#vp040)\'s (when it is dynamic), not this rule\'s. Silent for a risk addressed by an intervention whose planned ' +
            'period is invalid.',
        why: 'Severe, acute or long-lasting domestic violence calls for a specialist, long-term approach that stays involved for ' +
            'years (MDA++) [S29a, S29e]; a year after a report the violence goes on in about 80% of families [S1]. Light, short help ' +
            'for a severe risk falls short. The six-month default is a design choice of vplan.',
        example: {
            show: 'risk verslaving "Alcoholgebruik" {\n    severity high\n    nature dynamic\n    domain addiction\n    affects mark\n}\n\n' +
                'intervention alcoholhulp "Hulp bij alcoholgebruik" {\n    for mark\n    by ggz_zhz\n    from 2026-02-01 for 3 months\n    framework drang\n    addresses verslaving\n}',
            file: examplePlan({
                risks: `${EXAMPLE_SECTIONS.risks}\n\n    risk verslaving "Alcoholgebruik" {\n        severity high\n        nature dynamic\n        domain addiction\n        affects mark\n    }`,
                interventions: `${EXAMPLE_SECTIONS.interventions}\n\n    intervention alcoholhulp "Hulp bij alcoholgebruik" {\n        for mark\n        by ggz_zhz\n` +
                    '        from 2026-02-01 for 3 months\n        framework drang\n        addresses verslaving\n    }'
            })
        },
        fix: 'Plan the help for at least six months (`from 2026-02-01 for 6 months`), or add an intervention that addresses the risk ' +
            'for that long. If shorter help is right for the project, lower `care.minMonthsSevere` in `vplan.config.json`.'
    }
});

const RULES = [vp040, vp041, vp042, vp043] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

export const careRules = defineRules({
    rules: RULES,
    // VP042 reads when measures run, and a measure's default end comes from its type.
    reads: ['measureType'],
    plan: ({ facts, plan, config, report }) => {
        reportUnaddressedRisks(plan, report);
        reportMissingFallbacks(plan, report);
        reportDropOutsNotFollowedUp(facts.dropOuts, config, report);
        reportShortHelpForSevereRisks(plan, config, report);
    }
});

/** `6 months`, `1 month`: the duration as the language writes it. */
function durationWords(months: number): string {
    return `${months} ${months === 1 ? 'month' : 'months'}`;
}

/** VP040: every dynamic risk is addressed by an intervention. */
function reportUnaddressedRisks(plan: ResolvedPlan, report: Report): void {
    const addressed = new Set(plan.interventions.flatMap(i => i.addresses));
    for (const risk of plan.risks) {
        if (risk.nature === 'dynamic' && !addressed.has(risk.node)) {
            report('VP040.unaddressed', risk.node, { risk: risk.name }, { property: 'name' });
        }
    }
}

/** VP041: voluntary help for a perpetrator plans for drop-out, in words. */
function reportMissingFallbacks(plan: ResolvedPlan, report: Report): void {
    const perpetrators = new Set(plan.members.filter(m => m.roles.has('perpetrator')).map(m => m.node));
    for (const intervention of plan.interventions) {
        if (intervention.framework !== 'voluntary') continue;
        const empty = intervention.fallback !== undefined && intervention.fallback.trim() === '';
        if (intervention.fallback !== undefined && !empty) continue;
        const perpetrator = intervention.for.find(member => perpetrators.has(member));
        if (!perpetrator) continue;
        const args = { intervention: intervention.name, perpetrator: perpetrator.name };
        const fallback = empty ? intervention.node.items.find(isFallbackItem) : undefined;
        if (fallback) report('VP041.emptyFallback', fallback, args, { property: 'text' });
        else report('VP041.noFallback', intervention.node, args, { property: 'name' });
    }
}

/** VP042: after a drop-out inside the plan period, other help or a measure follows within `coverage.followUpDays` days. */
function reportDropOutsNotFollowedUp(dropOuts: DropOutFacts, config: VplanConfig, report: Report): void {
    const days = config.coverageFollowUpDays;
    for (const dropOut of dropOuts.dropOuts) {
        if (!dropOut.insidePlan) continue;
        const ended = formatDay(dropOut.day);
        const lastDay = formatDay(dropOut.day + days);
        for (const member of dropOut.members) {
            if (!member.datesKnown) continue;
            // A misspelt framework of the dropped help (VP000): whether a perpetrator needs drang or dwang is unknown.
            if (member.member.roles.has('perpetrator') && !dropOut.frameworkKnown) continue;
            if (followUpWithin(dropOut, member, days) !== undefined) continue;
            const args = { intervention: dropOut.intervention.name, member: member.member.name, ended, lastDay, followUpDays: days };
            const fix = { intervention: dropOut.intervention.name, member: member.member.name };
            report(member.needsDrangOrDwang ? 'VP042.perpetratorNotFollowedUp' : 'VP042.notFollowedUp', dropOut.intervention.ended!.node, args, { fix });
        }
    }
}

/** VP043: a severe risk that is addressed at all is addressed by help planned for at least `care.minMonthsSevere` months. */
function reportShortHelpForSevereRisks(plan: ResolvedPlan, config: VplanConfig, report: Report): void {
    const months = config.careMinMonthsSevere;
    const addressing = new Map<unknown, ResolvedIntervention[]>();
    for (const intervention of plan.interventions) {
        for (const risk of new Set(intervention.addresses)) {
            const list = addressing.get(risk);
            if (list) list.push(intervention);
            else addressing.set(risk, [intervention]);
        }
    }
    for (const risk of plan.risks) {
        if (risk.severity !== 'high' && risk.severity !== 'acute') continue;
        const interventions = addressing.get(risk.node);
        if (!interventions) continue;
        let longest: ResolvedIntervention | undefined;
        let known = true;
        let lasting = false;
        for (const intervention of interventions) {
            const planned = intervention.dates.interval;
            if (!planned) { known = false; continue; }
            if (addMonthsClamped(planned.start, months) <= planned.end) lasting = true;
            if (!longest || planned.end - planned.start > longest.dates.interval!.end - longest.dates.interval!.start) longest = intervention;
        }
        if (lasting || !known || !longest) continue;
        const planned = longest.dates.interval!;
        report('VP043.shortHelp', risk.node, {
            risk: risk.name, severity: risk.severity, months, intervention: longest.name,
            start: formatDay(planned.start), lastDay: formatDay(planned.end - 1)
        }, { property: 'name', fix: { intervention: longest.name, months } });
    }
}
