/**
 * Work the CLI can skip. A CLI call builds its workspace once and reports diagnostics; it never
 * answers "find references", rename or call hierarchy, which are what Langium's reference index
 * (the IndexedReferences build phase) is for. Skipping it saves a few per cent of a `vplan check`
 * (docs/performance.md). Checks that need to know who refers to what read the resolved model
 * (language/model/plan-model.ts), not the index. Nor does it keep what only makes later updates
 * cheaper: the builder's reverse index of dependencies and the validation memo.
 */

import type { createVplanServices } from '../language/vplan-module.js';
import { VplanDocumentValidator } from '../language/validation/vplan-document-validator.js';
import { VplanDocumentBuilder } from '../language/workspace/vplan-document-builder.js';

export function configureForBatch(services: ReturnType<typeof createVplanServices>): void {
    services.shared.workspace.IndexManager.updateReferences = async () => { /* not needed by the CLI */ };
    // Both serve later updates of the same workspace (an editor), which a CLI call never makes.
    const builder = services.shared.workspace.DocumentBuilder;
    if (builder instanceof VplanDocumentBuilder) builder.stopTracking();
    const validator = services.Vplan.validation.DocumentValidator;
    if (validator instanceof VplanDocumentValidator) validator.memoize = false;
}
