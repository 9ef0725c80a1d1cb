/**
 * Incidents (v2): VP052 (every incident inside the plan period is discussed in a meeting within
 * `incidents.meetingWithinDays` days), over the incident facts (analysis/incident-facts.ts). The
 * return to the safety phase after an incident is VP050's (phase-rules.ts).
 *
 * No cascades: an incident with an invalid date (VP060) gets no VP052, and neither does any
 * incident while a meeting's date is invalid (that meeting might be its discussion) or while the
 * plan period is invalid; a meeting block the parser dropped (VP000) silences VP052. An incident
 * outside the plan period is VP061's.
 */

import { isIncident, type Plan } from '../generated/ast.js';
import { formatDay, type Day } from '../model/dates.js';
import type { PlanFacts } from '../analysis/plan-facts.js';
import { dayCount } from '../i18n/phrases.js';
import { defineRule, defineRules, finding, message, text } from './rule-unit.js';
import { examplePlan } from './example-plan.js';
import { byKindPreference, insertItem, nodeAt, quoted, type FixProposal } from './fix-support.js';
import { discussedBy } from '../analysis/incident-facts.js';

type UndiscussedArgs = { title: string; date: string; lastDay: string; withinDays: number; nextMeeting: string };

const vp052Texts = {
    fixTitle: message<{ date: string }>({
        en: a => `Add a case discussion on ${a.date}`,
        nl: a => `Casusoverleg toevoegen op ${a.date}`
    }),
    meetingTitle: message({
        en: () => 'Case discussion after the new incident',
        nl: () => 'Casusoverleg na de nieuwe melding'
    })
};

export const vp052 = defineRule({
    code: 'VP052',
    severity: 'warning',
    title: { en: 'Incidents discussed', nl: 'Incidenten besproken' },
    findings: {
        undiscussed: finding<UndiscussedArgs>({
            en: a =>
                `The incident${a.title ? ` '${a.title}'` : ''} on ${a.date} is not discussed in time: no meeting is dated from ${a.date} through ` +
                `${a.lastDay} (within ${dayCount(a.withinDays, 'en')}, incidents.meetingWithinDays)` +
                `${a.nextMeeting ? `; the next meeting is on ${a.nextMeeting}` : ''}. ` +
                `Add a case discussion (\`meeting DATE "..." { ... }\`) dated on one of those days, so that the new report is picked up quickly.`,
            nl: a =>
                `Het incident${a.title ? ` '${a.title}'` : ''} op ${a.date} wordt niet op tijd besproken: geen overleg is gedateerd van ${a.date} tot en met ` +
                `${a.lastDay} (binnen ${dayCount(a.withinDays, 'nl')}, incidents.meetingWithinDays)` +
                `${a.nextMeeting ? `; het eerstvolgende overleg is op ${a.nextMeeting}` : ''}. ` +
                `Plan een casusoverleg (\`meeting DATUM "..." { ... }\`) op een van die dagen, zodat de nieuwe melding snel wordt opgepakt.`
        })
    },
    texts: vp052Texts,
    cascade: { droppedBlock: true },
    fix: (context): FixProposal[] => {
        const { plan, facts, locale, config } = context;
        const incident = nodeAt(context.file, context.start, isIncident);
        const fact = incident && facts ? facts.incidents.of(incident) : undefined;
        const period = facts?.plan.period;
        if (!plan || !facts || !incident || !fact || !period) return [];
        const day = meetingDay(fact.incident.day, Math.min(fact.incident.day + config.incidentsMeetingWithinDays, period.end - 1));
        // A real organisation of the workspace in the chair, the Zorg- en Veiligheidshuis or Veilig Thuis first; never a placeholder name.
        const chair = byKindPreference(context.organisations, ['zvh', 'veiligthuis'])[0];
        const clients = invitedClients(facts);
        if (!chair || clients.length === 0) return [];
        const lines = [`chair ${chair.name}`];
        // Whoever holds regie that day sits at the table too.
        const regievoerder = facts.regie.holdersOn(day).map(segment => segment.entry.organisation?.name).find(name => name !== undefined);
        if (regievoerder && regievoerder !== chair.name) lines.push(`participants ${regievoerder}`);
        for (const client of clients) lines.push(`client ${client} invited`);
        const date = formatDay(day);
        const meeting = `meeting ${date} ${quoted(text(vp052Texts.meetingTitle, {}, locale))} {\n${lines.join('\n')}\n}`;
        return [{
            title: text(vp052Texts.fixTitle, { date }, locale),
            edits: [insertItem(context, plan as Plan, meeting, item => item === incident, true)],
            preferred: true
        }];
    },
    docs: {
        checks: 'Every `incident` inside the plan period is followed by a `meeting` dated on one of the days from the incident\'s ' +
            'date through `incidents.meetingWithinDays` (default 14) days later, both included. On the incident. Silent when the plan ' +
            'period is invalid, for an incident whose date is invalid, and while a meeting\'s date is invalid (it might be the ' +
            'discussion). An incident outside the plan period is [VP061](#vp061)\'s.',
        why: 'A new report during the plan means the violence goes on or came back, as it does in most families a year after a ' +
            'report [S1]; repeated unsafe events and a history of reports are what multidisciplinary case discussions (ZVH, MDA++) ' +
            'are for [S29c, S37c]. The case discussion builds the picture, judges the phase and decides [S5]. The rule and its ' +
            'threshold are a design choice of vplan.',
        example: {
            show: 'incident 2026-06-08 "Nieuwe politiemelding: ruzie met letsel"\n// no meeting from 2026-06-08 through 2026-06-22',
            file: examplePlan({ extra: '    incident 2026-06-08 "Nieuwe politiemelding: ruzie met letsel"' })
        },
        fix: 'Add a case discussion within the window: `meeting 2026-06-11 "Casusoverleg na de nieuwe melding" { ... }` with its ' +
            'chair, participants and clients. The quick fix adds one three days after the incident (on a working day, inside the ' +
            'window and the plan period), chaired by a Zorg- en Veiligheidshuis or Veilig Thuis of the workspace, with the ' +
            'regievoerder of that day as participant and the adult victims as invited clients: the family is invited to take part ' +
            '[S5]. Who was actually there is for the author to record.'
    }
});

