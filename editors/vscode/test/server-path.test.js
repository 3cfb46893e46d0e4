'use strict';
// How the extension finds qnlc: configured path first, then PATH and ~/.dotnet/tools.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { findServer } = require('../server-path');

function scratch() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qnlc-path-'));
    const home = path.join(dir, 'home');
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(path.join(home, '.dotnet', 'tools'), { recursive: true });
    fs.mkdirSync(bin);
    return { dir, home, bin, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function executable(file) {
    fs.writeFileSync(file, '#!/bin/sh\n');
    fs.chmodSync(file, 0o755);
    return file;
}

test('finds qnlc on the PATH', t => {
    const s = scratch();
    t.after(s.cleanup);
    const qnlc = executable(path.join(s.bin, 'qnlc'));
    assert.deepEqual(findServer({ env: { PATH: `/nonexistent:${s.bin}` }, platform: 'linux', homedir: s.home }), { command: qnlc, args: ['lsp'] });
});

test('falls back to ~/.dotnet/tools, where dotnet tool install puts it', t => {
    const s = scratch();
    t.after(s.cleanup);
    const qnlc = executable(path.join(s.home, '.dotnet', 'tools', 'qnlc'));
    assert.deepEqual(findServer({ env: { PATH: s.bin }, platform: 'linux', homedir: s.home }), { command: qnlc, args: ['lsp'] });
});

test('a file without the execute bit is not a server', t => {
    const s = scratch();
    t.after(s.cleanup);
    fs.writeFileSync(path.join(s.bin, 'qnlc'), 'not executable');
    const found = findServer({ env: { PATH: s.bin }, platform: 'linux', homedir: s.home });
    assert.equal(found.command, undefined);
    assert.match(found.reason, /not found/);
});

test('the configured path wins, relative to the workspace, with ~ expanded', t => {
    const s = scratch();
    t.after(s.cleanup);
    executable(path.join(s.bin, 'qnlc'));
    const custom = executable(path.join(s.dir, 'custom-qnlc'));
    assert.deepEqual(findServer({ configured: 'custom-qnlc', env: { PATH: s.bin }, platform: 'linux', homedir: s.home, workspaceFolders: [s.dir] }),
        { command: custom, args: ['lsp'] });
    const inHome = executable(path.join(s.home, 'q'));
    assert.deepEqual(findServer({ configured: '~/q', platform: 'linux', homedir: s.home }), { command: inHome, args: ['lsp'] });
});

test('a configured .dll runs under dotnet', t => {
    const s = scratch();
    t.after(s.cleanup);
    const dll = path.join(s.dir, 'qnlc.dll');
    fs.writeFileSync(dll, '');
    assert.deepEqual(findServer({ configured: dll, platform: 'linux', homedir: s.home }), { command: 'dotnet', args: [dll, 'lsp'] });
});

test('a configured path that does not exist says so instead of searching elsewhere', t => {
    const s = scratch();
    t.after(s.cleanup);
    executable(path.join(s.bin, 'qnlc'));
    const found = findServer({ configured: '/no/such/qnlc', env: { PATH: s.bin }, platform: 'linux', homedir: s.home });
    assert.equal(found.command, undefined);
    assert.match(found.reason, /\/no\/such\/qnlc/);
});

test('on Windows, PATHEXT names the executable', t => {
    const s = scratch();
    t.after(s.cleanup);
    fs.writeFileSync(path.join(s.bin, 'qnlc.exe'), '');
    const found = findServer({ env: { Path: s.bin, PATHEXT: '.COM;.EXE' }, platform: 'win32', homedir: s.home });
    assert.equal(found.command, path.join(s.bin, 'qnlc.exe'));
});
