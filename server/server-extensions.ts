/**
 * Server-side wiring beyond Langium's defaults: the message locale (client locale, the
 * `vplan.locale` setting), vplan.config.json changes and their VP009 diagnostics.
 */

import { DocumentState } from 'langium';
import { VplanDocumentBuilder } from '../language/workspace/vplan-document-builder.js';
import type { createVplanServices } from '../language/vplan-module.js';
import { isLocale, localeFromTag } from '../language/i18n/locale.js';
import { CONFIG_FILE_NAME } from '../language/config/vplan-config.js';
import { configDiagnostics } from '../language/config/config-diagnostics.js';
import type { DiagnosticsPublisher } from './diagnostics-publisher.js';

type Services = ReturnType<typeof createVplanServices>;

export function registerServerExtensions(services: Services, publisher: DiagnosticsPublisher): void {
    const { shared, Vplan } = services;
    const settings = Vplan.config.SettingsProvider;

    shared.lsp.LanguageServer.onInitialize(params => {
        settings.defaultLocale = localeFromTag(params.locale) ?? 'en';
        const requested = (params.initializationOptions as { locale?: unknown } | undefined)?.locale;
        settings.localeOverride = isLocale(requested) ? requested : undefined;
    });

    // `vplan.locale`: 'auto' follows the client, 'en'/'nl' override the config file's locale.
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section !== 'vplan') return;
        const locale = (update.configuration as { locale?: unknown } | undefined)?.locale;
        const next = isLocale(locale) ? locale : undefined;
        if (next !== settings.localeOverride) {
            settings.localeOverride = next;
            void revalidateAll(services);
        }
    });

    // vplan.config.json changed on disk: reload, and relink and revalidate every plan (a `"root"`
    // may have moved, which changes which names each file sees).
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(params => {
        if (params.changes.some(change => change.uri.endsWith('/' + CONFIG_FILE_NAME))) {
            settings.invalidate();
            void revalidateAll(services, DocumentState.IndexedContent);
        }
    });

    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => publishConfigDiagnostics(publisher, services));
}

const published = new Set<string>();

function publishConfigDiagnostics(publisher: DiagnosticsPublisher, services: Services): void {
    const settings = services.Vplan.config.SettingsProvider;
    const current = new Set<string>();
    for (const loaded of settings.loadedConfigs()) {
        const uri = loaded.uri.toString();
        current.add(uri);
        void publisher.sendFor(uri, configDiagnostics(loaded, settings.localeOfConfig(loaded)));
    }
    for (const uri of published) {
        if (!current.has(uri)) void publisher.sendFor(uri, []);
    }
    published.clear();
    current.forEach(uri => published.add(uri));
}

/**
 * Re-runs validation of every document (the locale or a config file changed), from `state` on:
 * after a config change from the indexed content, so that every document is linked again in the
 * workspace the rule gives it now. The texts did not change, so documents are reset rather than
 * re-read: the built-in catalogue has no file to re-read.
 */
async function revalidateAll(services: Services, state: DocumentState = DocumentState.IndexedReferences): Promise<void> {
    const { shared } = services;
    await shared.workspace.WorkspaceLock.write(async token => {
        // Parked plans (language/workspace/parked-plans.ts) are read again in batches after this build.
        const builder = shared.workspace.DocumentBuilder;
        const parked = builder instanceof VplanDocumentBuilder ? builder.parked : undefined;
        if (builder instanceof VplanDocumentBuilder) builder.queueRereadOfParked();
        const documents = shared.workspace.LangiumDocuments.all.filter(document => !parked?.isParked(document.uri)).toArray();
        for (const document of documents) {
            if (document.state > state) shared.workspace.DocumentBuilder.resetToState(document, state);
        }
        await shared.workspace.DocumentBuilder.build(documents, { validation: true }, token);
    });
}
