/**
 * Participation: VP090 (every meeting records a household member as a client), VP091 (children
 * from `participation.hearChildrenFromAge` are heard in a meeting) and, since v2, VP092 (every
 * meeting action is due in time and owned by someone at the table); network: VP100 (the plan has a
 * supporter who is aware of the concerns).
 *
 * No cascades:
 * - a meeting whose clients are all unresolved references (VP081) gets no VP090 (it has clients);
 * - an invalid plan period (no ages, VP060) silences VP091;
 * - duplicate members and supporters (VP080) are not in the resolved plan;
 * - a syntax error (VP000) inside a meeting (missing braces included) may have dropped its clients:
 *   that meeting gets no VP090, and the plan no VP091; one inside a network may have dropped an
 *   `aware` or a supporter: no VP100. A block the parser dropped silences VP091 and VP100;
 * - VP092 is silent when the plan period is invalid; an invalid `due` or meeting date (VP060)
 *   silences what needs it; an action of a meeting on or after the plan's end date (VP061) is not
 *   also late; an owner that does not resolve (VP081) is not judged, and no owner is while the
 *   meeting's `chair` or a participant does not resolve, or a syntax error inside the meeting may
 *   have dropped its participants.
 */

import { isChairItem, isClientItem, isMeeting, isNetwork, isParticipantsItem } from '../generated/ast.js';
import { hasSyntaxErrorInside, itemsOf } from '../model/ast-queries.js';
import { formatDay, partsFromDay } from '../model/dates.js';
import type { ResolvedMeeting, ResolvedPlan } from '../model/plan-model.js';
import { defineRule, defineRules, finding, message, text, type ModuleFindings, type RuleReporter } from './rule-unit.js';
import { examplePlan, EXAMPLE_SECTIONS } from './example-plan.js';
import { insertItem, nodeAt, significantLeaves, type FixProposal } from './fix-support.js';

export const vp090 = defineRule({
    code: 'VP090',
    severity: 'warning',
    title: { en: 'Clients at the table', nl: 'Cliënten aan tafel' },
    findings: {
        noClient: finding<{ title: string; date: string }>({
            en: a => `The meeting${a.title ? ` '${a.title}'` : ''} on ${a.date} records no household member as a client. ` +
                'Add who of the household took part and how, e.g. `client <member> invited`, `present`, `heard` or `informed`.',
            nl: a => `Bij het overleg${a.title ? ` '${a.title}'` : ''} op ${a.date} staat geen enkel gezinslid als cliënt. ` +
                'Leg vast wie van het gezin meedeed en hoe, bijvoorbeeld `client <gezinslid> invited`, `present`, `heard` of `informed`.'
        })
    },
    docs: {
        checks: 'Every `meeting` records at least one household member as a client (`invited`, `present`, `heard` or `informed`).',
        why: 'Clients are invited to take part in case discussions, preferably in person [S5]; families take part in deciding the ' +
            'approach from the start [S29a, S29e].',
        example: {
            show: 'meeting 2026-01-15 "Casusoverleg ZVH" {\n    chair zvh_zhz\n    participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz\n}',
            file: examplePlan({ meetings: EXAMPLE_SECTIONS.meetings.replace(/\n {8}client [^\n]*/g, '') })
        },
        fix: 'Record who of the household took part, and how: `client sanne present`.'
    }
});

export const vp091 = defineRule({
    code: 'VP091',
    severity: 'info',
    title: { en: 'Children heard', nl: 'Kinderen gehoord' },
    findings: {
        notHeard: finding<{ member: string; age: number; threshold: number; startYear: number }>({
            en: a => `Child '${a.member}' is ${a.age} at the plan start (${a.startYear}) and children from ${a.threshold} are heard, ` +
                `but no meeting records '${a.member}' as heard. Add \`client ${a.member} heard\` to a meeting.`,
            nl: a => `Kind '${a.member}' is ${a.age} bij de start van het plan (${a.startYear}) en kinderen vanaf ${a.threshold} worden gehoord, ` +
                `maar in geen enkel overleg staat '${a.member}' als gehoord. Voeg \`client ${a.member} heard\` toe aan een overleg.`
        })
    },
    cascade: { droppedBlock: true },
    docs: {
        checks: 'Every `child` aged `participation.hearChildrenFromAge` (default 12) or older at the plan start (plan start year − ' +
            '`born`) is `heard` in at least one meeting of the plan. The age is set in `vplan.config.json`.',
        why: 'Children have a right to be asked and listened to [S54a, S54b, S54c]; the juvenile judge must ask children of 12 and ' +
            'older for their view on an out-of-home placement [S10b].',
        example: {
            show: 'member noor child born 2013 roles witness\n// no meeting has `client noor heard`',
            file: examplePlan({
                household: EXAMPLE_SECTIONS.household.replace('member noor child born 2015', 'member noor child born 2013'),
                meetings: EXAMPLE_SECTIONS.meetings.replace('client noor heard', 'client noor informed')
            })
        },
        fix: 'Add `client noor heard` to a meeting where the child\'s view was heard.'
    }
});

