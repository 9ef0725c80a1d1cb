/**
 * `vplan/timeline` and `vplan/timelineChanged` over real JSON-RPC, against the bundled server
 * (out/server.cjs), through the protocol test harness.
 */

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type LspServer } from '../protocol/lsp-harness.js';
import {
    TIMELINE_CHANGED_NOTIFICATION, TIMELINE_REQUEST, type TimelineChangedParams, type TimelineResult
} from '../../language/timeline/timeline-protocol.js';
import { specExampleText } from './timeline-test-helpers.js';

let server: LspServer;
const changed: string[] = [];

beforeAll(async () => {
    server = await startServer({ workspaceFiles: {} });
    server.connection.onNotification(TIMELINE_CHANGED_NOTIFICATION, (params: TimelineChangedParams) => { changed.push(...params.uris); });
}, 60_000);

afterAll(async () => { await server?.stop(); });

describe('the timeline over LSP', () => {
    test('answers with the validated model of the current text version, and notifies on validation', async () => {
        const uri = server.uri('spec.vplan');
        const text = specExampleText();
        await server.open(uri, text);
        const first = await server.request<TimelineResult>(TIMELINE_REQUEST, { uri });
        expect(first.version).toBe(1);
        expect(first.planId).toBe('vermeer_2026');
        expect(first.model?.items.find(i => i.id === 'measure:hv')?.end).toBe('2026-02-09');
        expect(first.scene?.elements.length).toBeGreaterThan(0);
        expect(changed).toContain(uri);

        // The coordinator edits: a later request sees the new text, never the old one.
        await server.change(uri, text.replace('extend for 18 days', 'extend for 8 days'));
        const second = await server.request<TimelineResult>(TIMELINE_REQUEST, { uri });
        expect(second.version).toBe(2);
        expect(second.model?.items.find(i => i.id === 'measure:hv')?.end).toBe('2026-01-30');
    });

    test('a document without a plan gets a message', async () => {
        const uri = server.uri('orgs.vplan');
        await server.open(uri, 'organisation vt "Veilig Thuis" kind veiligthuis\n');
        const result = await server.request<TimelineResult>(TIMELINE_REQUEST, { uri });
        expect(result.model).toBeUndefined();
        expect(result.message).toBeTruthy();
    });
});
