/**
 * The services that make rebuilding cheaper in large workspaces (docs/performance.md): the
 * incremental document builder, and leaner linking, reference indexing and string values. None of
 * them changes a diagnostic; tests/protocol/incremental.protocol.test.ts compares with fresh builds.
 */

import type { Module } from 'langium';
import type { LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { VplanDocumentBuilder } from './vplan-document-builder.js';
import { VplanAstNodeLocator, VplanLinker, VplanReferenceDescriptionProvider } from './vplan-index-services.js';
import { VplanValueConverter } from './vplan-value-converter.js';

export const vplanWorkspaceModule: Module<LangiumServices, PartialLangiumServices> = {
    parser: {
        ValueConverter: () => new VplanValueConverter()
    },
    references: {
        Linker: (services) => new VplanLinker(services)
    },
    workspace: {
        AstNodeLocator: () => new VplanAstNodeLocator(),
        ReferenceDescriptionProvider: (services) => new VplanReferenceDescriptionProvider(services)
    }
};

export const vplanSharedWorkspaceModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (services) => new VplanDocumentBuilder(services)
    }
};
