/**
 * The language server's warm-up (server/warm-up.ts): it edits a synthetic plan through the paths
 * an edit takes (valid, an unknown organisation, a syntax error, a rule finding) in services of its
 * own, and leaves the workspace's services untouched. Its effect on speed is measured in
 * `npm run bench -- --only server` (docs/performance.md), never here.
 */

import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { createVplanServices } from '../../language/vplan-module.js';
import { loadBuiltinCatalogue } from '../../language/workspace/builtin-documents.js';
import { startWarmUp, warmUp, warmUpTexts, WARM_UP_MIN_DOCUMENTS } from '../../server/warm-up.js';

describe('the warm-up', () => {
    test('goes through every edit variant, each giving the diagnostics it is meant to exercise', async () => {
        const seen: string[][] = [];
        const result = await warmUp(() => false, { rounds: 1, onDiagnostics: diagnostics => seen.push(diagnostics.map(d => String(d.code))) });
        const variants = warmUpTexts().length;
        expect(result).toEqual({ edits: variants - 1, interrupted: false });
        expect(seen).toHaveLength(variants - 1);
        // Order of warmUpTexts: valid, unknown organisation, syntax error, rule finding; round one starts after the valid text.
        const [unknown, syntax, rule] = seen;
        expect(unknown).toContain('VP081');
        expect(syntax).toContain('VP000');
        expect(rule.filter(code => code !== 'VP000' && code !== 'VP081').length).toBeGreaterThan(0);
    });

    test('the valid text has no syntax or reference errors', async () => {
        const seen: string[][] = [];
        await warmUp(() => false, { rounds: 2, onDiagnostics: diagnostics => seen.push(diagnostics.map(d => String(d.code))) });
        // Round two starts with the valid text again.
        const validAgain = seen[warmUpTexts().length - 1];
        expect(validAgain.filter(code => code === 'VP000' || code === 'VP081')).toEqual([]);
    });

    test('stops between steps when asked to', async () => {
        let steps = 0;
        const result = await warmUp(() => ++steps > 3);
        expect(result.interrupted).toBe(true);
        expect(result.edits).toBeLessThan(2);
    });

    test('leaves other services alone: no document, no build, no index entry', async () => {
        const workspace = createVplanServices(EmptyFileSystem);
        await loadBuiltinCatalogue(workspace.shared);
        const before = workspace.shared.workspace.LangiumDocuments.all.map(document => document.uri.toString()).toArray();
        const names = workspace.shared.workspace.IndexManager.allElements().map(description => description.name).toArray().sort();
        const events: string[] = [];
        const builder = workspace.shared.workspace.DocumentBuilder;
        builder.onUpdate(() => { events.push('update'); });
        builder.onBuildPhase(DocumentState.Validated, () => { events.push('validated'); });
        await warmUp(() => false, { rounds: 1 });
        expect(events).toEqual([]);
        expect(workspace.shared.workspace.LangiumDocuments.all.map(document => document.uri.toString()).toArray()).toEqual(before);
        expect(workspace.shared.workspace.IndexManager.allElements().map(description => description.name).toArray().sort()).toEqual(names);
        expect(workspace.shared.workspace.LangiumDocuments.hasDocument(URI.parse('file:///vplan-warm-up/plan.vplan'))).toBe(false);
    });

    test('in the server it waits for the workspace to be read, and after the initial build lets every build go first', async () => {
        const workspace = createVplanServices(EmptyFileSystem);
        const seen: number[] = [];
        const rounds = 3;
        const total = rounds * warmUpTexts().length - 1;
        const running = startWarmUp(workspace.shared, { minDocuments: 0, rounds, onDiagnostics: diagnostics => seen.push(diagnostics.length) });
        // Nothing happens before the workspace's files are read.
        for (let turn = 0; turn < 20; turn++) await new Promise(resolve => setImmediate(resolve));
        expect(seen).toEqual([]);
        await workspace.shared.workspace.WorkspaceManager.initialized({});
        // A build of the workspace (an edit) holds the lock: the warm-up waits for it (a step
        // already under way may still finish).
        let release!: () => void;
        const edit = workspace.shared.workspace.WorkspaceLock.write(() => new Promise<void>(resolve => { release = resolve; }));
        const before = seen.length;
        expect(before).toBeLessThan(total);
        for (let turn = 0; turn < 100; turn++) await new Promise(resolve => setImmediate(resolve));
        expect(seen.length).toBeLessThanOrEqual(before + 1);
        release();
        await edit;
        expect(await running).toEqual({ edits: total, interrupted: false });
        expect(seen).toHaveLength(total);
    });

    test('a small workspace is not warmed up (it loads too fast to hide the warm-up)', async () => {
        const workspace = createVplanServices(EmptyFileSystem);
        const seen: number[] = [];
        const running = startWarmUp(workspace.shared, { onDiagnostics: diagnostics => seen.push(diagnostics.length) });
        await workspace.shared.workspace.WorkspaceManager.initialized({});
        expect(workspace.shared.workspace.LangiumDocuments.all.count()).toBeLessThan(WARM_UP_MIN_DOCUMENTS);
        expect(await running).toEqual({ edits: 0, interrupted: false });
        expect(seen).toEqual([]);
    });
});
