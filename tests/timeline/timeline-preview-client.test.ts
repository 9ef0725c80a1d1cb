/**
 * client/timeline-preview.ts against a stand-in for the `vscode` API: the wiring between the
 * command, the webview, the language client and the editor (real VS Code is tested separately).
 */

import { beforeEach, describe, expect, test, vi } from 'vitest';

type Listener = (value: unknown) => void;

const state = vi.hoisted(() => ({
    commands: new Map<string, (...args: unknown[]) => unknown>(),
    serializers: new Map<string, { deserializeWebviewPanel(panel: unknown, state: unknown): Promise<void> }>(),
    panels: [] as FakePanel[],
    listeners: { changeText: [] as Listener[], activeEditor: [] as Listener[], selection: [] as Listener[] },
    activeTextEditor: undefined as unknown,
    shown: [] as Array<{ uri: string; options: unknown }>,
    lastEditor: undefined as undefined | { selection: unknown; revealed: unknown[] },
    /** `vplan.locale` and VS Code's display language. */
    localeSetting: 'auto' as string,
    displayLanguage: 'en',
    informationMessages: [] as string[]
}));

interface FakePanel {
    viewType: string;
    webview: { options: Record<string, unknown>; html: string; cspSource: string; posted: unknown[]; receive: Listener | undefined;
        postMessage(m: unknown): Promise<boolean>; onDidReceiveMessage(l: Listener): { dispose(): void }; asWebviewUri(u: { toString(): string }): { toString(): string } };
    title: string;
    visible: boolean;
    viewColumn: number;
    disposed: boolean;
    onDidDispose(l: Listener): { dispose(): void };
    onDidChangeViewState(l: Listener): { dispose(): void };
    reveal(): void;
    dispose(): void;
}

vi.mock('vscode', () => {
    class Uri {
        constructor(readonly value: string) {}
        static parse(value: string, strict?: boolean) {
            if (strict && !/^[a-z][\w+.-]*:/.test(value)) throw new Error('bad uri');
            return new Uri(value);
        }
        static joinPath(base: Uri, ...parts: string[]) { return new Uri([base.value, ...parts].join('/')); }
        toString() { return this.value; }
    }
    class Position { constructor(readonly line: number, readonly character: number) {} }
    class Range { constructor(readonly start: Position, readonly end: Position) {} }
    class Selection { constructor(readonly anchor: Position, readonly active: Position) {} }
    class CancellationTokenSource { token = { isCancellationRequested: false }; cancel() { this.token.isCancellationRequested = true; } }
    const disposable = { dispose() { /* none */ } };
    const register = (list: Listener[]) => (listener: Listener) => { list.push(listener); return disposable; };
    const makePanel = (viewType: string): FakePanel => {
        const panel: FakePanel = {
            viewType, title: '', visible: true, viewColumn: 2, disposed: false,
            webview: {
                options: {}, html: '', cspSource: 'vscode-webview://csp', posted: [], receive: undefined,
                postMessage(m) { this.posted.push(m); return Promise.resolve(true); },
                onDidReceiveMessage(l) { this.receive = l; return disposable; },
                asWebviewUri(u) { return { toString: () => `webview:${u.toString()}` }; }
            },
            onDidDispose: () => disposable,
            onDidChangeViewState: () => disposable,
            reveal() { /* shown */ },
            dispose() { this.disposed = true; }
        };
        state.panels.push(panel);
        return panel;
    };
    return {
        Uri, Position, Range, Selection, CancellationTokenSource,
        ViewColumn: { One: 1, Beside: -2 },
        env: { get language() { return state.displayLanguage; } },
        TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
        commands: { registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => { state.commands.set(id, handler); return disposable; } },
        window: {
            get activeTextEditor() { return state.activeTextEditor; },
            visibleTextEditors: [],
            createWebviewPanel: (viewType: string) => makePanel(viewType),
            registerWebviewPanelSerializer: (viewType: string, serializer: never) => { state.serializers.set(viewType, serializer); return disposable; },
            onDidChangeActiveTextEditor: register(state.listeners.activeEditor),
            onDidChangeTextEditorSelection: register(state.listeners.selection),
            showInformationMessage: (message: string) => { state.informationMessages.push(message); return Promise.resolve(undefined); },
            showTextDocument: (document: { uri: Uri }, options: unknown) => {
                state.shown.push({ uri: document.uri.toString(), options });
                state.lastEditor = { selection: undefined, revealed: [] };
                const editor = state.lastEditor;
                return Promise.resolve({
                    set selection(value: unknown) { editor.selection = value; },
                    revealRange: (range: unknown) => { editor.revealed.push(range); }
                });
            }
        },
        workspace: {
            getConfiguration: () => ({ get: (key: string) => (key === 'locale' ? state.localeSetting : undefined) }),
            onDidChangeTextDocument: register(state.listeners.changeText),
            openTextDocument: (uri: Uri) => Promise.resolve({ uri })
        }
    };
});

