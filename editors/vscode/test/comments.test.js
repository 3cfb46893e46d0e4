'use strict';
// Comments and strings.

const test = require('node:test');
const assert = require('node:assert/strict');
const { tokenize, scopesAt } = require('./textmate');

test('line comments, also after code', async () => {
    const text = '// heading\nnetwork n { qpu a; } // trailing\n';
    assert.ok((await scopesAt(text, '// heading')).includes('comment.line.double-slash.qnetlang'));
    assert.ok((await scopesAt(text, 'heading')).includes('comment.line.double-slash.qnetlang'));
    assert.ok((await scopesAt(text, 'trailing')).includes('comment.line.double-slash.qnetlang'));
    assert.ok((await scopesAt(text, 'qpu')).includes('storage.type.node.qnetlang'));
});

test('block comments span lines and end where they end', async () => {
    const text = 'program p on n {\n    /* first\n       h q; still comment */ h q;\n}';
    assert.ok((await scopesAt(text, 'first')).includes('comment.block.qnetlang'));
    assert.ok((await scopesAt(text, 'h q; still')).includes('comment.block.qnetlang'));
    assert.ok((await scopesAt(text, 'h q;', 1)).includes('support.function.gate.qnetlang'));
    const { endStack, initialStack } = await tokenize(text);
    assert.equal(endStack.depth, initialStack.depth);
});

test('an unclosed block comment runs to the end of the file', async () => {
    const text = 'network n { }\n/* never closed\nprogram p on n { }';
    assert.ok((await scopesAt(text, 'program')).includes('comment.block.qnetlang'));
});

test('strings: the include path, with comment markers inside', async () => {
    const text = 'include "nets//metro.qn"; // real comment';
    assert.ok((await scopesAt(text, 'nets')).includes('string.quoted.double.qnetlang'));
    assert.ok((await scopesAt(text, '//metro')).includes('string.quoted.double.qnetlang'));
    assert.ok((await scopesAt(text, 'real')).includes('comment.line.double-slash.qnetlang'));
    assert.ok((await scopesAt(text, 'include')).includes('keyword.control.import.include.qnetlang'));
});

test('an unterminated string ends at the end of its line', async () => {
    const text = 'include "oops\nnetwork n { }';
    assert.ok((await scopesAt(text, 'oops')).includes('string.quoted.double.qnetlang'));
    assert.ok(!(await scopesAt(text, 'network')).includes('string.quoted.double.qnetlang'));
});
