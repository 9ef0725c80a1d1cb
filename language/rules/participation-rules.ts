/**
 * Participation: VP090 (every meeting records a household member as a client) and VP091 (children
 * from `participation.hearChildrenFromAge` are heard in a meeting); network: VP100 (the plan has a
 * supporter who is aware of the concerns).
 *
 * No cascades:
 * - a meeting whose clients are all unresolved references (VP081) gets no VP090 (it has clients);
 * - an invalid plan period (no ages, VP060) silences VP091;
 * - duplicate members and supporters (VP080) are not in the resolved plan;
 * - a syntax error (VP000) inside a meeting (missing braces included) may have dropped its clients:
 *   that meeting gets no VP090, and the plan no VP091; one inside a network may have dropped an
 *   `aware` or a supporter: no VP100. A block the parser dropped silences VP091 and VP100.
 */

import { isClientItem, isNetwork } from '../generated/ast.js';
import { hasSyntaxErrorInside, itemsOf } from '../model/ast-queries.js';
import { partsFromDay } from '../model/dates.js';
import { defineRule, defineRules, finding } from './rule-unit.js';
import { examplePlan, EXAMPLE_SECTIONS } from './example-plan.js';

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

export const participationRules = defineRules({
    rules: [vp090, vp091, vp100],
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

        // VP100: at least one aware supporter.
        if (plan.supporters.some(s => s.aware)) return;
        if (plan.node.items.some(item => isNetwork(item) && hasSyntaxErrorInside(item))) return;
        report('VP100.noAwareSupporter', plan.node, { supporters: plan.supporters.length }, { property: 'name' });
    }
});
