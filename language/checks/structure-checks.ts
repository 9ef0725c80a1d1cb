/**
 * Structure checks of spec section 7: VP005 (required items, once-only items) and VP080 (unique
 * names in the plan namespace and in the global namespace).
 *
 * VP005 follows the tables of spec sections 4 and 6. Repeatable items are `extend` (measure),
 * `signal` (aftercare), `client` (meeting) and every plan section except `status`, `period` and
 * `household`. A missing aftercare owner, period or checkpoint is VP021 (aftercare-checks.ts),
 * not VP005; a repeated one is VP005. A `from DATE` without its end is VP005 for the plan
 * `period`, a `phase`, an intervention and an agreement (a measure's first term may omit its
 * end; an aftercare period without an end is VP021).
 *
 * No cascades: duplicate declarations (VP080) take part in no VP005 check (plan-level ones are not
 * in the resolved plan; global ones are skipped here and the validator skips duplicate plans). A
 * construct whose text holds a syntax error (VP000) gets no "missing item/title/born" VP005, since the
 * parser may have dropped the item; the plan's own status/period/household are checked regardless.
 *
 * Quick-fix data (`diagnostic.data.fix`):
 * - VP005.missing:   `{ item, template }` — the keyword that is missing (e.g. `severity`, `checked by`)
 *                    and a line to insert (e.g. `severity medium`; `<...>` marks a placeholder).
 * - VP005.title:     `{ template }` — a quoted title to insert after the name (`"..."`).
 * - VP005.twice:     `{ item, firstLine }` — the repeated keyword and the 1-based line of the first one;
 *                    the diagnostic's range is the repeated item (delete it).
 * - VP005.noEnd:     `{ start, suggestedEnd }` — ISO start date and a suggested exclusive end (start + 1 month
 *                    for phases, interventions and agreements, start + 1 year for the plan period), when the start is valid.
 * - VP005.bornMissing: `{ template }` — `born YYYY`.
 * - VP005.noMember:  `{ template }` — a member line to insert.
 * - VP080:           `{ name, firstUri?, firstLine?, builtin }` — where the first declaration is.
 */

import { AstUtils, UriUtils, type AstNode } from 'langium';
import {
    isHousehold, isMeasureType, isOrganisation, isSpanItem, AddressesItem, AffectsItem,
    BasisItem, ByItem, ChairItem, CheckedByItem, CheckedItem, CheckpointsItem, DomainItem, EscalateItem, FallbackItem,
    ForItem, FrameworkItem, Household, ImposedByItem, InitialItem, InterventionPhaseItem, ModeItem, NatureItem, OnItem,
    OwnerItem, ParticipantsItem, PartiesItem, PlanPeriod, PosedByItem, ProtectsItem, RegieKindItem, SeverityItem,
    SourceItem, SpanItem, StatusItem, SubjectItem, TermMaxItem, TotalMaxItem, type Plan
} from '../generated/ast.js';
import { addMonthsClamped, formatDay, parseDate } from '../model/dates.js';
import { hasSyntaxErrorInside, planNamespace } from '../model/ast-queries.js';
import type { ResolvedPlan } from '../model/plan-model.js';
import { isBuiltinUri } from '../workspace/builtin-documents.js';
import type { Locale, MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck, Reporter } from '../validation/report.js';

/** The constructs a VP005/VP080 message can talk about. */
type Construct =
    | 'plan' | 'organisation' | 'measureType' | 'member' | 'supporter' | 'risk' | 'measure' | 'intervention'
    | 'agreement' | 'aftercare' | 'meeting' | 'phase' | 'household';

