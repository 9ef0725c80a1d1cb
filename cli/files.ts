/**
 * Finding and reading plan files for the CLI. Every problem a person can cause (a missing path,
 * an unreadable or binary file, text that is not UTF-8, a file that is too large) becomes a
 * `CliInputError` with one clear line naming the file and the reason; never a stack trace.
 */

import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { MAX_PLAN_BYTES } from '../language/workspace/plan-size-limit.js';
import { isWorkspaceEntryName } from '../language/workspace/workspace-layout.js';
import { text, type Locale, type Message, type NoArgs } from '../language/i18n/locale.js';
import { cliTexts } from './cli-texts.js';
import { escapeControlCharacters } from './safe-text.js';

/** A reason with its arguments, rendered when the locale is known. */
export type Reason = (locale: Locale) => string;

/** Binds a catalogue entry of cli-texts.ts to its arguments: `because(cliTexts.notUtf8, { offset })`. */
export function because<A>(message: Message<A>, args: A): Reason {
    return locale => text(message, args, locale);
}

/** Why a command cannot do its work (exit 2): a path and a reason from cli-texts.ts, rendered in the CLI's locale. */
export class CliInputError extends Error {
    private readonly renderReason: Reason;

    constructor(readonly path: string, reason: Message<NoArgs> | Reason) {
        const render: Reason = typeof reason === 'function' ? reason : locale => text(reason, {}, locale);
        super(`${path}: ${render('en')}`);
        this.renderReason = render;
    }

    /** The reason in English (tests and logs). */
    get reason(): string {
        return this.renderReason('en');
    }

    /** The one line on stderr: `vplan: PATH: REASON`. */
    render(locale: Locale): string {
        // Escaped: a file name with a newline must not start a line of its own (safe-text.ts).
        return text(cliTexts.inputError, { path: escapeControlCharacters(this.path), reason: this.renderReason(locale) }, locale);
    }
}

export interface PlanFile {
    /** The path as the user should see it: as given, or relative to the current folder. */
    displayPath: string;
    absolutePath: string;
    text: string;
}

function readError(display: string, error: unknown): CliInputError {
    const code = (error as NodeJS.ErrnoException)?.code;
    switch (code) {
        case 'ENOENT': return new CliInputError(display, cliTexts.noSuchFile);
        case 'EACCES':
        case 'EPERM': return new CliInputError(display, cliTexts.permissionDenied);
        case 'EISDIR': return new CliInputError(display, cliTexts.isFolder);
        case 'ENOTDIR': return new CliInputError(display, cliTexts.notAFolderOnPath);
        case 'ELOOP': return new CliInputError(display, cliTexts.tooManyLinks);
        default: return new CliInputError(display, because(cliTexts.cannotRead, { code }));
    }
}

function statPath(path: string, display: string): Stats {
    try {
        return statSync(path);
    } catch (error) {
        throw readError(display, error);
    }
}

/**
 * Recursively lists `*.vplan` files, skipping node_modules and every file and folder whose name
 * starts with a dot: the workspace rule of the language server and of `WorkspaceLayout.filesOf`
 * (`isWorkspaceEntryName`), so that a file such as `.vplan` is never checked by a folder search.
 */
