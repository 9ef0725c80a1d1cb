// Test preload (tests/cli/attack-hardening.test.ts, issue 15 item 9): plays an editor that saves
// a file while `vplan fmt` runs. As soon as vplan prints its first line on stdout (the name of
// the first file it rewrote), VPLAN_TEST_EDIT_PATH gets VPLAN_TEST_EDIT_TEXT, once.
'use strict';
const fs = require('node:fs');
const path = process.env.VPLAN_TEST_EDIT_PATH;
const text = process.env.VPLAN_TEST_EDIT_TEXT ?? '';
const write = process.stdout.write.bind(process.stdout);
let edited = false;
process.stdout.write = (...args) => {
    if (!edited && path) {
        edited = true;
        fs.writeFileSync(path, text);
    }
    return write(...args);
};
