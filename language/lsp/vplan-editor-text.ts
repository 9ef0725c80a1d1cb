/**
 * Small helpers shared by the editor features (hover, inlay hints, code lens, completion): the
 * document's locale, and dates and durations as people read them. Periods are half-open in the
 * language; editors show the LAST COVERED DAY (`until 2026-01-21` / `t/m 2026-01-21`), which is
 * what a reader of a plan expects (docs/editor.md). The words themselves are in editor-texts.ts.
 */

import type { LangiumDocument } from 'langium';
import { text, type Locale } from '../i18n/locale.js';
import { durationText } from '../i18n/phrases.js';
import { formatDay, type Day, type DurationValue } from '../model/dates.js';
import type { Interval } from '../model/plan-model.js';
import type { VplanServices } from '../vplan-module.js';
import { editorTexts } from './editor-texts.js';

export function documentLocale(services: VplanServices, document: LangiumDocument): Locale {
    try {
        return services.config.SettingsProvider.settingsFor(document.uri).locale;
    } catch {
        return 'en';
    }
}

/** A duration in the locale's words, `—` when there is none. */
export function durationOrDash(duration: DurationValue | undefined, locale: Locale): string {
    return duration ? durationText(duration, locale) : '—';
}

/** The last covered day of a half-open period ending (exclusively) on `end`. */
export function lastDay(end: Day): string {
    return formatDay(end - 1);
}

/** `until 2026-01-21` / `t/m 2026-01-21`: the end of a period as its last covered day. */
export function untilText(end: Day, locale: Locale): string {
    return text(editorTexts.until, { day: lastDay(end) }, locale);
}

/** `2026-01-12 until 2026-02-08` / `2026-01-12 t/m 2026-02-08`. */
export function intervalText(interval: Interval, locale: Locale): string {
    return `${formatDay(interval.start)} ${untilText(interval.end, locale)}`;
}

/** Escapes text for Markdown in hovers and completion documentation. */
export function md(text: string): string {
    return text.replace(/([\\`*_{}[\]<>()#+\-!|])/g, '\\$1');
}
