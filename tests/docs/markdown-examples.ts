/**
 * Reads the examples of a Markdown page (docs/language.md) for tests: fenced code blocks with
 * their info string and the annotations written as HTML comments right above them, and the
 * fragments of a plan put back into the page's complete example plan.
 *
 * Annotations (one or more `<!-- ... -->` lines directly above the opening fence, no blank line
 * between; several may share one comment, separated by `;`):
 *
 * - `base`: the complete example plan into which fragments are read (exactly one per page);
 * - `shared`: a file that is part of the workspace of every other example (the region's
 *   organisations and measure types);
 * - `fragment: household` | `fragment: network`: lines added inside the base plan's
 *   `household { }` or `network { }`;
 * - `fragment: plan`: items of a plan, read inside the base plan. A fragment's `status`,
 *   `period`, `household`, `network`, `phase`, `regie` or `aftercare` items replace the base
 *   plan's items of that keyword (where the first of them stood); every other item is added
 *   at the end of the plan;
 * - `expect: VP011, VP013`: the sorted codes of every diagnostic of the example, duplicates
 *   included (`expect: VP000` marks a deliberate syntax error). Without it an example must
 *   give no diagnostic at all;
 * - `v2`: uses the syntax of version 2 of the language; `v2: checks`: also relies on what the
 *   checks of version 2 report (new rules, and the changed VP050, VP061, VP062, VP070);
 * - `layout: free`: not in the canonical layout on purpose.
 */

export type FragmentKind = 'plan' | 'household' | 'network';

export interface Annotations {
    base: boolean;
    shared: boolean;
    fragment?: FragmentKind;
    /** Sorted codes the example must give, duplicates included; [] = no diagnostic at all. */
    expect: string[];
    v2?: 'syntax' | 'checks';
    layoutFree: boolean;
}

export interface DocBlock {
    /** The info string of the fence (`vplan`, `json`, `text`, ...). */
    info: string;
    /** The block's text, ending with a newline. */
    text: string;
    /** 1-based line of the opening fence. */
    line: number;
    annotations: Annotations;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/;
const ANNOTATION_LINE = /^\s*<!--(.*?)-->\s*$/;
const CODE_LIST = /^VP\d{3}(\s*,\s*VP\d{3})*$/;

/** Every fenced code block of a Markdown text, with its annotations. Throws on a malformed page. */
export function extractBlocks(markdown: string): DocBlock[] {
    const lines = markdown.split(/\r?\n/);
    const blocks: DocBlock[] = [];
    for (let i = 0; i < lines.length; i++) {
        const open = FENCE_OPEN.exec(lines[i]);
        if (!open) continue;
        const [, indent, fence, info] = open;
        const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
        let end = i + 1;
        while (end < lines.length && !close.test(lines[end])) end++;
        if (end >= lines.length) throw new Error(`line ${i + 1}: the code block is never closed`);
        const body = lines.slice(i + 1, end).map(line => line.startsWith(indent) ? line.slice(indent.length) : line.trimStart());
        blocks.push({ info, text: body.join('\n') + '\n', line: i + 1, annotations: annotationsAbove(lines, i) });
        i = end;
    }
    return blocks;
}

function annotationsAbove(lines: string[], fenceIndex: number): Annotations {
    const annotations: Annotations = { base: false, shared: false, expect: [], layoutFree: false };
    for (let i = fenceIndex - 1; i >= 0; i--) {
        const comment = ANNOTATION_LINE.exec(lines[i]);
        if (!comment) break;
        for (const part of comment[1].split(';').map(p => p.trim()).filter(p => p !== '')) {
            applyAnnotation(annotations, part, i + 1);
        }
    }
    return annotations;
}

function applyAnnotation(annotations: Annotations, part: string, line: number): void {
    const [key, ...rest] = part.split(':');
    const value = rest.join(':').trim();
    const fail = (): never => { throw new Error(`line ${line}: unknown annotation '${part}'`); };
    switch (key.trim()) {
        case 'base': if (value) fail(); annotations.base = true; break;
        case 'shared': if (value) fail(); annotations.shared = true; break;
        case 'fragment':
            if (value !== 'plan' && value !== 'household' && value !== 'network') fail();
            annotations.fragment = value as FragmentKind;
            break;
        case 'expect':
            if (!CODE_LIST.test(value)) fail();
            annotations.expect = value.split(',').map(code => code.trim()).sort();
            break;
        case 'v2':
            if (value !== '' && value !== 'checks') fail();
            annotations.v2 = value === 'checks' ? 'checks' : 'syntax';
            break;
        case 'layout': if (value !== 'free') fail(); annotations.layoutFree = true; break;
        default: fail();
    }
}

/** Keywords of plan items that a `fragment: plan` replaces instead of adding to. */
const REPLACED_KEYWORDS = new Set(['status', 'period', 'household', 'network', 'phase', 'regie', 'aftercare']);

interface Chunk {
    /** The item's first word; '' for blank lines and comments between items. */
    keyword: string;
    lines: string[];
}

/** Brace depth change of one line, ignoring braces inside strings and comments. */
function braceDelta(line: string): number {
    const code = line.replace(/"(\\.|[^"\\])*"/g, '""').replace(/\/\*.*?\*\//g, '').replace(/\/\/.*$/, '');
    let delta = 0;
    for (const ch of code) {
        if (ch === '{') delta++;
        else if (ch === '}') delta--;
    }
    return delta;
}

