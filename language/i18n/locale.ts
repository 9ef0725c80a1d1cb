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

export type MessageCatalogue = Record<string, Message<any>>;

/** A list in running text: `a, b and c` / `a, b en c`. */
export function joinList(items: readonly string[], locale: Locale): string {
    if (items.length <= 1) return items.join('');
    const and = locale === 'nl' ? 'en' : 'and';
    return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Quotes a value word or name in a message. */
export function q(text: string): string {
    return `'${text}'`;
}
