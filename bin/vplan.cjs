#!/usr/bin/env node
// The `vplan` command: runs the bundled CLI (built by `npm run build`, which `npm install` runs).
require('../out/cli.cjs');
