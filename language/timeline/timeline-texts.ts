/**
 * The timeline's texts (drawing, tooltips, table, the preview's notes) as one catalogue of
 * `Message`s, rendered with `text()`; the nouns, value words and severities come from
 * i18n/phrases.ts, so the timeline names things as the checks, the hover and the CLI do.
 * `timelineWords(locale)` renders the catalogue once per locale for the layout code.
 */

import { message, text, words, type Locale, type NoArgs } from '../i18n/locale.js';
import { conceptWord, durationText, orList, relationWord, severityWord, valueWord, type ConceptName } from '../i18n/phrases.js';
import type { DurationValue } from '../model/dates.js';
import type { EndedReason } from '../model/vocabulary.js';
import type { TimelineDiagnostic, TimelineEnded, TimelineMode } from './timeline-model.js';

export const timelineTexts = {
    timeline: words({ en: 'Timeline', nl: 'Tijdlijn' }),
    /** The picture's accessible name and the page title. */
    title: message<{ title: string; name: string }>({
        en: a => `Timeline: ${a.title} (${a.name})`,
        nl: a => `Tijdlijn: ${a.title} (${a.name})`
    }),
    tableCaption: message<{ title: string; name: string }>({
        en: a => `Timeline as a table: ${a.title} (${a.name})`,
        nl: a => `Tijdlijn als tabel: ${a.title} (${a.name})`
    }),
    markers: words({ en: 'Meetings', nl: 'Overleggen' }),
    incidents: words({ en: 'Incidents', nl: 'Incidenten' }),
    /** A member lane whose member has no name yet (while typing `member`). */
    unnamedMember: words({ en: '(no name)', nl: '(zonder naam)' }),
    action: words({ en: 'action', nl: 'actie' }),
    /** A meeting action: who carries it out and its last day (inclusive). */
    actionNote: message<{ owner?: string; due?: string }>({
        en: a => [a.owner ? `owner ${a.owner}` : 'no owner', a.due ? `due on or before ${a.due}` : 'no valid due date'].join('; '),
        nl: a => [a.owner ? `ligt bij ${a.owner}` : 'bij niemand belegd', a.due ? `uiterlijk op ${a.due}` : 'geen geldige uiterste datum'].join('; ')
    }),
    /** Why help stopped (`ended DATE REASON`), as a short label on the timeline. */
    endedReasons: {
        completed: words({ en: 'completed', nl: 'afgerond' }),
        dropout: words({ en: 'dropped out', nl: 'uitval' }),
        referred: words({ en: 'referred', nl: 'doorverwezen' })
    } satisfies Record<EndedReason, unknown>,
    ended: words({ en: 'stopped', nl: 'gestopt' }),
    /** `ended DATE REASON`: DATE is the first day without the help. */
    endedNote: message<{ reason?: string; date: string; plannedEnd?: string }>({
        en: a => `${a.reason ? `stopped (${a.reason})` : 'stopped'}: no help from ${a.date} on` + (a.plannedEnd ? `; planned to ${a.plannedEnd} (not included)` : ''),
        nl: a => `${a.reason ? `gestopt (${a.reason})` : 'gestopt'}: geen hulp meer vanaf ${a.date}` + (a.plannedEnd ? `; gepland tot ${a.plannedEnd} (niet inbegrepen)` : '')
    }),
    /**
     * `ended DATE REASON` whose DATE is not valid (VP060): not a date, or on or before the start. The
     * item is drawn with its planned period; the note says why it stopped and that the date is ignored.
     */
    endedIgnoredNote: message<{ reason?: string; date?: string; why: 'invalid' | 'notAfterStart' }>({
        en: a => `${a.reason ? `stopped (${a.reason})` : 'stopped'}`
            + (a.why === 'invalid' || !a.date ? ', date invalid' : ` on ${a.date}, not after the start`) + ': drawn as planned',
        nl: a => `${a.reason ? `gestopt (${a.reason})` : 'gestopt'}`
            + (a.why === 'invalid' || !a.date ? ', datum ongeldig' : ` op ${a.date}, niet na het begin`) + ': getekend zoals gepland'
    }),
    /** The short label of such an item on the timeline: why it stopped, and that the date is not valid. */
    endedIgnoredTag: message<{ reason: string; why: 'invalid' | 'notAfterStart' }>({
        en: a => `${a.reason} (${a.why === 'invalid' ? 'date invalid' : 'date not after start'})`,
        nl: a => `${a.reason} (${a.why === 'invalid' ? 'datum ongeldig' : 'datum niet na begin'})`
    }),
    plannedRest: words({ en: 'planned, stopped early', nl: 'gepland, eerder gestopt' }),
    /** A measure type's `requires`: one of these must run alongside. */
    requires: message<{ types: string }>({
        en: a => `requires ${a.types} alongside`,
        nl: a => `vereist daarnaast ${a.types}`
    }),
    hasError: words({ en: 'error in the plan', nl: 'fout in het plan' }),
    /** Under the table: what a red row means (never colour alone: each such row says it in words too). */
    tableLegend: words({
        en: 'Rows in red: an error in the plan (see Notes), days on which a member is not covered, or a regie gap or overlap.',
        nl: 'Rijen in rood: een fout in het plan (zie Opmerkingen), dagen waarop een gezinslid niet gedekt is, of een regiegat of dubbele regie.'
    }),
    /** Under the drawing when something dated lies before the plan start or after the end of aftercare. */
    outsideAxis: message<{ count: number }>({
        en: a => `${a.count} ${a.count === 1 ? 'item lies' : 'items lie'} outside the time axis (plan start to end of aftercare): see the table.`,
        nl: a => `${a.count} ${a.count === 1 ? 'onderdeel ligt' : 'onderdelen liggen'} buiten de tijdas (begin van het plan tot einde nazorg): zie de tabel.`
    }),
    today: words({ en: 'today', nl: 'vandaag' }),
    regieGap: words({ en: 'regie gap', nl: 'regiegat' }),
    regieOverlap: words({ en: 'regie overlap', nl: 'dubbele regie' }),
    uncovered: words({ en: 'not covered', nl: 'niet gedekt' }),
    noAction: words({ en: 'no action', nl: 'geen actie' }),
    outside: words({ en: 'outside the home', nl: 'woont elders' }),
    wholePlan: words({ en: 'whole plan', nl: 'hele plan' }),
    defaultEnd: words({ en: 'default end', nl: 'standaardeinde' }),
    extension: words({ en: 'extension', nl: 'verlenging' }),
    noDates: words({ en: 'no valid dates', nl: 'geen geldige data' }),
    noAxis: words({ en: 'The plan has no valid period and no dated item.', nl: 'Het plan heeft geen geldige periode en geen gedateerd onderdeel.' }),
    legend: words({ en: 'Legend', nl: 'Legenda' }),
    /** A half-open period: the end is the first day not covered, as in the language. */
    span: message<{ start: string; end?: string }>({
        en: a => (a.end ? `from ${a.start} to ${a.end}` : `from ${a.start}`),
        nl: a => (a.end ? `van ${a.start} tot ${a.end}` : `van ${a.start}`)
    }),
    handover: message<{ from: string; to: string }>({
        en: a => `handover ${a.from} → ${a.to}`,
        nl: a => `overdracht ${a.from} → ${a.to}`
    }),
    /** Who carries out an item (`by ORGANISATION`). */
    by: message<{ organisation: string }>({
        en: a => `by ${a.organisation}`,
        nl: a => `door ${a.organisation}`
    }),
    /** A diagnostic in a tooltip or the table's notes: `error VP011: ...` / `fout VP011: ...`. */
    diagnostic: message<{ diagnostic: TimelineDiagnostic }>({
        en: a => `${severityWord(a.diagnostic.severity, 'en')} ${a.diagnostic.code}: ${a.diagnostic.message}`,
        nl: a => `${severityWord(a.diagnostic.severity, 'nl')} ${a.diagnostic.code}: ${a.diagnostic.message}`
    }),
    columns: {
        lane: words({ en: 'Lane', nl: 'Baan' }),
        kind: words({ en: 'What', nl: 'Wat' }),
        mode: words({ en: 'Mode', nl: 'Kader' }),
        title: words({ en: 'Title', nl: 'Titel' }),
        name: words({ en: 'Name', nl: 'Naam' }),
        from: words({ en: 'From', nl: 'Van' }),
        to: words({ en: 'To (not included)', nl: 'Tot (niet inbegrepen)' }),
        notes: words({ en: 'Notes', nl: 'Opmerkingen' })
    },
    monthAbbreviations: message<NoArgs>({
        en: () => 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec',
        nl: () => 'jan feb mrt apr mei jun jul aug sep okt nov dec'
    }),
    /** The preview's note when a document holds no plan. */
    noPlan: words({ en: 'This file holds no plan.', nl: 'Dit bestand bevat geen plan.' }),
    /** The preview's note when the server does not know the document (yet). */
    notOpen: words({ en: 'The document is not known to the language server.', nl: 'Het document is niet bekend bij de taalserver.' })
};

