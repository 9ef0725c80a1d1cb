/**
 * Loading "one FILE with its workspace" (cli.md, common rules) for `render`, `diff` and `export`:
 * the FILE resolved against the whole of its workspace (language reference, section 2), so that
 * it means what `vplan check` says it means. For `diff --git` the text may come from a temporary
 * file git wrote: it is then loaded under the repository path it stands for, in that path's place.
 */

import type { LangiumDocument } from 'langium';
import { isPlan, type Plan, type VplanFile } from '../language/generated/ast.js';
import { readPlanText, type PlanFile } from './files.js';
import { collectDiagnostics, loadWorkspace, type DiagnosticRecord, type LoadedWorkspace, type WorkspaceOptions } from './workspace.js';

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

/**
 * Loads one file with its workspace. Neighbours that cannot be read are left out quietly: the
 * command is about FILE, and `vplan check` reports the others.
 */
export async function loadFileWithWorkspace(source: FileSource, options: WorkspaceOptions): Promise<LoadedFile> {
    const text = source.text ?? readPlanText(source.absolutePath, source.displayPath);
    const target: PlanFile = { displayPath: source.displayPath, absolutePath: source.absolutePath, text };
    // loadWorkspace adds the rest of the file's workspace (language reference, section 2).
    const workspace = await loadWorkspace([target], options);
    const document = workspace.documents[0];
    const diagnostics = collectDiagnostics({ ...workspace, files: [target], documents: [document] }, options)
        .filter(r => r.file === target.displayPath);
    const plans = document.parseResult.value.declarations.filter(isPlan);
    return { workspace, document, plans, diagnostics };
}
