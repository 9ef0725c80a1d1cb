/**
 * Loading for the commands that read one FILE in its workspace (`render`, `export`: cli.md,
 * common rules) and for `vplan diff`, whose two sides are each read in a workspace of their own.
 *
 * A FILE named explicitly is plan text whatever its name: a file whose name does not end in
 * `.vplan` is loaded under a stand-in name beside it that does, so that the language's services
 * take it (the stand-in never touches the disk).
 *
 * `vplan diff` (language reference, section 2; cli.md, `vplan diff`, v2): each side is read in its
 * own workspace, never together with the other side's file, so that two versions of one plan are
 * not duplicates of each other. A side whose workspace holds no other `.vplan` file (a lone copy,
 * such as git's temporary files) is read in the other side's workspace, in the other side's place;
 * the git driver puts both sides in the place of the repository path git names. `loadDiffSide` is
 * the one function that loads a side (the place for a cache of loaded workspaces).
 */

import { NodeFileSystem } from 'langium/node';
import { dirname } from 'node:path';
import { URI, UriUtils, type LangiumDocument } from 'langium';
import { isPlan, type Plan, type VplanFile } from '../language/generated/ast.js';
import { WorkspaceLayout, relativeTo } from '../language/workspace/workspace-layout.js';
import type { DiffSideInput, DiffSourceFile, DiffDiagnostic } from '../language/diff/plan-diff.js';
import { displayPathOf, readPlanText, type PlanFile } from './files.js';
import { collectDiagnostics, loadWorkspace, toRecord, type DiagnosticRecord, type LoadedWorkspace, type WorkspaceOptions } from './workspace.js';

export interface LoadedFile {
    workspace: LoadedWorkspace;
    document: LangiumDocument<VplanFile>;
    plans: Plan[];
    /** Diagnostics of the FILE only (not of its neighbours), sorted by position. */
    diagnostics: DiagnosticRecord[];
}

export interface FileSource {
    /** Where the file lives (or, for `diff --git`, the repository path it stands for). */
    absolutePath: string;
    displayPath: string;
    /** The text to load; read from `absolutePath` when absent. */
    text?: string;
}

/** The path a file is loaded under: itself when it ends in `.vplan`, else a stand-in beside it that does. */
export function documentPathFor(absolutePath: string): string {
    return absolutePath.endsWith('.vplan') ? absolutePath : `${absolutePath}.vplan`;
}

/**
 * Loads one file with its workspace. Neighbours that cannot be read are left out quietly: the
 * command is about FILE, and `vplan check` reports the others.
 */
export async function loadFileWithWorkspace(source: FileSource, options: WorkspaceOptions): Promise<LoadedFile> {
    const text = source.text ?? readPlanText(source.absolutePath, source.displayPath);
    const target: PlanFile = { displayPath: source.displayPath, absolutePath: documentPathFor(source.absolutePath), text };
    // loadWorkspace adds the rest of the file's workspace (language reference, section 2).
    const workspace = await loadWorkspace([target], options);
    const document = workspace.documents[0];
    const diagnostics = collectDiagnostics({ ...workspace, files: [target], documents: [document] }, options)
        .filter(r => r.file === target.displayPath);
    const plans = document.parseResult.value.declarations.filter(isPlan);
    return { workspace, document, plans, diagnostics };
}

// ---------------------------------------------------------------------------------------------
// vplan diff

/** The key of the file compared, on each side (the other files are keyed by their path under the root). */
export const SUBJECT_KEY = '\u0000subject';

export interface DiffSideSource {
    /** How the side is shown: the path as given, or `a/PATH` / `b/PATH` for the git driver. */
    label: string;
    /** The side's text; undefined when it does not exist (`/dev/null`) or is not plan text. */
    text?: string;
    /** The absolute path whose place the side takes in its workspace. */
    place: string;
}

function layoutOnDisk(): WorkspaceLayout {
    return new WorkspaceLayout(NodeFileSystem.fileSystemProvider());
}

