/**
 * The language server shows its first load of the workspace as LSP work-done progress (issue 14,
 * item 6; language/workspace/load-progress.ts): a client that supports it gets a progress token,
 * a `begin` with the title, reports of "N of M files" ending with all of them, and an `end`; a
 * client that does not gets no progress at all.
 */

import { afterEach, describe, expect, test } from 'vitest';
import { startServer, type LspServer } from './lsp-harness.js';
import { smallPlanFile } from './small-plan.js';

const plan = (id: string) => smallPlanFile(id, `vt_${id}`);

interface ProgressValue { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number }

let server: LspServer | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

/** The `$/progress` values the server sent (the harness collects them and asks `waitUntil` again after each). */
function collectProgress(s: LspServer): ProgressValue[] {
    return s.progress as ProgressValue[];
}

async function progressUntilEnd(s: LspServer, values: ProgressValue[]): Promise<ProgressValue[]> {
    await s.open(s.uri('a.vplan'), plan('a'));
    await s.waitForDiagnostics(s.uri('a.vplan'));
    return s.waitUntil('the end of the load progress', () => (values.some(v => v.kind === 'end') ? values : undefined));
}

describe('workspace loading as work-done progress', () => {
    test('begin, reports up to every file, end', async () => {
        server = await startServer({
            workspaceFiles: { 'a.vplan': plan('a'), 'b.vplan': plan('b'), 'sub/c.vplan': plan('c') },
            capabilities: { window: { workDoneProgress: true } }
        });
        const values = await progressUntilEnd(server, collectProgress(server));
        expect(values[0]).toMatchObject({ kind: 'begin', title: 'Loading vplan workspace', message: 'reading files' });
        expect(values.at(-1)!.kind).toBe('end');
        const reports = values.filter(v => v.kind === 'report');
        expect(reports.at(-1)).toEqual({ kind: 'report', percentage: 100, message: '3 of 3 files' });
    });

    test('in Dutch', async () => {
        server = await startServer({
            workspaceFiles: { 'a.vplan': plan('a') },
            locale: 'nl',
            capabilities: { window: { workDoneProgress: true } }
        });
        const values = await progressUntilEnd(server, collectProgress(server));
        expect(values[0]).toMatchObject({ kind: 'begin', title: 'vplan-werkruimte laden' });
        expect(values.filter(v => v.kind === 'report').at(-1)?.message).toBe('1 van 1 bestanden');
    });

    test('no progress for a client without the capability', async () => {
        server = await startServer({ workspaceFiles: { 'a.vplan': plan('a') } });
        const values = collectProgress(server);
        await server.open(server.uri('a.vplan'), plan('a'));
        await server.waitForDiagnostics(server.uri('a.vplan'));
        // The load is over once a document has diagnostics: a progress would have begun by then.
        expect(values).toEqual([]);
    });
});