const CONSTRUCT: Record<Locale, Record<Construct, string>> = {
    en: {
        plan: 'plan', organisation: 'organisation', measureType: 'measure type', member: 'member', supporter: 'supporter',
        risk: 'risk', measure: 'measure', intervention: 'intervention', agreement: 'agreement', aftercare: 'aftercare',
        meeting: 'meeting', phase: 'phase', household: 'household'
    },
    nl: {
        plan: 'plan', organisation: 'organisatie', measureType: 'maatregeltype', member: 'gezinslid', supporter: 'steunfiguur',
        risk: 'risico', measure: 'maatregel', intervention: 'interventie', agreement: 'afspraak', aftercare: 'nazorg',
        meeting: 'overleg', phase: 'fase', household: 'huishouden'
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

type ItemArgs = {
    construct: Construct;
    name?: string;
    item: string;
    template: string;
    firstLine?: number;
};

type NoEndArgs = {
    construct: Construct;
    name?: string;
    start: string;
    suggestedEnd?: string;
    /** The same end as a duration, e.g. `12 months`. */
    suggestedFor: string;
};

type WhereArgs = {
    builtin: boolean;
    file?: string;
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

export const structureMessages = {
    'VP005.missing': {
        en: (a: ItemArgs) => `${subject('en', a.construct, a.name)} has no \`${a.item}\`, which is required: add a line \`${a.template}\`.`,
        nl: (a: ItemArgs) => `${subject('nl', a.construct, a.name)} heeft geen \`${a.item}\`, dat is verplicht: voeg een regel \`${a.template}\` toe.`
    },
    'VP005.twice': {
        en: (a: ItemArgs) =>
            `${subject('en', a.construct, a.name)} has \`${a.item}\` more than once (first on line ${a.firstLine}); ` +
            `it may appear only once: remove this one or merge the two.`,
        nl: (a: ItemArgs) =>
            `${subject('nl', a.construct, a.name)} heeft \`${a.item}\` meer dan eens (eerst op regel ${a.firstLine}); ` +
            `dat mag maar één keer: verwijder deze of voeg de twee samen.`
    },
    'VP005.title': {
        en: (a: ItemArgs) => `${subject('en', a.construct, a.name)} has no title, which is required: write a quoted title after it, e.g. \`${a.template}\`.`,
        nl: (a: ItemArgs) => `${subject('nl', a.construct, a.name)} heeft geen titel, die is verplicht: schrijf er een titel tussen aanhalingstekens achter, bijvoorbeeld \`${a.template}\`.`
    },
    'VP005.noEnd': {
        en: (a: NoEndArgs) => `${a.construct === 'plan' ? 'The plan period' : subject('en', a.construct, a.name)} starts on ${a.start} but has no end; ${END_HINT.en(a)}.`,
        nl: (a: NoEndArgs) => `${a.construct === 'plan' ? 'De planperiode' : subject('nl', a.construct, a.name)} begint op ${a.start} maar heeft geen einde; ${END_HINT.nl(a)}.`
    },
    'VP005.bornMissing': {
        en: (a: { name: string }) => `Member '${a.name}' is a child without a birth year: add \`born YYYY\` (a year only, never a full date) after \`child\`.`,
        nl: (a: { name: string }) => `Gezinslid '${a.name}' is een kind zonder geboortejaar: voeg \`born JJJJ\` toe na \`child\` (alleen een jaartal, nooit een volledige datum).`
    },
    'VP005.noMember': {
        en: () => 'The household has no members; a plan needs at least one: add a line such as `member sanne adult roles victim` (a pseudonym, never a real name).',
        nl: () => 'Het huishouden heeft geen gezinsleden; een plan heeft er minstens één nodig: voeg een regel toe zoals `member sanne adult roles victim` (een pseudoniem, nooit een echte naam).'
    },
    'VP080.duplicate': {
        en: (a: DuplicateArgs) =>
            `The name '${a.name}' is already used by a ${CONSTRUCT.en[a.firstConstruct]} declared ${whereText('en', a)}; ` +
            `names must be unique, and references to '${a.name}' go to that first one. Rename this ${CONSTRUCT.en[a.construct]}.`,
        nl: (a: DuplicateArgs) =>
            `De naam '${a.name}' is al in gebruik (${CONSTRUCT.nl[a.firstConstruct]}, gedeclareerd ${whereText('nl', a)}); ` +
            `namen moeten uniek zijn, en verwijzingen naar '${a.name}' gaan naar die eerste. Kies hier een andere naam.`
    }
} satisfies MessageCatalogue;

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
    once(FallbackItem.$type, 'fallback', 'fallback "..."')
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
    // `client` repeats.
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
    once(SourceItem.$type, 'source', 'source "..."'),
    once(CheckedItem.$type, 'checked', 'checked YYYY-MM-DD')
];

function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** Reports missing required items (on the name) and repeated once-only items (on the repeat). */
function checkItems(
    report: Reporter, container: AstNode & { items: readonly AstNode[] }, construct: Construct, name: string | undefined,
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
            const args: ItemArgs = { construct, name, item: rule.item, template: rule.template };
            report('VP005.missing', container, args, { property: missingAt.property as never, fix: { item: rule.item, template: rule.template } });
        }
        if (count > 1) {
            const firstLine = lineOf(first!);
            for (const repeat of items) {
                if (repeat.$type !== rule.type || repeat === first) continue;
                const args: ItemArgs = { construct, name, item: rule.item, template: rule.template, firstLine };
                report('VP005.twice', repeat, args, { fix: { item: rule.item, firstLine } });
            }
        }
    }
}

