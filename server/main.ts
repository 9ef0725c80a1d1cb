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
import { installLargeFileGuard } from '../language/workspace/large-file-guard.js';
import { applyServerHeapSettings } from './heap-settings.js';

// Before the workspace is loaded: collect garbage at 30% growth instead of V8's 4× (heap-settings.ts).
applyServerHeapSettings();

const connection = createConnection(ProposedFeatures.all);
const services = createVplanServices({ connection, ...NodeFileSystem });
// Files over 5 MB are refused like the CLI does: one diagnostic, no parse (large-file-guard.ts).
installLargeFileGuard(services);
registerServerExtensions(connection, services);
registerTimelineRequest(connection, services);
startLanguageServer(services.shared);
