'use strict';
// Every example tokenises completely: no text is left without a scope, and every region the
// grammar opens (network, program, block, comment) is closed by the end of the file.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { tokenize, repoRoot } = require('./textmate');

function exampleFiles() {
    const found = [];
    const walk = dir => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.qn')) found.push(full);
        }
    };
    walk(path.join(repoRoot, 'examples'));
    return found.sort();
}

/** Tokens that got no scope beyond the file's own (`source.qnetlang`), other than blanks. */
function unscoped(lines) {
    const missing = [];
    lines.forEach((line, number) => {
        for (const token of line.tokens)
            if (token.scopes.length < 2 && token.text.trim() !== '') missing.push(`${number + 1}:${token.start + 1} '${token.text}'`);
    });
    return missing;
}

test('there are examples to tokenise', () => {
    assert.ok(exampleFiles().length >= 9);
});

for (const file of exampleFiles()) {
    test(`examples/${path.relative(path.join(repoRoot, 'examples'), file)} tokenises completely`, async () => {
        const { lines, endStack, initialStack } = await tokenize(fs.readFileSync(file, 'utf8'));
        assert.deepEqual(unscoped(lines), []);
        assert.equal(endStack.depth, initialStack.depth, 'a region (block, comment, network, program) is still open at the end of the file');
    });
}

test('the examples together use every kind of highlighting', async () => {
    const seen = new Set();
    for (const file of exampleFiles()) {
        const { lines } = await tokenize(fs.readFileSync(file, 'utf8'));
        for (const line of lines) for (const token of line.tokens) for (const scope of token.scopes) seen.add(scope.replace(/\.qnetlang$/, ''));
    }
    // Block comments are covered by comments.test.js: no example happens to use one.
    for (const scope of ['comment.line.double-slash', 'string.quoted.double', 'storage.type.node', 'storage.type.link',
        'storage.type.network', 'storage.type.program', 'storage.type.register', 'storage.type.gate', 'support.function.gate',
        'constant.numeric.integer', 'constant.numeric.float', 'keyword.other.unit', 'keyword.operator.pin', 'keyword.operator.link',
        'keyword.operator.arrow', 'keyword.control.for', 'keyword.control.at', 'keyword.control.if', 'keyword.other.epr',
        'keyword.other.teleport', 'keyword.other.send', 'keyword.other.measure', 'entity.name.type.node', 'entity.name.function.gate',
        'support.type.property-name']) {
        assert.ok(seen.has(scope), `no example shows ${scope}`);
    }
});
