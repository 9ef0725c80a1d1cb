/**
 * The one size limit of a plan file, for the language server (large-file-guard.ts) and the CLI
 * (cli/files.ts) alike, so that both refuse the same files. Without dependencies, so that the
 * CLI's file reading imports nothing else of the language.
 */

/** Plans larger than this are refused: real plans are far smaller, and the limit keeps tools responsive. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/** The UTF-8 size of `text` if it is larger than `limit`, else undefined (cheap for normal files). */
export function utf8SizeOver(text: string, limit: number): number | undefined {
    // A UTF-16 code unit encodes to at most 3 UTF-8 bytes, and to at least 1.
    if (text.length * 3 <= limit) return undefined;
    if (text.length > limit) return utf8Size(text);
    const size = utf8Size(text);
    return size > limit ? size : undefined;
}

function utf8Size(text: string): number {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code < 0x80) bytes += 1;
        else if (code < 0x800) bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) { bytes += 4; i++; } else bytes += 3;
        } else bytes += 3;
    }
    return bytes;
}

