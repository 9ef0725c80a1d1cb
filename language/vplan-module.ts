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
import { VplanDocumentValidator } from './validation/vplan-document-validator.js';
import { VplanValidator, registerValidationChecks } from './validation/vplan-validator.js';
import { VplanLexerErrorMessageProvider, VplanParserErrorMessageProvider } from './syntax/syntax-errors.js';
import { VplanLexer } from './syntax/name-lexer.js';
import { VplanSettingsProvider } from './config/settings-provider.js';
import { VplanWorkspaceManager } from './workspace/builtin-documents.js';
import { vplanSharedWorkspaceModule, vplanWorkspaceModule } from './workspace/vplan-workspace-module.js';
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
        DocumentValidator: (services) => new VplanDocumentValidator(services),
        VplanValidator: (services) => new VplanValidator(services)
    },
    parser: {
        Lexer: (services) => new VplanLexer(services),
        ParserErrorMessageProvider: () => new VplanParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new VplanLexerErrorMessageProvider()
    },
    config: {
        SettingsProvider: (services) => new VplanSettingsProvider(services.shared.workspace.FileSystemProvider)
    }
};

export const VplanSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: (services) => new VplanWorkspaceManager(services)
    },
    lsp: vplanSharedEditorFeatures
};

export function createVplanServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Vplan: VplanServices } {
    const shared = inject(createDefaultSharedModule(context), VplanGeneratedSharedModule, VplanSharedModule, vplanSharedWorkspaceModule);
    const Vplan = inject(createDefaultModule({ shared }), VplanGeneratedModule, VplanModule, vplanLspModule, vplanWorkspaceModule);
    shared.ServiceRegistry.register(Vplan);
    registerValidationChecks(Vplan);
    if (!context.connection) {
        // Without a language client nobody sends the configuration, so mark it as received.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Vplan };
}