const { registerTimelinePreview } = await import('../../client/timeline-preview.js');
const { specExampleText, timelineOf } = await import('./timeline-test-helpers.js');
const vscode = await import('vscode') as unknown as { Uri: { parse(v: string): { toString(): string } } };

interface PendingRequest { method: string; params: { uri: string; planId?: string; width?: number }; resolve(value: unknown): void }

function fakeClient() {
    const requests: PendingRequest[] = [];
    const notifications = new Map<string, Listener>();
    return {
        requests,
        notifications,
        sendRequest(method: string, params: PendingRequest['params']) {
            return new Promise(resolve => requests.push({ method, params, resolve }));
        },
        onNotification(method: string, listener: Listener) { notifications.set(method, listener); return { dispose() { /* none */ } }; }
    };
}

const URI_TEXT = 'file:///work/plan.vplan';

async function setup() {
    const context = { subscriptions: [] as unknown[], extensionUri: vscode.Uri.parse('file:///ext') };
    const client = fakeClient();
    registerTimelinePreview(context as never, client as never);
    state.activeTextEditor = {
        document: { uri: vscode.Uri.parse(URI_TEXT), languageId: 'vplan' },
        selection: { active: { line: 0, character: 0 } }
    };
    await state.commands.get('vplan.openTimelineToSide')!();
    return { client, panel: state.panels.at(-1)! };
}

const flush = () => new Promise(resolve => setImmediate(resolve));

beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    state.panels.length = 0;
    state.commands.clear();
    state.serializers.clear();
    state.shown.length = 0;
    state.localeSetting = 'auto';
    state.displayLanguage = 'en';
    state.informationMessages.length = 0;
    Object.values(state.listeners).forEach(list => { list.length = 0; });
});