function checkTitle(report: Reporter, node: AstNode & { title?: string }, construct: Construct, name: string | undefined, template: string, property = 'name'): void {
    if (node.title !== undefined || hasSyntaxErrorInside(node)) return;
    const args: ItemArgs = { construct, name, item: 'title', template };
    report('VP005.title', node, args, { property: property as never, fix: { template: '"..."' } });
}

/** `from DATE` alone where an end is required (plan period, phase, intervention, agreement). */
function checkHasEnd(
    report: Reporter, node: AstNode & { start?: string; end?: string; duration?: unknown }, construct: Construct,
    name: string | undefined, suggestMonths: number
): void {
    if (node.end !== undefined || node.duration !== undefined || node.start === undefined) return;
    const start = parseDate(node.start);
    const suggestedEnd = start !== undefined ? formatDay(addMonthsClamped(start, suggestMonths)) : undefined;
    const suggestedFor = suggestMonths === 1 ? '1 month' : `${suggestMonths} months`;
    const args: NoEndArgs = { construct, name, start: node.start, suggestedEnd, suggestedFor };
    report('VP005.noEnd', node, args, { fix: { start: node.start, suggestedEnd } });
}

// ---------------------------------------------------------------------------------------------
// VP005 on a plan

function checkPlanStructure(plan: ResolvedPlan, report: Reporter): void {
    const node = plan.node;
    checkTitle(report, node, 'plan', node.name, `plan ${node.name} "..."`);
    checkPlanSections(plan, report);

    for (const member of plan.members) {
        if (member.kind === 'child' && member.node.born === undefined && !hasSyntaxErrorInside(member.node)) {
            report('VP005.bornMissing', member.node, { name: member.name }, { property: 'name', fix: { template: 'born YYYY' } });
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
    }
}

/** status, period and household: required, once; the household holds at least one member. */
const PLAN_SECTIONS: ItemRule[] = [
    req(StatusItem.$type, 'status', 'status draft|active|closed'),
    req(PlanPeriod.$type, 'period', 'period YYYY-MM-DD to YYYY-MM-DD'),
    req(Household.$type, 'household', 'household { member <name> adult|child ... }')
];

function checkPlanSections(plan: ResolvedPlan, report: Reporter): void {
    const node = plan.node;
    checkItems(report, node, 'plan', node.name, PLAN_SECTIONS, { property: 'name', evenWithSyntaxErrors: true });
    const period = plan.periodNode; // the first `period` of the plan
    if (period) checkHasEnd(report, period, 'plan', node.name, 12);
    const households = node.items.filter(isHousehold);
    if (households.length > 0 && households.every((h: Household) => h.members.length === 0)) {
        report('VP005.noMember', households[0], {}, { fix: { template: 'member <name> adult|child' } });
    }
}

// ---------------------------------------------------------------------------------------------
// VP080 in a plan's namespace (members, supporters, risks, measures, interventions, agreements)

function checkPlanNames(plan: Plan, report: Reporter): void {
    const { declarations, duplicates } = planNamespace(plan);
    if (duplicates.size === 0) return;
    for (const declaration of declarations) {
        if (!declaration.name) continue; // a name lost to a parse error is VP000
        if (!duplicates.has(declaration)) continue;
        const earlier = declarations.find(d => d.name === declaration.name)!;
        const uri = AstUtils.getDocument(plan).uri.toString();
        const args: DuplicateArgs = {
            construct: CONSTRUCT_OF_TYPE[declaration.$type] ?? 'member',
            firstConstruct: CONSTRUCT_OF_TYPE[earlier.$type] ?? 'member',
            name: declaration.name,
            builtin: false,
            line: lineOf(earlier)
        };
        report('VP080.duplicate', declaration, args, {
            property: 'name', fix: { name: declaration.name, firstUri: uri, firstLine: lineOf(earlier), builtin: false }
        });
    }
}

export const structurePlanChecks: PlanCheck[] = [
    ({ plan, report }) => {
        checkPlanStructure(plan, report);
        checkPlanNames(plan.node, report);
    }
];

// ---------------------------------------------------------------------------------------------
// File checks: global VP080, VP005 of organisations and measure types

export const structureFileChecks: FileCheck[] = [
    ({ file, document, services, report }) => {
        if (isBuiltinUri(document.uri)) return;
        const globalNames = services.references.GlobalNames;
        for (const declaration of file.declarations) {
            if (!declaration.name) continue; // a name lost to a parse error is VP000
            const earlier = globalNames.earlierDeclaration(declaration, declaration.name);
            if (earlier) {
                const builtin = isBuiltinUri(earlier.documentUri);
                const sameFile = earlier.documentUri.toString() === document.uri.toString();
                const line = (earlier.nameSegment?.range.start.line ?? 0) + 1;
                const args: DuplicateArgs = {
                    construct: CONSTRUCT_OF_TYPE[declaration.$type] ?? 'plan',
                    firstConstruct: CONSTRUCT_OF_TYPE[earlier.type] ?? 'plan',
                    name: declaration.name,
                    builtin,
                    file: builtin || sameFile ? undefined : UriUtils.relative(UriUtils.dirname(document.uri), earlier.documentUri),
                    line: builtin ? undefined : line
                };
                report('VP080.duplicate', declaration, args, {
                    property: 'name',
                    fix: { name: declaration.name, firstUri: builtin ? undefined : earlier.documentUri.toString(), firstLine: builtin ? undefined : line, builtin }
                });
                continue; // a duplicate takes part in no other check
            }
            if (isOrganisation(declaration)) {
                checkTitle(report, declaration, 'organisation', declaration.name, `organisation ${declaration.name} "..." kind <kind>`);
                if (declaration.kind === undefined) {
                    const template = 'kind veiligthuis|wijkteam|gi|raad|reclassering|jeugdreclassering|politie|om|burgemeester|rechter|zvh|ggz|jeugdhulp|verslavingszorg|opvang|huisarts|school|gemeente|other';
                    const args: ItemArgs = { construct: 'organisation', name: declaration.name, item: 'kind', template };
                    report('VP005.missing', declaration, args, { property: 'name', fix: { item: 'kind', template } });
                }
            } else if (isMeasureType(declaration)) {
                checkTitle(report, declaration, 'measureType', declaration.name, `measure type ${declaration.name} "..." {`);
                checkItems(report, declaration, 'measureType', declaration.name, MEASURE_TYPE_ITEMS, { property: 'name' });
            }
            // A plan's structure is a plan check: it reads the resolved plan.
        }
    }
];
