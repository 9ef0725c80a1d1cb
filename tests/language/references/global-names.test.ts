/**
 * `GlobalNames` keeps the first declaration of every global name up to date per document
 * (language/references/vplan-scope.ts) instead of recomputing it after every change. Random
 * sequences of edits, additions and deletions of files that declare colliding names (also names
 * of the built-in catalogue, and in two workspaces) must leave exactly what a computation from
 * scratch gives, and the diagnostics of a fresh build.
 */

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { AstNodeDescription } from 'langium';
import { freshDiagnostics, Workspace } from '../../incremental-workspace.js';
import { BUILTIN_CATALOGUE } from '../../../language/builtin/catalogue.js';

const builtinName = /measure type (\w+)/.exec(BUILTIN_CATALOGUE)![1];
const NAMES = ['vt', 'wijk', 'p1', 'p2', builtinName];
const FILES = ['a.vplan', 'b.vplan', 'c.vplan', 'sub/d.vplan'];

/** A file of declarations: each an organisation, a plan or a measure type of one of the names. */
const fileText = fc.array(fc.record({ kind: fc.constantFrom('organisation', 'plan', 'measure'), name: fc.constantFrom(...NAMES) }), { maxLength: 4 })
    .map(declarations => declarations.map(({ kind, name }) =>
        kind === 'organisation' ? `organisation ${name} "O" kind wijkteam\n`
            : kind === 'plan' ? `plan ${name} "P" {\n    status active\n}\n`
                : `measure type ${name} "M" {\n    mode voluntary\n}\n`).join(''));

const step = fc.record({ file: fc.constantFrom(...FILES), text: fc.option(fileText, { nil: undefined }) });

type Firsts = Record<string, Record<string, string>>;

function describeAll(all: Map<string, Map<string, AstNodeDescription>>): Firsts {
    const result: Firsts = {};
    for (const [key, first] of [...all].sort(([a], [b]) => a.localeCompare(b))) {
        result[key] = Object.fromEntries([...first].sort(([a], [b]) => a.localeCompare(b))
            .map(([name, d]) => [name, `${d.type} ${d.documentUri.toString()}:${d.nameSegment?.offset}`]));
    }
    return result;
}

describe('first declarations kept up to date per document', () => {
    test('equal a computation from scratch, and the diagnostics a fresh build, after every step (fast-check, fixed seed)', async () => {
        await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async steps => {
            // `sub/` is a workspace of its own (no config, no git: every folder is one).
            const texts: Record<string, string> = { 'a.vplan': 'organisation vt "O" kind wijkteam\n' };
            const workspace = await Workspace.create(texts);
            const names = workspace.services.Vplan.references.GlobalNames;
            for (const { file, text } of steps) {
                if (text === undefined) {
                    if (!(file in texts)) continue;
                    delete texts[file];
                    await workspace.edit({}, [file]);
                } else {
                    texts[file] = text;
                    await workspace.edit({ [file]: text });
                }
                // Through the cache, as the checks read it; then from scratch.
                names.firstDeclarations('');
                const kept = describeAll((names as unknown as { state: { first: Map<string, Map<string, AstNodeDescription>> } }).state.first);
                const scratch = describeAll(names.firstDeclarationsFromScratch());
                for (const key of Object.keys(scratch)) expect(kept[key]).toEqual(scratch[key]);
                // The grouping by type, kept up to date in place: the first declarations of each type, in their order.
                for (const [key, first] of (names as unknown as { state: { first: Map<string, Map<string, AstNodeDescription>> } }).state.first) {
                    const byType = Object.fromEntries([...names.firstDeclarationsByType(key)].map(([type, ofType]) => [type, ofType.list.map(d => d.name)])
                        .filter(([, list]) => list.length > 0));
                    const grouped: Record<string, string[]> = {};
                    for (const [name, d] of first) (grouped[d.type] ??= []).push(name);
                    expect(byType).toEqual(grouped);
                }
                expect(workspace.diagnostics()).toEqual(await freshDiagnostics(texts));
            }
        }), { numRuns: 40, seed: 1407 });
    });
});