describe('the timeline preview', () => {
    test('the code lens passes the document URI as a string, and that document is shown', async () => {
        const context = { subscriptions: [] as unknown[], extensionUri: vscode.Uri.parse('file:///ext') };
        const client = fakeClient();
        registerTimelinePreview(context as never, client as never);
        state.activeTextEditor = undefined;
        await state.commands.get('vplan.openTimelineToSide')!('file:///work/other.vplan');
        expect(client.requests[0]).toMatchObject({ method: 'vplan/timeline', params: { uri: 'file:///work/other.vplan' } });
    });

    test('opens a locked-down webview and asks the server for the active document', async () => {
        const { client, panel } = await setup();
        expect(panel.viewType).toBe('vplan.timeline');
        expect(panel.webview.options).toMatchObject({ enableScripts: true, enableForms: false, enableCommandUris: false });
        expect((panel.webview.options.localResourceRoots as Array<{ toString(): string }>).map(u => u.toString())).toEqual(['file:///ext/media']);
        expect(panel.webview.html).toMatch(/default-src &#39;none&#39;; img-src vscode-webview&#58;\/\/csp; style-src vscode-webview&#58;\/\/csp; script-src &#39;nonce-[A-Za-z0-9+/=]{24}&#39;/);
        expect(client.requests).toHaveLength(1);
        expect(client.requests[0]).toMatchObject({ method: 'vplan/timeline', params: { uri: URI_TEXT } });
    });

    test('never shows an older answer after a newer one', async () => {
        const { client, panel } = await setup();
        state.listeners.changeText.forEach(l => l({ document: { uri: vscode.Uri.parse(URI_TEXT) } }));
        vi.advanceTimersByTime(300);
        expect(client.requests).toHaveLength(2);
        client.requests[1].resolve({ uri: URI_TEXT, version: 2, planIds: ['p'], planId: 'p', locale: 'en' });
        await flush();
        client.requests[0].resolve({ uri: URI_TEXT, version: 1, planIds: ['p'], planId: 'p', locale: 'en' });
        await flush();
        const updates = panel.webview.posted.filter((m): m is { type: string; view: { version: number } } => (m as { type: string }).type === 'update');
        expect(updates.map(u => u.view.version)).toEqual([2]);
    });

    test('typing is throttled: a burst of changes becomes one more request', async () => {
        const { client } = await setup();
        for (let i = 0; i < 10; i++) state.listeners.changeText.forEach(l => l({ document: { uri: vscode.Uri.parse(URI_TEXT) } }));
        expect(client.requests).toHaveLength(1);
        vi.advanceTimersByTime(300);
        expect(client.requests).toHaveLength(2);
        vi.advanceTimersByTime(1000);
        expect(client.requests).toHaveLength(2);
    });

    test('the server\'s notification refreshes only the shown document', async () => {
        const { client } = await setup();
        vi.advanceTimersByTime(300);
        client.notifications.get('vplan/timelineChanged')!({ uris: ['file:///other.vplan'] });
        vi.advanceTimersByTime(300);
        expect(client.requests).toHaveLength(1);
        client.notifications.get('vplan/timelineChanged')!({ uris: [URI_TEXT] });
        expect(client.requests).toHaveLength(2);
    });

    test('a click in the webview reveals the declaration from the extension\'s own model', async () => {
        const { client, panel } = await setup();
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        client.requests[0].resolve({ uri: URI_TEXT, version: 1, planIds: ['vermeer_2026'], planId: 'vermeer_2026', locale: 'en', model });
        await flush();
        panel.webview.receive!({ type: 'reveal', itemId: 'measure:hv' });
        await flush();
        expect(state.shown).toEqual([{ uri: URI_TEXT, options: expect.objectContaining({ viewColumn: 1 }) }]);
        const range = model.items.find(i => i.id === 'measure:hv')!.range!;
        expect(state.lastEditor!.selection).toMatchObject({ active: { line: range.start.line, character: range.start.character } });
        // Unknown ids and malformed messages do nothing.
        panel.webview.receive!({ type: 'reveal', itemId: 'measure:nope' });
        panel.webview.receive!({ type: 'reveal', range: range });
        await flush();
        expect(state.shown).toHaveLength(1);
    });

    test('the webview\'s width reaches the server', async () => {
        const { client, panel } = await setup();
        panel.webview.receive!({ type: 'ready', width: 720 });
        vi.advanceTimersByTime(300);
        expect(client.requests.at(-1)!.params.width).toBe(720);
    });

    test('a reload restores the panel from its saved state, and drops a broken one', async () => {
        const context = { subscriptions: [] as unknown[], extensionUri: vscode.Uri.parse('file:///ext') };
        const client = fakeClient();
        registerTimelinePreview(context as never, client as never);
        const serializer = state.serializers.get('vplan.timeline')!;
        const broken = { disposed: false, dispose() { this.disposed = true; } };
        await serializer.deserializeWebviewPanel(broken, { uri: 42 });
        expect(broken.disposed).toBe(true);
        const revived = state.panels.length;
        const panel = (await import('vscode') as unknown as { window: { createWebviewPanel(t: string): FakePanel } }).window.createWebviewPanel('vplan.timeline');
        expect(state.panels.length).toBe(revived + 1);
        await serializer.deserializeWebviewPanel(panel, { uri: URI_TEXT, planId: 'vermeer_2026' });
        expect(panel.disposed).toBe(false);
        expect(panel.webview.html).toContain('Content-Security-Policy');
        expect(client.requests.at(-1)!.params).toMatchObject({ uri: URI_TEXT, planId: 'vermeer_2026' });
    });

    test('the webview gets the drawing and the table, never the model or the SVG text', async () => {
        const { client, panel } = await setup();
        const model = await timelineOf(specExampleText(), { withOrganisations: false });
        client.requests[0].resolve({
            uri: URI_TEXT, version: 3, planIds: ['vermeer_2026'], planId: 'vermeer_2026', locale: 'en', model,
            scene: { width: 1, height: 1, title: 't', elements: [] }, table: { caption: 'c', columns: [], rows: [], legend: '' }, svg: '<svg/>'
        });
        await flush();
        const update = panel.webview.posted.find((m): m is { type: string; view: Record<string, unknown> } => (m as { type: string }).type === 'update')!;
        expect(Object.keys(update.view).sort()).toEqual(['message', 'planId', 'scene', 'table', 'uri', 'version']);
        // The extension keeps the model itself, to reveal a clicked item.
        panel.webview.receive!({ type: 'reveal', itemId: 'measure:hv' });
        await flush();
        expect(state.shown).toHaveLength(1);
    });

    test('a reload reads only the document and the plan from the saved state, and asks the server again', async () => {
        const context = { subscriptions: [] as unknown[], extensionUri: vscode.Uri.parse('file:///ext') };
        const client = fakeClient();
        registerTimelinePreview(context as never, client as never);
        const serializer = state.serializers.get('vplan.timeline')!;
        const createPanel = async () => (await import('vscode') as unknown as { window: { createWebviewPanel(t: string): FakePanel } }).window.createWebviewPanel('vplan.timeline');
        // A state saved by an older version held the whole drawing: only the URI and the plan count.
        const panel = await createPanel();
        await serializer.deserializeWebviewPanel(panel, { uri: URI_TEXT, planId: 'vermeer_2026', scrollY: 120, view: { scene: { title: 'OLD' }, model: {} } });
        expect(panel.disposed).toBe(false);
        expect(client.requests.at(-1)!.params).toMatchObject({ uri: URI_TEXT, planId: 'vermeer_2026' });
        expect(panel.webview.posted.filter(m => (m as { type: string }).type === 'update')).toEqual([]);
        // A plan name that is no name is ignored; an empty or overlong URI drops the panel.
        const other = await createPanel();
        await serializer.deserializeWebviewPanel(other, { uri: URI_TEXT, planId: 42 });
        expect(client.requests.at(-1)!.params.planId).toBeUndefined();
        for (const broken of [{ uri: '' }, { uri: `file:///${'x'.repeat(9000)}` }, null, 'file:///a.vplan']) {
            const dropped = await createPanel();
            await serializer.deserializeWebviewPanel(dropped, broken);
            expect(dropped.disposed).toBe(true);
        }
    });

    test('speaks the language of vplan.locale, else of VS Code; the panel title follows the drawing\'s locale', async () => {
        state.displayLanguage = 'nl';
        const { client, panel } = await setup();
        expect(panel.webview.html).toContain('<html lang="nl">');
        expect(panel.webview.html).toContain('<title>vplan-tijdlijn</title>');
        client.requests[0].resolve({ uri: URI_TEXT, version: 1, planIds: ['p'], planId: 'p', locale: 'nl' });
        await flush();
        expect(panel.title).toBe('Tijdlijn: p');

        state.localeSetting = 'en';
        state.activeTextEditor = { document: { uri: vscode.Uri.parse(URI_TEXT), languageId: 'plaintext' }, selection: { active: { line: 0, character: 0 } } };
        await state.commands.get('vplan.openTimelineToSide')!();
        state.localeSetting = 'nl';
        state.displayLanguage = 'en';
        await state.commands.get('vplan.openTimelineToSide')!();
        expect(state.informationMessages).toEqual(['Open a .vplan file to see its timeline.', 'Open een .vplan-bestand om de tijdlijn te zien.']);
    });
});
