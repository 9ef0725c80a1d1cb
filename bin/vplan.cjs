#!/usr/bin/env node
// The `vplan` command: runs the bundled CLI (built by `npm run build`, which `npm install` runs).
// Node's compile cache (Node 22.1+; absent on Node 20, where this line does nothing) keeps V8's
// compiled code of the bundle on disk, so later starts skip compiling it (about 40 ms of ~180 ms).
require('node:module').enableCompileCache?.();
require('../out/cli.cjs');
