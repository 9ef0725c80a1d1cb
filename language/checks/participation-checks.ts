/**
 * Participation checks of spec section 7: VP090 (every meeting records a household member as a
 * client), VP091 (children from `participation.hearChildrenFromAge` are heard in a meeting) and
 * VP100 (the plan has a supporter who is aware).
 *
 * No cascades: a meeting whose clients are all unresolved references (VP081) gets no VP090; an
 * invalid plan period (no ages) silences VP091. Duplicate members and supporters (VP080) are not
 * in the resolved plan.
 *
 * Quick-fix data (`diagnostic.data.fix`):
 * - VP091: `{ member }`, the child to add as `client <member> heard`.
 * - VP090, VP100: none.
 */

import { isClientItem, isNetwork } from '../generated/ast.js';
import { hasSyntaxErrorInside, itemsOf } from '../model/ast-queries.js';
import { partsFromDay } from '../model/dates.js';
import type { MessageCatalogue } from '../i18n/locale.js';
import type { FileCheck, PlanCheck } from '../validation/report.js';

export const participationMessages = {
    'VP090.noClient': {
        en: (a: { title: string; date: string }) =>
            `The meeting${a.title ? ` '${a.title}'` : ''} on ${a.date} records no household member as a client. ` +
            'Add who of the household took part and how, e.g. `client <member> invited`, `present`, `heard` or `informed`.',
        nl: (a: { title: string; date: string }) =>
            `Bij het overleg${a.title ? ` '${a.title}'` : ''} op ${a.date} staat geen enkel gezinslid als cliënt. ` +
            'Leg vast wie van het gezin meedeed en hoe, bijvoorbeeld `client <gezinslid> invited`, `present`, `heard` of `informed`.'
    },
    'VP091.notHeard': {
        en: (a: { member: string; age: number; threshold: number; startYear: number }) =>
            `Child '${a.member}' is ${a.age} at the plan start (${a.startYear}) and children from ${a.threshold} are heard, ` +
            `but no meeting records '${a.member}' as heard. Add \`client ${a.member} heard\` to a meeting.`,
        nl: (a: { member: string; age: number; threshold: number; startYear: number }) =>
            `Kind '${a.member}' is ${a.age} bij de start van het plan (${a.startYear}) en kinderen vanaf ${a.threshold} worden gehoord, ` +
            `maar in geen enkel overleg staat '${a.member}' als gehoord. Voeg \`client ${a.member} heard\` toe aan een overleg.`
    },
    'VP100.noAwareSupporter': {
        en: (a: { supporters: number }) =>
            a.supporters === 0
                ? 'The plan has no informal network: no supporter knows the concerns. ' +
                  'Add a `network` with at least one `supporter <name> "<title>" supports <members> aware` (Signs of Safety).'
                : `${a.supporters === 1 ? "The plan's only supporter is not" : `None of the plan's ${a.supporters} supporters is`} marked \`aware\` of the concerns. ` +
                  'Add `aware` to a supporter who knows them, or add a supporter who does (Signs of Safety).',
        nl: (a: { supporters: number }) =>
            a.supporters === 0
                ? 'Het plan heeft geen informeel netwerk: geen enkele steunfiguur kent de zorgen. ' +
                  'Neem een `network` op met minstens één `supporter <naam> "<titel>" supports <gezinsleden> aware` (Signs of Safety).'
                : `${a.supporters === 1 ? 'De enige steunfiguur in het plan is niet' : `Geen van de ${a.supporters} steunfiguren in het plan is`} \`aware\` van de zorgen. ` +
                  'Zet `aware` bij een steunfiguur die de zorgen kent, of voeg zo iemand toe (Signs of Safety).'
    }
} satisfies MessageCatalogue;

export const participationPlanChecks: PlanCheck[] = [
    // VP090: a meeting with no `client` item at all; unresolved clients (VP081) are not judged twice.
    ({ plan, report }) => {
        for (const meeting of plan.meetings) {
            if (itemsOf(meeting.node, isClientItem).length > 0) continue;
            // A syntax error (VP000) in the meeting, missing braces included, may have dropped its clients.
            if (hasSyntaxErrorInside(meeting.node)) continue;
            report('VP090.noClient', meeting.node, { title: meeting.title ?? '', date: meeting.node.date ?? '' }, { property: 'date' });
        }
    },
    // VP091: each child from the threshold age is heard in at least one meeting.
    ({ plan, config, report }) => {
        if (!plan.period) return;
        // A syntax error (VP000) in a meeting may have dropped a `client ... heard`.
        if (plan.meetings.some(m => hasSyntaxErrorInside(m.node))) return;
        const threshold = config.hearChildrenFromAge;
        const heard = new Set(plan.meetings.flatMap(m => m.clients.filter(c => c.mode === 'heard').map(c => c.member)));
        const startYear = partsFromDay(plan.period.start).year;
        for (const member of plan.members) {
            if (member.kind !== 'child' || member.age === undefined || member.age < threshold || heard.has(member.node)) continue;
            report('VP091.notHeard', member.node, { member: member.name, age: member.age, threshold, startYear },
                { property: 'name', fix: { member: member.name } });
        }
    },
    // VP100: at least one aware supporter.
    ({ plan, report }) => {
        if (plan.supporters.some(s => s.aware)) return;
        // A syntax error (VP000) in a network may have dropped an `aware` or a supporter.
        if (plan.node.items.some(item => isNetwork(item) && hasSyntaxErrorInside(item))) return;
        report('VP100.noAwareSupporter', plan.node, { supporters: plan.supporters.length }, { property: 'name' });
    }
];

export const participationFileChecks: FileCheck[] = [];
