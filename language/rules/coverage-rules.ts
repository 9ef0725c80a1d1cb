/**
 * Coverage: VP001 (every member covered), VP002 (every perpetrator approached) and VP003 (child
 * witnesses are victims too), over the coverage facts (analysis/coverage-facts.ts).
 *
 * One mistake, one diagnostic: a member that VP002 or VP003 reports gets no VP001 as well (what
 * fixes the stricter rule fixes VP001 too), unless vplan.config.json turns that rule off.
 *
 * No cascades: duplicate declarations (VP080) are not in the resolved plan, unresolved references
 * (VP081) simply name nobody, and a child witness who is `on` a measure whose type does not
 * resolve gets no VP003 (the type might be a child-protection measure). A member whose kind or
 * roles are not value words (VP000) is judged on what is valid. A block or a covering item the
 * parser dropped (VP000) silences all three.
 */

import { isAgreement, isHousehold, isIntervention, isMeasure, isMember, isNetwork, isRisk, type Plan } from '../generated/ast.js';
import { planDeclarations, planMembers } from '../model/ast-queries.js';
import { formatDay, parseDate } from '../model/dates.js';
import { firstLongGap } from '../analysis/coverage-facts.js';
import { dayCount } from '../i18n/phrases.js';
import { defineRule, defineRules, finding, message, text, type Findings, type RuleFixContext } from './rule-unit.js';
import { examplePlan, EXAMPLE_SECTIONS } from './example-plan.js';
import { byKindPreference, insertItem, nodeAt, quoted, significantLeaves, type FixProposal } from './fix-support.js';

type MemberArgs = { name: string };
type MemberFix = { member: string };

const withHousehold = (members: string) => examplePlan({ household: `    household {\n${members}\n    }` });

const vp001Findings = {
    uncovered: finding<MemberArgs, MemberFix>({
        en: a => `Member '${a.name}' is not covered: no intervention is \`for\` them, no measure is \`on\` them, and no measure or agreement \`protects\` them. ` +
            `Add help or protection for '${a.name}', or write \`no-action "<reason>"\` on the member line if nothing is deliberately done.`,
        nl: a => `Gezinslid '${a.name}' is niet gedekt: geen interventie is \`for\` dit gezinslid, geen maatregel \`on\`, en geen maatregel of afspraak \`protects\` het. ` +
            `Voeg hulp of bescherming toe voor '${a.name}', of schrijf \`no-action "<reden>"\` op de regel van het gezinslid als er bewust niets gebeurt.`
    }),
    emptyReason: finding<MemberArgs, MemberFix>({
        en: a => `Member '${a.name}' has \`no-action\` with an empty reason, so the member is not covered: write down why nothing is done (\`no-action "<reason>"\`), or add help or protection.`,
        nl: a => `Gezinslid '${a.name}' heeft \`no-action\` met een lege reden, dus het gezinslid is niet gedekt: schrijf op waarom er niets gebeurt (\`no-action "<reden>"\`), of voeg hulp of bescherming toe.`
    })
};

const vp001Texts = {
    fixTitle: message<MemberArgs>({
        en: a => `Record a reason for no action for '${a.name}' (write the reason between the quotes)`,
        nl: a => `Reden vastleggen waarom '${a.name}' geen hulp of bescherming krijgt (schrijf de reden tussen de aanhalingstekens)`
    }),
    helpTitle: message<{ name: string; start: string; lastDay: string }>({
        en: a => `Add help for '${a.name}' over the plan period (${a.start} through ${a.lastDay})`,
        nl: a => `Hulp toevoegen voor '${a.name}' over de planperiode (${a.start} tot en met ${a.lastDay})`
    })
};

