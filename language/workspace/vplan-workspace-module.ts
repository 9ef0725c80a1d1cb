/**
 * The services that make rebuilding cheaper in large workspaces (docs/performance.md): the
 * incremental document builder, and leaner linking, reference indexing and string values. None of
 * them changes a diagnostic; tests/protocol/incremental.protocol.test.ts compares with fresh builds.
 */

import { createLangiumParser, type Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { VplanDocumentBuilder } from './vplan-document-builder.js';
import { VplanAstNodeLocator, VplanIndexManager, VplanLinker, VplanReferenceDescriptionProvider } from './vplan-index-services.js';
import { VplanValueConverter } from './vplan-value-converter.js';
import { LeanAstNodeDescriptionProvider } from './lean-node-descriptions.js';
import { useCompactSyntaxTrees } from './compact-syntax-tree.js';

export const vplanWorkspaceModule: Module<LangiumServices, PartialLangiumServices> = {
    parser: {
        LangiumParser: (services) => useCompactSyntaxTrees(createLangiumParser(services)),
        ValueConverter: () => new VplanValueConverter()
    },
    references: {
        Linker: (services) => new VplanLinker(services)
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
        IndexManager: (services) => new VplanIndexManager(services)
    }
};
