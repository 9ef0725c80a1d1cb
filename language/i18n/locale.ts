/**
 * The two message languages. Diagnostics are rendered per document (a project's
 * vplan.config.json may pin the locale), so vplan keeps its own small typed catalogue instead of
 * a process-wide l10n bundle.
 */

export type Locale = 'en' | 'nl';

export const LOCALES: readonly Locale[] = ['en', 'nl'];

export function isLocale(value: unknown): value is Locale {
    return value === 'en' || value === 'nl';
}

/** Maps an environment or editor locale (`nl_NL.UTF-8`, `nl-BE`, `en-US`) to a message language. */
export function localeFromTag(tag: string | undefined): Locale | undefined {
    if (!tag) return undefined;
    const lower = tag.toLowerCase();
    if (lower === 'c' || lower === 'posix') return 'en';
    return lower.startsWith('nl') ? 'nl' : 'en';
}

/** The CLI's default: LC_ALL, then LC_MESSAGES, then LANG (Dutch for `nl*`, else English). */
export function localeFromEnvironment(env: Record<string, string | undefined>): Locale {
    for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
        const value = env[name];
        if (value) return localeFromTag(value) ?? 'en';
    }
    return 'en';
}

/** A message in both languages; the arguments are whatever the message needs. */
export interface Message<A = Record<string, unknown>> {
    en: (args: A) => string;
    nl: (args: A) => string;
}

/** The arguments of a message that needs none: render it with `text(message, {}, locale)`. */
export type NoArgs = Record<string, never>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each message takes its own argument type
export type MessageCatalogue = Record<string, Message<any>>;

/**
 * The one way vplan renders a text for people: a catalogue entry, its arguments and the locale.
 * Every catalogue (the rule units, language/lsp/editor-texts.ts, language/timeline/timeline-texts.ts,
 * cli/cli-texts.ts, client/client-texts.ts, ...) holds `Message`s; shared words come from phrases.ts.
 */
export function text<A>(message: Message<A>, args: A, locale: Locale): string {
    return message[locale](args);
}

/** Declares a catalogue entry with arguments: `message<{ name: string }>({ en: a => ..., nl: a => ... })`. */
export function message<A = NoArgs>(texts: Message<A>): Message<A> {
    return texts;
}

/** Declares a catalogue entry without arguments from its two fixed texts. */
export function words(texts: { en: string; nl: string }): Message<NoArgs> {
    return { en: () => texts.en, nl: () => texts.nl };
}

/** Quotes a value word or name in a message. */
export function q(text: string): string {
    return `'${text}'`;
}
