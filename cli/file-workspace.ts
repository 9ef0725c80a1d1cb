/**
 * "One FILE with its workspace" (cli.md, common rules) for the commands that take one FILE
 * (`render`, `diff`, `export`). The loader itself lives in diff-workspace.ts (written first for
 * diff and export); this module is the shared entry point with plan selection on top, so every
 * one-FILE command refuses bad input with the same words.
 */

import { resolve } from 'node:path';
import type { Plan } from '../language/generated/ast.js';
import { CliInputError, because } from './files.js';
import { cliTexts } from './cli-texts.js';
import { loadFileWithWorkspace, type LoadedFile } from './diff-workspace.js';
import type { WorkspaceOptions } from './workspace.js';

export { loadFileWithWorkspace, type LoadedFile } from './diff-workspace.js';

/** Loads FILE (as the user typed it, relative to `options.cwd`) with the other files of its workspace. */
export function loadFileWorkspace(file: string, options: WorkspaceOptions): Promise<LoadedFile> {
    return loadFileWithWorkspace({ absolutePath: resolve(options.cwd, file), displayPath: file }, options);
}

/**
 * The plan a one-FILE command works on: the one named by `--plan`, else the only one. Throws a
 * CliInputError (exit 2, one line) when there is none, the id is unknown, or several need a choice.
 */
export function selectPlan(loaded: LoadedFile, file: string, planId: string | undefined, command: 'render' | 'export'): Plan {
    const names = loaded.plans.map(p => p.name);
    if (planId !== undefined) {
        const plan = loaded.plans.find(p => p.name === planId);
        if (!plan) throw new CliInputError(file, because(cliTexts.unknownPlan, { plan: planId, plans: names }));
        return plan;
    }
    if (loaded.plans.length === 0) throw new CliInputError(file, because(cliTexts.noPlan, { command }));
    if (loaded.plans.length > 1) throw new CliInputError(file, because(cliTexts.severalPlans, { plans: names }));
    return loaded.plans[0];
}
