/**
 * Listeners of one kind of long work of the language server: the first load of the workspace
 * (load-progress.ts) and the reading again of parked plans (vplan-document-builder.ts). The
 * server shows each as LSP work-done progress. A listener that throws never breaks the work.
 */

export interface ProgressListener {
    /** The work starts. */
    begin(): void;
    /** `done` of `total` files (or plans) done. */
    report(done: number, total: number): void;
    /** The work is over (also when it failed or was cancelled). */
    end(): void;
}

export class ProgressListeners {
    protected readonly listeners: ProgressListener[] = [];

    add(listener: ProgressListener): void {
        this.listeners.push(listener);
    }

    get size(): number {
        return this.listeners.length;
    }

    /** Tells every listener; one that throws is skipped. */
    tell(call: (listener: ProgressListener) => void): void {
        for (const listener of this.listeners) {
            try { call(listener); } catch { /* progress must never break the work */ }
        }
    }
}
