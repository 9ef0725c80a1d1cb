/**
 * Incidents (*nieuwe meldingen*) and the case discussions that follow them: VP052, VP050 (the
 * return to the safety phase after an incident), the hover and the timeline (incident markers
 * across the lanes, the window in which a meeting should follow) read these facts.
 *
 * The window of an incident runs from its date through `incidents.meetingWithinDays` days later,
 * both included. The facts do not depend on that setting: `meetingWindow` and `discussedBy` take
 * the number of days.
 */

import type { Incident } from '../generated/ast.js';
import type { Day } from '../model/dates.js';
import type { Interval, ResolvedIncident, ResolvedMeeting, ResolvedPlan } from '../model/plan-model.js';

/** An incident with a valid date. */
export type DatedIncident = ResolvedIncident & { day: Day };
/** A meeting with a valid date. */
export type DatedMeeting = ResolvedMeeting & { day: Day };

export interface IncidentFact {
    incident: DatedIncident;
    /** Whether the incident lies inside the plan period; undefined without a valid plan period. */
    insidePlan?: boolean;
    /** The first meeting dated on or after the incident's date (the earliest in source order on a tie). */
    nextMeeting?: DatedMeeting;
}

export interface IncidentFacts {
    /** Incidents with a valid date, sorted by date (source order on a tie). */
    incidents: IncidentFact[];
    /** Whether an incident's date is invalid (VP060): what it would allow or demand is unknown. */
    undatedIncidents: boolean;
    /** Meetings with a valid date, sorted by date (source order on a tie). */
    meetings: DatedMeeting[];
    /** Whether a meeting's date is invalid (VP060): it might be the discussion of any incident. */
    undatedMeetings: boolean;
    /** The fact of an incident of this plan, when its date is valid. */
    of(incident: Incident): IncidentFact | undefined;
    /** Whether an incident is dated in `[from, through]` (both included). */
    incidentBetween(from: Day, through: Day): boolean;
}

export function computeIncidents(plan: ResolvedPlan): IncidentFacts {
    const dated = plan.incidents.filter((i): i is DatedIncident => i.day !== undefined).sort((a, b) => a.day - b.day);
    const meetings = plan.meetings.filter((m): m is DatedMeeting => m.day !== undefined).sort((a, b) => a.day - b.day);
    const period = plan.period;
    // Both lists are sorted: one sweep finds each incident's next meeting.
    const incidents: IncidentFact[] = [];
    let next = 0;
    for (const incident of dated) {
        while (next < meetings.length && meetings[next].day < incident.day) next++;
        incidents.push({
            incident,
            insidePlan: period ? period.start <= incident.day && incident.day < period.end : undefined,
            nextMeeting: meetings[next]
        });
    }
    const byNode = new Map(incidents.map(fact => [fact.incident.node, fact]));
    return {
        incidents,
        undatedIncidents: dated.length < plan.incidents.length,
        meetings,
        undatedMeetings: meetings.length < plan.meetings.length,
        of: incident => byNode.get(incident),
        incidentBetween: (from, through) => {
            // Binary search for the first incident on or after `from`.
            let low = 0;
            let high = incidents.length;
            while (low < high) {
                const middle = (low + high) >> 1;
                if (incidents[middle].incident.day < from) low = middle + 1;
                else high = middle;
            }
            return low < incidents.length && incidents[low].incident.day <= through;
        }
    };
}

/** The days on which a meeting discusses the incident in time: its date through `withinDays` days later (half-open). */
export function meetingWindow(fact: IncidentFact, withinDays: number): Interval {
    return { start: fact.incident.day, end: fact.incident.day + withinDays + 1 };
}

/** The meeting that discusses the incident within `withinDays` days: the first one in its window. */
export function discussedBy(fact: IncidentFact, withinDays: number): DatedMeeting | undefined {
    const meeting = fact.nextMeeting;
    return meeting && meeting.day <= fact.incident.day + withinDays ? meeting : undefined;
}