export const vp001 = defineRule({
    code: 'VP001',
    severity: 'error',
    title: { en: 'Every member covered', nl: 'Elk gezinslid gedekt' },
    findings: vp001Findings,
    texts: vp001Texts,
    // A syntax error on the member's line may have dropped its `no-action` (`born 2015-03-12 no-action "..."`).
    cascade: { droppedBlock: true, droppedCoverage: true, missingInNode: ['uncovered'] },
    fix: (context): FixProposal[] => {
        const { file, start, locale } = context;
        const name = context.finding.fix?.member ?? context.finding.args.name;
        const member = nodeAt(file, start, isMember) ?? (context.plan ? planMembers(context.plan).find(m => m.name === name) : undefined);
        if (!member) return [];
        const fixes: FixProposal[] = [];
        // Help over the whole plan period, by a real organisation of the workspace.
        const period = context.facts?.plan.period;
        if (period) {
            const [from, to] = [formatDay(period.start), formatDay(period.end)];
            const help = helpOverStretch(context, member.name, from, to, text(vp001Texts.helpTitle, { name: member.name, start: from, lastDay: formatDay(period.end - 1) }, locale));
            if (help) fixes.push(help);
        }
        // A reason for no action is the author's to write: the fix leaves it empty, so VP001 stays
        // (now about the empty reason) until it is filled in; it never silences the rule itself.
        const title = text(vp001Texts.fixTitle, { name: member.name }, locale);
        const hasReason = member.noAction !== undefined;
        const last = significantLeaves(member).at(-1);
        if (!hasReason && last) fixes.push({ title, edits: [{ offset: last.end, end: last.end, newText: ' no-action ""' }], preferred: false });
        return fixes;
    },
    docs: {
        checks: 'Each household member is the subject (`for`) of an intervention or (`on`) of a measure, or is protected (`protects`) ' +
            'by a measure or agreement, or carries `no-action` with a non-empty reason. Being the `by` of an agreement does not count. ' +
            'Dates play no part here: [VP004](#vp004) and the timeline show the days on which a member is covered by nothing.',
        why: 'The whole-family approach (*systeemgerichte aanpak*): help goes to children and adults, victims and perpetrators alike, ' +
            'and nobody in the household is forgotten [S3, S29c]. The rule itself is a design choice of vplan.',
        example: {
            show: `household {\n    member sanne adult born 1989 roles victim, parent\n    member opa adult born 1950\n}\n// no intervention, measure or agreement names opa`,
            file: withHousehold(`${EXAMPLE_SECTIONS.household.split('\n').slice(1, -1).join('\n')}\n        member opa adult born 1950`)
        },
        fix: 'Add help (`intervention ... { for opa ... }`) or protection (`protects opa` in a measure or agreement), or, if nothing ' +
            'is done on purpose, write the reason on the member line: `member opa adult born 1950 no-action "Woont in het buitenland, niet betrokken"`. ' +
            'One quick fix adds help over the whole plan period, by an organisation of the workspace (for a perpetrator with ' +
            '`framework drang`, so that [VP041](#vp041) does not follow). The other adds an empty `no-action ""` to fill in: ' +
            'until a reason is written between the quotes, VP001 stays.'
    }
});

export const vp002 = defineRule({
    code: 'VP002',
    severity: 'error',
    title: { en: 'Every perpetrator approached', nl: 'Elke pleger aangepakt' },
    findings: {
        unapproached: finding<MemberArgs, MemberFix>({
            en: a => `Perpetrator '${a.name}' is not approached: no intervention is \`for\` them and no measure is \`on\` them (\`no-action\` and agreements do not count). ` +
                `Add an intervention \`for ${a.name}\` (e.g. daderhulp) or a measure \`on ${a.name}\`.`,
            nl: a => `Pleger '${a.name}' wordt niet aangepakt: geen interventie is \`for\` deze persoon en geen maatregel \`on\` (\`no-action\` en afspraken tellen niet). ` +
                `Voeg een interventie \`for ${a.name}\` toe (bijvoorbeeld daderhulp) of een maatregel \`on ${a.name}\`.`
        })
    },
    cascade: { droppedBlock: true, droppedCoverage: true },
    docs: {
        checks: 'Each member with role `perpetrator` is the `for` of an intervention or the `on` of a measure. `no-action` does not ' +
            'excuse it, and agreements do not count (also not when the perpetrator is their `by`).',
        why: 'A targeted approach to perpetrators, through help, *drang* and *dwang*, is one of the pillars of the Dutch approach [S3]; ' +
            'agreements alone leave the violence unaddressed.',
        example: {
            show: `household {\n    member mark adult born 1986 roles perpetrator, parent\n}\nagreement geen_contact "Mark zoekt alleen contact via begeleide overdracht" {\n    by mark\n    protects sanne\n    checked by veiligthuis_zhz\n}`,
            file: examplePlan({ measures: '', interventions: EXAMPLE_SECTIONS.interventions.replace(/ {4}intervention daderhulp[\s\S]*?\n {4}}\n\n/, '') })
        },
        fix: 'Add an intervention `for mark` (e.g. daderhulp) or a measure `on mark` (e.g. a huisverbod or a gedragsaanwijzing).'
    }
});