export const vp100 = defineRule({
    code: 'VP100',
    severity: 'warning',
    title: { en: 'Informal network', nl: 'Informeel netwerk' },
    findings: {
        noAwareSupporter: finding<{ supporters: number }>({
            en: a =>
                a.supporters === 0
                    ? 'The plan has no informal network: no supporter knows the concerns. ' +
                      'Add a `network` with at least one `supporter <name> "<title>" supports <members> aware` (Signs of Safety).'
                    : `${a.supporters === 1 ? "The plan's only supporter is not" : `None of the plan's ${a.supporters} supporters is`} marked \`aware\` of the concerns. ` +
                      'Add `aware` to a supporter who knows them, or add a supporter who does (Signs of Safety).',
            nl: a =>
                a.supporters === 0
                    ? 'Het plan heeft geen informeel netwerk: geen enkele steunfiguur kent de zorgen. ' +
                      'Neem een `network` op met minstens één `supporter <naam> "<titel>" supports <gezinsleden> aware` (Signs of Safety).'
                    : `${a.supporters === 1 ? 'De enige steunfiguur in het plan is niet' : `Geen van de ${a.supporters} steunfiguren in het plan is`} \`aware\` van de zorgen. ` +
                      'Zet `aware` bij een steunfiguur die de zorgen kent, of voeg zo iemand toe (Signs of Safety).'
        })
    },
    cascade: { droppedBlock: true },
    docs: {
        checks: 'The plan has at least one `supporter` who is `aware` (knows the concerns). A plan without a `network` has none.',
        why: 'Signs of Safety builds the plan with the family\'s informal network, people with concrete safety tasks who know the ' +
            'concerns [S30a, S30b, S30c].',
        example: {
            show: 'network {\n    supporter buurvrouw "Buurvrouw" supports noor\n}',
            file: examplePlan({ network: '    network {\n        supporter buurvrouw "Buurvrouw" supports noor\n    }' })
        },
        fix: 'Add a supporter who knows the concerns, marked `aware`: `supporter oma "Oma (moeder van Sanne)" supports sanne, noor aware`.'
    }
});

/** The action as messages name it, and the owner that was not at the table ('' when the owner is fine). */
type ActionArgs = { text: string; meeting: string; due: string; owner: string; hasParticipants: boolean };
type LateArgs = ActionArgs & { planEnd: string; lastDay: string };
type OwnerFix = { owner: string };

const quotedText = (a: ActionArgs) => (a.text ? ` '${a.text}'` : '');

/** "Add X to the participants", as the meeting is written: to its `participants` item, or as a new one. */
const addParticipantEn = (a: ActionArgs) => (a.hasParticipants ? `add ${a.owner} to the meeting's \`participants\`` : `add \`participants ${a.owner}\` to the meeting`);
const addParticipantNl = (a: ActionArgs) => (a.hasParticipants ? `voeg ${a.owner} toe aan de \`participants\` van het overleg` : `voeg \`participants ${a.owner}\` toe aan het overleg`);
const alsoOwnerEn = (a: ActionArgs) => (a.owner ? ` Its owner, organisation '${a.owner}', did not take part in the meeting either: ${addParticipantEn(a)}, or give the action to someone at the table.` : '');
const alsoOwnerNl = (a: ActionArgs) => (a.owner ? ` De eigenaar, organisatie '${a.owner}', deed bovendien niet mee aan het overleg: ${addParticipantNl(a)}, of geef de actie aan iemand die aan tafel zat.` : '');

const vp092Texts = {
    fixTitle: message<{ owner: string; meeting: string }>({
        en: a => `Add '${a.owner}' to the participants of the meeting on ${a.meeting}`,
        nl: a => `'${a.owner}' toevoegen aan de deelnemers van het overleg op ${a.meeting}`
    })
};

