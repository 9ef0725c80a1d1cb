/**
 * The text, Markdown and JSON forms of `vplan review` (the HTML page is review-html.ts). Every
 * text for people comes from review-texts.ts and language/diff/diff-texts.ts; the change lines are
 * those of `vplan diff` (`+` added, whole and as written; `-` removed; `~` changed or renamed).
 */

import { text, type Locale } from '../language/i18n/locale.js';
import { severityCount, severityWord } from '../language/i18n/phrases.js';
import { diffTexts } from '../language/diff/diff-texts.js';
import { changesLines } from '../language/diff/plan-diff-text.js';
import type { CatalogueChange, Review, ReviewDiagnostic, ReviewFile } from './review.js';
import { reviewTexts } from './review-texts.js';
import { escapeControlCharacters, escapeJsonControlCharacters } from './safe-text.js';

// ---------------------------------------------------------------------------------------------
// Change lines (as `vplan diff` writes them; nested lines of a whole item under their sign, for Markdown's `diff` blocks)

export function changeLines(file: Pick<ReviewFile, 'changes' | 'handovers'>, locale: Locale): string[] {
    return changesLines(file, locale, 'sign');
}

/** What a file without changes in meaning says instead (a rename, only comments, a new settings file). */
export function fileRemark(file: ReviewFile, locale: Locale): string | undefined {
    if (file.changes.length > 0 || file.handovers.length > 0) return undefined;
    if (file.type === 'config') {
        return file.status === 'added' ? text(reviewTexts.fileAdded, {}, locale)
            : file.status === 'deleted' ? text(reviewTexts.fileDeleted, {}, locale)
                : file.status === 'modified' ? text(reviewTexts.configChanged, {}, locale) : undefined;
    }
    if (file.status === 'renamed' && (file.sameMeaning === 'identical' || file.sameMeaning === null)) return text(reviewTexts.noChangesOfItsOwn, {}, locale);
    if (file.sameMeaning !== null) return text(diffTexts.sameMeaning, { difference: file.sameMeaning }, locale);
    return undefined;
}

/** `plans/a.vplan (modified)`, `plans/b.vplan (renamed from plans/a.vplan)`. */
export function fileTitle(file: ReviewFile, locale: Locale): string {
    const status = file.status === 'renamed' && file.oldPath !== null
        ? text(reviewTexts.renamedFrom, { old: file.oldPath }, locale)
        : text(reviewTexts.status, { status: file.status }, locale);
    return `${file.path} (${status})`;
}

export function revisionsLine(review: Review, locale: Locale): string {
    const short = (commit: string) => commit.slice(0, 7);
    const base = review.base.revision === review.base.commit ? short(review.base.commit) : `${review.base.revision} (${short(review.base.commit)})`;
    const head = review.head.commit === null ? text(reviewTexts.workingTree, {}, locale)
        : review.head.revision === review.head.commit ? short(review.head.commit) : `${review.head.revision} (${short(review.head.commit)})`;
    return text(reviewTexts.revisions, { base, head }, locale);
}

export function countLine(review: Review, locale: Locale): string {
    const { files, ...counts } = review.summary;
    return text(reviewTexts.filesPart, { files }, locale) + text(diffTexts.counts, counts, locale);
}

export function catalogueLine(change: CatalogueChange, locale: Locale): string {
    const noun = text(diffTexts.kind, { kind: change.kind }, locale);
    const sign = change.change === 'added' ? '+' : change.change === 'removed' ? '-' : '~';
    const subject = change.change === 'renamed'
        ? text(diffTexts.renamed, { noun, name: change.name, newName: change.newName ?? '' }, locale)
        : `${noun} ${change.name}`;
    const plans = change.plans.map(p => text(reviewTexts.planIn, p, locale));
    return `${sign} ${subject} (${change.file}): ${text(reviewTexts.namedBy, { plans }, locale)}`;
}

function diagnosticLine(sign: '+' | '-', d: ReviewDiagnostic, locale: Locale): string {
    return `  ${sign} ${d.line}:${d.column} ${d.code} ${severityWord(d.severity, locale)}: ${d.message}`;
}

// ---------------------------------------------------------------------------------------------
// Text