export const vp003 = defineRule({
    code: 'VP003',
    severity: 'error',
    title: { en: 'Child witnesses are victims too', nl: 'Kindgetuigen zijn ook slachtoffer' },
    findings: {
        unprotected: finding<MemberArgs, MemberFix>({
            en: a => `Child '${a.name}' witnesses violence, which makes them a victim of child abuse too, but no intervention is \`for\` them, no measure or agreement \`protects\` them, ` +
                `and no child-protection measure (type with \`subject minor\`) is \`on\` them (\`no-action\` does not excuse this). ` +
                `Add '${a.name}' to a \`protects\` list or add an intervention \`for ${a.name}\`.`,
            nl: a => `Kind '${a.name}' is getuige van geweld en daarmee ook slachtoffer van kindermishandeling, maar geen interventie is \`for\` dit kind, geen maatregel of afspraak \`protects\` het, ` +
                `en geen kinderbeschermingsmaatregel (type met \`subject minor\`) is \`on\` het (\`no-action\` verandert dat niet). ` +
                `Zet '${a.name}' in een \`protects\`-lijst of voeg een interventie \`for ${a.name}\` toe.`
        })
    },
    cascade: { droppedBlock: true, droppedCoverage: true },
    docs: {
        checks: 'Each `child` with role `witness` is the `for` of an intervention, is protected (`protects`) by a measure or agreement, ' +
            'or is the `on` of a measure whose type has `subject minor` (a child-protection measure such as an OTS). `no-action` does ' +
            'not excuse it. A child who is `on` a measure whose type does not resolve gets no VP003 (see [VP081](#vp081)).',
        why: 'A child who witnesses partner violence is a victim of child abuse (emotional neglect) [S53]; such a child needs ' +
            'protection or help of its own.',
        example: {
            show: `household {\n    member sanne adult born 1989 roles victim, parent\n    member mark adult born 1986 roles perpetrator, parent\n    member noor child born 2015 roles witness no-action "Logeert bij oma"\n}`,
            file: examplePlan({
                household: EXAMPLE_SECTIONS.household.replace('member noor child born 2015 roles witness', 'member noor child born 2015 roles witness no-action "Logeert bij oma"'),
                measures: EXAMPLE_SECTIONS.measures.replace('protects sanne, noor', 'protects sanne'),
                interventions: EXAMPLE_SECTIONS.interventions.replace('for sanne, noor', 'for sanne'),
                network: EXAMPLE_SECTIONS.network.replace('supports sanne, noor', 'supports sanne')
            })
        },
        fix: 'Add `noor` to the `protects` list of a measure or agreement, or add an intervention `for noor` (e.g. trauma-focused help).'
    }
});

type GapArgs = { name: string; start: string; end: string; lastDay: string; days: number; maxGapDays: number };
type GapFix = { member: string; start: string; end: string };

const vp004Texts = {
    fixTitle: message<{ name: string; start: string; lastDay: string }>({
        en: a => `Add help for '${a.name}' from ${a.start} through ${a.lastDay}`,
        nl: a => `Hulp toevoegen voor '${a.name}' van ${a.start} tot en met ${a.lastDay}`
    }),
    interventionTitle: message<{ name: string }>({
        en: a => `Help for ${a.name}`,
        nl: a => `Hulp voor ${a.name}`
    })
};

