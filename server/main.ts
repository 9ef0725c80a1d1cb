/**
 * The language server over stdio or IPC. Only LSP wiring lives here: the language services come
 * from `createVplanServices`, the same factory the CLI and the tests use.
 */

import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createVplanServices } from '../language/vplan-module.js';
import { registerServerExtensions } from './server-extensions.js';
import { registerTimelineRequest } from './timeline-request.js';
import { applyServerHeapSettings } from './heap-settings.js';

// Before the workspace is loaded: collect garbage at 30% growth instead of V8's 4× (heap-settings.ts).
applyServerHeapSettings();

const connection = createConnection(ProposedFeatures.all);
// Editor mode; the services refuse files over 5 MB like the CLI does (workspace/large-file-guard.ts).
const services = createVplanServices({ connection, ...NodeFileSystem });
registerServerExtensions(connection, services);
registerTimelineRequest(connection, services);
startLanguageServer(services.shared);
