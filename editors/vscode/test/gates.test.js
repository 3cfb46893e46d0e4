'use strict';
// Gate calls: every gate of the GateCatalog and every alias is support.function.gate when
// called, and the grammar lists no gate that the catalog lacks.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const { scopeOf, catalogGates, grammarPath } = require('./textmate');

const GATE = 'support.function.gate.qnetlang';

function grammarGateNames() {
    const grammar = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
    const pattern = grammar.repository['gate-call'].patterns[0].match;
    const names = /^\\b\(([^)]*)\)/.exec(pattern);
    assert.ok(names, 'the first gate-call pattern should start with \\b(name|name|...)');
    return names[1].split('|');
}

test('the grammar lists exactly the gates and aliases of GateCatalog.cs', () => {
    const { gates, aliases } = catalogGates();
    assert.deepEqual([...grammarGateNames()].sort(), [...gates, ...aliases].sort());
});

test('every catalog gate and alias is highlighted when called', async () => {
    const { gates, aliases } = catalogGates();
    for (const name of [...gates, ...aliases]) {
        const plain = `program p on n {\n    ${name} q[0], q[1];\n}`;
        assert.equal(await scopeOf(plain, `${name} q[0]`), GATE, name);
        const withParameters = `program p on n {\n    ${name}(pi / 2, 0) a;\n}`;
        assert.equal(await scopeOf(withParameters, `${name}(`), GATE, `${name}(…)`);
    }
});

test('a gate name used as a qubit name is not a gate', async () => {
    const text = 'program p on n {\n    qubit s;\n    qubit t;\n    cx s, t;\n    measure t -> c[0];\n}';
    assert.equal(await scopeOf(text, 's;'), 'variable.other.register.qnetlang');
    assert.equal(await scopeOf(text, 'cx'), GATE);
    assert.equal(await scopeOf(text, 's, t'), 'variable.other.qnetlang');
    assert.equal(await scopeOf(text, 't -> c'), 'variable.other.qnetlang');
});

test('user gates: the definition names the gate, calls are function calls, arguments are parameters', async () => {
    const text = 'program p on n {\n    gate crot(k) c, t { cp(pi / 2 ** k) c, t; }\n    gate bell(x, y) { h x; cx x, y; }\n    crot(3) q[0], q[1];\n    bell a, b;\n}';
    assert.equal(await scopeOf(text, 'crot(k)'), 'entity.name.function.gate.qnetlang');
    assert.equal(await scopeOf(text, 'k)'), 'variable.parameter.qnetlang');
    assert.equal(await scopeOf(text, 'c, t {'), 'variable.parameter.qnetlang');
    assert.equal(await scopeOf(text, 'x, y)'), 'variable.parameter.qnetlang');
    assert.equal(await scopeOf(text, 'cp('), GATE);
    assert.equal(await scopeOf(text, 'crot(3)'), 'entity.name.function.call.qnetlang');
    assert.equal(await scopeOf(text, 'bell a'), 'entity.name.function.call.qnetlang');
});
