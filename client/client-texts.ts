/**
 * The VS Code extension's own texts (notifications, panel titles) as a catalogue of `Message`s,
 * rendered with `text()` like every other text of vplan (docs/decisions.md: one localisation
 * mechanism; VS Code's l10n bundle is not used). The manifest's strings stay in package.nls*.json,
 * the only way VS Code localises a manifest. No `vscode` import here, so the tests read it directly.
 */

import { isLocale, localeFromTag, message, words, type Locale } from '../language/i18n/locale.js';

export const clientTexts = {
    restartFailed: message<{ error: string }>({
        en: a => `The vplan language server could not be restarted: ${a.error}`,
        nl: a => `De vplan-taalserver kon niet opnieuw worden gestart: ${a.error}`
    }),
    openPlanFirst: words({ en: 'Open a .vplan file to see its timeline.', nl: 'Open een .vplan-bestand om de tijdlijn te zien.' }),
    timeline: words({ en: 'Timeline', nl: 'Tijdlijn' }),
    timelineOfPlan: message<{ plan: string }>({ en: a => `Timeline: ${a.plan}`, nl: a => `Tijdlijn: ${a.plan}` }),
    webviewTitle: words({ en: 'vplan timeline', nl: 'vplan-tijdlijn' })
};

/**
 * The extension's language: the `vplan.locale` setting when it names one, else VS Code's display
 * language (`vscode.env.language`), as the server does for a document without a config file.
 */
export function clientLocale(setting: unknown, displayLanguage: string | undefined): Locale {
    return isLocale(setting) ? setting : localeFromTag(displayLanguage) ?? 'en';
}
