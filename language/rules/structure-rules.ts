/**
 * Structure: VP005 (required items, once-only items) and VP080 (unique names in the plan
 * namespace and in the global namespace).
 *
 * VP005 follows the tables of spec sections 4 and 6. Repeatable items are `extend` (measure),
 * `signal` (aftercare), `client` and `action` (meeting) and every plan section except `status`,
 * `period` and `household`. A missing aftercare owner, period or checkpoint is VP021
 * (aftercare-rules.ts), not VP005; a repeated one is VP005. A `from DATE` without its end is
 * VP005 for the plan `period`, a `phase`, an intervention and an agreement (a measure's first term
 * may omit its end; an aftercare period without an end is VP021). v2: an intervention's `ended`
 * needs its reason (`ended DATE completed|dropout|referred`), an `incident` its title and a
 * meeting's `action` its text; each is VP005, as the syntax of section 4 requires them.
 *
 * No cascades:
 * - duplicate declarations (VP080) take part in no VP005 check: plan-level ones are not in the
 *   resolved plan; global ones are skipped by the file check, and duplicate plans by the validator;
 * - a construct whose text holds a syntax error (VP000) gets no "missing item/title/born" VP005
 *   (nor a missing `ended` reason or `action` text, on an item with a syntax error in or right
 *   after it), since the parser may have dropped the item (`cascade`, and the checks below for
 *   titles and items); the plan's own status, period and household are checked regardless,
 *   unless the parser dropped text at plan level; a repeated item right after a syntax error on
 *   its line is silent.
 */

