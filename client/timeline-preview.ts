/**
 * The timeline preview: one webview beside the editor that follows the active plan, updates as
 * the coordinator types (throttled, never older after newer), survives a window reload (keeping
 * only the document, the plan and the scroll position, and asking the server again), and
 * reveals a declaration when an item is clicked. Security: a strict CSP with a fresh nonce,
 * scripts only from media/, no forms, and plan text only ever inserted as text by media/timeline.js.
 * The vscode-free parts live in language/timeline/preview-support.ts (unit-tested).
 */

import { randomBytes } from 'node:crypto';
import {
    CancellationTokenSource, Position, Range, Selection, TextEditorRevealType, Uri, ViewColumn, commands, window, workspace,
    type Disposable, type ExtensionContext, type TextDocument, type WebviewOptions, type WebviewPanel, type WebviewPanelOptions
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    TIMELINE_VIEW_TYPE, TimelineUpdateGate, buildWebviewHtml, createThrottle, parsePreviewState, parseWebviewMessage, rangeForItem, webviewView
} from '../language/timeline/preview-support.js';
import {
    OPEN_TIMELINE_COMMAND, TIMELINE_CHANGED_NOTIFICATION, TIMELINE_REQUEST, type TimelineChangedParams, type TimelineParams, type TimelineResult
} from '../language/timeline/timeline-protocol.js';
import { text } from '../language/i18n/locale.js';
import { clientTexts } from './client-texts.js';
import { currentLocale } from './client-locale.js';

const THROTTLE_MS = 300;

function isVplanDocument(document: TextDocument | undefined): document is TextDocument {
    return document?.languageId === 'vplan';
}

class TimelinePreview implements Disposable {
    private readonly gate = new TimelineUpdateGate();
    private readonly disposables: Disposable[] = [];
    private readonly throttle = createThrottle(() => void this.update(), THROTTLE_MS);
    private last: TimelineResult | undefined;
    private inFlight: CancellationTokenSource | undefined;
    private disposed = false;
    /** The webview's width, so the server lays the drawing out to fit (undefined: its default). */
    private width: number | undefined;

    constructor(
        readonly panel: WebviewPanel,
        context: ExtensionContext,
        private readonly client: LanguageClient,
        private uri: Uri,
        private planId: string | undefined,
        private readonly onDispose: () => void
    ) {
        configureWebview(panel, context);
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage(message => this.onMessage(message)),
            panel.onDidChangeViewState(() => { if (panel.visible) this.refresh(); }),
            workspace.onDidChangeTextDocument(event => { if (event.document.uri.toString() === this.uri.toString()) this.refresh(); }),
            window.onDidChangeActiveTextEditor(editor => {
                if (editor && isVplanDocument(editor.document)) this.follow(editor.document.uri);
            }),
            window.onDidChangeTextEditorSelection(event => {
                // Several plans in one file: follow the plan under the cursor.
                if (event.textEditor.document.uri.toString() === this.uri.toString() && (this.last?.planIds.length ?? 0) > 1) {
                    this.planId = undefined;
                    this.refresh();
                }
            }),
            client.onNotification(TIMELINE_CHANGED_NOTIFICATION, (params: TimelineChangedParams) => {
                if (Array.isArray(params?.uris) && params.uris.includes(this.uri.toString())) this.refresh();
            })
        );
        this.refresh();
    }

    /** Show another document (the active editor changed). */
    follow(uri: Uri): void {
        if (uri.toString() === this.uri.toString()) return;
        this.uri = uri;
        this.planId = undefined;
        this.last = undefined;
        this.gate.reset();
        this.refresh();
    }

    reveal(): void {
        this.panel.reveal(this.panel.viewColumn ?? ViewColumn.Beside, true);
    }

    refresh(): void {
        if (!this.disposed) this.throttle.schedule();
    }

    private async update(): Promise<void> {
        const ticket = this.gate.next();
        this.inFlight?.cancel();
        const source = new CancellationTokenSource();
        this.inFlight = source;
        const uri = this.uri;
        const editor = window.activeTextEditor?.document.uri.toString() === uri.toString() ? window.activeTextEditor : undefined;
        const params: TimelineParams = {
            uri: uri.toString(),
            planId: this.planId,
            width: this.width,
            position: editor ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined
        };
        let result: TimelineResult;
        try {
            result = await this.client.sendRequest<TimelineResult>(TIMELINE_REQUEST, params, source.token);
        } catch {
            return; // cancelled by a newer request, or the server is restarting; the next change retries
        }
        if (this.disposed || uri.toString() !== this.uri.toString()) return;
        if (!this.gate.accept(ticket, result.uri, result.version)) return;
        this.last = result;
        // The title in the language of the drawing beside it (the document's, which a config file may pin).
        this.panel.title = result.planId ? text(clientTexts.timelineOfPlan, { plan: result.planId }, result.locale) : text(clientTexts.timeline, {}, result.locale);
        // Only what the webview draws: it keeps the document, the plan and its scroll position for a reload, nothing more.
        void this.panel.webview.postMessage({ type: 'update', seq: ticket, view: webviewView(result) });
    }

    private async onMessage(raw: unknown): Promise<void> {
        const message = parseWebviewMessage(raw);
        if (!message) return;
        if (message.type === 'resize') {
            this.width = message.width;
            this.refresh();
            return;
        }
        if (message.type === 'ready') {
            this.width = message.width ?? this.width;
            // A (re)loaded webview starts counting again; send it the newest picture.
            void this.panel.webview.postMessage({ type: 'reset' });
            this.gate.reset();
            this.refresh();
            return;
        }
        const range = rangeForItem(this.last?.model, message.itemId);
        if (!range) return;
        const document = await workspace.openTextDocument(this.uri);
        const visible = window.visibleTextEditors.find(e => e.document.uri.toString() === this.uri.toString());
        const editor = await window.showTextDocument(document, { viewColumn: visible?.viewColumn ?? ViewColumn.One, preserveFocus: false });
        const start = new Position(range.start.line, range.start.character);
        editor.selection = new Selection(start, start);
        editor.revealRange(new Range(start, new Position(range.end.line, range.end.character)), TextEditorRevealType.InCenterIfOutsideViewport);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.inFlight?.cancel();
        this.throttle.dispose();
        this.disposables.forEach(d => d.dispose());
        this.onDispose();
        this.panel.dispose();
    }
}

