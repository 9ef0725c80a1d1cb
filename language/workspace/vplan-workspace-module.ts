/**
 * vplan's overrides of Langium's parsing, linking, indexing, building and validation services,
 * each a subclass of Langium's service (docs/langium-overrides.md lists them, with what each
 * relies on). The large-file guard (large-file-guard.ts), and what makes large workspaces cheaper
 * (docs/performance.md): compact syntax trees, the incremental document builder, and leaner
 * linking, reference indexing and string values. None of them changes a diagnostic;
 * tests/protocol/incremental.protocol.test.ts compares with fresh builds. Batch mode (the CLI)
 * adds batch-module.ts on top.
 */

import type { Module } from 'langium';
import type { LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import type { VplanServices } from '../vplan-module.js';
import { VplanDocumentBuilder } from './vplan-document-builder.js';
import { VplanLangiumDocuments } from './vplan-langium-documents.js';
import { VplanAstNodeLocator, VplanIndexManager, VplanLinker, VplanReferenceDescriptionProvider } from './vplan-index-services.js';
import { VplanValueConverter } from './vplan-value-converter.js';
import { LeanAstNodeDescriptionProvider } from './lean-node-descriptions.js';
import { createCompactLangiumParser } from './compact-syntax-tree.js';
import { LargeFileDocumentValidator, VplanDocumentFactory } from './large-file-guard.js';

export const vplanWorkspaceModule: Module<VplanServices, PartialLangiumServices> = {
    parser: {
        LangiumParser: (services) => createCompactLangiumParser(services),
        ValueConverter: () => new VplanValueConverter()
    },
    references: {
        Linker: (services) => new VplanLinker(services)
    },
    validation: {
        DocumentValidator: (services) => new LargeFileDocumentValidator(services)
    },
    workspace: {
        AstNodeLocator: () => new VplanAstNodeLocator(),
        AstNodeDescriptionProvider: (services) => new LeanAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new VplanReferenceDescriptionProvider(services)
    }
};

export const vplanSharedWorkspaceModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new VplanDocumentBuilder(services),
        IndexManager: (services) => new VplanIndexManager(services),
        LangiumDocuments: (services) => new VplanLangiumDocuments(services),
        LangiumDocumentFactory: (services) => new VplanDocumentFactory(services)
    }
};
