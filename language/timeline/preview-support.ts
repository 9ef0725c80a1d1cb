/**
 * The parts of the editor's timeline preview that need no `vscode`: the webview HTML with its
 * strict Content-Security-Policy, the check of messages coming back from the webview, the
 * "never show an older version after a newer one" gate, and the throttle. Unit-tested on their
 * own; client/timeline-preview.ts wires them to VS Code.
 */

import { escapeMarkup } from './escape.js';
import type { TimelineModel, TimelineRange } from './timeline-model.js';
import type { TimelineResult } from './timeline-protocol.js';

export const TIMELINE_VIEW_TYPE = 'vplan.timeline';

export interface WebviewHtmlOptions {
    /** `webview.cspSource`. */
    cspSource: string;
    /** A fresh, unpredictable nonce per HTML render (crypto.randomBytes). */
    nonce: string;
    scriptUri: string;
    styleUri: string;
    title: string;
    lang: string;
}

export function webviewContentSecurityPolicy(cspSource: string, nonce: string): string {
    return `default-src 'none'; img-src ${cspSource}; style-src ${cspSource}; script-src 'nonce-${nonce}'`;
}

/** The static page: no plan text at all; the script fills it from posted data with DOM APIs. */
export function buildWebviewHtml(options: WebviewHtmlOptions): string {
    if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(options.nonce)) throw new Error('the nonce must be at least 16 base64 characters');
    const csp = webviewContentSecurityPolicy(options.cspSource, options.nonce);
    return [
        '<!DOCTYPE html>',
        `<html lang="${escapeMarkup(options.lang)}">`,
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${escapeMarkup(csp)}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<link rel="stylesheet" href="${escapeMarkup(options.styleUri)}">`,
        `<title>${escapeMarkup(options.title)}</title>`,
        '</head>',
        '<body class="vp-page vp-webview">',
        '<div id="vp-status" class="vp-status" role="status" aria-live="polite"></div>',
        '<figure id="vp-figure" class="vp-figure"></figure>',
        '<div id="vp-table"></div>',
        `<script nonce="${escapeMarkup(options.nonce)}" src="${escapeMarkup(options.scriptUri)}"></script>`,
        '</body>',
        '</html>'
    ].join('\n');
}

/** What the webview draws: the scene and the table, and what identifies them. */
export type WebviewView = Pick<TimelineResult, 'uri' | 'version' | 'planId' | 'scene' | 'table' | 'message'>;

/**
 * The part of a server answer the webview gets: no model (the extension keeps it to reveal
 * declarations) and no SVG text.
 */
export function webviewView(result: TimelineResult): WebviewView {
    return { uri: result.uri, version: result.version, planId: result.planId, scene: result.scene, table: result.table, message: result.message };
}

/**
 * What the webview keeps for a reload (VS Code stores it on disk): the document, the plan and the
 * scroll position, never plan text. media/timeline.js stores it; the extension reads the URI and
 * the plan back from it, and asks the server for the drawing again.
 */
export interface PreviewViewState {
    uri: string;
    planId?: string;
}

/** The saved state of a preview, checked: undefined unless it names a document. */
export function parsePreviewState(state: unknown): PreviewViewState | undefined {
    if (typeof state !== 'object' || state === null) return undefined;
    const { uri, planId } = state as { uri?: unknown; planId?: unknown };
    if (typeof uri !== 'string' || uri.length === 0 || uri.length > 8192) return undefined;
    return typeof planId === 'string' && planId.length > 0 && planId.length <= 200 ? { uri, planId } : { uri };
}

/** What the webview may ask; anything else is ignored. */
export type WebviewMessage = { type: 'ready'; width?: number } | { type: 'resize'; width: number } | { type: 'reveal'; itemId: string };

function validWidth(width: unknown): width is number {
    return typeof width === 'number' && Number.isFinite(width) && width >= 100 && width <= 10_000;
}

export function parseWebviewMessage(message: unknown): WebviewMessage | undefined {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, itemId, width } = message as { type?: unknown; itemId?: unknown; width?: unknown };
    if (type === 'ready') return validWidth(width) ? { type, width } : { type };
    if (type === 'resize') return validWidth(width) ? { type, width } : undefined;
    if (type === 'reveal' && typeof itemId === 'string' && itemId.length > 0 && itemId.length <= 200) return { type, itemId };
    return undefined;
}

/**
 * The source range behind an item id, looked up in the model the extension holds (never taken
 * from the webview, which only names the item).
 */
export function rangeForItem(model: TimelineModel | undefined, itemId: string): TimelineRange | undefined {
    if (!model) return undefined;
    // `aftercare` is the first aftercare block, `aftercare:INDEX` a later one.
    if (itemId === 'aftercare' || itemId.startsWith('aftercare:')) return model.aftercareBlocks.find(a => a.id === itemId)?.range;
    const item = model.items.find(i => i.id === itemId);
    if (item) return item.range;
    const regie = model.regie.periods.find(p => p.id === itemId);
    if (regie) return regie.range;
    const marker = model.markers.find(m => m.id === itemId);
    if (marker) return marker.range;
    const incident = model.incidents?.find(i => i.id === itemId);
    if (incident) return incident.range;
    if (itemId.startsWith('member')) return model.members.find(m => m.id === itemId)?.range;
    return undefined;
}

/**
 * Orders answers: each request takes a ticket; an answer is shown only if no later ticket was
 * shown already and, for the same document, its text version is not older than the one shown.
 */
export class TimelineUpdateGate {
    private issued = 0;
    private shownTicket = 0;
    private shownUri: string | undefined;
    private shownVersion = -Infinity;

    next(): number {
        return ++this.issued;
    }

    /** True (and remembered) when the answer for `ticket` may replace what is shown. */
    accept(ticket: number, uri: string, version: number): boolean {
        if (ticket <= this.shownTicket) return false;
        if (uri === this.shownUri && version < this.shownVersion) return false;
        this.shownTicket = ticket;
        this.shownUri = uri;
        this.shownVersion = version;
        return true;
    }

    /** Forget the shown version (the panel was rebuilt). */
    reset(): void {
        this.shownUri = undefined;
        this.shownVersion = -Infinity;
    }
}

export interface Timers {
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

/**
 * Runs `action` at most once per `delayMs`: the first call runs at once, calls during the quiet
 * period collapse into one trailing run, so the last change is always shown.
 */
export function createThrottle(action: () => void, delayMs: number, timers: Timers = globalThis as unknown as Timers): { schedule(): void; dispose(): void } {
    let handle: unknown;
    let pending = false;
    let disposed = false;
    const fire = () => {
        handle = undefined;
        if (pending && !disposed) {
            pending = false;
            action();
            handle = timers.setTimeout(fire, delayMs);
        }
    };
    return {
        schedule() {
            if (disposed) return;
            if (handle === undefined) {
                action();
                handle = timers.setTimeout(fire, delayMs);
            } else {
                pending = true;
            }
        },
        dispose() {
            disposed = true;
            if (handle !== undefined) timers.clearTimeout(handle);
            handle = undefined;
        }
    };
}