/** The other `.vplan` files of the workspace of a file at `place`, without `exclude`. */
function othersOf(layout: WorkspaceLayout, place: string, exclude: ReadonlySet<string>): string[] {
    return layout.filesOf(layout.rootOf(dirname(place)).path).filter(path => !exclude.has(path) && path !== place);
}

/**
 * The places of `vplan diff OLD NEW`: each file's own, except that a lone copy (no other `.vplan`
 * file in its workspace but the other side's) takes the place of the other side when that one is
 * not lone too.
 */
export function diffPlaces(oldPath: string, newPath: string): { old: string; new: string } {
    const layout = layoutOnDisk();
    const both = new Set([oldPath, newPath]);
    const oldLone = othersOf(layout, oldPath, both).length === 0;
    const newLone = othersOf(layout, newPath, both).length === 0;
    if (oldLone && !newLone) return { old: newPath, new: newPath };
    if (newLone && !oldLone) return { old: oldPath, new: oldPath };
    return { old: oldPath, new: newPath };
}

/**
 * Loads one side of a diff: its text in its place, with every other file of that place's workspace
 * except the files at `exclude` (the places of both sides), all checked, so that the diff sees
 * the diagnostics of every file (a catalogue change breaks plans elsewhere). A side without text
 * is its workspace without the file.
 */
export async function loadDiffSide(side: DiffSideSource, exclude: ReadonlySet<string>, options: WorkspaceOptions): Promise<DiffSideInput> {
    return (await loadWholeSide(side, exclude, options)).input;
}

/**
 * Loads both sides of a diff. When both take one place and declare the same plans and nothing
 * else (no organisation, no measure type: the common edit of one plan), the other files of the
 * workspace read exactly the same on both sides — they depend on the changed file only through
 * the names it declares — so only the changed file is built, with the others present as their
 * cached summaries (as `vplan check FILE`), and the diff is the same as with every file built.
 * Otherwise both sides are loaded whole.
 */
export async function loadDiffSides(oldSide: DiffSideSource, newSide: DiffSideSource, exclude: ReadonlySet<string>, options: WorkspaceOptions): Promise<{ old: DiffSideInput; new: DiffSideInput }> {
    const oldText = oldSide.text;
    const newText = newSide.text;
    if (oldSide.place === newSide.place && oldText !== undefined && newText !== undefined) {
        const oldAlone = await loadSubjectOnly({ ...oldSide, text: oldText }, exclude, options);
        const newAlone = await loadSubjectOnly({ ...newSide, text: newText }, exclude, options);
        if (oldAlone.declares !== undefined && oldAlone.declares === newAlone.declares) return { old: oldAlone.input, new: newAlone.input };
    }
    return { old: await loadDiffSide(oldSide, exclude, options), new: await loadDiffSide(newSide, exclude, options) };
}

/** The declarations of a file when they are plans only (`plan a,plan b`), else undefined. */
function plansOnly(root: VplanFile): string | undefined {
    if (!root.declarations.every(isPlan)) return undefined;
    return root.declarations.map(plan => `plan ${plan.name}`).join(',');
}

/** One side's changed file alone, the rest of its workspace as summaries. */
async function loadSubjectOnly(side: DiffSideSource & { text: string }, exclude: ReadonlySet<string>, options: WorkspaceOptions): Promise<{ input: DiffSideInput; declares?: string }> {
    const subject: PlanFile = { displayPath: side.label, absolutePath: documentPathFor(side.place), text: side.text };
    const workspace = await loadWorkspace([subject], options, exclude);
    const document = workspace.documents[0];
    const input = sideInput(workspace, subject, side.place, '');
    const root = document.parseResult.value;
    // A file that did not parse cleanly may hide declarations: load the sides whole.
    const declares = document.parseResult.parserErrors.length === 0 && document.parseResult.lexerErrors.length === 0 ? plansOnly(root) : undefined;
    return { input, declares };
}

