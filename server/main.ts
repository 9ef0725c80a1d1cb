/**
 * The language server over stdio or IPC. Only LSP wiring lives here: the language services come
 * from `createVplanServices`, the same factory the CLI and the tests use.
 */

import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createVplanServices } from '../language/vplan-module.js';
import { registerServerExtensions } from './server-extensions.js';
import { watchFilesUnlessTheEditorDoes } from './file-watching.js';
import { registerTimelineRequest } from './timeline-request.js';
import { applyLeanHeapSettings, applyServerHeapSettings } from './heap-settings.js';
import { VplanDocumentBuilder } from '../language/workspace/vplan-document-builder.js';
import { checkUpdatesFrom, leanMinFilesFrom, readCommandLine } from './command-line.js';
import { VplanWorkspaceManager } from '../language/workspace/builtin-documents.js';
import { DiagnosticsPublisher } from './diagnostics-publisher.js';
import { startVplanLanguageServer } from './start-server.js';
import { startWarmUp } from './warm-up.js';
import { reportWorkspaceLoad } from '../language/workspace/load-progress.js';

function runServer(): void {
    // Before the workspace is loaded: collect garbage at 30% growth instead of V8's 4× (heap-settings.ts).
    applyServerHeapSettings();
    const connection = createConnection(ProposedFeatures.all);
    // Editor mode; the services refuse files over 5 MB like the CLI does (workspace/large-file-guard.ts).
    const services = createVplanServices({ connection, ...NodeFileSystem });
    // A large workspace is loaded lean (language/workspace/parked-plans.ts); VPLAN_LEAN_MIN_FILES sets from how many files.
    const leanMinFiles = leanMinFilesFrom(process.env);
    const manager = services.shared.workspace.WorkspaceManager;
    if (checkUpdatesFrom(process.env)) {
        VplanDocumentBuilder.onWrongUpdate = message => {
            process.stderr.write(`${message}\n`);
            process.exit(70);
        };
    }
    if (leanMinFiles !== undefined && manager instanceof VplanWorkspaceManager) manager.leanMinFiles = leanMinFiles;
    // Known once the files are found, before they are built.
    void manager.ready.then(() => {
        const builder = services.shared.workspace.DocumentBuilder;
        if (builder instanceof VplanDocumentBuilder && builder.lean) applyLeanHeapSettings();
    }, () => undefined);
    const publisher = new DiagnosticsPublisher(connection, services.shared);
    registerServerExtensions(services, publisher);
    // Editors that cannot watch files for the server (Neovim on Linux, Helix): it watches them itself.
    watchFilesUnlessTheEditorDoes(services);
    registerTimelineRequest(connection, services, document => publisher.isCurrent(document));
    // The first load of the workspace as work-done progress (language/workspace/load-progress.ts).
    const settings = services.Vplan.config.SettingsProvider;
    reportWorkspaceLoad(connection, services.shared, () => settings.localeOverride ?? settings.defaultLocale);
    startVplanLanguageServer(services.shared, publisher);
    // While the workspace loads: warm the edit paths on a synthetic plan in services of its own (warm-up.ts).
    void startWarmUp(services.shared, { onDiagnostics: diagnostics => diagnostics.forEach(d => publisher.forEditor(d)) });
}

const outcome = readCommandLine(process.argv.slice(2), process.env);
if ('start' in outcome) {
    runServer();
} else {
    if (outcome.stdout) process.stdout.write(outcome.stdout);
    if (outcome.stderr) process.stderr.write(outcome.stderr);
    process.exitCode = outcome.exit;
}
