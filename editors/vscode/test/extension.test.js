'use strict';
// extension.js against a stand-in for the `vscode` API (VS Code itself cannot run here): it
// starts `qnlc lsp` through the language client when qnlc is found, and otherwise only says
// once that the server is missing, leaving highlighting to the grammar.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const Module = require('module');

/**
 * Loads a fresh extension.js with `vscode` and the language client replaced by recorders. The
 * replacement stays in force until the test ends: the extension loads the client lazily.
 */
function loadExtension(t, { settings = {}, startFails = false } = {}) {
    const log = { messages: [], clients: [], output: [], commands: [] };
    const globalState = new Map();
    const vscode = {
        window: {
            createOutputChannel: () => ({ appendLine: line => log.output.push(line), dispose() {} }),
            showInformationMessage: async message => { log.messages.push(['info', message]); return undefined; },
            showWarningMessage: async message => { log.messages.push(['warning', message]); return undefined; },
        },
        commands: {
            registerCommand: (name, callback) => { log.commands.push(name); return { dispose() {}, callback }; },
            executeCommand: async () => undefined,
        },
        workspace: {
            workspaceFolders: undefined,
            getConfiguration: () => ({ get: (key, fallback) => (key in settings ? settings[key] : fallback) }),
            onDidChangeConfiguration: () => ({ dispose() {} }),
            createFileSystemWatcher: pattern => ({ pattern, dispose() {} }),
        },
    };
    class LanguageClient {
        constructor(id, name, serverOptions, clientOptions) {
            Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
            log.clients.push(this);
        }
        async start() {
            if (startFails) throw new Error('spawn failed');
            this.started = true;
        }
        async stop() { this.stopped = true; }
    }
    const fakes = { vscode, 'vscode-languageclient/node': { LanguageClient, TransportKind: { stdio: 0 } } };
    const originalLoad = Module._load;
    Module._load = function (request, ...rest) {
        return request in fakes ? fakes[request] : originalLoad.call(this, request, ...rest);
    };
    t.after(() => { Module._load = originalLoad; });
    const file = require.resolve('../extension.js');
    delete require.cache[file];
    const extension = require(file);
    const context = { subscriptions: [], globalState: { get: key => globalState.get(key), update: async (key, value) => globalState.set(key, value) } };
    return { extension, context, log };
}

function fakeQnlc() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qnlc-ext-'));
    const qnlc = path.join(dir, 'qnlc');
    fs.writeFileSync(qnlc, '#!/bin/sh\n');
    fs.chmodSync(qnlc, 0o755);
    return { qnlc, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

test('with qnlc configured, activation starts `qnlc lsp` for qnetlang documents', async t => {
    const { qnlc, cleanup } = fakeQnlc();
    t.after(cleanup);
    const { extension, context, log } = loadExtension(t, { settings: { 'server.path': qnlc } });
    await extension.activate(context);
    const client = log.clients[0];
    assert.ok(client.started);
    assert.equal(client.id, 'qnetlang');
    assert.deepEqual(client.serverOptions.run, { command: qnlc, args: ['lsp'], transport: 0 });
    assert.deepEqual(client.clientOptions.documentSelector, [{ language: 'qnetlang' }]);
    assert.equal(client.clientOptions.synchronize.fileEvents.pattern, '**/*.qn');
    assert.ok(log.commands.includes('qnetlang.restartServer'));
    await extension.deactivate();
    assert.ok(client.stopped);
});

test('without qnlc, activation says so once and starts no client', async t => {
    const { extension, context, log } = loadExtension(t, { settings: { 'server.path': '/no/such/qnlc' } });
    await extension.activate(context);
    assert.equal(log.clients.length, 0);
    assert.equal(log.messages.length, 1);
    assert.match(log.messages[0][1], /\/no\/such\/qnlc/);
    assert.ok(log.output.some(line => /Highlighting and snippets still work/.test(line)));
    // A second activation (a new window) does not nag again.
    await extension.activate(context);
    assert.equal(log.messages.length, 1);
});

test('a server that fails to start leaves a warning, not a broken extension', async t => {
    const { qnlc, cleanup } = fakeQnlc();
    t.after(cleanup);
    const { extension, context, log } = loadExtension(t, { settings: { 'server.path': qnlc }, startFails: true });
    await extension.activate(context);
    assert.equal(log.messages[0][0], 'warning');
    await extension.deactivate();
});

test('the server can be switched off', async t => {
    const { extension, context, log } = loadExtension(t, { settings: { 'server.enabled': false } });
    await extension.activate(context);
    assert.equal(log.clients.length, 0);
    assert.equal(log.messages.length, 0);
});
