// Test preload (tests/cli/attack-hardening.test.ts, issue 15 item 10): sends the process the
// signal VPLAN_TEST_SIGNAL right after it has written a temporary file (`*.tmp`), the moment a
// kill leaves a full copy of a plan behind unless vplan cleans up on signals.
'use strict';
const fs = require('node:fs');
const signal = process.env.VPLAN_TEST_SIGNAL;
const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function (file, ...rest) {
    const result = writeFileSync.call(this, file, ...rest);
    if (signal && typeof file === 'string' && file.endsWith('.tmp')) process.kill(process.pid, signal);
    return result;
};
