/**
 * The one escape function for everything the timeline writes as markup. Plan text (titles,
 * names, notes, messages) is data and never markup: every character that could open a tag, an
 * attribute or an entity becomes an entity, in text and in attribute values alike. `=` and `:`
 * are encoded too (browsers show them unchanged), so that escaped plan text never even looks like
 * an attribute (`onload=`) or a URL (`https://`, `javascript:`) to a scanner or a reviewer.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '=': '&#61;', ':': '&#58;' };

/** Control characters other than tab and newline are not allowed in XML 1.0: drop them. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeMarkup(value: string | number | undefined): string {
    if (value === undefined) return '';
    return String(value).replace(INVALID_XML, '').replace(/[&<>"'=:]/g, ch => ENTITIES[ch]);
}