/**
 * The review with every file name escaped (safe-text.ts): a name with a newline or an escape
 * sequence must not start a line of its own or drive a terminal, nor a direction control reorder a page.
 */
export function withSafePaths(review: Review): Review {
    const safe = (path: string) => escapeControlCharacters(path);
    const maybe = (path: string | null) => (path === null ? null : safe(path));
    return {
        ...review,
        workspaces: review.workspaces.map(safe),
        files: review.files.map(file => ({ ...file, path: safe(file.path), oldPath: maybe(file.oldPath), newPath: maybe(file.newPath) })),
        catalogue: review.catalogue.map(change => ({ ...change, file: safe(change.file), plans: change.plans.map(plan => ({ ...plan, file: safe(plan.file) })) })),
        notes: review.notes.map(note => ({ ...note, file: safe(note.file) }))
    };
}

export function renderReviewText(unsafe: Review, locale: Locale): string {
    const review = withSafePaths(unsafe);
    const lines: string[] = [revisionsLine(review, locale)];
    lines.push(review.workspaces.length > 0 ? text(reviewTexts.workspaces, { roots: review.workspaces }, locale) : text(reviewTexts.noWorkspaces, {}, locale));
    for (const file of review.files) {
        lines.push('', fileTitle(file, locale));
        const changes = changeLines(file, locale);
        lines.push(...changes.map(line => `  ${line}`));
        const remark = fileRemark(file, locale);
        if (remark) lines.push(`  ${remark}`);
        if (file.diagnostics.introduced.length > 0) {
            lines.push(`  ${text(diffTexts.introduced, {}, locale)}`, ...file.diagnostics.introduced.map(d => `  ${diagnosticLine('+', d, locale)}`));
        }
        if (file.diagnostics.resolved.length > 0) {
            lines.push(`  ${text(diffTexts.resolved, {}, locale)}`, ...file.diagnostics.resolved.map(d => `  ${diagnosticLine('-', d, locale)}`));
        }
    }
    if (review.catalogue.length > 0) {
        lines.push('', `${text(reviewTexts.catalogue, {}, locale)}:`, ...review.catalogue.map(change => `  ${catalogueLine(change, locale)}`));
    }
    if (review.notes.length > 0) {
        lines.push('', `${text(reviewTexts.notes, {}, locale)}:`, ...review.notes.map(note => `  ${text(reviewTexts.note, note, locale)}`));
    }
    if (review.files.length === 0) lines.push('', text(reviewTexts.nothing, {}, locale));
    lines.push('', countLine(review, locale));
    return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Markdown (a pull-request comment, a GitHub job summary)

/** Plan text and messages inside Markdown prose: every character Markdown or HTML could act on is escaped. */
export function escapeMarkdown(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
        .replace(/\r?\n/g, ' ');
}

/** A code span that holds any text: fenced with more backticks than the text has in a row. */
function codeSpan(value: string): string {
    const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${value.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

function codeBlock(lines: readonly string[], language: string): string[] {
    const longest = Math.max(2, ...lines.flatMap(line => (line.match(/`+/g) ?? []).map(run => run.length)));
    const fence = '`'.repeat(longest + 1);
    return [`${fence}${language}`, ...lines, fence];
}

/** `0`, or the counts that occur: `1 error, 2 warnings`, `1 fout, 2 waarschuwingen` (singular and plural as the count asks). */
function countsCell(diagnostics: readonly ReviewDiagnostic[], locale: Locale): string {
    if (diagnostics.length === 0) return '0';
    const counts = (['error', 'warning', 'info'] as const)
        .map(severity => [severity, diagnostics.filter(d => d.severity === severity).length] as const)
        .filter(([, count]) => count > 0);
    return counts.map(([severity, count]) => severityCount(count, severity, locale)).join(', ');
}

export function renderReviewMarkdown(unsafe: Review, locale: Locale): string {
    const review = withSafePaths(unsafe);
    const out: string[] = [`## ${escapeMarkdown(text(reviewTexts.title, {}, locale))}`, ''];
    out.push(escapeMarkdown(revisionsLine(review, locale)), '');
    out.push(`**${escapeMarkdown(countLine(review, locale))}**`, '');
    if (review.workspaces.length > 0) out.push(escapeMarkdown(text(reviewTexts.workspaces, { roots: review.workspaces }, locale)), '');
    if (review.files.length === 0) {
        out.push(escapeMarkdown(text(reviewTexts.nothing, {}, locale)), '');
    } else {
        const headings = [reviewTexts.fileHeading, reviewTexts.statusHeading, reviewTexts.changesHeading, reviewTexts.introducedHeading, reviewTexts.resolvedHeading]
            .map(entry => escapeMarkdown(text(entry, {}, locale)));
        out.push(`| ${headings.join(' | ')} |`, '|---|---|---:|---|---|');
        for (const file of review.files) {
            const status = file.status === 'renamed' && file.oldPath !== null ? text(reviewTexts.renamedFrom, { old: file.oldPath }, locale) : text(reviewTexts.status, { status: file.status }, locale);
            out.push(`| ${codeSpan(file.path)} | ${escapeMarkdown(status)} | ${file.changes.length + file.handovers.length} | ${countsCell(file.diagnostics.introduced, locale)} | ${countsCell(file.diagnostics.resolved, locale)} |`);
        }
        out.push('');
    }
    for (const file of review.files) {
        out.push(`### ${codeSpan(file.path)} (${escapeMarkdown(file.status === 'renamed' && file.oldPath !== null ? text(reviewTexts.renamedFrom, { old: file.oldPath }, locale) : text(reviewTexts.status, { status: file.status }, locale))})`, '');
        const changes = changeLines(file, locale);
        // A `diff` block: GitHub colours the `+` and `-` lines.
        if (changes.length > 0) out.push(...codeBlock(changes, 'diff'), '');
        const remark = fileRemark(file, locale);
        if (remark) out.push(escapeMarkdown(remark), '');
        for (const [heading, sign, list] of [[diffTexts.introduced, '+', file.diagnostics.introduced], [diffTexts.resolved, '-', file.diagnostics.resolved]] as const) {
            if (list.length === 0) continue;
            out.push(`**${escapeMarkdown(text(heading, {}, locale))}**`, '');
            for (const d of list) {
                out.push(`- ${sign} **${escapeMarkdown(severityWord(d.severity, locale))}** ${codeSpan(d.code)} ${escapeMarkdown(text(reviewTexts.lineColumn, d, locale))}: ${escapeMarkdown(d.message)}`);
            }
            out.push('');
        }
    }
    if (review.catalogue.length > 0) {
        out.push(`### ${escapeMarkdown(text(reviewTexts.catalogue, {}, locale))}`, '');
        for (const change of review.catalogue) {
            const noun = text(diffTexts.kind, { kind: change.kind }, locale);
            const subject = change.change === 'renamed'
                ? escapeMarkdown(text(diffTexts.renamed, { noun, name: change.name, newName: change.newName ?? '' }, locale))
                : `${escapeMarkdown(noun)} ${codeSpan(change.name)}`;
            const plans = change.plans.map(p => `${codeSpan(p.plan)} (${codeSpan(p.file)})`);
            const named = plans.length > 0 ? text(reviewTexts.namedBy, { plans }, locale) : escapeMarkdown(text(reviewTexts.namedBy, { plans: [] }, locale));
            out.push(`- ${escapeMarkdown(text(reviewTexts.status, { status: statusOfChange(change) }, locale))}: ${subject} (${codeSpan(change.file)}), ${named}`);
        }
        out.push('');
    }
    if (review.notes.length > 0) {
        out.push(`### ${escapeMarkdown(text(reviewTexts.notes, {}, locale))}`, '');
        for (const note of review.notes) out.push(`- ${escapeMarkdown(text(reviewTexts.note, note, locale))}`);
        out.push('');
    }
    return out.join('\n');
}

function statusOfChange(change: CatalogueChange): 'added' | 'deleted' | 'modified' | 'renamed' {
    return change.change === 'added' ? 'added' : change.change === 'removed' ? 'deleted' : change.change === 'renamed' ? 'renamed' : 'modified';
}

// ---------------------------------------------------------------------------------------------
// JSON

export function renderReviewJson(review: Review): string {
    // The exact names for a JSON reader; no raw control character for a person reading it.
    return escapeJsonControlCharacters(JSON.stringify(review, null, 2)) + '\n';
}
