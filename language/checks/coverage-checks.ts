/**
 * Coverage checks of spec section 7: VP001 (every member covered), VP002 (every perpetrator
 * approached) and VP003 (child witnesses are victims too). Coverage is about who is named, not
 * when: dates play no part here (the timeline shows days without cover).
 *
 * One mistake, one diagnostic: a member that VP002 or VP003 reports gets no VP001 as well (what
 * fixes VP002/VP003 also fixes VP001), unless vplan.config.json turns that rule off.
 *
 * No cascades: duplicate declarations (VP080) are not in the resolved plan, unresolved references
 * (VP081) simply name nobody, and a child witness who is `on` a measure whose type does not resolve
 * gets no VP003 (the type might be a child-protection measure). A member whose kind or roles are not
 * value words (VP000) is judged on what is valid.
 *
 * Quick-fix data (`diagnostic.data.fix`):
 * - VP001, VP002, VP003: `{ member }` — the member's name (a fix can add `no-action "..."` for VP001,
 *   or a skeleton intervention `for <member>` for VP002/VP003).
 */

import type { MessageCatalogue } from '../i18n/locale.js';
import type { ResolvedMember, ResolvedPlan } from '../model/plan-model.js';
import type { FileCheck, PlanCheck } from '../validation/report.js';

type MemberArgs = { name: string; emptyReason?: boolean };

export const coverageMessages = {
    'VP001.uncovered': {
        en: (a: MemberArgs) =>
            `Member '${a.name}' is not covered: no intervention is \`for\` them, no measure is \`on\` them, and no measure or agreement \`protects\` them. ` +
            `Add help or protection for '${a.name}', or write \`no-action "<reason>"\` on the member line if nothing is deliberately done.`,
        nl: (a: MemberArgs) =>
            `Gezinslid '${a.name}' is niet gedekt: geen interventie is \`for\` dit gezinslid, geen maatregel \`on\`, en geen maatregel of afspraak \`protects\` het. ` +
            `Voeg hulp of bescherming toe voor '${a.name}', of schrijf \`no-action "<reden>"\` op de regel van het gezinslid als er bewust niets gebeurt.`
    },
    'VP001.emptyReason': {
        en: (a: MemberArgs) =>
            `Member '${a.name}' has \`no-action\` with an empty reason, so the member is not covered: write down why nothing is done (\`no-action "<reason>"\`), or add help or protection.`,
        nl: (a: MemberArgs) =>
            `Gezinslid '${a.name}' heeft \`no-action\` met een lege reden, dus het gezinslid is niet gedekt: schrijf op waarom er niets gebeurt (\`no-action "<reden>"\`), of voeg hulp of bescherming toe.`
    },
    'VP002.unapproached': {
        en: (a: MemberArgs) =>
            `Perpetrator '${a.name}' is not approached: no intervention is \`for\` them and no measure is \`on\` them (\`no-action\` and agreements do not count). ` +
            `Add an intervention \`for ${a.name}\` (e.g. daderhulp) or a measure \`on ${a.name}\`.`,
        nl: (a: MemberArgs) =>
            `Pleger '${a.name}' wordt niet aangepakt: geen interventie is \`for\` deze persoon en geen maatregel \`on\` (\`no-action\` en afspraken tellen niet). ` +
            `Voeg een interventie \`for ${a.name}\` toe (bijvoorbeeld daderhulp) of een maatregel \`on ${a.name}\`.`
    },
    'VP003.unprotected': {
        en: (a: MemberArgs) =>
            `Child '${a.name}' witnesses violence, which makes them a victim of child abuse too, but no intervention is \`for\` them, no measure or agreement \`protects\` them, ` +
            `and no child-protection measure (type with \`subject minor\`) is \`on\` them (\`no-action\` does not excuse this). ` +
            `Add '${a.name}' to a \`protects\` list or add an intervention \`for ${a.name}\`.`,
        nl: (a: MemberArgs) =>
            `Kind '${a.name}' is getuige van geweld en daarmee ook slachtoffer van kindermishandeling, maar geen interventie is \`for\` dit kind, geen maatregel of afspraak \`protects\` het, ` +
            `en geen kinderbeschermingsmaatregel (type met \`subject minor\`) is \`on\` het (\`no-action\` verandert dat niet). ` +
            `Zet '${a.name}' in een \`protects\`-lijst of voeg een interventie \`for ${a.name}\` toe.`
    }
} satisfies MessageCatalogue;

interface CoverageIndex {
    interventionFor: Set<unknown>;
    measureOn: Set<unknown>;
    protectedBy: Set<unknown>;
    /** `on` a measure whose type has `subject minor`. */
    onMinorMeasure: Set<unknown>;
    /** `on` a measure whose type does not resolve: VP003 stays silent for them. */
    onUnknownType: Set<unknown>;
}

/** One pass over measures, interventions and agreements. */
function indexCoverage(plan: ResolvedPlan): CoverageIndex {
    const index: CoverageIndex = {
        interventionFor: new Set(), measureOn: new Set(), protectedBy: new Set(), onMinorMeasure: new Set(), onUnknownType: new Set()
    };
    for (const intervention of plan.interventions) intervention.for.forEach(m => index.interventionFor.add(m));
    for (const measure of plan.measures) {
        for (const member of measure.on) {
            index.measureOn.add(member);
            if (!measure.type) index.onUnknownType.add(member);
            else if (measure.type.subject === 'minor') index.onMinorMeasure.add(member);
        }
        measure.protects.forEach(m => index.protectedBy.add(m));
    }
    for (const agreement of plan.agreements) agreement.protects.forEach(m => index.protectedBy.add(m));
    return index;
}

export const coveragePlanChecks: PlanCheck[] = [
    ({ plan, config, report }) => {
        const index = indexCoverage(plan);
        const on = (code: string) => config.rules[code] !== 'off';
        for (const member of plan.members) {
            const node = member.node;
            const vp002 = member.roles.has('perpetrator') && !index.interventionFor.has(node) && !index.measureOn.has(node);
            const vp003 = isUnprotectedChildWitness(member, index);
            if (vp002) report('VP002.unapproached', node, { name: member.name }, { property: 'name', fix: { member: member.name } });
            if (vp003) report('VP003.unprotected', node, { name: member.name }, { property: 'name', fix: { member: member.name } });
            if ((vp002 && on('VP002')) || (vp003 && on('VP003'))) continue;
            const covered = index.interventionFor.has(node) || index.measureOn.has(node) || index.protectedBy.has(node);
            if (covered) continue;
            if (member.noAction !== undefined && member.noAction.trim() !== '') continue;
            const id = member.noAction !== undefined ? 'VP001.emptyReason' : 'VP001.uncovered';
            report(id, node, { name: member.name }, { property: 'name', fix: { member: member.name } });
        }
    }
];

function isUnprotectedChildWitness(member: ResolvedMember, index: CoverageIndex): boolean {
    if (member.kind !== 'child' || !member.roles.has('witness')) return false;
    const node = member.node;
    if (index.onUnknownType.has(node)) return false;
    return !index.interventionFor.has(node) && !index.protectedBy.has(node) && !index.onMinorMeasure.has(node);
}

export const coverageFileChecks: FileCheck[] = [];
