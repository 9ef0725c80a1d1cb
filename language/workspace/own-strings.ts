/**
 * Strings that do not keep a file's text alive. V8 makes a substring of 13 characters or more a
 * "sliced string": a view into its parent, which it keeps. The names in a syntax tree are such
 * views into the file's text, so a name kept after the tree is released (a parked plan's records,
 * parked-plans.ts; the builder's reverse index) would keep the whole text.
 */

/** `text` as a string of its own, holding no other string. */
export function ownString(text: string): string {
    // A string made anew by the JSON parser is flat and refers to nothing.
    return text.length < 13 ? text : JSON.parse(JSON.stringify(text)) as string;
}

/** A deep copy of plain data (diagnostics) whose strings are all of their own. */
export function ownData<T>(data: T): T {
    return JSON.parse(JSON.stringify(data)) as T;
}
