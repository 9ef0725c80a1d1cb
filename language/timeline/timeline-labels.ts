/** The timeline's own words (legend, lane names, table headers) in English and Dutch. */

import type { Locale } from '../i18n/locale.js';
import type { TimelineMode } from './timeline-model.js';

export interface TimelineLabels {
    timeline: string;
    regie: string;
    aftercare: string;
    markers: string;
    today: string;
    modes: Record<TimelineMode, string>;
    kinds: Record<'measure' | 'intervention' | 'agreement' | 'phase' | 'regie' | 'handover' | 'gap' | 'overlap' | 'uncovered' | 'aftercare' | 'checkpoint' | 'meeting' | 'evaluation', string>;
    relations: Record<'on' | 'for' | 'protects', string>;
    phases: Record<string, string>;
    columns: { lane: string; kind: string; mode: string; title: string; name: string; from: string; to: string; notes: string };
    tableCaption: string;
    noAction: string;
    outside: string;
    wholePlan: string;
    defaultEnd: string;
    extension: string;
    noDates: string;
    noAxis: string;
    legend: string;
    from: string;
    to: string;
    handoverText: (from: string, to: string) => string;
    months: string[];
}

const en: TimelineLabels = {
    timeline: 'Timeline',
    regie: 'Regie',
    aftercare: 'Aftercare',
    markers: 'Meetings',
    today: 'today',
    modes: { dwang: 'dwang', drang: 'drang', voluntary: 'voluntary', unknown: 'unknown' },
    kinds: {
        measure: 'measure', intervention: 'intervention', agreement: 'agreement', phase: 'phase', regie: 'regie',
        handover: 'handover', gap: 'regie gap', overlap: 'regie overlap', uncovered: 'not covered', aftercare: 'aftercare',
        checkpoint: 'checkpoint', meeting: 'meeting', evaluation: 'evaluation'
    },
    relations: { on: 'on', for: 'for', protects: 'protects' },
    phases: { safety: 'safety', stability: 'stability', recovery: 'recovery' },
    columns: { lane: 'Lane', kind: 'What', mode: 'Mode', title: 'Title', name: 'Name', from: 'From', to: 'To (not included)', notes: 'Notes' },
    tableCaption: 'Timeline as a table',
    noAction: 'no action',
    outside: 'outside the home',
    wholePlan: 'whole plan',
    defaultEnd: 'default end',
    extension: 'extension',
    noDates: 'no valid dates',
    noAxis: 'The plan has no valid period and no dated item.',
    legend: 'Legend',
    from: 'from',
    to: 'to',
    handoverText: (from, to) => `handover ${from} → ${to}`,
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
};

const nl: TimelineLabels = {
    timeline: 'Tijdlijn',
    regie: 'Regie',
    aftercare: 'Nazorg',
    markers: 'Overleggen',
    today: 'vandaag',
    modes: { dwang: 'dwang', drang: 'drang', voluntary: 'vrijwillig', unknown: 'onbekend' },
    kinds: {
        measure: 'maatregel', intervention: 'interventie', agreement: 'afspraak', phase: 'fase', regie: 'regie',
        handover: 'overdracht', gap: 'regiegat', overlap: 'dubbele regie', uncovered: 'niet gedekt', aftercare: 'nazorg',
        checkpoint: 'controlemoment', meeting: 'overleg', evaluation: 'evaluatie'
    },
    relations: { on: 'opgelegd aan', for: 'voor', protects: 'beschermt' },
    phases: { safety: 'veiligheid', stability: 'stabiliteit', recovery: 'herstel' },
    columns: { lane: 'Baan', kind: 'Wat', mode: 'Kader', title: 'Titel', name: 'Naam', from: 'Van', to: 'Tot (niet inbegrepen)', notes: 'Opmerkingen' },
    tableCaption: 'Tijdlijn als tabel',
    noAction: 'geen actie',
    outside: 'woont elders',
    wholePlan: 'hele plan',
    defaultEnd: 'standaardeinde',
    extension: 'verlenging',
    noDates: 'geen geldige data',
    noAxis: 'Het plan heeft geen geldige periode en geen gedateerd onderdeel.',
    legend: 'Legenda',
    from: 'van',
    to: 'tot',
    handoverText: (from, to) => `overdracht ${from} → ${to}`,
    months: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']
};

export function timelineLabels(locale: Locale = 'en'): TimelineLabels {
    return locale === 'nl' ? nl : en;
}
