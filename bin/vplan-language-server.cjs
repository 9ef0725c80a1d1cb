#!/usr/bin/env node
// The vplan language server for any LSP client: `vplan-language-server --stdio`.
require('../out/server.cjs');