/** Stands in for the compared file's name in `DiffSideInput` messages as compared (plan-diff.ts). */
const SUBJECT_CITED = '\u0001';

/** Where `name` (a path as a message cites it) occurs in a message as a whole path, not as part of a longer one. */
function citationPattern(name: string): RegExp {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\w./\\\\-])${escaped}(?![\\w/\\\\-]|\\.\\w)`, 'g');
}

/**
 * How the messages of another file cite the compared file (VP080: `declared in plan.vplan, line 3`,
 * a path relative to the citing file's folder, as structure-rules.ts writes it): the name the
 * language saw (`old.txt.vplan` for the stand-in of a file not named `*.vplan`), and the real one,
 * the path of the place the side takes (`old.txt`).
 */
function subjectCitations(citing: URI, subject: URI, place: string): { seen: string; real: string } {
    const folder = UriUtils.dirname(citing);
    return { seen: UriUtils.relative(folder, subject), real: UriUtils.relative(folder, URI.file(place)) };
}

/**
 * The files of a loaded side by key (the subject under SUBJECT_KEY, the others by their path under
 * `root`) and their diagnostics. A message of another file that cites the subject cites it by the
 * path of its place, never by its stand-in; and it is compared with the subject's name put as one
 * (`compared`), so that the same diagnostic citing the old version on one side and the new version
 * on the other is one diagnostic, neither introduced nor resolved (cli.md, `vplan diff`: two
 * versions of one plan are not duplicates of each other).
 */
function sideInput(workspace: LoadedWorkspace, subject: PlanFile | undefined, place: string, root: string): DiffSideInput {
    const sourceFiles = new Map<string, DiffSourceFile>();
    const diagnostics: Array<DiffDiagnostic & { key: string; compared?: string }> = [];
    const subjectUri = subject ? workspace.documents[workspace.files.indexOf(subject)]?.uri : undefined;
    workspace.files.forEach((file, index) => {
        const document = workspace.documents[index];
        const key = file === subject ? SUBJECT_KEY : relativeTo(file.absolutePath, root);
        sourceFiles.set(key, { label: file.displayPath, text: file.text, root: document.parseResult.value });
        const cited = subjectUri && file !== subject ? subjectCitations(document.uri, subjectUri, place) : undefined;
        for (const diagnostic of document.diagnostics ?? []) {
            const record = toRecord(file.displayPath, diagnostic);
            let message = record.message;
            let compared: string | undefined;
            if (cited) {
                if (cited.seen !== cited.real) message = message.replace(citationPattern(cited.seen), () => cited.real);
                const asOne = message.replace(citationPattern(cited.real), SUBJECT_CITED);
                if (asOne !== message) compared = asOne;
            }
            diagnostics.push({
                key, file: record.file, line: record.line, column: record.column, severity: record.severity, code: record.code, message,
                ...(compared !== undefined ? { compared } : {})
            });
        }
    });
    return { files: sourceFiles, diagnostics };
}

async function loadWholeSide(side: DiffSideSource, exclude: ReadonlySet<string>, options: WorkspaceOptions): Promise<{ input: DiffSideInput }> {
    const layout = layoutOnDisk();
    const root = layout.rootOf(dirname(side.place)).path;
    const others = othersOf(layout, side.place, exclude);
    const files: PlanFile[] = [];
    const subject: PlanFile | undefined = side.text !== undefined
        ? { displayPath: side.label, absolutePath: documentPathFor(side.place), text: side.text }
        : undefined;
    if (subject) files.push(subject);
    for (const path of others) {
        // A file of the workspace that cannot be read is left out: `vplan check` reports it.
        try {
            files.push({ displayPath: displayPathOf(path, options.cwd), absolutePath: path, text: readPlanText(path, path) });
        } catch { /* see above */ }
    }
    const workspace = await loadWorkspace(files, options, new Set([...exclude, ...(subject ? [] : [documentPathFor(side.place)])]));
    return { input: sideInput(workspace, subject, side.place, root) };
}
