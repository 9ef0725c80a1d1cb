/**
 * The custom `vplan/timeline` request and the `vplan/timelineChanged` notification
 * (docs/lsp-extensions.md). The request waits until the document is validated, so the preview
 * always shows a validated state with its diagnostics; the notification tells the client when
 * to ask again.
 */

import { VplanDocumentBuilder } from '../language/workspace/vplan-document-builder.js';
import { DocumentState, ReadPriority, URI, isOperationCancelled, type LangiumDocument } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { createVplanServices } from '../language/vplan-module.js';
import { isPlan, type Plan, type VplanFile } from '../language/generated/ast.js';
import { planFacts } from '../language/analysis/plan-facts.js';
import { buildTimeline } from '../language/timeline/timeline-model.js';
import { layoutTimeline } from '../language/timeline/timeline-layout.js';
import { buildTimelineTable } from '../language/timeline/timeline-table.js';
import { renderSvg } from '../language/timeline/render-svg.js';
import { timelineTexts } from '../language/timeline/timeline-texts.js';
import { text } from '../language/i18n/locale.js';
import { isBuiltinUri } from '../language/workspace/builtin-documents.js';
import {
    TIMELINE_CHANGED_NOTIFICATION, TIMELINE_REQUEST, type TimelineChangedParams, type TimelineParams, type TimelineResult
} from '../language/timeline/timeline-protocol.js';

type Services = ReturnType<typeof createVplanServices>;


function containsPosition(plan: Plan, position: { line: number; character: number }): boolean {
    const range = plan.$cstNode?.range;
    if (!range) return false;
    const after = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line > b.line || (a.line === b.line && a.character >= b.character);
    return after(position, range.start) && after(range.end, position);
}

/** Picks the plan: by id, else the one holding the cursor, else the first. */
export function choosePlan(plans: readonly Plan[], params: Pick<TimelineParams, 'planId' | 'position'>): Plan | undefined {
    if (params.planId !== undefined) {
        const byId = plans.find(p => p.name === params.planId);
        if (byId) return byId;
    }
    if (params.position) {
        const atCursor = plans.find(p => containsPosition(p, params.position!));
        if (atCursor) return atCursor;
    }
    return plans[0];
}

/** Computes the answer for a validated document (exported for tests). */
export function timelineResult(services: Services, document: LangiumDocument<VplanFile>, params: TimelineParams, today: Date = new Date()): TimelineResult {
    const locale = services.Vplan.config.SettingsProvider.settingsFor(document.uri).locale;
    const plans = document.parseResult.value.declarations.filter(isPlan);
    const base = { uri: params.uri, version: document.textDocument.version, planIds: plans.map(p => p.name), locale };
    const plan = choosePlan(plans, params);
    if (!plan) return { ...base, message: text(timelineTexts.noPlan, {}, locale) };
    const model = buildTimeline(planFacts(plan), document.diagnostics ?? [], { today });
    const width = typeof params.width === 'number' && Number.isFinite(params.width) ? Math.min(4000, Math.max(600, Math.round(params.width))) : undefined;
    return {
        ...base,
        planId: plan.name,
        model,
        scene: layoutTimeline(model, { locale, width }),
        table: buildTimelineTable(model, locale),
        svg: params.includeSvg ? renderSvg(model, { locale, width }) : undefined
    };
}

/**
 * `isCurrent` tells whether a validated document was built from the latest text the client sent:
 * a build overtaken by a newer edit announces nothing (the build of that edit will), so a burst
 * of edits gives one notification, not one per edit.
 */
export function registerTimelineRequest(connection: Connection, services: Services, isCurrent: (document: LangiumDocument) => boolean = () => true): void {
    const { shared } = services;

    const builder = shared.workspace.DocumentBuilder;
    const isParked = (uri: URI) => builder instanceof VplanDocumentBuilder && builder.parked.isParked(uri);

    connection.onRequest(TIMELINE_REQUEST, async (params: TimelineParams, token: CancellationToken): Promise<TimelineResult> => {
        if (typeof params?.uri !== 'string') throw new ResponseError(-32602, 'vplan/timeline needs a uri');
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        const lock = shared.workspace.WorkspaceLock;
        const locale = services.Vplan.config.SettingsProvider.settingsFor(uri).locale;
        const notOpen = (): TimelineResult => ({ uri: params.uri, version: -1, planIds: [], locale, message: text(timelineTexts.notOpen, {}, locale) });
        try {
            await shared.workspace.WorkspaceManager.ready;
            // Let queued document updates (a didOpen or didChange just before this request) land first,
            // so the answer is about the text the client has, not an older one.
            await lock.read(() => undefined);
            // A parked plan (language/workspace/parked-plans.ts) is not open, and has no tree to draw.
            if (!documents.hasDocument(uri) || isParked(uri)) return notOpen();
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        } catch (error) {
            if (isOperationCancelled(error)) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
            throw error;
        }
        // The state was awaited above; read right away, like Langium's own request handlers.
        return lock.read(() => {
            const document = documents.getDocument(uri) as LangiumDocument<VplanFile> | undefined;
            return document && !isParked(uri) ? timelineResult(services, document, params) : notOpen();
        }, ReadPriority.Immediate);
    });

    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        const uris = documents.filter(isCurrent).map(d => d.uri.toString()).filter(uri => !isBuiltinUri(uri));
        if (uris.length > 0) void connection.sendNotification(TIMELINE_CHANGED_NOTIFICATION, { uris } satisfies TimelineChangedParams);
    });
}
