/**
 * Which configuration and locale apply to a document: the nearest vplan.config.json in the
 * file's folder or above (or the one the CLI was given), read through Langium's file system so
 * the editor and the CLI see the same file. Results are cached per folder until `invalidate()`.
 */

import { URI, UriUtils, type FileSystemProvider } from 'langium';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfigText, type ParsedConfig, type VplanConfig } from './vplan-config.js';
import type { Locale } from '../i18n/locale.js';

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
    source?: LoadedConfig;
}

export class VplanSettingsProvider {
    /** Locale when nothing else decides: the editor's or the environment's. */
    defaultLocale: Locale = 'en';
    /** An explicit choice (CLI `--locale`, editor setting `vplan.locale`) that beats the config file. */
    localeOverride: Locale | undefined;
    /** A config file named explicitly (CLI `--config`); used for every document. */
    explicitConfig: URI | undefined;
    /**
     * The CLI's current folder: a document with no vplan.config.json in its own folder or above
     * uses the nearest one from here (cli.md: "the nearest vplan.config.json in the current folder
     * or above"); the file's own nearest config still comes first (language.md section 7).
     */
    fallbackFolder: URI | undefined;

    protected readonly byFolder = new Map<string, LoadedConfig | null>();
    protected readonly byUri = new Map<string, LoadedConfig>();

    constructor(protected readonly fileSystem: FileSystemProvider) {}

    settingsFor(documentUri: URI | string): DocumentSettings {
        const uri = typeof documentUri === 'string' ? URI.parse(documentUri) : documentUri;
        const source = this.configFor(uri);
        const config = source?.parsed.config ?? DEFAULT_CONFIG;
        return { config, locale: this.localeOverride ?? config.locale ?? this.defaultLocale, source };
    }

    /** The config file that applies to a document, if any. */
    configFor(documentUri: URI): LoadedConfig | undefined {
        if (this.explicitConfig) return this.load(this.explicitConfig) ?? undefined;
        if (documentUri.scheme !== 'file') return undefined;
        return this.findFrom(UriUtils.dirname(documentUri)) ?? (this.fallbackFolder ? this.findFrom(this.fallbackFolder) : undefined);
    }

    /** The language of a config file's own VP009 messages: the same precedence as for plans. */
    localeOfConfig(loaded: LoadedConfig): Locale {
        return this.localeOverride ?? loaded.parsed.config.locale ?? this.defaultLocale;
    }

    /** Every config file loaded so far (the CLI reports their VP009 problems). */
    loadedConfigs(): LoadedConfig[] {
        return [...this.byUri.values()];
    }

    invalidate(): void {
        this.byFolder.clear();
        this.byUri.clear();
    }

    protected findFrom(folder: URI): LoadedConfig | undefined {
        const key = folder.toString();
        const cached = this.byFolder.get(key);
        if (cached !== undefined) return cached ?? undefined;
        const candidate = UriUtils.joinPath(folder, CONFIG_FILE_NAME);
        let found: LoadedConfig | undefined;
        if (this.exists(candidate)) {
            found = this.load(candidate);
        } else {
            const parent = UriUtils.dirname(folder);
            if (parent.toString() !== key) found = this.findFrom(parent);
        }
        this.byFolder.set(key, found ?? null);
        return found;
    }

    protected exists(uri: URI): boolean {
        try {
            return this.fileSystem.existsSync(uri) && this.fileSystem.statSync(uri).isFile;
        } catch {
            return false;
        }
    }

    protected load(uri: URI): LoadedConfig | undefined {
        const key = uri.toString();
        const cached = this.byUri.get(key);
        if (cached) return cached;
        let loaded: LoadedConfig;
        try {
            const text = this.fileSystem.readFileSync(uri);
            loaded = { uri, text, parsed: parseConfigText(text) };
        } catch (error) {
            const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
            loaded = {
                uri, text: '', readError: reason,
                parsed: { config: DEFAULT_CONFIG, settings: {}, problems: [{ offset: 0, length: 0, messageId: 'VP009.unreadable', args: { reason } }] }
            };
        }
        this.byUri.set(key, loaded);
        return loaded;
    }
}