function webviewOptions(context: ExtensionContext): WebviewOptions & WebviewPanelOptions {
    return {
        enableScripts: true,
        enableForms: false,
        enableCommandUris: false,
        localResourceRoots: [Uri.joinPath(context.extensionUri, 'media')]
    };
}

function configureWebview(panel: WebviewPanel, context: ExtensionContext): void {
    panel.webview.options = webviewOptions(context);
    const media = Uri.joinPath(context.extensionUri, 'media');
    panel.webview.html = buildWebviewHtml({
        cspSource: panel.webview.cspSource,
        nonce: randomBytes(18).toString('base64'),
        scriptUri: panel.webview.asWebviewUri(Uri.joinPath(media, 'timeline.js')).toString(),
        styleUri: panel.webview.asWebviewUri(Uri.joinPath(media, 'timeline.css')).toString(),
        title: text(clientTexts.webviewTitle, {}, currentLocale()),
        lang: currentLocale()
    });
}

export function registerTimelinePreview(context: ExtensionContext, client: LanguageClient): void {
    let preview: TimelinePreview | undefined;

    const open = (uri: Uri, planId: string | undefined, panel?: WebviewPanel) => {
        if (preview && !panel) {
            preview.follow(uri);
            preview.reveal();
            return;
        }
        const target = panel ?? window.createWebviewPanel(TIMELINE_VIEW_TYPE, text(clientTexts.timeline, {}, currentLocale()), { viewColumn: ViewColumn.Beside, preserveFocus: true }, webviewOptions(context));
        preview?.dispose();
        preview = new TimelinePreview(target, context, client, uri, planId, () => { preview = undefined; });
    };

    context.subscriptions.push(
        commands.registerCommand(OPEN_TIMELINE_COMMAND, (resource?: unknown) => {
            // The editor title button passes a Uri; the server's code lens passes the URI as a string.
            const given = resource instanceof Uri ? resource : typeof resource === 'string' ? Uri.parse(resource) : undefined;
            const uri = given ?? window.activeTextEditor?.document.uri;
            const document = given ? undefined : window.activeTextEditor?.document;
            if (!uri || (document && !isVplanDocument(document))) {
                void window.showInformationMessage(text(clientTexts.openPlanFirst, {}, currentLocale()));
                return;
            }
            open(uri, undefined);
        }),
        window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
            async deserializeWebviewPanel(panel: WebviewPanel, state: unknown) {
                // The saved state names the document and the plan; the drawing is asked of the server again.
                const saved = parsePreviewState(state);
                if (!saved) {
                    panel.dispose();
                    return;
                }
                let uri: Uri;
                try {
                    uri = Uri.parse(saved.uri, true);
                } catch {
                    panel.dispose();
                    return;
                }
                open(uri, saved.planId, panel);
            }
        }),
        { dispose: () => preview?.dispose() }
    );
}
