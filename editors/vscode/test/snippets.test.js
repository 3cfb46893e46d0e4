'use strict';
// Snippets expand to text that the grammar tokenises completely. (The C# tests compile the
// snippets that are whole files, so they are valid QNetLang as well.)

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { tokenize, extensionRoot } = require('./textmate');

/** Expands a snippet body with every placeholder at its default and choices at their first option. */
function expand(body) {
    const text = body.join('\n');
    const defaults = {};
    for (const m of text.matchAll(/\$\{(\d+):([^${}]*)\}/g)) defaults[m[1]] ??= m[2];
    for (const m of text.matchAll(/\$\{(\d+)\|([^|,]*)[^|]*\|\}/g)) defaults[m[1]] ??= m[2];
    return text
        .replace(/\$\{(\d+):([^${}]*)\}/g, (_, n) => defaults[n])
        .replace(/\$\{(\d+)\|[^|]*\|\}/g, (_, n) => defaults[n])
        .replace(/\$\{?(\d+)\}?/g, (_, n) => defaults[n] ?? '');
}

const snippets = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'snippets', 'qnetlang.json'), 'utf8'));

test('the snippets cover networks, programs, gates and the common protocols', () => {
    const prefixes = Object.values(snippets).map(s => s.prefix);
    for (const prefix of ['network', 'program', 'gate', 'teleportation', 'teleport-protocol', 'bb84', 'bell', 'epr', 'ghz', 'ghz-local'])
        assert.ok(prefixes.includes(prefix), `no '${prefix}' snippet`);
});

test('expansion resolves every placeholder', () => {
    assert.equal(expand(['gate ${1:name}(${2:theta}) ${3:a}, ${4:b} {', '\t${5:cx} $3, $4;$0', '}']), 'gate name(theta) a, b {\n\tcx a, b;\n}');
    assert.equal(expand(['const ${1|angle,int|} x;']), 'const angle x;');
});

for (const [name, snippet] of Object.entries(snippets)) {
    test(`snippet '${name}' tokenises completely`, async () => {
        const text = expand(snippet.body);
        assert.ok(!/\$\{?\d/.test(text), `unexpanded placeholder in ${text}`);
        // Snippets that are not whole files go inside a program (or a network, for hardware).
        const hardware = /^(qpu|repeater|endnode|link)\b/.test(text);
        const whole = /^(network|program|include)\b/.test(text);
        const source = whole ? text : hardware ? `network n {\n${text}\n}` : `program p on n {\n${text}\n}`;
        const { lines, endStack, initialStack } = await tokenize(source);
        const unscoped = lines.flatMap(l => l.tokens).filter(t => t.scopes.length < 2 && t.text.trim() !== '').map(t => t.text);
        assert.deepEqual(unscoped, [], source);
        assert.equal(endStack.depth, initialStack.depth, source);
    });
}

module.exports = { expand };
