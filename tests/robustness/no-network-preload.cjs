// Preloaded with `node --require` by no-network.test.ts: every way a Node program can reach the
// network (TCP/TLS connects, DNS look-ups, HTTP(S) requests, fetch, UDP) is recorded in the file
// named by VPLAN_NETWORK_LOG and then refused with an error. Local pipes (IPC, stdio) stay allowed.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const tls = require('node:tls');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const dgram = require('node:dgram');

const logFile = process.env.VPLAN_NETWORK_LOG;

function refuse(what, detail) {
    const entry = { pid: process.pid, what, detail: String(detail ?? ''), stack: new Error().stack.split('\n').slice(2, 8).join('\n') };
    if (logFile) fs.appendFileSync(logFile, JSON.stringify(entry) + '\n');
    throw new Error(`network access refused by the privacy test: ${what} ${entry.detail}`);
}

/** A connect to a local pipe (a path) is IPC, not network. */
function isPipe(args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (typeof first === 'string' && Number.isNaN(Number(first))) return true;
    return typeof first === 'object' && first !== null && typeof first.path === 'string';
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
    if (isPipe(args)) return connect.apply(this, args);
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    refuse('net.Socket.connect', typeof first === 'object' ? `${first.host ?? ''}:${first.port ?? ''}` : `${args[1] ?? ''}:${first}`);
};
for (const name of ['connect', 'createConnection']) {
    const original = net[name];
    net[name] = function (...args) {
        if (isPipe(args)) return original.apply(this, args);
        refuse(`net.${name}`, JSON.stringify(args[0]));
    };
}
tls.connect = (...args) => refuse('tls.connect', JSON.stringify(args[0]));
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']) {
    dns[name] = (...args) => refuse(`dns.${name}`, args[0]);
    if (dns.promises && dns.promises[name]) dns.promises[name] = async (...args) => refuse(`dns.promises.${name}`, args[0]);
}
for (const [label, module] of [['http', http], ['https', https]]) {
    module.request = (...args) => refuse(`${label}.request`, typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]?.href ?? args[0]?.host));
    module.get = (...args) => refuse(`${label}.get`, typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]?.href ?? args[0]?.host));
}
if (typeof globalThis.fetch === 'function') {
    globalThis.fetch = async (input) => refuse('fetch', typeof input === 'string' ? input : input?.url);
}
dgram.createSocket = (...args) => refuse('dgram.createSocket', JSON.stringify(args[0]));
if (typeof globalThis.WebSocket === 'function') {
    globalThis.WebSocket = function () { refuse('WebSocket', arguments[0]); };
}