export function findPlanFiles(folder: string, display: string): string[] {
    let entries;
    try {
        entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
        throw readError(display, error);
    }
    const files: string[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
        const full = join(folder, entry.name);
        const kind = entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
        if (!isWorkspaceEntryName(entry.name, kind)) continue;
        if (kind === 'folder') {
            files.push(...findPlanFiles(full, join(display, entry.name)));
        } else {
            // A folder search never follows a symbolic link (cli.md: never out of the workspace
            // root; a link is neither a file nor a folder here). A file named explicitly may be one.
            files.push(full);
        }
    }
    return files;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a path is when it is neither a folder nor a regular file (after symbolic links). */
function specialKind(stats: Stats): 'fifo' | 'socket' | 'device' | 'other' {
    return stats.isFIFO() ? 'fifo' : stats.isSocket() ? 'socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'device' : 'other';
}

/**
 * Reads a file as UTF-8 plan text (a BOM is dropped) or throws a CliInputError. Only a regular
 * file (or a link to one) is read: a FIFO would block the command until someone writes to it, a
 * device may never end, a socket cannot be read at all.
 */
export function readPlanText(absolutePath: string, display: string): string {
    const stats = statPath(absolutePath, display);
    if (stats.isDirectory()) throw new CliInputError(display, cliTexts.isFolder);
    if (!stats.isFile()) throw new CliInputError(display, because(cliTexts.notARegularFile, { kind: specialKind(stats) }));
    if (stats.size > MAX_PLAN_BYTES) {
        throw new CliInputError(display, because(cliTexts.tooLarge, { megabytes: stats.size / 1024 / 1024, limit: MAX_PLAN_BYTES / 1024 / 1024 }));
    }
    // Fast path: Node decodes straight into a string (no Buffer, no second decoding pass), turning
    // every invalid byte sequence into U+FFFD and a 0 byte into U+0000. Text without either is
    // exactly what the strict decoder below returns (but for the BOM, which it drops); anything
    // else takes the strict path, so every error message stays the same.
    let text: string;
    try {
        text = readFileSync(absolutePath, 'utf8');
    } catch (error) {
        throw readError(display, error);
    }
    if (text.includes('\uFFFD') || text.includes('\0')) return readPlanTextStrictly(absolutePath, display);
    // The strict decoder drops one BOM and then one more is dropped below: drop up to two here too.
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (text.charCodeAt(start) === 0xfeff) start++;
    return start > 0 ? text.slice(start) : text;
}

function readPlanTextStrictly(absolutePath: string, display: string): string {
    let bytes: Buffer;
    try {
        bytes = readFileSync(absolutePath);
    } catch (error) {
        throw readError(display, error);
    }
    return decodePlanBytes(bytes, display);
}

/** Plan text from bytes (a file's, or a git blob's): UTF-8 with a BOM dropped, else a CliInputError. */
export function decodePlanBytes(bytes: Buffer, display: string): string {
    if (bytes.includes(0)) throw new CliInputError(display, cliTexts.binary);
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch {
        throw new CliInputError(display, because(cliTexts.notUtf8, { offset: firstInvalidUtf8Offset(bytes) }));
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function firstInvalidUtf8Offset(bytes: Buffer): number {
    // Decode leniently: every invalid sequence becomes U+FFFD. The first U+FFFD that the file did
    // not itself contain (as the valid bytes EF BF BD) marks the first invalid byte; everything
    // before it is valid, so its byte length is the offset.
    const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
    for (let index = lenient.indexOf('\uFFFD'); index >= 0; index = lenient.indexOf('\uFFFD', index + 1)) {
        const offset = Buffer.byteLength(lenient.slice(0, index), 'utf8');
        if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    }
    return bytes.length;
}

/** A path as the CLI shows it: relative to the current folder (`../vplan.config.json` too), absolute only when no relative path leads there (another drive). */
export function displayPathOf(absolutePath: string, cwd: string): string {
    const rel = relative(cwd, absolutePath);
    return rel && !isAbsolute(rel) ? rel : absolutePath;
}

/**
 * Expands PATH arguments (files or folders; none = the current folder) into plan files, read and
 * decoded. Throws CliInputError on the first path that cannot be read. A file named explicitly
 * is plan text whatever its name (cli.md, common rules: `notes.txt`, `.vplan`; the CLI's services
 * take every file, cli/workspace.ts `createCliServices`); a folder search finds `*.vplan` files
 * only (`findPlanFiles`).
 */
export function collectPlanFiles(paths: readonly string[], cwd: string): PlanFile[] {
    const inputs = paths.length > 0 ? paths : ['.'];
    const seen = new Set<string>();
    const files: PlanFile[] = [];
    for (const input of inputs) {
        const absolute = resolve(cwd, input);
        const stats = statPath(absolute, input);
        const candidates = stats.isDirectory() ? findPlanFiles(absolute, input) : [absolute];
        for (const file of candidates) {
            if (seen.has(file)) continue;
            seen.add(file);
            const displayPath = stats.isDirectory() ? displayPathOf(file, cwd) : input;
            files.push({ displayPath, absolutePath: file, text: readPlanText(file, displayPath) });
        }
    }
    return files;
}
