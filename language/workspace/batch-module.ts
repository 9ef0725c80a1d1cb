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
 * - Every file the CLI loads is plan text, whatever its name (`PlanTextServiceRegistry`).
 *
 * Everything is decided when the services are constructed; nothing is replaced afterwards.
 */

import { DefaultServiceRegistry, type LangiumCoreServices, type LangiumDocument, type Module, type URI } from 'langium';
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

/**
 * `shared.ServiceRegistry` in batch mode: a file whose name Langium does not know as vplan's
 * (`notes.txt`, or `.vplan`, which has no extension to it) is plan text all the same. cli.md,
 * common rules: "a file named explicitly is plan text whatever its name". The CLI chooses the files
 * it loads itself (those named, and the `*.vplan` files of their workspaces: cli/files.ts and
 * WorkspaceLayout), so every file keeps its own path in diagnostics, in a message that names
 * another file (VP080), and for `fmt` to write it back.
 */
export class PlanTextServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        try {
            return super.getServices(uri);
        } catch (error) {
            const [language] = this.all;
            if (!language) throw error;
            return language;
        }
    }
}

export const vplanBatchModule: Module<VplanServices, PartialLangiumServices> = {
    validation: {
        DocumentValidator: (services) => new BatchDocumentValidator(services)
    }
};

export const vplanSharedBatchModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    ServiceRegistry: (services) => new PlanTextServiceRegistry(services),
    workspace: {
        DocumentBuilder: (services) => new VplanDocumentBuilder(services, { incremental: false }),
        IndexManager: (services) => new BatchIndexManager(services)
    }
};