export const vp092 = defineRule({
    code: 'VP092',
    severity: 'warning',
    title: { en: 'Actions someone can keep', nl: 'Acties die iemand kan waarmaken' },
    findings: {
        early: finding<ActionArgs>({
            en: a => `The action${quotedText(a)} of the meeting on ${a.meeting} is due by ${a.due}, before the meeting that decided it. ` +
                `Let it be due on ${a.meeting} or later (\`due ${a.meeting}\`).${alsoOwnerEn(a)}`,
            nl: a => `De actie${quotedText(a)} van het overleg op ${a.meeting} moet klaar zijn op ${a.due}, vóór het overleg dat erover besliste. ` +
                `Laat haar op ${a.meeting} of later klaar zijn (\`due ${a.meeting}\`).${alsoOwnerNl(a)}`
        }),
        late: finding<LateArgs>({
            en: a => `The action${quotedText(a)} of the meeting on ${a.meeting} is due by ${a.due}, but the plan period ends on ${a.planEnd} ` +
                `(its last day is ${a.lastDay}): an action is due before the plan ends. Let it be due by ${a.lastDay} at the latest ` +
                `(\`due ${a.lastDay}\`), or let the plan period run longer.${alsoOwnerEn(a)}`,
            nl: a => `De actie${quotedText(a)} van het overleg op ${a.meeting} moet klaar zijn op ${a.due}, maar de planperiode eindigt op ${a.planEnd} ` +
                `(laatste dag ${a.lastDay}): een actie is klaar voordat het plan afloopt. Laat haar uiterlijk op ${a.lastDay} klaar zijn ` +
                `(\`due ${a.lastDay}\`), of laat de planperiode langer lopen.${alsoOwnerNl(a)}`
        }),
        ownerAbsent: finding<ActionArgs, OwnerFix>({
            en: a => `The action${quotedText(a)} of the meeting on ${a.meeting} is owned by organisation '${a.owner}', which did not take part in ` +
                `that meeting (it is neither its \`chair\` nor one of its \`participants\`): decisions bind those at the table. ` +
                `${capitalised(addParticipantEn(a))}, or give the action to someone at the table.`,
            nl: a => `De actie${quotedText(a)} van het overleg op ${a.meeting} ligt bij organisatie '${a.owner}', die niet aan dat overleg meedeed ` +
                `(niet de \`chair\` en niet een van de \`participants\`): besluiten binden wie aan tafel zit. ` +
                `${capitalised(addParticipantNl(a))}, of geef de actie aan iemand die aan tafel zat.`
        })
    },
    texts: vp092Texts,
    cascade: { droppedBlock: true },
    fix: (context): FixProposal[] => {
        const { finding: found, locale } = context;
        if (found.key !== 'ownerAbsent' || !found.fix) return [];
        const meeting = nodeAt(context.file, context.start, isMeeting);
        if (!meeting) return [];
        const owner = found.fix.owner;
        const participants = meeting.items.find(isParticipantsItem);
        const last = participants ? significantLeaves(participants).at(-1) : undefined;
        const edit = last
            ? { offset: last.end, end: last.end, newText: `, ${owner}` }
            : insertItem(context, meeting, `participants ${owner}`, item => isChairItem(item), false);
        return [{ title: text(vp092Texts.fixTitle, { owner, meeting: meeting.date ?? '' }, locale), edits: [edit], preferred: true }];
    },
    docs: {
        checks: 'Every meeting `action` is due on or after the meeting\'s date and before the end date of the plan period (`due` is the ' +
            'last day, included), and an owner that is an organisation is the meeting\'s `chair` or one of its `participants`. A ' +
            'member or supporter of the plan may own an action. One diagnostic per action. Silent when the plan period is invalid; ' +
            'an action of a meeting that is itself outside the plan period ([VP061](#vp061)) is not also late.',
        why: 'A case discussion ends in decisions, and every decision has an owner and a date [S5]; safety agreements say who carries ' +
            'them out and who keeps them [S30a, S30b]. An organisation that was not at the table did not agree to the task, and a ' +
            'task due after the plan ends is nobody\'s to check. The rule is a design choice of vplan.',
        example: {
            show: 'meeting 2026-01-15 "Casusoverleg ZVH" {\n    chair zvh_zhz\n    participants veiligthuis_zhz, wijkteam_dordrecht, politie_zhz\n' +
                '    client sanne present\n    action "Traject daderhulp starten met Mark" owner ggz_zhz due 2026-01-29\n}',
            file: examplePlan({
                meetings: EXAMPLE_SECTIONS.meetings.replace('        client noor heard\n',
                    '        client noor heard\n        action "Traject daderhulp starten met Mark" owner ggz_zhz due 2026-01-29\n')
            })
        },
        fix: 'Let the action be due between the meeting and the plan\'s last day (`due 2026-01-29`), and give it to someone at the ' +
            'table, or add its organisation to the meeting\'s `participants` (the quick fix does this).'
    }
});