type LaneKind = 'measure' | 'intervention' | 'agreement' | 'phase' | 'regie' | 'handover' | 'gap' | 'overlap' | 'uncovered'
    | 'aftercare' | 'checkpoint' | 'meeting' | 'evaluation' | 'incident' | 'action';

/** The catalogue rendered for one locale: what the layout, the table and the HTML page read. */
export interface TimelineWords {
    locale: Locale;
    timeline: string;
    regie: string;
    aftercare: string;
    markers: string;
    incidents: string;
    unnamedMember: string;
    ended: string;
    plannedRest: string;
    hasError: string;
    tableLegend: string;
    endedReasons: Record<EndedReason, string>;
    today: string;
    modes: Record<TimelineMode, string>;
    kinds: Record<LaneKind, string>;
    relations: Record<'on' | 'for' | 'protects', string>;
    phases: Record<string, string>;
    columns: Record<keyof typeof timelineTexts.columns, string>;
    noAction: string;
    outside: string;
    wholePlan: string;
    defaultEnd: string;
    extension: string;
    noDates: string;
    noAxis: string;
    legend: string;
    months: string[];
    title: (plan: { title: string; name: string }) => string;
    tableCaption: (plan: { title: string; name: string }) => string;
    span: (start: string, end?: string) => string;
    handover: (from: string, to: string) => string;
    by: (organisation: string) => string;
    diagnostic: (diagnostic: TimelineDiagnostic) => string;
    actionNote: (owner: string | undefined, due: string | undefined) => string;
    /** The note of an item's `ended` (timeline-model.ts, `TimelineEnded`), valid or not. */
    endedText: (ended: TimelineEnded, plannedEnd: string | undefined) => string;
    /** The short label of why an item stopped, on the timeline. */
    endedTag: (ended: TimelineEnded) => string;
    requires: (types: readonly string[]) => string;
    outsideAxis: (count: number) => string;
    duration: (duration: DurationValue) => string;
    memberKind: (kind: string) => string;
    role: (role: string) => string;
}

