/**
 * Work the CLI can skip. A CLI call builds its workspace once and reports diagnostics; it never
 * answers "find references", rename or call hierarchy, which are what Langium's reference index
 * (the IndexedReferences build phase) is for. Skipping it saves a few per cent of a `vplan check`
 * (docs/performance.md). Checks that need to know who refers to what read the resolved model
 * (language/model/plan-model.ts), not the index.
 */

import type { createVplanServices } from '../language/vplan-module.js';

export function configureForBatch(services: ReturnType<typeof createVplanServices>): void {
    services.shared.workspace.IndexManager.updateReferences = async () => { /* not needed by the CLI */ };
}
