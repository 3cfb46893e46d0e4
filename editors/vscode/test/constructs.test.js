'use strict';
// The rest of the language: networks, nodes, links, pins, arrows, programs, declarations,
// built-in constants and functions.

const test = require('node:test');
const assert = require('node:assert/strict');
const { scopeOf, builtins } = require('./textmate');

const TEXT = [
    'network metro {',
    '    fiber_speed = 2e5 km/s;',
    '    qpu alice { qubits = 8; comm = 2; }',
    '    repeater hub { memories = 4; }',
    '    endnode sensor;',
    '    link alice -- hub { length = 12 km; kind = satellite; }',
    '}',
    'program ghz on metro {',
    '    const angle phi = pi / 9;',
    '    qubit[2] e @ alice;',
    '    qubit s @ sensor;',
    '    bit ok;',
    '    for k in 0 .. 2 { rz(phi * k) e[k]; }',
    '    at alice { h e[0]; }',
    '    teleport e[1] -> hub;',
    '    ok = send s -> alice;',
    '    measure e[0] -> ok;',
    '    rx(sqrt(2) + tau - euler) e[0];',
    '}',
].join('\n');

const NODE = 'entity.name.type.node.qnetlang';

test('networks: names, nodes, links and properties', async () => {
    assert.equal(await scopeOf(TEXT, 'metro'), 'entity.name.type.network.qnetlang');
    assert.equal(await scopeOf(TEXT, 'fiber_speed'), 'support.type.property-name.qnetlang');
    assert.equal(await scopeOf(TEXT, 'alice'), NODE);
    assert.equal(await scopeOf(TEXT, 'hub'), NODE);
    assert.equal(await scopeOf(TEXT, 'sensor'), NODE);
    assert.equal(await scopeOf(TEXT, 'alice --'), NODE);
    assert.equal(await scopeOf(TEXT, '--'), 'keyword.operator.link.qnetlang');
    assert.equal(await scopeOf(TEXT, 'hub {', 1), NODE);
    assert.equal(await scopeOf(TEXT, 'qubits'), 'support.type.property-name.qnetlang');
    assert.equal(await scopeOf(TEXT, 'kind'), 'support.type.property-name.qnetlang');
    assert.equal(await scopeOf(TEXT, 'satellite'), 'constant.language.link-kind.qnetlang');
});

test('programs: name, network, declarations, pins, at, teleport and send targets', async () => {
    assert.equal(await scopeOf(TEXT, 'ghz'), 'entity.name.function.program.qnetlang');
    assert.equal(await scopeOf(TEXT, 'metro', 1), 'entity.name.type.network.qnetlang');
    assert.equal(await scopeOf(TEXT, 'phi'), 'variable.other.constant.qnetlang');
    assert.equal(await scopeOf(TEXT, 'e @'), 'variable.other.register.qnetlang');
    assert.equal(await scopeOf(TEXT, '@ alice'), 'keyword.operator.pin.qnetlang');
    assert.equal(await scopeOf(TEXT, 'alice;'), NODE);
    assert.equal(await scopeOf(TEXT, 'sensor;', 1), NODE);
    assert.equal(await scopeOf(TEXT, 'k in'), 'variable.other.loop.qnetlang');
    assert.equal(await scopeOf(TEXT, 'alice {', 1), NODE);
    assert.equal(await scopeOf(TEXT, '-> hub'), 'keyword.operator.arrow.qnetlang');
    assert.equal(await scopeOf(TEXT, 'hub;'), NODE);
    assert.equal(await scopeOf(TEXT, 'alice;', 1), NODE);
    // The target of a measurement arrow is a bit, not a node.
    assert.equal(await scopeOf(TEXT, 'ok;', 1), 'variable.other.qnetlang');
});

test('built-in constants and functions of ExpressionEvaluator.cs', async () => {
    const { constants, functions } = builtins();
    assert.deepEqual(constants, ['pi', 'tau', 'euler']);
    for (const name of constants) assert.equal(await scopeOf(TEXT, name), `constant.language.${name}.qnetlang`, name);
    for (const name of functions) {
        const text = `program p on n {\n    const float v = ${name}(0.5);\n}`;
        assert.equal(await scopeOf(text, `${name}(`), 'support.function.math.qnetlang', name);
    }
});

test('operators', async () => {
    const text = 'program p on n {\n    if (!(c[0] == 1) && c[1] != 0 || c >= 2) { x q; }\n    rz(2 ** 3 % 4) q;\n}';
    assert.equal(await scopeOf(text, '!('), 'keyword.operator.logical.qnetlang');
    assert.equal(await scopeOf(text, '=='), 'keyword.operator.comparison.qnetlang');
    assert.equal(await scopeOf(text, '&&'), 'keyword.operator.logical.qnetlang');
    assert.equal(await scopeOf(text, '!='), 'keyword.operator.comparison.qnetlang');
    assert.equal(await scopeOf(text, '||'), 'keyword.operator.logical.qnetlang');
    assert.equal(await scopeOf(text, '>='), 'keyword.operator.comparison.qnetlang');
    assert.equal(await scopeOf(text, '**'), 'keyword.operator.arithmetic.qnetlang');
    assert.equal(await scopeOf(text, '%'), 'keyword.operator.arithmetic.qnetlang');
});
