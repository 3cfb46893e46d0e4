'use strict';
// package.json contributes what the extension needs, and every file it names exists.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { extensionRoot } = require('./textmate');

const manifest = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8'));

function exists(relative) {
    return fs.existsSync(path.join(extensionRoot, relative));
}

test('the language is .qn with its configuration', () => {
    const language = manifest.contributes.languages.find(l => l.id === 'qnetlang');
    assert.deepEqual(language.extensions, ['.qn']);
    assert.ok(exists(language.configuration));
    const configuration = JSON.parse(fs.readFileSync(path.join(extensionRoot, language.configuration), 'utf8'));
    assert.deepEqual(configuration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
    for (const pair of ['{}', '[]', '()'])
        assert.ok(configuration.autoClosingPairs.some(p => p.open + p.close === pair), pair);
    assert.ok(configuration.indentationRules.increaseIndentPattern && configuration.indentationRules.decreaseIndentPattern);
});

test('the grammar and snippets are where the manifest says', () => {
    const grammar = manifest.contributes.grammars.find(g => g.language === 'qnetlang');
    assert.ok(exists(grammar.path));
    assert.equal(JSON.parse(fs.readFileSync(path.join(extensionRoot, grammar.path), 'utf8')).scopeName, grammar.scopeName);
    assert.ok(manifest.contributes.snippets.every(s => exists(s.path)));
    assert.ok(exists(manifest.main));
});

test('settings: server path, on/off switch and trace', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['qnetlang.server.path'].type, 'string');
    assert.equal(properties['qnetlang.server.enabled'].default, true);
    assert.deepEqual(properties['qnetlang.trace.server'].enum, ['off', 'messages', 'verbose']);
});

test('dependencies are pinned; the language client suits the declared VS Code version', () => {
    for (const version of [...Object.values(manifest.dependencies), ...Object.values(manifest.devDependencies)])
        assert.match(version, /^\d+\.\d+\.\d+$/);
    const client = JSON.parse(fs.readFileSync(require.resolve('vscode-languageclient/package.json'), 'utf8'));
    assert.equal(client.engines.vscode, manifest.engines.vscode);
});

test('the README has no relative links (vsce refuses them without a repository URL)', () => {
    const readme = fs.readFileSync(path.join(extensionRoot, 'README.md'), 'utf8');
    const relative = [...readme.matchAll(/\]\(([^)]+)\)/g)].map(m => m[1]).filter(link => !/^(https?:|#)/.test(link));
    assert.deepEqual(relative, []);
});
