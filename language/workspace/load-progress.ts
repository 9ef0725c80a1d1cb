/**
 * Progress of the language server's first load of the workspace (issue 14, item 6): reading the
 * files, then building them, as "files done of total". The workspace manager
 * (`VplanWorkspaceManager.initializeWorkspace`, builtin-documents.ts) reports to the listeners
 * added here; the server turns them into LSP work-done progress (`window/workDoneProgress`), so
 * the editor shows it. No connection here: language/ uses LSP types only.
 */

import { DocumentState, isOperationCancelled, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { text, type Locale } from '../i18n/locale.js';
import { loadProgressTexts } from './load-progress-texts.js';
import { VplanDocumentBuilder } from './vplan-document-builder.js';
import { ProgressListeners, type ProgressListener } from './progress-listeners.js';

/** A listener of the load: it begins while the files are read, then hears how many are built. */
export type LoadProgressListener = ProgressListener;

// The texts are a catalogue of their own (load-progress-texts.ts), as every text of vplan.
export { loadProgressTexts };

/** The texts of the progress in a locale: its title, the message while reading, and while building. */
export function loadProgressText(locale: Locale): { title: string; reading: string; built: (done: number, total: number) => string } {
    return {
        title: text(loadProgressTexts.title, {}, locale),
        reading: text(loadProgressTexts.reading, {}, locale),
        built: (done, total) => text(loadProgressTexts.built, { done, total }, locale)
    };
}

/** The listeners of one set of services, and how the workspace manager reports to them. */
export class WorkspaceLoadProgress {
    protected readonly listeners = new ProgressListeners();

    constructor(protected readonly shared: LangiumSharedCoreServices) {}

    add(listener: LoadProgressListener): void {
        this.listeners.add(listener);
    }

    /** Runs the load: `read` gives the documents, `build` builds them; progress is reported around both. */
    async run(read: () => Promise<LangiumDocument[]>, build: (documents: LangiumDocument[]) => Promise<void>): Promise<void> {
        if (this.listeners.size === 0) {
            await build(await read());
            return;
        }
        const each = (call: (listener: LoadProgressListener) => void) => this.listeners.tell(call);
        each(listener => listener.begin());
        let finished = false;
        const finish = () => {
            if (finished) return;
            finished = true;
            each(listener => listener.end());
        };
        let documents: LangiumDocument[];
        try {
            documents = await read();
        } catch (error) {
            finish();
            throw error;
        }
        // The files of the workspace (not the built-in catalogue).
        const files = documents.filter(document => document.uri.scheme === 'file');
        const total = files.length;
        const pending = new Set(files.map(document => document.uri.toString()));
        let done = 0;
        const builder = this.shared.workspace.DocumentBuilder;
        const langiumDocuments = this.shared.workspace.LangiumDocuments;
        const subscriptions: Array<{ dispose(): void }> = [];
        const stop = () => {
            subscriptions.forEach(subscription => subscription.dispose());
            finish();
        };
        // A document counts as done once it is linked. An edit while the workspace loads cancels
        // the first build and the next build takes its documents over (Langium's `update`), so
        // the progress follows the documents, not the first build.
        subscriptions.push(builder.onDocumentPhase(DocumentState.Linked, document => {
            if (!pending.delete(document.uri.toString())) return;
            done++;
            each(listener => listener.report(done, total));
            if (pending.size === 0) stop();
        }));
        // After each build's linking: documents deleted meanwhile will never be linked.
        subscriptions.push(builder.onBuildPhase(DocumentState.Linked, () => {
            for (const key of [...pending]) {
                const document = langiumDocuments.getDocument(URI.parse(key));
                // A plan of a lean load that is still queued (vplan-document-builder.ts) comes later.
                if (!document && builder instanceof VplanDocumentBuilder && builder.isQueued(key)) continue;
                if (!document || document.state >= DocumentState.Linked) pending.delete(key);
            }
            if (pending.size === 0) stop();
        }));
        each(listener => listener.report(0, total));
        if (pending.size === 0) stop();
        try {
            await build(documents);
        } catch (error) {
            // Cancelled: the next build goes on with the documents (see above); anything else ends the progress.
            if (!isOperationCancelled(error)) stop();
            throw error;
        }
        stop();
    }
}

/** What the server's connection offers for work-done progress (vscode-languageserver's `connection.window`). */
export interface WorkDoneProgressHost {
    window: {
        createWorkDoneProgress(): Promise<{
            begin(title: string, percentage?: number, message?: string, cancellable?: boolean): void;
            report(percentage: number, message?: string): void;
            done(): void;
        }>;
    };
}

/** The texts of one work-done progress: its title, its first message, and "N of M". */
interface ProgressTexts {
    title: string;
    first?: string;
    done(done: number, total: number): string;
}

/**
 * Shows the first load of the workspace, and the reading again of closed (parked) plans after a
 * change they depend on (a catalogue edit that checks read, VplanDocumentBuilder `onReread`), as
 * LSP work-done progress, if the client supports it (`window.workDoneProgress` in its
 * capabilities): the title, then "N of M files" or "N of M plans" at most every 100 ms and at each
 * whole per cent. `locale` is asked when each progress begins.
 */
export function reportWorkspaceLoad(
    host: WorkDoneProgressHost,
    shared: LangiumSharedServices,
    locale: () => Locale,
    now: () => number = () => Date.now()
): void {
    let supported = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        supported = params.capabilities.window?.workDoneProgress === true;
    });
    const reporter = (texts: () => ProgressTexts) => workDoneProgress(host, () => supported, texts, now);
    // `VplanWorkspaceManager.loadProgress` (builtin-documents.ts, which imports this module).
    const loadProgress = (shared.workspace.WorkspaceManager as Partial<{ loadProgress: unknown }>).loadProgress;
    if (loadProgress instanceof WorkspaceLoadProgress) {
        loadProgress.add(reporter(() => {
            const texts = loadProgressText(locale());
            return { title: texts.title, first: texts.reading, done: texts.built };
        }));
    }
    const builder = shared.workspace.DocumentBuilder;
    if (builder instanceof VplanDocumentBuilder) {
        builder.onReread(reporter(() => {
            const current = locale();
            return { title: text(loadProgressTexts.rereadTitle, {}, current), done: (done, total) => text(loadProgressTexts.reread, { done, total }, current) };
        }));
    }
}

/** One work-done progress at a time, as a progress listener. */
function workDoneProgress(host: WorkDoneProgressHost, supported: () => boolean, textsNow: () => ProgressTexts, now: () => number): LoadProgressListener {
    let progress: ReturnType<WorkDoneProgressHost['window']['createWorkDoneProgress']> | undefined;
    let texts: ProgressTexts;
    let lastAt = 0;
    let lastPercent = -1;
    return {
        begin() {
            if (!supported()) return;
            texts = textsNow();
            lastAt = 0;
            lastPercent = -1;
            progress = host.window.createWorkDoneProgress().then(reporter => {
                reporter.begin(texts.title, 0, texts.first);
                return reporter;
            });
            progress.catch(() => { progress = undefined; });
        },
        report(done, total) {
            if (!progress) return;
            const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
            const at = now();
            if (done < total && percent === lastPercent && at - lastAt < 100) return;
            lastAt = at;
            lastPercent = percent;
            void progress.then(reporter => reporter.report(percent, texts.done(done, total)), () => undefined);
        },
        end() {
            void progress?.then(reporter => reporter.done(), () => undefined);
            progress = undefined;
        }
    };
}