export const vp004 = defineRule({
    code: 'VP004',
    severity: 'warning',
    title: { en: 'Covered all along', nl: 'Steeds gedekt' },
    findings: {
        gap: finding<GapArgs, GapFix>({
            en: a => `Member '${a.name}' is covered by nothing for ${dayCount(a.days, 'en')} from ${a.start} (through ${a.lastDay}): ` +
                `no intervention is \`for\` them, no measure is \`on\` them and no measure or agreement \`protects\` them on those days ` +
                `(at most ${dayCount(a.maxGapDays, 'en')} in a row, coverage.maxGapDays). ` +
                `Let help or protection run on, or add an intervention \`for ${a.name}\` \`from ${a.start} to ${a.end}\`.`,
            nl: a => `Gezinslid '${a.name}' is ${dayCount(a.days, 'nl')} door niets gedekt vanaf ${a.start} (tot en met ${a.lastDay}): ` +
                `geen interventie is \`for\` dit gezinslid, geen maatregel \`on\` en geen maatregel of afspraak \`protects\` het op die dagen ` +
                `(hoogstens ${dayCount(a.maxGapDays, 'nl')} achter elkaar, coverage.maxGapDays). ` +
                `Laat hulp of bescherming doorlopen, of voeg een interventie \`for ${a.name}\` \`from ${a.start} to ${a.end}\` toe.`
        })
    },
    texts: vp004Texts,
    cascade: { droppedBlock: true, droppedCoverage: true },
    fix: (context): FixProposal[] => {
        const fix = context.finding.fix;
        if (!fix) return [];
        const lastDay = formatDay(parseDate(fix.end)! - 1);
        const help = helpOverStretch(context, fix.member, fix.start, fix.end, text(vp004Texts.fixTitle, { name: fix.member, start: fix.start, lastDay }, context.locale));
        return help ? [help] : [];
    },
    docs: {
        checks: 'For each member without `no-action`, the days of the plan period on which no intervention is `for` them, no measure ' +
            'is `on` them and no measure or agreement `protects` them (each over its own period; an intervention cut short by ' +
            '`ended`; an agreement without `from` holds for the whole plan) form stretches of consecutive days. A stretch longer ' +
            'than `coverage.maxGapDays` (default 28) days is VP004: one diagnostic per member, on the member, naming the first such ' +
            'stretch with its first day and its length. Silent for a member that has [VP001](#vp001), [VP002](#vp002) or ' +
            '[VP003](#vp003), and when the plan period or the period of an item that names the member is invalid. The timeline ' +
            'marks exactly these uncovered days.',
        why: 'Help that stops too soon, and the time between two forms of help, is where violence returns: a year after a report ' +
            'to Veilig Thuis it goes on in about 80% of families [S1], and fragmented help and drop-out are named as causes [S2, S3]. ' +
            'Being named in the plan once is not enough; somebody must be there on every day.',
        example: {
            show: 'intervention steun "Hulp voor Sanne en Noor" {\n    for sanne, noor\n    by wijkteam_dordrecht\n    from 2026-02-09 for 6 months\n}\n// nothing covers noor from 2026-08-09',
            file: examplePlan({ interventions: EXAMPLE_SECTIONS.interventions.replace('from 2026-02-09 for 12 months', 'from 2026-02-09 for 6 months') })
        },
        fix: 'Let help or protection run on over the stretch (extend the intervention, or a measure that protects the member), or ' +
            'add an intervention for the member from the first uncovered day. If a pause is agreed on purpose, raise ' +
            '`coverage.maxGapDays` in `vplan.config.json` for the project. The quick fix adds an intervention over the stretch, by ' +
            'an organisation of the workspace; help for a perpetrator gets `framework drang`, as after a drop-out ([VP042](#vp042)), ' +
            'so that [VP041](#vp041) does not follow.'
    }
});

