/**
 * The custom LSP messages of the timeline preview (docs/lsp-extensions.md), shared by the server
 * and the VS Code client so the two can never disagree on names or shapes. No runtime imports:
 * both sides pass the method names as strings to their own jsonrpc connection.
 */

import type { Locale } from '../i18n/locale.js';
import type { TimelineScene } from './timeline-layout.js';
import type { TimelineModel } from './timeline-model.js';
import type { TimelineTable } from './timeline-table.js';

/** Request `vplan/timeline`: the timeline of one plan of a document, after it is validated. */
export const TIMELINE_REQUEST = 'vplan/timeline';

/** Notification `vplan/timelineChanged` (server → client): these documents were validated again. */
export const TIMELINE_CHANGED_NOTIFICATION = 'vplan/timelineChanged';

/** The client's command that opens the timeline beside the editor; the server's code lens links to it. */
export const OPEN_TIMELINE_COMMAND = 'vplan.openTimelineToSide';

export interface TimelineParams {
    /** The document URI, as the client knows it. */
    uri: string;
    /** The plan to draw; else the plan holding `position`; else the first plan. */
    planId?: string;
    /** The cursor, zero-based: lets the preview follow the plan being edited. */
    position?: { line: number; character: number };
    /** The width to lay the drawing out for, in CSS pixels (the preview's width); default 1200. */
    width?: number;
    /** Also return the SVG markup (for tools without a DOM). */
    includeSvg?: boolean;
}

export interface TimelineResult {
    uri: string;
    /** The text version the timeline was computed from (for the client's "never older" check). */
    version: number;
    /** Every plan in the document, in source order. */
    planIds: string[];
    planId?: string;
    locale: Locale;
    /** Undefined when the document holds no plan (`message` then says so). */
    model?: TimelineModel;
    /** The laid-out drawing: plain primitives the webview builds with DOM APIs. */
    scene?: TimelineScene;
    table?: TimelineTable;
    svg?: string;
    /** A short, localised note when there is nothing to draw. */
    message?: string;
}

export interface TimelineChangedParams {
    uris: string[];
}