/** Splits lines at brace depth 0 into items (an item runs until its braces close). */
function chunks(lines: string[]): Chunk[] {
    const result: Chunk[] = [];
    let depth = 0;
    for (const line of lines) {
        const trimmed = line.trim();
        if (depth === 0) {
            const isItem = trimmed !== '' && !trimmed.startsWith('//') && !trimmed.startsWith('/*');
            result.push({ keyword: isItem ? trimmed.split(/\s+/)[0] : '', lines: [line] });
        } else {
            result[result.length - 1].lines.push(line);
        }
        depth += braceDelta(line);
        if (depth < 0) throw new Error(`unbalanced '}' in: ${line}`);
    }
    if (depth !== 0) throw new Error('unbalanced braces');
    return result;
}

const indent = (lines: string[], by: string) => lines.map(line => line.trim() === '' ? '' : by + line);

/** The base plan with a fragment read into it, as one file's text. */
export function readIntoBase(base: string, fragment: string, kind: FragmentKind): string {
    const lines = base.replace(/\n$/, '').split('\n');
    const fragmentLines = fragment.replace(/\n$/, '').split('\n');
    if (kind === 'household' || kind === 'network') {
        const start = lines.findIndex(line => new RegExp(`^\\s*${kind} \\{\\s*$`).test(line));
        if (start < 0) throw new Error(`the base plan has no '${kind} {' line`);
        const blockIndent = /^\s*/.exec(lines[start])![0];
        const end = lines.findIndex((line, i) => i > start && line === `${blockIndent}}`);
        lines.splice(end, 0, ...indent(fragmentLines, blockIndent + '    '));
        return lines.join('\n') + '\n';
    }
    const open = lines.findIndex(line => /^plan\s.*\{\s*$/.test(line));
    const close = lines.lastIndexOf('}');
    if (open < 0 || close <= open) throw new Error('the base must hold one plan whose braces open and close at column 0');
    const body = chunks(lines.slice(open + 1, close));
    const itemIndent = /^\s*/.exec(body.find(c => c.keyword !== '')!.lines[0])![0];
    const added = chunks(fragmentLines);
    const replacing = new Map<string, Chunk[]>();
    const appended: Chunk[] = [];
    for (const chunk of added) {
        const shifted = { keyword: chunk.keyword, lines: indent(chunk.lines, itemIndent) };
        if (REPLACED_KEYWORDS.has(chunk.keyword)) {
            replacing.set(chunk.keyword, [...(replacing.get(chunk.keyword) ?? []), shifted]);
        } else {
            appended.push(shifted);
        }
    }
    const merged: string[] = [];
    const placed = new Set<string>();
    for (const chunk of body) {
        const replacement = replacing.get(chunk.keyword);
        if (!replacement) { merged.push(...chunk.lines); continue; }
        if (!placed.has(chunk.keyword)) merged.push(...replacement.flatMap(c => c.lines));
        placed.add(chunk.keyword);
    }
    for (const [keyword, replacement] of replacing) {
        if (!placed.has(keyword)) appended.unshift(...replacement);
    }
    if (appended.length > 0) merged.push('', ...appended.flatMap(c => c.lines));
    const text = [...lines.slice(0, open + 1), ...merged, ...lines.slice(close)].join('\n') + '\n';
    // Removing items can leave blank lines in a row; the canonical layout keeps at most one.
    return text.replace(/\n{3,}/g, '\n\n').replace(/\{\n\n/g, '{\n').replace(/\n\n(\s*\})/g, '\n$1');
}