export const coverageRules = defineRules({
    rules: [vp001, vp002, vp003, vp004],
    reads: ['measureType'],
    plan: ({ facts, config, report, isOn }) => {
        for (const coverage of facts.coverage.members) {
            const { member } = coverage;
            const node = member.node;
            const args = { name: member.name };
            const fix = { member: member.name };
            const vp002Finding = member.roles.has('perpetrator') && !coverage.approached;
            const vp003Finding = member.kind === 'child' && member.roles.has('witness') && !coverage.onUnknownType && !coverage.protectedAsChild;
            if (vp002Finding) report('VP002.unapproached', node, args, { property: 'name', fix });
            if (vp003Finding) report('VP003.unprotected', node, args, { property: 'name', fix });
            if ((vp002Finding && isOn('VP002')) || (vp003Finding && isOn('VP003'))) continue;
            if (coverage.status === 'uncovered') {
                report(coverage.emptyNoAction ? 'VP001.emptyReason' : 'VP001.uncovered', node, args, { property: 'name', fix });
                continue;
            }
            // VP004 is silent for a member with VP001, VP002 or VP003 (handled above).
            if (vp002Finding || vp003Finding) continue;
            const gap = firstLongGap(coverage, config.coverageMaxGapDays);
            if (!gap) continue;
            const start = formatDay(gap.start);
            const end = formatDay(gap.end);
            report('VP004.gap', node, {
                name: member.name, start, end, lastDay: formatDay(gap.end - 1), days: gap.end - gap.start, maxGapDays: config.coverageMaxGapDays
            }, { property: 'name', fix: { member: member.name, start, end } });
        }
    }
});

/** The organisation kinds a fix prefers for help, and for help under drang for a perpetrator (as VP042's fix). */
const HELP_KINDS = ['wijkteam', 'jeugdhulp', 'ggz', 'veiligthuis'];
const DRANG_HELP_KINDS = ['veiligthuis', 'reclassering', 'ggz', 'verslavingszorg'];

/**
 * A fix that adds an intervention for a member from `start` to `end` (half-open, as written) by a
 * real organisation of the workspace (the kinds that give help first; never a placeholder name),
 * after the plan's last item of coverage. Undefined when the plan has no such item or the
 * workspace no organisation. Help for a perpetrator gets `framework drang`: voluntary help for a
 * perpetrator without a `fallback` is VP041, and the fix never writes a fallback's text (nor an
 * empty one, which VP041 reports too); after a drop-out VP042's fix does the same.
 */
function helpOverStretch(context: Omit<RuleFixContext<Findings>, 'finding'>, member: string, start: string, end: string, title: string): FixProposal | undefined {
    const { plan, facts, locale } = context;
    if (!plan || !facts) return undefined;
    const coverage = facts.coverage.members.find(c => c.member.name === member);
    if (!coverage) return undefined;
    const after = [...plan.items].reverse().find(item => isIntervention(item) || isMeasure(item) || isAgreement(item) || isRisk(item) || isNetwork(item) || isHousehold(item));
    if (!after) return undefined;
    const perpetrator = coverage.member.roles.has('perpetrator');
    const organisation = byKindPreference(context.organisations, perpetrator ? DRANG_HELP_KINDS : HELP_KINDS)[0];
    if (!organisation) return undefined;
    const name = uniqueName(`hulp_${member}`, facts.plan.node);
    const interventionTitle = quoted(text(vp004Texts.interventionTitle, { name: member }, locale));
    const lines = [`for ${member}`, `by ${organisation.name}`, `from ${start} to ${end}`];
    if (perpetrator) lines.push('framework drang');
    const item = `intervention ${name} ${interventionTitle} {\n${lines.join('\n')}\n}`;
    return { title, edits: [insertItem(context, plan, item, candidate => candidate === after, true)], preferred: true };
}

/** A name not yet declared in the plan: `base`, else `base_2`, `base_3`, ... */
function uniqueName(base: string, plan: Plan): string {
    const taken = new Set(planDeclarations(plan).map(declaration => declaration.name));
    if (!taken.has(base)) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}
