// Preloaded with `node --require` by the benchmark: at exit, writes the process's peak resident
// set size (process.resourceUsage().maxRSS, in kilobytes) and its CPU time (user + system, in
// milliseconds; less disturbed by a busy machine than wall time) to the file named by VPLAN_BENCH_RSS_FILE.
'use strict';
const fs = require('node:fs');
const target = process.env.VPLAN_BENCH_RSS_FILE;
if (target) {
    process.on('exit', () => {
        try {
            fs.appendFileSync(target, JSON.stringify({ pid: process.pid, maxRssKb: process.resourceUsage().maxRSS, cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000 }) + '\n');
        } catch { /* a benchmark aid must never change the program's exit */ }
    });
}
