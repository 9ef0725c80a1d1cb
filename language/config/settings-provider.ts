/**
 * Which configuration and locale apply to a document (language reference, sections 2 and 7): the
 * cascade of `vplan.config.json` files from the document's workspace root down to its folder
 * (language/workspace/workspace-layout.ts), or the one file the CLI was given with `--config`.
 * Files are read through Langium's file system, so the editor and the CLI see the same files.
 */

import { URI, type FileSystemProvider } from 'langium';
import { DEFAULT_CONFIG, parseConfigText, type ParsedConfig, type VplanConfig } from './vplan-config.js';
import type { Locale } from '../i18n/locale.js';
import { WorkspaceLayout, parentOf, type ConfigFile } from '../workspace/workspace-layout.js';

export interface LoadedConfig {
    uri: URI;
    text: string;
    parsed: ParsedConfig;
    /** Set when the file exists but cannot be read. */
    readError?: string;
}

export interface DocumentSettings {
    config: VplanConfig;
    locale: Locale;
    /** The config files that set the settings, farthest first. */
    sources: LoadedConfig[];
}

function loaded(config: ConfigFile): LoadedConfig {
    return { uri: URI.file(config.path), text: config.text, parsed: config.parsed, readError: config.readError };
}

export class VplanSettingsProvider {
    /** Locale when nothing else decides: the editor's or the environment's. */
    defaultLocale: Locale = 'en';
    /** An explicit choice (CLI `--locale`, editor setting `vplan.locale`) that beats the config files. */
    localeOverride: Locale | undefined;
    /** A config file named explicitly (CLI `--config`): it replaces the cascade for every document. */
    explicitConfig: URI | undefined;

    protected explicitLoaded: LoadedConfig | undefined;

    constructor(protected readonly fileSystem: FileSystemProvider, readonly layout: WorkspaceLayout) {}

    settingsFor(documentUri: URI | string): DocumentSettings {
        const uri = typeof documentUri === 'string' ? URI.parse(documentUri) : documentUri;
        const sources = this.sourcesFor(uri);
        const config = this.explicitConfig ? (sources[0]?.parsed.config ?? DEFAULT_CONFIG)
            : uri.scheme === 'file' ? this.layout.settingsOf(parentOf(uri.path)) : DEFAULT_CONFIG;
        return { config, locale: this.localeOverride ?? config.locale ?? this.defaultLocale, sources };
    }

    /** The config files that apply to a document, farthest first. */
    sourcesFor(documentUri: URI): LoadedConfig[] {
        if (this.explicitConfig) return [this.loadExplicit()];
        if (documentUri.scheme !== 'file') return [];
        return this.layout.configChain(parentOf(documentUri.path)).map(loaded);
    }

    /** The language of a config file's own VP009 messages: the same precedence as for plans. */
    localeOfConfig(config: LoadedConfig): Locale {
        if (this.localeOverride) return this.localeOverride;
        if (config.parsed.settings.locale) return config.parsed.settings.locale;
        const folder = parentOf(config.uri.path);
        return (this.explicitConfig ? undefined : this.layout.settingsOf(folder).locale) ?? this.defaultLocale;
    }

    /** Every config file read so far (the CLI and the server report their VP009 problems). */
    loadedConfigs(): LoadedConfig[] {
        const configs = this.layout.loadedConfigs().map(loaded);
        return this.explicitLoaded ? [this.explicitLoaded, ...configs.filter(c => c.uri.toString() !== this.explicitLoaded!.uri.toString())] : configs;
    }

    invalidate(): void {
        this.explicitLoaded = undefined;
        this.layout.invalidate();
    }

    protected loadExplicit(): LoadedConfig {
        if (this.explicitLoaded) return this.explicitLoaded;
        const uri = this.explicitConfig!;
        let config: LoadedConfig;
        try {
            const text = this.fileSystem.readFileSync(uri);
            config = { uri, text, parsed: parseConfigText(text) };
        } catch (error) {
            const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
            const parsed = parseConfigText('{}');
            config = { uri, text: '', readError: reason, parsed: { ...parsed, problems: [{ offset: 0, length: 0, messageId: 'VP009.unreadable', args: { reason } }] } };
        }
        return (this.explicitLoaded = config);
    }
}

