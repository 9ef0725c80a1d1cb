/**
 * Small text helpers shared by the editor features (hover, inlay hints, code lens, completion):
 * the document's locale, and dates and durations as people read them. Periods are half-open in
 * the language; editors show the LAST COVERED DAY (`until 2026-01-21` / `t/m 2026-01-21`), which
 * is what a reader of a plan expects (docs/editor.md).
 */

import type { LangiumDocument } from 'langium';
import type { Locale } from '../i18n/locale.js';
import { formatDay, type Day, type DurationValue } from '../model/dates.js';
import type { Interval } from '../model/plan-model.js';
import type { VplanServices } from '../vplan-module.js';

export function documentLocale(services: VplanServices, document: LangiumDocument): Locale {
    try {
        return services.config.SettingsProvider.settingsFor(document.uri).locale;
    } catch {
        return 'en';
    }
}

/** `en` and `nl` text side by side; picks one. */
export function t(locale: Locale, en: string, nl: string): string {
    return locale === 'nl' ? nl : en;
}

const UNIT_WORDS: Record<Locale, Record<DurationValue['unit'], [string, string]>> = {
    en: { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'], year: ['year', 'years'] },
    nl: { day: ['dag', 'dagen'], week: ['week', 'weken'], month: ['maand', 'maanden'], year: ['jaar', 'jaar'] }
};

export function durationText(duration: DurationValue | undefined, locale: Locale): string {
    if (!duration) return '—';
    const [one, many] = UNIT_WORDS[locale][duration.unit];
    return `${duration.amount} ${duration.amount === 1 ? one : many}`;
}

/** The last covered day of a half-open period ending (exclusively) on `end`. */
export function lastDay(end: Day): string {
    return formatDay(end - 1);
}

/** `until 2026-01-21` / `t/m 2026-01-21`: the end of a period as its last covered day. */
export function untilText(end: Day, locale: Locale): string {
    return `${t(locale, 'until', 't/m')} ${lastDay(end)}`;
}

/** `2026-01-12 until 2026-02-08` / `2026-01-12 t/m 2026-02-08`. */
export function intervalText(interval: Interval, locale: Locale): string {
    return `${formatDay(interval.start)} ${untilText(interval.end, locale)}`;
}

/** Escapes text for Markdown in hovers and completion documentation. */
export function md(text: string): string {
    return text.replace(/([\\`*_{}[\]<>()#+\-!|])/g, '\\$1');
}
