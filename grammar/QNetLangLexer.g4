// Lexer for QNetLang (.qn files). Token names follow the OpenQASM 3 grammar's style:
// keywords are UPPER_CASE with the suffix omitted, punctuation is named after its shape.
// Keep the keyword list in sync with docs/language.md and the VS Code TextMate grammar.
lexer grammar QNetLangLexer;

// ---- keywords: top level -------------------------------------------------
INCLUDE:   'include';
NETWORK:   'network';
PROGRAM:   'program';
ON:        'on';

// ---- keywords: hardware --------------------------------------------------
QPU:       'qpu';
REPEATER:  'repeater';
ENDNODE:   'endnode';
LINK:      'link';

// ---- keywords: declarations and types ------------------------------------
QUBIT:     'qubit';
BIT:       'bit';
INT:       'int';
UINT:      'uint';
BOOL:      'bool';
FLOAT:     'float';
ANGLE:     'angle';
CONST:     'const';
GATE:      'gate';
DEF:       'def';

// ---- keywords: statements ------------------------------------------------
MEASURE:   'measure';
RESET:     'reset';
BARRIER:   'barrier';
FOR:       'for';
IN:        'in';
IF:        'if';
ELSE:      'else';
WHILE:     'while';
AT:        'at';
EPR:       'epr';
TELEPORT:  'teleport';
SEND:      'send';
RETURN:    'return';
TRUE:      'true';
FALSE:     'false';
// ---- keywords: figures of merit --------------------------------------------
FIGURE:    'figure';
OVER:      'over';
WHERE:     'where';

// ---- punctuation and operators --------------------------------------------
LBRACE:    '{';
RBRACE:    '}';
LBRACKET:  '[';
RBRACKET:  ']';
LPAREN:    '(';
RPAREN:    ')';
SEMICOLON: ';';
COMMA:     ',';
DOTDOT:    '..';
ARROW:     '->';
LINKDASH:  '--';
PIN:       '@';
EQUALS:    '=';
EQEQ:      '==';
NOTEQ:     '!=';
// Compound assignments of classical variables (`k <<= 1;`); before the operators they start with.
CompoundAssign: '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '**=';
LSHIFT:    '<<';
RSHIFT:    '>>';
LESSEQ:    '<=';
GREATEREQ: '>=';
LESS:      '<';
GREATER:   '>';
ANDAND:    '&&';
OROR:      '||';
AMPERSAND: '&';
PIPE:      '|';
CARET:     '^';
TILDE:     '~';
BANG:      '!';
PLUS:      '+';
MINUS:     '-';
STAR:      '*';
SLASH:     '/';
PERCENT:   '%';
POWER:     '**';

// ---- literals ---------------------------------------------------------------
// A float needs digits on both sides of the point so that `0..11` lexes as a range.
FloatLiteral
    : Digits '.' Digits Exponent?
    | Digits Exponent
    ;
IntegerLiteral: Digits;
StringLiteral:  '"' ~["\r\n]* '"';
// An unclosed string is one token so the driver can report it once (QN1010).
UnterminatedString: '"' ~["\r\n]*;
Identifier:     [a-zA-Z_] [a-zA-Z0-9_]*;

fragment Digits:   [0-9] ('_'? [0-9])*;
fragment Exponent: [eE] [+-]? [0-9]+;

// ---- trivia -------------------------------------------------------------------
LineComment:  '//' ~[\r\n]* -> channel(HIDDEN);
// An unclosed comment runs to the end of the file; the driver reports it (QN1009).
BlockComment: '/*' .*? ('*/' | EOF) -> channel(HIDDEN);
Whitespace:   [ \t\r\n\f]+ -> channel(HIDDEN);

// Anything else is one bad character; the parser reports it once (QN1002) instead of
// the lexer throwing.
BadCharacter: .;
