#!/usr/bin/env node
// The vplan language server for any LSP client: `vplan-language-server --stdio`.
// It starts itself again, in the same process, with the Node flags and environment the VS Code
// extension gives the server (a smaller young generation; glibc settings that return memory
// sooner: client/server-node-flags.ts, `serverRelaunch`), where Node can replace a process
// (Node 22.15 and later, not on Windows). The server sets its heap growing factor itself
// (server/heap-settings.ts).
const { serverRelaunch } = require('../out/server-node-flags.cjs');
const relaunch = serverRelaunch({
    argv: process.argv, execArgv: process.execArgv, execPath: process.execPath, env: process.env,
    platform: process.platform, canReplace: typeof process.execve === 'function'
});
if (relaunch) process.execve(process.execPath, relaunch.argv, relaunch.env);
require('../out/server.cjs');
