/**
 * The canonical layout of spec section 5, computed from a token stream. Langium's
 * AbstractFormatter loses blank lines next to comments and cannot say "keep this comment at the
 * end of its line", so vplan re-emits the text token by token instead: every significant token and
 * every comment stays, in order, and only the white space between them is decided here. Because no
 * token is ever added, dropped or reordered, formatting cannot change a plan's meaning.
 */

export type LayoutTokenKind = 'token' | 'open' | 'close' | 'comma' | 'lineComment' | 'blockComment';

export interface LayoutToken {
    offset: number;
    end: number;
    text: string;
    kind: LayoutTokenKind;
    /** The first token of an item: a block entry or a top-level declaration. */
    itemStart: boolean;
}

/** Replace `text[offset, end)` by `newText`. */
export interface LayoutEdit {
    offset: number;
    end: number;
    newText: string;
}

export interface Layout {
    /** The canonical text. */
    formatted: string;
    /** Minimal edits (white space between tokens, comment text) that turn the text into `formatted`. */
    edits: LayoutEdit[];
}

const INDENT = '    ';
const LINE_BREAK = /\r\n|\r|\n/g;

/** The line break the author uses: the file's first one, CRLF, CR or (by default) LF. */
export function lineEndingOf(text: string): '\n' | '\r\n' | '\r' {
    const match = /\r\n|\r|\n/.exec(text);
    return (match?.[0] ?? '\n') as '\n' | '\r\n' | '\r';
}

function countLineBreaks(text: string): number {
    return text.match(LINE_BREAK)?.length ?? 0;
}

function isComment(token: LayoutToken): boolean {
    return token.kind === 'lineComment' || token.kind === 'blockComment';
}

/** A comment's text without trailing white space on any of its lines, in the file's line ending. */
function canonicalImage(token: LayoutToken, eol: string): string {
    if (token.kind === 'lineComment') return token.text.trimEnd();
    if (token.kind === 'blockComment') return token.text.split(LINE_BREAK).map(line => line.trimEnd()).join(eol);
    return token.text;
}

type Separator = 'none' | 'space' | 'newline';

function separatorBetween(previous: LayoutToken, current: LayoutToken, lineBreaks: number): Separator {
    // A line comment runs to the end of its line.
    if (previous.kind === 'lineComment') return 'newline';
    // A comment stays on its own line, or at the end of (or inside) the line it was on.
    if (isComment(current)) return lineBreaks > 0 ? 'newline' : 'space';
    if (previous.kind === 'open' || current.kind === 'close' || previous.kind === 'close') return 'newline';
    // A block comment the author ended a line with keeps its line break.
    if (previous.kind === 'blockComment' && lineBreaks > 0) return 'newline';
    if (current.itemStart) return 'newline';
    if (current.kind === 'comma') return 'none';
    return 'space';
}

/**
 * Lays out `tokens` (all significant tokens and comments of `text`, in order; the text between them
 * must be white space only). Returns the canonical text and the edits that produce it.
 */
export function layoutTokens(text: string, tokens: readonly LayoutToken[]): Layout {
    const eol = lineEndingOf(text);
    const edits: LayoutEdit[] = [];
    const pieces: string[] = [];
    const emit = (offset: number, end: number, newText: string) => {
        pieces.push(newText);
        if (text.slice(offset, end) !== newText) edits.push({ offset, end, newText });
    };
    if (tokens.length === 0) {
        emit(0, text.length, '');
        return { formatted: '', edits };
    }
    let depth = 0;
    // Whether the output line being written ends in `{` (perhaps followed by a comment): no blank line may follow it.
    let openBraceLine = false;
    for (let i = 0; i < tokens.length; i++) {
        const current = tokens[i];
        const gapStart = i === 0 ? 0 : tokens[i - 1].end;
        if (current.kind === 'close') depth = Math.max(0, depth - 1);
        let separator: Separator = 'newline';
        let whitespace = '';
        if (i > 0) {
            const lineBreaks = countLineBreaks(text.slice(gapStart, current.offset));
            separator = separatorBetween(tokens[i - 1], current, lineBreaks);
            if (separator === 'newline') {
                const blankLine = lineBreaks >= 2 && !openBraceLine && current.kind !== 'close';
                whitespace = eol + (blankLine ? eol : '') + INDENT.repeat(depth);
            } else if (separator === 'space') {
                whitespace = ' ';
            }
        }
        emit(gapStart, current.offset, whitespace);
        emit(current.offset, current.end, canonicalImage(current, eol));
        if (separator === 'newline') openBraceLine = current.kind === 'open';
        else if (current.kind === 'open') openBraceLine = true;
        else if (!isComment(current)) openBraceLine = false;
        if (current.kind === 'open') depth++;
    }
    emit(tokens[tokens.length - 1].end, text.length, eol);
    return { formatted: pieces.join(''), edits };
}
