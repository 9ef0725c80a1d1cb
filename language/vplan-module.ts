/**
 * The one place that creates the vplan language services. The language server, the CLI and the
 * tests all call `createVplanServices`, so they parse, link and check identically.
 */

import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { VplanGeneratedModule, VplanGeneratedSharedModule } from './generated/module.js';
import { GlobalNames, VplanScopeComputation, VplanScopeProvider } from './references/vplan-scope.js';
import { VplanValidator, registerValidationChecks } from './validation/vplan-validator.js';
import { VplanLexerErrorMessageProvider, VplanParserErrorMessageProvider } from './syntax/syntax-errors.js';
import { VplanLexer } from './syntax/name-lexer.js';
import { VplanSettingsProvider } from './config/settings-provider.js';
import { WorkspaceLayout } from './workspace/workspace-layout.js';
import { VplanWorkspaceManager } from './workspace/builtin-documents.js';
import { vplanSharedWorkspaceModule, vplanWorkspaceModule } from './workspace/vplan-workspace-module.js';
import { vplanBatchModule, vplanSharedBatchModule } from './workspace/batch-module.js';
import { vplanLspModule } from './lsp/vplan-lsp-module.js';
import { vplanSharedEditorFeatures } from './lsp/vplan-editor-features.js';

export interface VplanAddedServices {
    references: {
        GlobalNames: GlobalNames;
    };
    validation: {
        VplanValidator: VplanValidator;
    };
    config: {
        SettingsProvider: VplanSettingsProvider;
        /** The workspace rule (language reference, section 2): roots, files and config cascades. */
        WorkspaceLayout: WorkspaceLayout;
    };
}

export type VplanServices = LangiumServices & VplanAddedServices;

export const VplanModule: Module<VplanServices, PartialLangiumServices & VplanAddedServices> = {
    references: {
        ScopeComputation: (services) => new VplanScopeComputation(services),
        ScopeProvider: (services) => new VplanScopeProvider(services),
        GlobalNames: (services) => new GlobalNames(services)
    },
    validation: {
        // DocumentValidator: a VplanDocumentValidator with the large-file guard, in vplanWorkspaceModule.
        VplanValidator: (services) => new VplanValidator(services)
    },
    parser: {
        Lexer: (services) => new VplanLexer(services),
        ParserErrorMessageProvider: () => new VplanParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new VplanLexerErrorMessageProvider()
    },
    config: {
        SettingsProvider: (services) => new VplanSettingsProvider(services.shared.workspace.FileSystemProvider, services.config.WorkspaceLayout),
        WorkspaceLayout: (services) => new WorkspaceLayout(services.shared.workspace.FileSystemProvider)
    }
};

export const VplanSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: (services) => new VplanWorkspaceManager(services)
    },
    lsp: vplanSharedEditorFeatures
};

export interface VplanModuleContext extends DefaultSharedModuleContext {
    /** 'batch': one build that is never updated, as the CLI makes (workspace/batch-module.ts). Default 'editor'. */
    readonly mode?: 'editor' | 'batch';
}

export function createVplanServices(context: VplanModuleContext): { shared: LangiumSharedServices; Vplan: VplanServices } {
    const batch = context.mode === 'batch';
    const shared = inject(createDefaultSharedModule(context), VplanGeneratedSharedModule, VplanSharedModule, vplanSharedWorkspaceModule,
        batch ? vplanSharedBatchModule : {});
    const Vplan = inject(createDefaultModule({ shared }), VplanGeneratedModule, VplanModule, vplanLspModule, vplanWorkspaceModule,
        batch ? vplanBatchModule : {});
    shared.ServiceRegistry.register(Vplan);
    registerValidationChecks(Vplan);
    if (!context.connection) {
        // Without a language client nobody sends the configuration, so mark it as received.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Vplan };
}

