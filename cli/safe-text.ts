/**
 * File names as the CLI prints them. A file name may hold any character but `/` and NUL: a
 * newline would start a new output line (that GitHub Actions reads as a workflow command, and a
 * log reader as a diagnostic of its own), an escape sequence would drive the reader's terminal,
 * and a bidirectional control would make the name read differently than it is. Every format
 * prints such characters escaped, visibly and unambiguously, the way JSON writes them.
 */

/** C0 controls, DEL, C1 controls, the line and paragraph separators and the bidirectional controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `a\nb.vplan` → `a\\nb.vplan`; `\u202e` → `\\u202e`. A backslash before such an escape is kept as it is (names with one are rare, and the escape stays readable). */
export function escapeControlCharacters(text: string): string {
    return text.replace(UNSAFE, character => SHORT[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether the text holds a character that `escapeControlCharacters` changes. */
export function hasControlCharacters(text: string): boolean {
    UNSAFE.lastIndex = 0;
    const found = UNSAFE.test(text);
    UNSAFE.lastIndex = 0;
    return found;
}

/** The characters JSON.stringify leaves raw that a terminal or log viewer would act on (C0 it escapes itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Serialised JSON with every control character escaped as `\uXXXX`: the same data for a JSON
 * reader, and nothing a terminal or log viewer acts on for a person reading it.
 */
export function escapeJsonControlCharacters(json: string): string {
    return json.replace(UNSAFE_IN_JSON, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A text of several lines for people (a diff, a review) with every control character escaped
 * but its own line ends: plan text in it (a title with a right-to-left override, a name with an
 * escape sequence) never acts on the reader's terminal or reads differently than it is.
 */
export function escapeTextLines(text: string): string {
    return text.split('\n').map(escapeControlCharacters).join('\n');
}
