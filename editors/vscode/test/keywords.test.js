'use strict';
// Every keyword of the ANTLR lexer must be highlighted as a keyword. When a keyword is added to
// grammar/QNetLangLexer.g4 but not to syntaxes/qnetlang.tmLanguage.json, these tests fail.

const test = require('node:test');
const assert = require('node:assert/strict');
const { tokenize, scopeOf, lexerKeywords } = require('./textmate');

/** The scope each keyword gets; a new keyword needs a line here and a rule in the grammar. */
const EXPECTED = {
    include: 'keyword.control.import.include.qnetlang',
    network: 'storage.type.network.qnetlang',
    program: 'storage.type.program.qnetlang',
    on: 'keyword.other.on.qnetlang',
    qpu: 'storage.type.node.qnetlang',
    repeater: 'storage.type.node.qnetlang',
    endnode: 'storage.type.node.qnetlang',
    link: 'storage.type.link.qnetlang',
    qubit: 'storage.type.register.qnetlang',
    bit: 'storage.type.register.qnetlang',
    int: 'storage.type.scalar.qnetlang',
    uint: 'storage.type.scalar.qnetlang',
    bool: 'storage.type.scalar.qnetlang',
    float: 'storage.type.scalar.qnetlang',
    angle: 'storage.type.scalar.qnetlang',
    const: 'storage.modifier.const.qnetlang',
    gate: 'storage.type.gate.qnetlang',
    def: 'storage.type.def.qnetlang',
    return: 'keyword.control.return.qnetlang',
    true: 'constant.language.boolean.qnetlang',
    false: 'constant.language.boolean.qnetlang',
    measure: 'keyword.other.measure.qnetlang',
    reset: 'keyword.other.reset.qnetlang',
    barrier: 'keyword.other.barrier.qnetlang',
    for: 'keyword.control.for.qnetlang',
    in: 'keyword.control.in.qnetlang',
    if: 'keyword.control.if.qnetlang',
    else: 'keyword.control.else.qnetlang',
    while: 'keyword.control.while.qnetlang',
    at: 'keyword.control.at.qnetlang',
    epr: 'keyword.other.epr.qnetlang',
    teleport: 'keyword.other.teleport.qnetlang',
    send: 'keyword.other.send.qnetlang',
    figure: 'storage.type.figure.qnetlang',
    over: 'keyword.control.over.qnetlang',
    where: 'keyword.control.where.qnetlang',
};

/** A keyword on its own line inside a program body: only the grammar's keyword rules can scope it. */
async function bareScope(keyword) {
    const { lines } = await tokenize(`program p on n {\n    ${keyword}\n}`);
    const token = lines[1].tokens.find(t => t.text.trim() !== '');
    assert.equal(token.text, keyword, `'${keyword}' was split into several tokens`);
    return token.scopes[token.scopes.length - 1];
}

/** Keywords that the grammar does not highlight as keywords (none, for the real lexer). */
async function unhighlighted(keywords) {
    const missing = [];
    for (const keyword of keywords) {
        const scope = await bareScope(keyword);
        // The boolean literals are keywords of the lexer, highlighted as the constants they are.
        if (!/^(keyword|storage|constant\.language\.boolean)\./.test(scope)) missing.push(keyword);
    }
    return missing;
}

test('every keyword of grammar/QNetLangLexer.g4 is highlighted as a keyword', async () => {
    assert.deepEqual(await unhighlighted(lexerKeywords()), [],
        'add the keyword(s) to the "keywords" rules of syntaxes/qnetlang.tmLanguage.json');
});

test('every keyword of the lexer has its expected scope (and the table knows every keyword)', async () => {
    for (const keyword of lexerKeywords()) {
        assert.ok(keyword in EXPECTED, `new lexer keyword '${keyword}': add it to the TextMate grammar and to EXPECTED in this test`);
        assert.equal(await bareScope(keyword), EXPECTED[keyword], keyword);
    }
});

test('the check bites: a keyword the grammar does not know is reported', async () => {
    assert.deepEqual(await unhighlighted(['teleport', 'entangle']), ['entangle']);
});

test('keywords in their usual places', async () => {
    const text = [
        'include "networks/metro.qn";',
        'network lab { qpu a; repeater r; endnode e; link a -- r; }',
        'program p on lab {',
        '    const int n = 2; const float f = 1.5; const angle t = pi;',
        '    qubit[n] q @ a; bit[n] c; uint[4] k = 1; bool done;',
        '    gate g(x) y { rz(x) y; }',
        '    def f(qubit a) -> bool { return true; }',
        '    done = false;',
        '    for i in 0 .. n { h q[i]; }',
        '    if (c[0] == 1) { x q[0]; } else { z q[0]; }',
        '    while (c[1] == 0) { c[1] = measure q[1]; }',
        '    at a { measure q[0] -> c[0]; reset q[0]; barrier q; }',
        '    epr q[0], q[1]; teleport q[0] -> e; c[1] = send q[1] -> e;',
        '    figure agree = mean(c[j] == 0 over j in 0 .. n where c[0] == 1);',
        '}',
    ].join('\n');
    // Each keyword with enough context to be unique in the text.
    const places = {
        include: 'include "', network: 'network lab', qpu: 'qpu a', repeater: 'repeater r', endnode: 'endnode e',
        link: 'link a', program: 'program p', on: 'on lab', const: 'const int', int: 'int n', float: 'float f',
        angle: 'angle t', uint: 'uint[4]', bool: 'bool done', qubit: 'qubit[', bit: 'bit[', gate: 'gate g', def: 'def f', return: 'return true', true: 'true;', false: 'false;', for: 'for i', in: 'in 0', if: 'if (',
        else: 'else {', while: 'while (', at: 'at a {', measure: 'measure q', reset: 'reset q', barrier: 'barrier q', epr: 'epr q',
        teleport: 'teleport q', send: 'send q', figure: 'figure agree', over: 'over j', where: 'where c',
    };
    for (const keyword of lexerKeywords()) {
        assert.ok(keyword in places, `new lexer keyword '${keyword}': show it in context in this test`);
        assert.equal(await scopeOf(text, places[keyword]), EXPECTED[keyword], keyword);
    }
});
