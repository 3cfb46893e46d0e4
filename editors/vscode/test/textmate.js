'use strict';
// Loads the QNetLang TextMate grammar into vscode-textmate with the Oniguruma engine, the way
// VS Code itself does, and tokenises text with it. Also reads the compiler's own tables (lexer
// keywords, gate catalog, units) so that the tests notice when the grammar falls behind them.

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const extensionRoot = path.resolve(__dirname, '..');
const repoRoot = path.resolve(extensionRoot, '..', '..');
const grammarPath = path.join(extensionRoot, 'syntaxes', 'qnetlang.tmLanguage.json');

let grammarPromise;

function loadGrammar() {
    grammarPromise ??= (async () => {
        const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
        await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
        const registry = new vsctm.Registry({
            onigLib: Promise.resolve({
                createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
                createOnigString: text => new oniguruma.OnigString(text),
            }),
            loadGrammar: async scopeName => scopeName === 'source.qnetlang'
                ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
                : null,
        });
        return registry.loadGrammar('source.qnetlang');
    })();
    return grammarPromise;
}

/** Tokenises a whole text: every line's tokens (with their text) and the rule stack at the end. */
async function tokenize(text) {
    const grammar = await loadGrammar();
    let stack = vsctm.INITIAL;
    const lines = text.split(/\r\n|\r|\n/).map(line => {
        const result = grammar.tokenizeLine(line, stack);
        stack = result.ruleStack;
        return { text: line, tokens: result.tokens.map(t => ({ text: line.slice(t.startIndex, t.endIndex), start: t.startIndex, scopes: t.scopes })) };
    });
    return { lines, endStack: stack, initialStack: vsctm.INITIAL };
}

/** The scopes of the token at the start of the `occurrence`-th `needle` in `text`. */
async function scopesAt(text, needle, occurrence = 0) {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) {
        at = text.indexOf(needle, at + 1);
        if (at < 0) throw new Error(`'${needle}' #${occurrence} is not in the text`);
    }
    const line = text.slice(0, at).split('\n').length - 1;
    const column = at - (text.lastIndexOf('\n', at - 1) + 1);
    const { lines } = await tokenize(text);
    const token = lines[line].tokens.find(t => t.start <= column && column < t.start + t.text.length);
    return token.scopes;
}

/** The innermost scope, without the root. */
async function scopeOf(text, needle, occurrence = 0) {
    const scopes = await scopesAt(text, needle, occurrence);
    return scopes[scopes.length - 1];
}

function readRepoFile(...parts) {
    return fs.readFileSync(path.join(repoRoot, ...parts), 'utf8');
}

/** Keyword literals of the ANTLR lexer: rules such as `QUBIT: 'qubit';`. */
function lexerKeywords() {
    const lexer = readRepoFile('grammar', 'QNetLangLexer.g4');
    const keywords = [...lexer.matchAll(/^\s*[A-Z][A-Z0-9_]*\s*:\s*'([A-Za-z_][A-Za-z0-9_]*)'\s*;/gm)].map(m => m[1]);
    if (keywords.length < 10) throw new Error('could not read the keywords of grammar/QNetLangLexer.g4');
    return keywords;
}

/** Gate names of src/QNetLang.Ir/GateCatalog.cs (Single(...), Two(...), new(...)) and its aliases. */
function catalogGates() {
    const catalog = readRepoFile('src', 'QNetLang.Ir', 'GateCatalog.cs');
    const gates = [...catalog.matchAll(/\b(?:Single|Two|new)\("([A-Za-z0-9_]+)",\s*\d/g)].map(m => m[1]);
    const aliases = [...catalog.matchAll(/\["([A-Za-z0-9_]+)"\]\s*=\s*"([A-Za-z0-9_]+)"/g)].map(m => m[1]);
    if (gates.length < 20 || aliases.length < 5) throw new Error('could not read the gates of GateCatalog.cs');
    return { gates, aliases };
}

/** Unit names of src/QNetLang.Core/Units.cs. */
function catalogUnits() {
    const units = [...readRepoFile('src', 'QNetLang.Core', 'Units.cs').matchAll(/\["([A-Za-z/]+)"\]\s*=\s*\(Dimension\./g)].map(m => m[1]);
    if (units.length < 10) throw new Error('could not read the units of Units.cs');
    return units;
}

/** Built-in constants and functions of src/QNetLang.Semantics/ExpressionEvaluator.cs. */
function builtins() {
    const source = readRepoFile('src', 'QNetLang.Semantics', 'ExpressionEvaluator.cs');
    const constants = [...source.matchAll(/\["([a-z0-9]+)"\]\s*=\s*(?:[\d.]+\s*\*\s*)?Math\.(?:PI|E)\b/g)].map(m => m[1]);
    const functions = [...source.matchAll(/\["([a-z0-9]+)"\]\s*=\s*Math\.[A-Z][a-z0-9]+,/g)].map(m => m[1]);
    return { constants, functions };
}

module.exports = { loadGrammar, tokenize, scopesAt, scopeOf, lexerKeywords, catalogGates, catalogUnits, builtins, repoRoot, extensionRoot, grammarPath };