const RULES = [vp090, vp091, vp092, vp100] as const;
type Report = RuleReporter<ModuleFindings<typeof RULES>>;

export const participationRules = defineRules({
    rules: RULES,
    // VP092 reads whether an action's owner is an organisation, and which organisations sat at the table.
    reads: ['organisation'],
    plan: ({ plan, config, report }) => {
        // VP090: a meeting with no `client` item at all; unresolved clients (VP081) are not judged twice.
        for (const meeting of plan.meetings) {
            if (itemsOf(meeting.node, isClientItem).length > 0) continue;
            if (hasSyntaxErrorInside(meeting.node)) continue;
            report('VP090.noClient', meeting.node, { title: meeting.title ?? '', date: meeting.node.date ?? '' }, { property: 'date' });
        }

        // VP091: each child from the threshold age is heard in at least one meeting.
        if (plan.period && !plan.meetings.some(m => hasSyntaxErrorInside(m.node))) {
            const threshold = config.hearChildrenFromAge;
            const heard = new Set(plan.meetings.flatMap(m => m.clients.filter(c => c.mode === 'heard').map(c => c.member)));
            const startYear = partsFromDay(plan.period.start).year;
            for (const member of plan.members) {
                if (member.kind !== 'child' || member.age === undefined || member.age < threshold || heard.has(member.node)) continue;
                report('VP091.notHeard', member.node, { member: member.name, age: member.age, threshold, startYear }, { property: 'name' });
            }
        }

        reportUnkeptActions(plan, report);

        // VP100: at least one aware supporter.
        if (plan.supporters.some(s => s.aware)) return;
        if (plan.node.items.some(item => isNetwork(item) && hasSyntaxErrorInside(item))) return;
        report('VP100.noAwareSupporter', plan.node, { supporters: plan.supporters.length }, { property: 'name' });
    }
});

function capitalised(sentence: string): string {
    return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** VP092: each action is due from the meeting's date until before the plan's end date, and an organisation owning it sat at the table. */
function reportUnkeptActions(plan: ResolvedPlan, report: Report): void {
    const period = plan.period;
    if (!period) return;
    for (const meeting of plan.meetings) {
        if (meeting.actions.length === 0) continue;
        const ownersKnown = tableKnown(meeting);
        const hasParticipants = meeting.node.items.some(isParticipantsItem);
        for (const action of meeting.actions) {
            const owner = action.owner;
            const absent = ownersKnown && owner !== undefined && 'declaration' in owner && owner.declaration === 'organisation'
                && meeting.chair?.name !== owner.name && !meeting.participants.some(p => p.name === owner.name);
            const args = {
                text: action.text ?? '', meeting: meeting.node.date ?? '', due: action.node.date ?? '',
                owner: absent ? owner.name : '', hasParticipants
            };
            const due = action.due;
            if (due !== undefined && meeting.day !== undefined && due < meeting.day) {
                report('VP092.early', action.node, args);
            } else if (due !== undefined && due >= period.end && !(meeting.day !== undefined && meeting.day >= period.end)) {
                report('VP092.late', action.node, { ...args, planEnd: formatDay(period.end), lastDay: formatDay(period.end - 1) });
            } else if (absent) {
                report('VP092.ownerAbsent', action.node, args, { fix: { owner: owner.name } });
            }
        }
    }
}

/**
 * Whether who sat at the table is known: the chair and every participant resolve (a misspelt
 * participant may be the owner, VP081), and no syntax error inside the meeting dropped any.
 */
function tableKnown(meeting: ResolvedMeeting): boolean {
    let written = 0;
    let chairWritten = false;
    for (const item of meeting.node.items) {
        if (isParticipantsItem(item)) written += item.organisations.length;
        else if (isChairItem(item)) chairWritten = true;
    }
    return written === meeting.participants.length && (!chairWritten || meeting.chair !== undefined) && !hasSyntaxErrorInside(meeting.node);
}
