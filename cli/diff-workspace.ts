/**
 * Loading "one FILE with its workspace" (cli.md, common rules) for `diff` and `export`: the
 * FILE together with the other `.vplan` files of the folder holding the nearest
 * `vplan.config.json` above it, else of the FILE's own folder, so that its references resolve.
 * For `diff --git` the text may come from a temporary file git wrote: it is then loaded under the
 * repository path it stands for, in that path's workspace.
 */

import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { LangiumDocument } from 'langium';
import { isPlan, type Plan, type VplanFile } from '../language/generated/ast.js';
import { CONFIG_FILE_NAME } from '../language/config/vplan-config.js';
import { findPlanFiles, readPlanText, displayPathOf, type PlanFile } from './files.js';
import { collectDiagnostics, loadWorkspace, type DiagnosticRecord, type LoadedWorkspace, type WorkspaceOptions } from './workspace.js';

/** The workspace folder of a plan file: nearest folder with a vplan.config.json, else the file's folder. */
export function workspaceFolderOf(absoluteFile: string): string {
    const own = dirname(absoluteFile);
    let folder = own;
    for (;;) {
        if (existsSync(join(folder, CONFIG_FILE_NAME))) return folder;
        const parent = dirname(folder);
        if (parent === folder) return own;
        folder = parent;
    }
}

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

function isFolder(path: string): boolean {
    try { return statSync(path).isDirectory(); } catch { return false; }
}

/**
 * Loads one file with its workspace. Neighbours that cannot be read are left out quietly: the
 * command is about FILE, and `vplan check` reports the others.
 */
export async function loadFileWithWorkspace(source: FileSource, options: WorkspaceOptions): Promise<LoadedFile> {
    const text = source.text ?? readPlanText(source.absolutePath, source.displayPath);
    const target: PlanFile = { displayPath: source.displayPath, absolutePath: source.absolutePath, text };
    const folder = workspaceFolderOf(source.absolutePath);
    const neighbours: PlanFile[] = [];
    if (isFolder(folder)) {
        let paths: string[];
        try { paths = findPlanFiles(folder, folder); } catch { paths = []; }
        for (const path of paths) {
            if (resolve(path) === resolve(source.absolutePath)) continue;
            try {
                neighbours.push({ displayPath: displayPathOf(path, options.cwd), absolutePath: path, text: readPlanText(path, path) });
            } catch { /* see above */ }
        }
    }
    const workspace = await loadWorkspace([target, ...neighbours], options);
    const document = workspace.documents[0];
    const diagnostics = collectDiagnostics({ ...workspace, files: [target], documents: [document] }, options)
        .filter(r => r.file === target.displayPath);
    const plans = document.parseResult.value.declarations.filter(isPlan);
    return { workspace, document, plans, diagnostics };
}
