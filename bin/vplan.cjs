#!/usr/bin/env node
// The `vplan` command: runs the bundled CLI (built by `npm run build`, which `npm install` runs).
// Node's compile cache (Node 22.1+; absent on Node 20, where this line does nothing) keeps V8's
// compiled code of the bundles on disk, in NODE_COMPILE_CACHE if set, else in
// <os.tmpdir()>/node-compile-cache, so later starts skip compiling them (about 30 ms of a
// single-file check). What else a start costs, and what was tried: docs/performance.md,
// "Start-up of a single-file check".
require('node:module').enableCompileCache?.();
require('../out/cli.cjs');
