'use strict';
// The QNetLang extension. Highlighting, snippets and editing rules are declared in package.json
// and work on their own; this file adds the qnlc language server (diagnostics as you type,
// hover, completion, navigation, rename, formatting, quick fixes) when qnlc can be found, and
// stays quiet otherwise.

const vscode = require('vscode');
const { findServer } = require('./server-path');

const MISSING_SERVER_NOTICE = 'qnetlang.missingServerNoticeShown';

let client;
let output;

async function activate(context) {
    output = vscode.window.createOutputChannel('QNetLang');
    context.subscriptions.push(output);
    context.subscriptions.push(vscode.commands.registerCommand('qnetlang.restartServer', () => restart(context)));
    context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(event => {
        if (event.affectsConfiguration('qnetlang.server')) restart(context);
    }));
    await start(context);
}

async function start(context) {
    const config = vscode.workspace.getConfiguration('qnetlang');
    if (!config.get('server.enabled', true)) {
        output.appendLine('The language server is disabled (qnetlang.server.enabled): highlighting and snippets only.');
        return;
    }
    const folders = (vscode.workspace.workspaceFolders || []).map(folder => folder.uri.fsPath);
    const server = findServer({ configured: config.get('server.path', ''), workspaceFolders: folders });
    if (!server.command) {
        output.appendLine(server.reason + ' Highlighting and snippets still work.');
        await noticeMissingServer(context, server.reason);
        return;
    }

    // Loaded only here, so that a broken or missing dependency costs the server, not highlighting.
    let languageClient;
    try {
        languageClient = require('vscode-languageclient/node');
    } catch (error) {
        output.appendLine(`Cannot load vscode-languageclient (${error.message}): highlighting and snippets only.`);
        return;
    }
    const executable = { command: server.command, args: server.args, transport: languageClient.TransportKind.stdio };
    client = new languageClient.LanguageClient(
        'qnetlang',
        'QNetLang',
        { run: executable, debug: executable },
        {
            documentSelector: [{ language: 'qnetlang' }],
            outputChannel: output,
            // Included files change on disk too (a save, a git checkout): the server re-checks the files that include them.
            synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.qn') },
        });
    output.appendLine(`Starting ${server.command} ${server.args.join(' ')}`);
    try {
        await client.start();
    } catch (error) {
        output.appendLine(`The language server did not start: ${error.message}`);
        vscode.window.showWarningMessage(`QNetLang: qnlc lsp did not start (${error.message}). Highlighting and snippets still work; see the QNetLang output for details.`);
        client = undefined;
    }
}

async function stop() {
    if (!client) return;
    const running = client;
    client = undefined;
    try {
        await running.stop();
    } catch (error) {
        output.appendLine(`Stopping the language server failed: ${error.message}`);
    }
}

async function restart(context) {
    await stop();
    await start(context);
}

/** Says once (per machine) that the server is missing, with a way to fix it. */
async function noticeMissingServer(context, reason) {
    if (context.globalState.get(MISSING_SERVER_NOTICE)) return;
    await context.globalState.update(MISSING_SERVER_NOTICE, true);
    const choice = await vscode.window.showInformationMessage(`QNetLang: ${reason}`, 'Open Settings');
    if (choice === 'Open Settings') vscode.commands.executeCommand('workbench.action.openSettings', 'qnetlang.server.path');
}

function deactivate() {
    return stop();
}

module.exports = { activate, deactivate };
