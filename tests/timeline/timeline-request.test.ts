import { describe, expect, test } from 'vitest';
import { CancellationToken } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import { URI } from 'langium';
import { clearDocuments } from 'langium/test';
import type { VplanFile } from '../../language/generated/ast.js';
import { registerTimelineRequest } from '../../server/timeline-request.js';
import {
    TIMELINE_CHANGED_NOTIFICATION, TIMELINE_REQUEST, type TimelineParams, type TimelineResult
} from '../../language/timeline/timeline-protocol.js';
import { createTestServices } from '../helpers.js';
import { specExampleText } from './timeline-test-helpers.js';
import { MAX_TICKS } from '../../language/timeline/timeline-model.js';

type Handler = (params: TimelineParams, token: CancellationToken) => Promise<TimelineResult>;

async function setup(texts: Record<string, string>) {
    const services = createTestServices();
    // What the language server does at start-up (the handler awaits WorkspaceManager.ready).
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const handlers = new Map<string, Handler>();
    const notifications: Array<{ method: string; params: unknown }> = [];
    const connection = {
        onRequest: (method: string, handler: Handler) => { handlers.set(method, handler); return { dispose() { /* none */ } }; },
        sendNotification: async (method: string, params: unknown) => { notifications.push({ method, params }); }
    } as unknown as Connection;
    registerTimelineRequest(connection, services);
    const documents = Object.entries(texts).map(([name, text]) => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<VplanFile>(text, URI.parse(`file:///request/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    const built = services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const request = (params: TimelineParams) => handlers.get(TIMELINE_REQUEST)!(params, CancellationToken.None);
    return { services, documents, built, request, notifications, cleanup: () => clearDocuments(services.shared, documents) };
}

const TWO_PLANS = `plan een "Plan een" {
    status draft
    period 2026-01-01 to 2026-06-01
    household {
        member a adult born 1980 roles victim
    }
}

plan twee "Plan twee" {
    status draft
    period 2026-02-01 to 2026-08-01
    household {
        member b adult born 1980 roles victim
    }
}
`;

describe('vplan/timeline', () => {
    test('answers once the document is validated, with model, scene, table and the text version', async () => {
        const { request, built, cleanup } = await setup({ 'spec.vplan': specExampleText() });
        // Asked while the build runs: the handler waits for validation.
        const pending = request({ uri: 'file:///request/spec.vplan', includeSvg: true });
        await built;
        const result = await pending;
        expect(result.planIds).toEqual(['vermeer_2026']);
        expect(result.planId).toBe('vermeer_2026');
        expect(result.version).toBe(0);
        expect(result.model?.items.map(i => i.id)).toContain('measure:hv');
        expect(result.scene?.elements.length).toBeGreaterThan(10);
        expect(result.table?.rows.length).toBeGreaterThan(10);
        expect(result.svg).toContain('<svg');
        expect(result.scene?.width).toBe(1200);
        expect((await request({ uri: 'file:///request/spec.vplan', width: 700 })).scene?.width).toBe(700);
        expect((await request({ uri: 'file:///request/spec.vplan', width: 10 })).scene?.width).toBe(600);
        expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(JSON.stringify(result)));
        await cleanup();
    });

    test('picks the plan by id, else the one under the cursor, else the first', async () => {
        const { request, built, cleanup } = await setup({ 'two.vplan': TWO_PLANS });
        await built;
        const uri = 'file:///request/two.vplan';
        expect((await request({ uri })).planId).toBe('een');
        expect((await request({ uri, planId: 'twee' })).planId).toBe('twee');
        expect((await request({ uri, position: { line: 11, character: 4 } })).planId).toBe('twee');
        expect((await request({ uri, planId: 'onbekend', position: { line: 2, character: 0 } })).planId).toBe('een');
        expect((await request({ uri })).planIds).toEqual(['een', 'twee']);
        await cleanup();
    });

    test('a file without a plan, and an unknown document, get a message instead of a model', async () => {
        const { request, built, cleanup } = await setup({ 'orgs.vplan': 'organisation vt "Veilig Thuis" kind veiligthuis\n' });
        await built;
        const empty = await request({ uri: 'file:///request/orgs.vplan' });
        expect(empty.model).toBeUndefined();
        expect(empty.message).toMatch(/no plan/);
        const unknown = await request({ uri: 'file:///request/nope.vplan' });
        expect(unknown.model).toBeUndefined();
        expect(unknown.version).toBe(-1);
        await cleanup();
    });

    test('the preview survives a member without a name, and its answer is bounded by the plan text, not by a period', async () => {
        const nameless = specExampleText().replace('member daan child born 2020 roles witness', 'member 18');
        const huge = specExampleText().replace('period 2026-01-12 to 2027-01-12', 'period 2026-01-12 for 7900 years')
            .replace('from 2026-01-20 for 12 months', 'from 2026-01-20 for 7000 years');
        const { request, built, cleanup } = await setup({ 'spec.vplan': specExampleText(), 'nameless.vplan': nameless, 'huge.vplan': huge });
        await built;
        const answer = await request({ uri: 'file:///request/nameless.vplan', includeSvg: true });
        expect(answer.model?.members.some(m => m.name === '')).toBe(true);
        expect(answer.svg).toContain('(no name)');
        expect(answer.table?.rows.some(r => r.cells[0] === '(no name)')).toBe(true);
        const normal = JSON.stringify(await request({ uri: 'file:///request/spec.vplan', includeSvg: true }));
        const long = JSON.stringify(await request({ uri: 'file:///request/huge.vplan', includeSvg: true }));
        // The same plan text: the same answer but for at most MAX_TICKS ticks (in the model, the scene and the SVG).
        expect(long.length).toBeLessThan(normal.length + 3 * MAX_TICKS * 150);
        await cleanup();
    });

    test('notifies the client when documents are validated (never for the built-in catalogue)', async () => {
        const { built, notifications, cleanup } = await setup({ 'spec.vplan': specExampleText() });
        await built;
        const changed = notifications.filter(n => n.method === TIMELINE_CHANGED_NOTIFICATION).flatMap(n => (n.params as { uris: string[] }).uris);
        expect(changed).toContain('file:///request/spec.vplan');
        expect(changed.every(uri => uri.startsWith('file:'))).toBe(true);
        await cleanup();
    });
});