export const incidentRules = defineRules({
    rules: [vp052],
    plan: ({ facts, config, report }) => {
        const incidents = facts.incidents;
        // A meeting with an invalid date might be the discussion of any incident.
        if (!facts.plan.period || incidents.undatedMeetings) return;
        const withinDays = config.incidentsMeetingWithinDays;
        for (const fact of incidents.incidents) {
            if (!fact.insidePlan || discussedBy(fact, withinDays)) continue;
            const day = fact.incident.day;
            report('VP052.undiscussed', fact.incident.node, {
                title: fact.incident.title ?? '', date: formatDay(day), lastDay: formatDay(day + withinDays), withinDays,
                nextMeeting: fact.nextMeeting ? formatDay(fact.nextMeeting.day) : ''
            }, { property: 'date' });
        }
    }
});

/**
 * The day the quick fix proposes: three days after the incident (as a casemanager meets everyone on
 * the third day of a huisverbod [S39]), at most `last`, moved off a weekend while inside the window.
 */
function meetingDay(incident: Day, last: Day): Day {
    const day = Math.min(incident + 3, last);
    const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01, day 0, was a Thursday; 0 = Sunday
    if (weekday === 6 && day + 2 <= last) return day + 2;
    if (weekday === 0 && day + 1 <= last) return day + 1;
    if (weekday === 6 && day - 1 >= incident) return day - 1;
    if (weekday === 0 && day - 2 >= incident) return day - 2;
    return day;
}

/** The members a coordinator invites to the case discussion: the adult victims living at home, else the first member. */
function invitedClients(facts: PlanFacts): string[] {
    const members = facts.plan.members;
    const victims = members.filter(m => m.kind === 'adult' && m.roles.has('victim') && !m.outside).map(m => m.name);
    if (victims.length > 0) return victims;
    const first = members.find(m => !m.outside) ?? members[0];
    return first ? [first.name] : [];
}
