/**
 * Batch mode: the services for one build that is never updated, as the CLI makes
 * (`createVplanServices({ ...NodeFileSystem, mode: 'batch' })`). It skips work that only serves
 * later requests or updates of the same workspace (docs/performance.md):
 *
 * - Langium's reference index (the IndexedReferences build phase) answers "find references",
 *   rename and call hierarchy, which a CLI call never asks; skipping it saves a few per cent of a
 *   `vplan check`. Checks that need to know who refers to what read the resolved model
 *   (language/model/plan-model.ts), not the index.
 * - The builder's reverse index of dependencies and the validation memo make later updates cheap;
 *   a CLI call validates every document once.
 *
 * Everything is decided when the services are constructed; nothing is replaced afterwards.
 */

import type { LangiumDocument, Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { VplanServices } from '../vplan-module.js';
import { LargeFileDocumentValidator } from './large-file-guard.js';
import { VplanDocumentBuilder } from './vplan-document-builder.js';
import { VplanIndexManager } from './vplan-index-services.js';

/** `shared.workspace.IndexManager` in batch mode: no reference index. */
export class BatchIndexManager extends VplanIndexManager {
    override async updateReferences(_document: LangiumDocument): Promise<void> {
        // Not needed by a one-shot build: nothing asks for references afterwards.
    }
}

/** `validation.DocumentValidator` in batch mode: every document is validated once, so no memo. */
export class BatchDocumentValidator extends LargeFileDocumentValidator {
    override memoize = false;
}

export const vplanBatchModule: Module<VplanServices, PartialLangiumServices> = {
    validation: {
        DocumentValidator: (services) => new BatchDocumentValidator(services)
    }
};

export const vplanSharedBatchModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new VplanDocumentBuilder(services, { incremental: false }),
        IndexManager: (services) => new BatchIndexManager(services)
    }
};