function render(locale: Locale): TimelineWords {
    const say = (entry: typeof timelineTexts.timeline) => text(entry, {}, locale);
    const concept = (name: ConceptName) => conceptWord(name, locale);
    const phases = Object.fromEntries(['safety', 'stability', 'recovery'].map(kind => [kind, valueWord('phaseKind', kind, locale)]));
    const endedReasons: Record<EndedReason, string> = {
        completed: say(timelineTexts.endedReasons.completed), dropout: say(timelineTexts.endedReasons.dropout), referred: say(timelineTexts.endedReasons.referred)
    };
    return {
        locale,
        timeline: say(timelineTexts.timeline),
        regie: capitalise(concept('regie')),
        aftercare: capitalise(concept('aftercare')),
        markers: say(timelineTexts.markers),
        incidents: say(timelineTexts.incidents),
        unnamedMember: say(timelineTexts.unnamedMember),
        ended: say(timelineTexts.ended),
        plannedRest: say(timelineTexts.plannedRest),
        hasError: say(timelineTexts.hasError),
        tableLegend: say(timelineTexts.tableLegend),
        endedReasons,
        today: say(timelineTexts.today),
        modes: {
            dwang: valueWord('framework', 'dwang', locale), drang: valueWord('framework', 'drang', locale),
            voluntary: valueWord('framework', 'voluntary', locale), unknown: valueWord('framework', 'unknown', locale)
        },
        kinds: {
            measure: concept('measure'), intervention: concept('intervention'), agreement: concept('agreement'), phase: concept('phase'),
            regie: concept('regie'), handover: concept('handover'), gap: say(timelineTexts.regieGap), overlap: say(timelineTexts.regieOverlap),
            uncovered: say(timelineTexts.uncovered), aftercare: concept('aftercare'), checkpoint: concept('checkpoint'),
            meeting: concept('meeting'), evaluation: concept('evaluation'), incident: concept('incident'), action: say(timelineTexts.action)
        },
        relations: { on: relationWord('on', locale), for: relationWord('for', locale), protects: relationWord('protects', locale) },
        phases,
        columns: Object.fromEntries(Object.entries(timelineTexts.columns).map(([key, entry]) => [key, say(entry)])) as TimelineWords['columns'],
        noAction: say(timelineTexts.noAction),
        outside: say(timelineTexts.outside),
        wholePlan: say(timelineTexts.wholePlan),
        defaultEnd: say(timelineTexts.defaultEnd),
        extension: say(timelineTexts.extension),
        noDates: say(timelineTexts.noDates),
        noAxis: say(timelineTexts.noAxis),
        legend: say(timelineTexts.legend),
        months: text(timelineTexts.monthAbbreviations, {}, locale).split(' '),
        title: plan => text(timelineTexts.title, plan, locale),
        tableCaption: plan => text(timelineTexts.tableCaption, plan, locale),
        span: (start, end) => text(timelineTexts.span, { start, end }, locale),
        handover: (from, to) => text(timelineTexts.handover, { from, to }, locale),
        by: organisation => text(timelineTexts.by, { organisation }, locale),
        diagnostic: diagnostic => text(timelineTexts.diagnostic, { diagnostic }, locale),
        actionNote: (owner, due) => text(timelineTexts.actionNote, { owner, due }, locale),
        endedText: (ended, plannedEnd) => ended.ignored || ended.date === undefined
            ? text(timelineTexts.endedIgnoredNote, { reason: ended.reason && endedReasons[ended.reason], date: ended.date, why: ended.ignored ?? 'invalid' }, locale)
            : text(timelineTexts.endedNote, { reason: ended.reason && endedReasons[ended.reason], date: ended.date, plannedEnd }, locale),
        endedTag: ended => {
            const reason = ended.reason ? endedReasons[ended.reason] : say(timelineTexts.ended);
            return ended.ignored ? text(timelineTexts.endedIgnoredTag, { reason, why: ended.ignored }, locale) : reason;
        },
        requires: types => text(timelineTexts.requires, { types: orList(types, locale) }, locale),
        outsideAxis: count => text(timelineTexts.outsideAxis, { count }, locale),
        duration: duration => durationText(duration, locale),
        memberKind: kind => valueWord('memberKind', kind, locale),
        role: role => valueWord('role', role, locale)
    };
}

function capitalise(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}

const rendered = new Map<Locale, TimelineWords>();

/** The timeline's words in `locale` (English by default), rendered once. */
export function timelineWords(locale: Locale = 'en'): TimelineWords {
    let words = rendered.get(locale);
    if (!words) rendered.set(locale, words = render(locale));
    return words;
}
