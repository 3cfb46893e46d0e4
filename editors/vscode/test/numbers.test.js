'use strict';
// Numbers, with and without units, and the `..` range that must not read as a float.

const test = require('node:test');
const assert = require('node:assert/strict');
const { tokenize, scopeOf, catalogUnits } = require('./textmate');

const INTEGER = 'constant.numeric.integer.qnetlang';
const FLOAT = 'constant.numeric.float.qnetlang';
const UNIT = 'keyword.other.unit.qnetlang';

/** The scoped tokens of the value in `network n { x = VALUE; }`, without spaces. */
async function valueTokens(value) {
    const { lines } = await tokenize(`network n {\n    x = ${value};\n}`);
    const tokens = lines[1].tokens.filter(t => t.text.trim() !== '');
    return tokens.slice(2, -1).map(t => [t.text, t.scopes[t.scopes.length - 1]]);
}

test('every unit of Units.cs is a unit after an integer and after a float', async () => {
    for (const unit of catalogUnits()) {
        assert.deepEqual(await valueTokens(`50 ${unit}`), [['50', INTEGER], [unit, UNIT]], unit);
        assert.deepEqual(await valueTokens(`2.5e3 ${unit}`), [['2.5e3', FLOAT], [unit, UNIT]], unit);
        assert.deepEqual(await valueTokens(`7${unit}`), [['7', INTEGER], [unit, UNIT]], `7${unit}`);
    }
});

test('number forms', async () => {
    assert.deepEqual(await valueTokens('12'), [['12', INTEGER]]);
    assert.deepEqual(await valueTokens('1_000_000'), [['1_000_000', INTEGER]]);
    assert.deepEqual(await valueTokens('0.5'), [['0.5', FLOAT]]);
    assert.deepEqual(await valueTokens('1e9'), [['1e9', FLOAT]]);
    assert.deepEqual(await valueTokens('2E5 km/s'), [['2E5', FLOAT], ['km/s', UNIT]]);
    assert.deepEqual(await valueTokens('2.5e-3'), [['2.5e-3', FLOAT]]);
});

test('arithmetic with units keeps each unit with its number', async () => {
    assert.deepEqual(await valueTokens('2 * 25 km'), [['2', INTEGER], ['*', 'keyword.operator.arithmetic.qnetlang'], ['25', INTEGER], ['km', UNIT]]);
    assert.deepEqual(await valueTokens('100 km / 1 ms'), [['100', INTEGER], ['km', UNIT], ['/', 'keyword.operator.arithmetic.qnetlang'], ['1', INTEGER], ['ms', UNIT]]);
    assert.deepEqual(await valueTokens('0.2 dB/km'), [['0.2', FLOAT], ['dB/km', UNIT]]);
});

test('a word after a number that is not a unit is not a unit', async () => {
    const tokens = await valueTokens('3 furlongs');
    assert.deepEqual(tokens[0], ['3', INTEGER]);
    assert.notEqual(tokens[1][1], UNIT);
    assert.notEqual((await valueTokens('5 mss'))[1][1], UNIT);
});

test('ranges are integers around `..`, with or without spaces', async () => {
    for (const text of ['for i in 0..11 { }', 'for i in 0 .. 11 { }']) {
        const program = `program p on n {\n    ${text}\n}`;
        assert.equal(await scopeOf(program, '0'), INTEGER, text);
        assert.equal(await scopeOf(program, '..'), 'keyword.operator.range.qnetlang', text);
        assert.equal(await scopeOf(program, '11'), INTEGER, text);
    }
});

test('digits inside names are not numbers', async () => {
    const text = 'network n {\n    qpu q1 { t2 = 1 s; }\n}';
    assert.equal(await scopeOf(text, 'q1'), 'entity.name.type.node.qnetlang');
    assert.equal(await scopeOf(text, 't2'), 'support.type.property-name.qnetlang');
});
