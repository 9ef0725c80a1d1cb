#!/usr/bin/env node
// The vplan language server for any LSP client: `vplan-language-server --stdio`.
// The server sets its heap growing factor itself (server/heap-settings.ts); the smaller young
// generation that the VS Code extension gives it can be had with NODE_OPTIONS=--max-semi-space-size=4.
require('../out/server.cjs');
