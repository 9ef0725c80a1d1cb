/**
 * Changes of files on disk for editors that do not report them. Langium registers a watcher with
 * the editor (`workspace/didChangeWatchedFiles`) when the editor can take one; Neovim on Linux (by
 * default), Neovim before 0.9 and Helix cannot, so a plan or catalogue changed by `git checkout` or
 * another program would stay as the server last read it. For those editors the server watches the
 * workspace folders itself (folder-watcher.ts) and hands the changes to the same handler an
 * editor's notification goes to, so that everything after it (reading again, parked plans, a
 * changed vplan.config.json) is the same.
 */

import { URI } from 'langium';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { createVplanServices } from '../language/vplan-module.js';
import { isWorkspaceEntryName } from '../language/workspace/workspace-layout.js';
import { CONFIG_FILE_NAME } from '../language/config/vplan-config.js';
import { text } from '../language/i18n/locale.js';
import { FolderWatcher, type FolderChange } from './folder-watcher.js';
import { serverTexts } from './server-texts.js';

type Services = ReturnType<typeof createVplanServices>;

const CHANGE_TYPES = { created: FileChangeType.Created, changed: FileChangeType.Changed, deleted: FileChangeType.Deleted } as const;

/** Files and folders the server's watcher reports: the workspace's entries and config files. */
export function skipsForWatching(name: string, isDirectory: boolean): boolean {
    return !(isWorkspaceEntryName(name, isDirectory ? 'folder' : 'file') || (!isDirectory && name === CONFIG_FILE_NAME));
}

export function watchFilesUnlessTheEditorDoes(services: Services): void {
    const { shared, Vplan } = services;
    const settings = Vplan.config.SettingsProvider;
    const connection = shared.lsp.Connection;
    let editorWatches = true;
    let folders: string[] = [];
    shared.lsp.LanguageServer.onInitialize(params => {
        editorWatches = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
        const uris = params.workspaceFolders?.map(folder => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
        folders = uris.map(uri => URI.parse(uri)).filter(uri => uri.scheme === 'file').map(uri => uri.fsPath);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (editorWatches || folders.length === 0) return;
        const locale = () => settings.localeOverride ?? settings.defaultLocale;
        const watcher = new FolderWatcher({
            skips: skipsForWatching,
            onChanges: changes => shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes: changes.map(toFileEvent) }),
            onUnwatchable: (folder, error) => connection?.console.warn(error.code === 'ENOSPC' || error.code === 'EMFILE'
                ? text(serverTexts.watchLimit, { folder }, locale())
                : text(serverTexts.unwatchableFolder, { folder, reason: error.code ?? error.message }, locale()))
        });
        for (const folder of folders) watcher.watchTree(folder);
        // The watches are not persistent, so they never keep the server alive after its editor left.
        connection?.console.info(text(serverTexts.watchingFiles, { folders: watcher.folderCount }, locale()));
    });
}

function toFileEvent(change: FolderChange): FileEvent {
    return { uri: URI.file(change.path).toString(), type: CHANGE_TYPES[change.type] };
}
