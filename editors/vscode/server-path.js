'use strict';
// Finds the qnlc executable that runs the language server. Kept free of the `vscode` module so
// that the tests can run it under plain Node.

const fs = require('fs');
const os = require('os');
const path = require('path');

/** True when `file` is a regular file that this platform can execute. */
function isExecutable(file, platform) {
    try {
        const stat = fs.statSync(file);
        if (!stat.isFile()) return false;
        // Windows has no execute bit: PATHEXT decides what runs.
        return platform === 'win32' || (stat.mode & 0o111) !== 0;
    } catch {
        return false;
    }
}

/** Expands `~` and `${workspaceFolder}` and makes a relative path relative to the first workspace folder. */
function expand(configured, homedir, workspaceFolders) {
    let value = configured.trim();
    if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) value = path.join(homedir, value.slice(1));
    if (workspaceFolders.length > 0) value = value.split('${workspaceFolder}').join(workspaceFolders[0]);
    if (!path.isAbsolute(value) && workspaceFolders.length > 0) value = path.join(workspaceFolders[0], value);
    return value;
}

/**
 * How to start `qnlc lsp`: `{ command, args }`, or `{ reason }` saying why there is no server.
 * A configured path wins (a `.dll` runs under `dotnet`); otherwise `qnlc` is looked for on the
 * PATH and in ~/.dotnet/tools, where `dotnet tool install -g QNetLang.Qnlc` puts it.
 */
function findServer({ configured = '', env = process.env, platform = process.platform, homedir = os.homedir(), workspaceFolders = [] } = {}) {
    if (configured && configured.trim() !== '') {
        const file = expand(configured, homedir, workspaceFolders);
        if (file.toLowerCase().endsWith('.dll')) {
            return fs.existsSync(file)
                ? { command: 'dotnet', args: [file, 'lsp'] }
                : { reason: `qnetlang.server.path is ${configured}, but ${file} does not exist.` };
        }
        return isExecutable(file, platform)
            ? { command: file, args: ['lsp'] }
            : { reason: `qnetlang.server.path is ${configured}, but ${file} is not an executable file.` };
    }

    const separator = platform === 'win32' ? ';' : ':';
    const pathVariable = env.PATH ?? env.Path ?? '';
    const folders = pathVariable.split(separator).filter(folder => folder.length > 0);
    folders.push(path.join(homedir, '.dotnet', 'tools'));
    const names = platform === 'win32'
        ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(e => e.length > 0).map(e => 'qnlc' + e.toLowerCase()).concat(['qnlc'])
        : ['qnlc'];
    for (const folder of folders) {
        for (const name of names) {
            const candidate = path.join(folder, name);
            if (isExecutable(candidate, platform)) return { command: candidate, args: ['lsp'] };
        }
    }
    return { reason: 'qnlc was not found on the PATH or in ~/.dotnet/tools; set qnetlang.server.path to use the language server.' };
}

module.exports = { findServer };