import { UriUtils, type AstNode } from 'langium';
import {
    isEndedItem, isHousehold, isMeasureType, isOrganisation, isSpanItem, AddressesItem, AffectsItem, BasisItem, ByItem, ChairItem,
    CheckedByItem, CheckedItem, CheckpointsItem, DomainItem, EndedItem, EscalateItem, FallbackItem, ForItem, FrameworkItem, Household,
    ImposedByItem, InitialItem, InterventionPhaseItem, ModeItem, NatureItem, OnItem, OwnerItem, ParticipantsItem, PartiesItem,
    PlanPeriod, PosedByItem, ProtectsItem, RegieKindItem, RequiresItem, SeverityItem, SourceItem, SpanItem, StatusItem, SubjectItem, TermMaxItem,
    TotalMaxItem
} from '../generated/ast.js';
import { addMonthsClamped, formatDay, formatDuration, parseDate } from '../model/dates.js';
import { hasSyntaxErrorInside, hasSyntaxErrorOnNameLine, planNamespace } from '../model/ast-queries.js';
import type { ResolvedPlan } from '../model/plan-model.js';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import type { Locale } from '../i18n/locale.js';
import { article } from '../i18n/phrases.js';
import { defineRule, defineRules, finding, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { EXAMPLE_SECTIONS, examplePlan } from './example-plan.js';

// ---------------------------------------------------------------------------------------------
// The words of the messages

/** The constructs a VP005/VP080 message can talk about. */
type Construct =
    | 'plan' | 'organisation' | 'measureType' | 'member' | 'supporter' | 'risk' | 'measure' | 'intervention'
    | 'agreement' | 'aftercare' | 'meeting' | 'phase' | 'household' | 'incident';

const CONSTRUCT: Record<Locale, Record<Construct, string>> = {
    en: {
        plan: 'plan', organisation: 'organisation', measureType: 'measure type', member: 'member', supporter: 'supporter',
        risk: 'risk', measure: 'measure', intervention: 'intervention', agreement: 'agreement', aftercare: 'aftercare',
        meeting: 'meeting', phase: 'phase', household: 'household', incident: 'incident'
    },
    nl: {
        plan: 'plan', organisation: 'organisatie', measureType: 'maatregeltype', member: 'gezinslid', supporter: 'steunfiguur',
        risk: 'risico', measure: 'maatregel', intervention: 'interventie', agreement: 'afspraak', aftercare: 'nazorg',
        meeting: 'overleg', phase: 'fase', household: 'huishouden', incident: 'incident'
    }
};

/** AST type names of declarations, for VP080 messages about the first declaration. */
const CONSTRUCT_OF_TYPE: Record<string, Construct> = {
    Plan: 'plan', Organisation: 'organisation', MeasureType: 'measureType', Member: 'member', Supporter: 'supporter',
    Risk: 'risk', Measure: 'measure', Intervention: 'intervention', Agreement: 'agreement'
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Risk 'x'" / "Het plan 'x'"; aftercare has no name. */
function subject(locale: Locale, construct: Construct, name: string | undefined): string {
    const word = capitalise(CONSTRUCT[locale][construct]);
    if (construct === 'aftercare') return locale === 'nl' ? 'Het nazorgblok' : 'The aftercare block';
    return name ? `${word} '${name}'` : word;
}

/** Which construct's item a VP005 finding is about. */
type ConstructArgs = { construct: Construct; name?: string };
type MissingArgs = ConstructArgs & { item: string; template: string };
type TwiceArgs = ConstructArgs & { item: string; firstLine: number };
type TitleArgs = ConstructArgs & { template: string };
type NoEndArgs = ConstructArgs & {
    /** The start as written. */
    start: string;
    /** A suggested (exclusive) end, when the start is a valid date. */
    suggestedEnd?: string;
    /** The same length as a duration, e.g. `12 months`. */
    suggestedFor: string;
};

type EndedReasonArgs = {
    /** The intervention. */
    name: string;
    /** The `ended` date as written. */
    date: string;
};

type ActionTextArgs = {
    /** The meeting's date as written. */
    meeting: string;
    /** The action's owner and due date as written, for the template. */
    owner: string;
    due: string;
};

type WhereArgs = {
    builtin: boolean;
    /** The first declaration's file, relative to this one's folder; absent when it is in this file. */
    file?: string;
    /** 1-based line of the first declaration; absent for the built-in catalogue. */
    line?: number;
};

type DuplicateArgs = WhereArgs & {
    construct: Construct;
    firstConstruct: Construct;
    name: string;
};

function whereText(locale: Locale, a: WhereArgs): string {
    if (a.builtin) return locale === 'nl' ? 'in de ingebouwde catalogus' : 'in the built-in catalogue';
    if (a.file) return locale === 'nl' ? `in ${a.file}, regel ${a.line}` : `in ${a.file}, line ${a.line}`;
    return locale === 'nl' ? `op regel ${a.line}` : `on line ${a.line}`;
}

/** Why a period needs an end, in both languages. */
const END_HINT = {
    en: (a: NoEndArgs) => a.suggestedEnd
        ? `add its end, e.g. \`to ${a.suggestedEnd}\` or \`for ${a.suggestedFor}\` (the end date itself is not included)`
        : 'add its end with `to YYYY-MM-DD` or `for N days|weeks|months|years` (the end date itself is not included)',
    nl: (a: NoEndArgs) => a.suggestedEnd
        ? `voeg het einde toe, bijvoorbeeld \`to ${a.suggestedEnd}\` of \`for ${a.suggestedFor}\` (de einddatum zelf telt niet mee)`
        : 'voeg het einde toe met `to JJJJ-MM-DD` of `for N days|weeks|months|years` (de einddatum zelf telt niet mee)'
};

// ---------------------------------------------------------------------------------------------
// The rules

export const vp005 = defineRule({
    code: 'VP005',
    severity: 'error',
    title: { en: 'Required items', nl: 'Verplichte onderdelen' },
    findings: {
        missing: finding<MissingArgs>({
            en: a => `${subject('en', a.construct, a.name)} has no \`${a.item}\`, which is required: add a line \`${a.template}\`.`,
            nl: a => `${subject('nl', a.construct, a.name)} heeft geen \`${a.item}\`, dat is verplicht: voeg een regel \`${a.template}\` toe.`
        }),
        twice: finding<TwiceArgs>({
            en: a => `${subject('en', a.construct, a.name)} has \`${a.item}\` more than once (first on line ${a.firstLine}); ` +
                `it may appear only once: remove this one or merge the two.`,
            nl: a => `${subject('nl', a.construct, a.name)} heeft \`${a.item}\` meer dan eens (eerst op regel ${a.firstLine}); ` +
                `dat mag maar één keer: verwijder deze of voeg de twee samen.`
        }),
        title: finding<TitleArgs>({
            en: a => `${subject('en', a.construct, a.name)} has no title, which is required: write a quoted title after it, e.g. \`${a.template}\`.`,
            nl: a => `${subject('nl', a.construct, a.name)} heeft geen titel, die is verplicht: schrijf er een titel tussen aanhalingstekens achter, bijvoorbeeld \`${a.template}\`.`
        }),
        noEnd: finding<NoEndArgs>({
            en: a => `${a.construct === 'plan' ? 'The plan period' : subject('en', a.construct, a.name)} starts on ${a.start} but has no end; ${END_HINT.en(a)}.`,
            nl: a => `${a.construct === 'plan' ? 'De planperiode' : subject('nl', a.construct, a.name)} begint op ${a.start} maar heeft geen einde; ${END_HINT.nl(a)}.`
        }),
        bornMissing: finding<{ name: string }>({
            en: a => `Member '${a.name}' is a child without a birth year: add \`born YYYY\` (a year only, never a full date) after \`child\`.`,
            nl: a => `Gezinslid '${a.name}' is een kind zonder geboortejaar: voeg \`born JJJJ\` toe na \`child\` (alleen een jaartal, nooit een volledige datum).`
        }),
        endedReason: finding<EndedReasonArgs>({
            en: a => `Intervention '${a.name}' has \`ended ${a.date}\` without its reason, which is required: write \`completed\`, ` +
                `\`dropout\` or \`referred\` after the date, e.g. \`ended ${a.date} dropout\`.`,
            nl: a => `Interventie '${a.name}' heeft \`ended ${a.date}\` zonder reden, die is verplicht: schrijf \`completed\` (afgerond), ` +
                `\`dropout\` (uitgevallen) of \`referred\` (doorverwezen) na de datum, bijvoorbeeld \`ended ${a.date} dropout\`.`
        }),
        actionText: finding<ActionTextArgs>({
            en: a => `An action of meeting '${a.meeting}' has no text, which is required: write what was decided in quotes after ` +
                `\`action\`, e.g. \`action "..." owner ${a.owner} due ${a.due}\`.`,
            nl: a => `Een actie van overleg '${a.meeting}' heeft geen tekst, die is verplicht: schrijf wat is besloten tussen ` +
                `aanhalingstekens na \`action\`, bijvoorbeeld \`action "..." owner ${a.owner} due ${a.due}\`.`
        }),
        noMember: finding({
            en: () => 'The household has no members; a plan needs at least one: add a line such as `member sanne adult roles victim` (a pseudonym, never a real name).',
            nl: () => 'Het huishouden heeft geen gezinsleden; een plan heeft er minstens één nodig: voeg een regel toe zoals `member sanne adult roles victim` (een pseudoniem, nooit een echte naam).'
        })
    },
    cascade: {
        missingInNode: ['missing', 'title', 'noEnd', 'bornMissing', 'noMember', 'endedReason', 'actionText'],
        repeatedAfterError: ['twice'],
        planLevelMissing: ['missing']
    },
    docs: {
        checks: 'Each construct has the items the language reference (sections 4 and 6) requires, and no once-only item appears twice:\n\n' +
            '- a plan: `status`, `period` and `household` exactly once, and the household holds at least one member; the other ' +
            'sections (`network`, `risk`, `phase`, `measure`, `intervention`, `agreement`, `regie`, `aftercare`, `meeting`, ' +
            '`evaluation`) may appear any number of times;\n' +
            '- a `child` member: `born` (a year);\n' +
            '- a risk: `severity`, `nature`, `domain` and `affects`; `posed by` at most once;\n' +
            '- a measure: `on`, `by` and `from`; `protects` at most once; `extend` repeats;\n' +
            '- an intervention: `for`, `by` and `from` with an end; `framework`, `addresses`, `phase`, `fallback` and `ended` at ' +
            'most once; `ended` with its reason (`ended DATE completed|dropout|referred`);\n' +
            '- an agreement: `by`, `protects` and `checked by`; `from` (with an end) at most once;\n' +
            '- aftercare: `owner`, `from`, `checkpoints` and `escalate` at most once; `signal` repeats (a *missing* owner, period ' +
            'or checkpoint is [VP021](#vp021), not VP005);\n' +
            '- a meeting: `chair` and `participants` at most once; `client` and `action` repeat; every `action` has its text ' +
            '(`action "..." owner REF due DATE`);\n' +
            '- every declaration has its title (plan, organisation, measure type, supporter, risk, intervention, agreement, ' +
            'meeting, incident), except an evaluation;\n' +
            '- an organisation: `kind`;\n' +
            '- a measure type: `mode`; every other item, `requires` included, at most once;\n' +
            '- where an end is required — the plan `period`, a `phase`, an intervention\'s period and an agreement\'s `from` — ' +
            '`from DATE` alone lacks it.\n\n' +
            'A missing item is reported on the construct\'s name (a missing title of a meeting or incident on its date); a ' +
            'missing reason of `ended` or text of an `action` on that item; a repeated item on the repeat, naming the line of ' +
            'the first.',
        why: 'A safety plan is a set of concrete, checkable agreements: who does what, for whom, until when, and who checks it ' +
            '[S30a, S30b]. A child\'s birth year is needed for the age checks ([VP062](#vp062), [VP091](#vp091)) [S54c, S10b].',
        example: {
            show: 'risk partnergeweld "Partnergeweld met letsel" {\n    severity high\n    nature dynamic\n    affects sanne, noor\n    posed by mark\n}\n' +
                'phase recovery from 2026-09-01',
            file: examplePlan({
                risks: EXAMPLE_SECTIONS.risks.replace('        domain safety\n', ''),
                phases: EXAMPLE_SECTIONS.phases.replace('phase recovery from 2026-09-01 to 2027-01-12', 'phase recovery from 2026-09-01')
            })
        },
        fix: 'Add the missing line (the message shows a template, e.g. `domain safety`), give the period an end ' +
            '(`to 2027-01-12` or `for 4 months`), or remove the repeated item.'
    }
});

export const vp080 = defineRule({
    code: 'VP080',
    severity: 'error',
    title: { en: 'Unique names', nl: 'Unieke namen' },
    findings: {
        duplicate: finding<DuplicateArgs>({
            en: a => `The name '${a.name}' is already used by ${article(CONSTRUCT.en[a.firstConstruct])} ${CONSTRUCT.en[a.firstConstruct]} declared ${whereText('en', a)}; ` +
                `names must be unique, and references to '${a.name}' go to that first one. Rename this ${CONSTRUCT.en[a.construct]}.`,
            nl: a => `De naam '${a.name}' is al in gebruik (${CONSTRUCT.nl[a.firstConstruct]}, gedeclareerd ${whereText('nl', a)}); ` +
                `namen moeten uniek zijn, en verwijzingen naar '${a.name}' gaan naar die eerste. Kies hier een andere naam.`
        })
    },
    docs: {
        checks: 'No two declarations in one namespace share a name. Plans, organisations and measure types share one global ' +
            'namespace across the workspace (the built-in catalogue counts as first, then files by name); members, supporters, ' +
            'risks, measures, interventions and agreements share one namespace per plan. The later declaration is reported, and ' +
            'the message says where the first one is (line, file and line, or the built-in catalogue). References resolve to the ' +
            'first, and the later one takes part in no other check (except [VP000](#vp000), [VP070](#vp070) and [VP071](#vp071)).',
        why: 'A name must point at one thing (language reference, section 2).',
        example: {
            show: 'measure type huisverbod "Regionaal huisverbod" {\n    mode dwang\n}',
            file: `${examplePlan()}\nmeasure type huisverbod "Regionaal huisverbod" {\n    mode dwang\n}\n`
        },
        fix: 'Rename the later declaration (e.g. `huisverbod_regio`).'
    }
});

const RULES = [vp005, vp080] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

// ---------------------------------------------------------------------------------------------
// Item tables (spec sections 4 and 6)

interface ItemRule {
    /** The item's node type (`$type`); item types have no subtypes, so this is the type test. */
    type: string;
    item: string;
    template: string;
    required?: boolean;
}

const req = (type: string, item: string, template: string): ItemRule => ({ type, item, template, required: true });
const once = (type: string, item: string, template: string): ItemRule => ({ type, item, template });

const RISK_ITEMS: ItemRule[] = [
    req(SeverityItem.$type, 'severity', 'severity low|medium|high|acute'),
    req(NatureItem.$type, 'nature', 'nature static|dynamic'),
    req(DomainItem.$type, 'domain', 'domain safety|housing|finances|health|addiction|parenting|work|education|social'),
    req(AffectsItem.$type, 'affects', 'affects <member>, ... | household'),
    once(PosedByItem.$type, 'posed by', 'posed by <member>')
];

const MEASURE_ITEMS: ItemRule[] = [
    req(OnItem.$type, 'on', 'on <member>'),
    once(ProtectsItem.$type, 'protects', 'protects <member>'),
    req(ByItem.$type, 'by', 'by <organisation>'),
    req(SpanItem.$type, 'from', 'from YYYY-MM-DD')
    // `extend` repeats.
];

const INTERVENTION_ITEMS: ItemRule[] = [
    req(ForItem.$type, 'for', 'for <member>'),
    req(ByItem.$type, 'by', 'by <organisation>'),
    req(SpanItem.$type, 'from', 'from YYYY-MM-DD for 6 months'),
    once(FrameworkItem.$type, 'framework', 'framework voluntary|drang|dwang'),
    once(AddressesItem.$type, 'addresses', 'addresses <risk>'),
    once(InterventionPhaseItem.$type, 'phase', 'phase safety|stability|recovery'),
    once(FallbackItem.$type, 'fallback', 'fallback "..."'),
    once(EndedItem.$type, 'ended', 'ended YYYY-MM-DD completed|dropout|referred')
];

const AGREEMENT_ITEMS: ItemRule[] = [
    req(PartiesItem.$type, 'by', 'by <member or supporter>'),
    req(ProtectsItem.$type, 'protects', 'protects <member>'),
    req(CheckedByItem.$type, 'checked by', 'checked by <organisation or supporter>'),
    once(SpanItem.$type, 'from', 'from YYYY-MM-DD to YYYY-MM-DD')
];

/** Missing owner, period or checkpoints is VP021; only repetition is VP005 here. */
const AFTERCARE_ITEMS: ItemRule[] = [
    once(OwnerItem.$type, 'owner', 'owner <organisation>'),
    once(SpanItem.$type, 'from', 'from YYYY-MM-DD for 12 months'),
    once(CheckpointsItem.$type, 'checkpoints', 'checkpoints 3 months, 6 months, 12 months'),
    once(EscalateItem.$type, 'escalate', 'escalate "..."')
    // `signal` repeats.
];

const MEETING_ITEMS: ItemRule[] = [
    once(ChairItem.$type, 'chair', 'chair <organisation>'),
    once(ParticipantsItem.$type, 'participants', 'participants <organisation>, ...')
    // `client` and `action` repeat.
];

const MEASURE_TYPE_ITEMS: ItemRule[] = [
    req(ModeItem.$type, 'mode', 'mode dwang|drang'),
    once(BasisItem.$type, 'basis', 'basis "..."'),
    once(InitialItem.$type, 'initial', 'initial 10 days'),
    once(TermMaxItem.$type, 'term max', 'term max 1 year'),
    once(TotalMaxItem.$type, 'total max', 'total max 1 year'),
    once(SubjectItem.$type, 'subject', 'subject adult|minor|any'),
    once(ImposedByItem.$type, 'imposed by', 'imposed by <organisation kind>'),
    once(RegieKindItem.$type, 'regie', 'regie <organisation kind>'),
    once(RequiresItem.$type, 'requires', 'requires <measure type>, ...'),
    once(SourceItem.$type, 'source', 'source "..."'),
    once(CheckedItem.$type, 'checked', 'checked YYYY-MM-DD')
];

/** status, period and household: required, once; the household holds at least one member (checked apart). */
const PLAN_SECTIONS: ItemRule[] = [
    req(StatusItem.$type, 'status', 'status draft|active|closed'),
    req(PlanPeriod.$type, 'period', 'period YYYY-MM-DD to YYYY-MM-DD'),
    req(Household.$type, 'household', 'household { member <name> adult|child ... }')
];

const ORGANISATION_KIND_TEMPLATE =
    'kind veiligthuis|wijkteam|gi|raad|reclassering|jeugdreclassering|politie|om|burgemeester|rechter|zvh|ggz|jeugdhulp|verslavingszorg|opvang|huisarts|school|gemeente|other';

// ---------------------------------------------------------------------------------------------
// VP005

function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** Reports missing required items (on the name) and repeated once-only items (on the repeat). */
function checkItems(
    report: Report, container: AstNode & { items: readonly AstNode[] }, construct: Construct, name: string | undefined,
    rules: readonly ItemRule[], missingAt: { property?: string; evenWithSyntaxErrors?: boolean }
): void {
    // A plan is large: one typo somewhere in it must not hide a missing status or period.
    // Asked only when an item is missing (most constructs miss none).
    let syntaxError: boolean | undefined;
    const items = container.items;
    for (const rule of rules) {
        // Count without collecting: this runs for every rule of every construct of every plan.
        let first: AstNode | undefined;
        let count = 0;
        for (const item of items) {
            if (item.$type !== rule.type) continue;
            if (count++ === 0) first = item;
        }
        if (rule.required && count === 0 && !(syntaxError ??= !missingAt.evenWithSyntaxErrors && hasSyntaxErrorInside(container))) {
            report('VP005.missing', container, { construct, name, item: rule.item, template: rule.template }, { property: missingAt.property as never });
        }
        if (count > 1) {
            const firstLine = lineOf(first!);
            for (const repeat of items) {
                if (repeat.$type !== rule.type || repeat === first) continue;
                report('VP005.twice', repeat, { construct, name, item: rule.item, firstLine });
            }
        }
    }
}

function checkTitle(report: Report, node: AstNode & { title?: string }, construct: Construct, name: string | undefined, template: string, property = 'name'): void {
    if (node.title !== undefined || hasSyntaxErrorInside(node)) return;
    report('VP005.title', node, { construct, name, template }, { property: property as never });
}

/** `from DATE` alone where an end is required (plan period, phase, intervention, agreement). */
function checkHasEnd(
    report: Report, node: AstNode & { start?: string; end?: string; duration?: unknown }, construct: Construct,
    name: string | undefined, suggestMonths: number
): void {
    if (node.end !== undefined || node.duration !== undefined || node.start === undefined) return;
    const start = parseDate(node.start);
    const suggestedEnd = start !== undefined ? formatDay(addMonthsClamped(start, suggestMonths)) : undefined;
    const suggestedFor = formatDuration({ amount: suggestMonths, unit: 'month' });
    report('VP005.noEnd', node, { construct, name, start: node.start, suggestedEnd, suggestedFor });
}

function checkPlanStructure(plan: ResolvedPlan, report: Report): void {
    const node = plan.node;
    checkTitle(report, node, 'plan', node.name, `plan ${node.name} "..."`);
    checkPlanSections(plan, report);

    for (const member of plan.members) {
        if (member.kind === 'child' && member.node.born === undefined && !hasSyntaxErrorInside(member.node)) {
            report('VP005.bornMissing', member.node, { name: member.name }, { property: 'name' });
        }
    }
    for (const supporter of plan.supporters) {
        checkTitle(report, supporter.node, 'supporter', supporter.name, `supporter ${supporter.name} "..." supports <member>`);
    }
    for (const risk of plan.risks) {
        checkTitle(report, risk.node, 'risk', risk.name, `risk ${risk.name} "..." {`);
        checkItems(report, risk.node, 'risk', risk.name, RISK_ITEMS, { property: 'name' });
    }
    for (const phase of plan.phases) {
        checkHasEnd(report, phase.node, 'phase', phase.kind ?? phase.node.kind, 1);
    }
    for (const measure of plan.measures) {
        checkItems(report, measure.node, 'measure', measure.name, MEASURE_ITEMS, { property: 'name' });
    }
    for (const intervention of plan.interventions) {
        checkTitle(report, intervention.node, 'intervention', intervention.name, `intervention ${intervention.name} "..." {`);
        checkItems(report, intervention.node, 'intervention', intervention.name, INTERVENTION_ITEMS, { property: 'name' });
        const span = intervention.node.items.find(isSpanItem);
        if (span) checkHasEnd(report, span, 'intervention', intervention.name, 1);
        // The first `ended`, the one the checks read (a repeat is VP005 twice, as for `from`).
        const ended = intervention.node.items.find(isEndedItem);
        if (ended && ended.reason === undefined) {
            report('VP005.endedReason', ended, { name: intervention.name, date: ended.date ?? 'YYYY-MM-DD' });
        }
    }
    for (const agreement of plan.agreements) {
        checkTitle(report, agreement.node, 'agreement', agreement.name, `agreement ${agreement.name} "..." {`);
        checkItems(report, agreement.node, 'agreement', agreement.name, AGREEMENT_ITEMS, { property: 'name' });
        const span = agreement.node.items.find(isSpanItem);
        if (span) checkHasEnd(report, span, 'agreement', agreement.name, 1);
    }
    // Every aftercare block, not only the first the model reads, must not repeat once-only items.
    for (const aftercare of plan.aftercareBlocks) {
        checkItems(report, aftercare.node, 'aftercare', undefined, AFTERCARE_ITEMS, {});
    }
    for (const meeting of plan.meetings) {
        checkTitle(report, meeting.node, 'meeting', meeting.node.date, `meeting ${meeting.node.date} "..." {`, 'date');
        checkItems(report, meeting.node, 'meeting', meeting.node.date, MEETING_ITEMS, { property: 'date' });
        for (const action of meeting.actions) {
            if (action.text !== undefined) continue;
            report('VP005.actionText', action.node, {
                meeting: meeting.node.date, owner: action.node.owner?.$refText || '<owner>', due: action.node.date ?? 'YYYY-MM-DD'
            });
        }
    }
    for (const incident of plan.incidents) {
        checkTitle(report, incident.node, 'incident', incident.node.date, `incident ${incident.node.date} "..."`, 'date');
    }
}

function checkPlanSections(plan: ResolvedPlan, report: Report): void {
    const node = plan.node;
    checkItems(report, node, 'plan', node.name, PLAN_SECTIONS, { property: 'name', evenWithSyntaxErrors: true });
    const period = plan.periodNode; // the first `period` of the plan
    if (period) checkHasEnd(report, period, 'plan', node.name, 12);
    const households = node.items.filter(isHousehold);
    if (households.length > 0 && households.every(household => household.members.length === 0)) {
        report('VP005.noMember', households[0], {});
    }
}

// ---------------------------------------------------------------------------------------------
// VP080 in a plan's namespace (members, supporters, risks, measures, interventions, agreements)

function checkPlanNames(plan: ResolvedPlan, report: Report): void {
    const { declarations, duplicates } = planNamespace(plan.node);
    if (duplicates.size === 0) return;
    for (const declaration of declarations) {
        if (!declaration.name) continue; // a name lost to a parse error is VP000
        if (!duplicates.has(declaration)) continue;
        if (hasSyntaxErrorOnNameLine(declaration)) continue; // the name may be what recovery made of the broken line (VP000)
        const earlier = declarations.find(d => d.name === declaration.name)!;
        report('VP080.duplicate', declaration, {
            construct: CONSTRUCT_OF_TYPE[declaration.$type] ?? 'member',
            firstConstruct: CONSTRUCT_OF_TYPE[earlier.$type] ?? 'member',
            name: declaration.name,
            builtin: false,
            line: lineOf(earlier)
        }, { property: 'name' });
    }
}

// ---------------------------------------------------------------------------------------------
// The module: global VP080 and VP005 of organisations and measure types are file checks (they
// need no plan); a plan's structure and names are a plan check (they read the resolved plan).

export const structureRules = defineRules({
    rules: RULES,
    file: ({ file, document, report, earlierDeclaration }) => {
        if (isBuiltinUri(document.uri)) return;
        for (const declaration of file.declarations) {
            if (!declaration.name) continue; // a name lost to a parse error is VP000
            const earlier = earlierDeclaration(declaration);
            // A name on a line with a syntax error may be what recovery made of it (`organisation 9a`): VP000 says it.
            if (earlier && hasSyntaxErrorOnNameLine(declaration)) continue;
            if (earlier) {
                const sameFile = earlier.uri.toString() === document.uri.toString();
                report('VP080.duplicate', declaration, {
                    construct: CONSTRUCT_OF_TYPE[declaration.$type] ?? 'plan',
                    firstConstruct: CONSTRUCT_OF_TYPE[earlier.type] ?? 'plan',
                    name: declaration.name,
                    builtin: earlier.builtin,
                    file: earlier.builtin || sameFile ? undefined : UriUtils.relative(UriUtils.dirname(document.uri), earlier.uri),
                    line: earlier.builtin ? undefined : (earlier.line ?? 0) + 1
                }, { property: 'name' });
                continue; // a duplicate takes part in no other check
            }
            if (isOrganisation(declaration)) {
                checkTitle(report, declaration, 'organisation', declaration.name, `organisation ${declaration.name} "..." kind <kind>`);
                if (declaration.kind === undefined) {
                    report('VP005.missing', declaration, {
                        construct: 'organisation', name: declaration.name, item: 'kind', template: ORGANISATION_KIND_TEMPLATE
                    }, { property: 'name' });
                }
            } else if (isMeasureType(declaration)) {
                checkTitle(report, declaration, 'measureType', declaration.name, `measure type ${declaration.name} "..." {`);
                checkItems(report, declaration, 'measureType', declaration.name, MEASURE_TYPE_ITEMS, { property: 'name' });
            }
            // A plan's structure is a plan check: it reads the resolved plan.
        }
    },
    plan: ({ plan, report }) => {
        checkPlanStructure(plan, report);
        checkPlanNames(plan, report);
    }
});

/**
 * The items each construct may hold at most once (VP005), by the construct's and the item's AST
 * type. Completion reads it (language/lsp/vplan-completion.ts): an item that is already there is
 * not offered again.
 */
export const ONCE_ONLY_ITEMS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
    ['Plan', PLAN_SECTIONS],
    ['Risk', RISK_ITEMS],
    ['Measure', MEASURE_ITEMS],
    ['Intervention', INTERVENTION_ITEMS],
    ['Agreement', AGREEMENT_ITEMS],
    ['Aftercare', AFTERCARE_ITEMS],
    ['Meeting', MEETING_ITEMS],
    ['MeasureType', MEASURE_TYPE_ITEMS]
].map(([construct, rules]) => [construct as string, new Set((rules as ItemRule[]).map(rule => rule.type))]));
