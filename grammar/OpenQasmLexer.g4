// Lexer for the OpenQASM 2 / 3 importer (.qasm files). Token names follow the QNetLang lexer
// (OpenQASM 3 reference style: keywords UPPER_CASE, punctuation named after its shape) so the
// two AST builders read alike. OpenQASM 3 keywords we cannot import are still keywords here,
// so that the parser can recognise those constructs and the importer can report each one once
// (QN1011) instead of producing a cascade of syntax errors.
lexer grammar OpenQasmLexer;

// ---- keywords: header ------------------------------------------------------
OPENQASM:      'OPENQASM';
INCLUDE:       'include';

// ---- keywords: declarations and types (imported) ----------------------------
QREG:          'qreg';
CREG:          'creg';
QUBIT:         'qubit';
BIT:           'bit';
INT:           'int';
UINT:          'uint';
FLOAT:         'float';
ANGLE:         'angle';
CONST:         'const';
GATE:          'gate';

// ---- keywords: statements (imported) -----------------------------------------
MEASURE:       'measure';
RESET:         'reset';
BARRIER:       'barrier';
FOR:           'for';
IN:            'in';
IF:            'if';
ELSE:          'else';

// ---- keywords recognised only to be reported as unsupported -----------------
OPAQUE:        'opaque';
DEF:           'def';
WHILE:         'while';
GPHASE:        'gphase';
CTRL:          'ctrl';
NEGCTRL:       'negctrl';
INV:           'inv';
POW:           'pow';
INPUT:         'input';
OUTPUT:        'output';
DELAY:         'delay';
BOX:           'box';
LET:           'let';
EXTERN:        'extern';
DEFCALGRAMMAR: 'defcalgrammar';
DEFCAL:        'defcal';
CAL:           'cal';
DURATION:      'duration';
STRETCH:       'stretch';
SWITCH:        'switch';
RETURN:        'return';
BREAK:         'break';
CONTINUE:      'continue';
END:           'end';
BOOL:          'bool';
COMPLEX:       'complex';
ARRAY:         'array';

// ---- literals that look like keywords -----------------------------------------
TRUE:          'true';
FALSE:         'false';

// The Greek spellings of the built-in constants; the ASCII names `pi`, `tau` and `euler` are
// ordinary identifiers, resolved by the binder like any other constant.
PI_SIGN:       '\u03C0';   // π
TAU_SIGN:      '\u03C4';   // τ
EULER_SIGN:    '\u2107';   // ℇ

// ---- punctuation and operators --------------------------------------------------
LBRACE:        '{';
RBRACE:        '}';
LBRACKET:      '[';
RBRACKET:      ']';
LPAREN:        '(';
RPAREN:        ')';
SEMICOLON:     ';';
COLON:         ':';
COMMA:         ',';
ARROW:         '->';
AT:            '@';
EQUALS:        '=';
// `+=`, `<<=` … only ever appear in classical assignments, which are reported as a whole.
CompoundAssign: '+=' | '-=' | '*=' | '/=' | '%=' | '**=' | '&=' | '|=' | '^=' | '~=' | '<<=' | '>>=';
EQEQ:          '==';
NOTEQ:         '!=';
LESSEQ:        '<=';
GREATEREQ:     '>=';
LSHIFT:        '<<';
RSHIFT:        '>>';
LESS:          '<';
GREATER:       '>';
ANDAND:        '&&';
OROR:          '||';
AMPERSAND:     '&';
PIPE:          '|';
// Power in OpenQASM 2, bitwise xor in OpenQASM 3: the AST builder decides by version.
CARET:         '^';
TILDE:         '~';
BANG:          '!';
DOUBLE_PLUS:   '++';
PLUS:          '+';
MINUS:         '-';
POWER:         '**';
STAR:          '*';
SLASH:         '/';
PERCENT:       '%';

// ---- literals -----------------------------------------------------------------------
// OpenQASM 3 allows `.5`, `5.` and `1e-3`; `OPENQASM 2.0;` lexes its version as a float.
FloatLiteral
    : Digits Exponent
    | '.' Digits Exponent?
    | Digits '.' Digits? Exponent?
    ;
IntegerLiteral
    : Digits
    | '0' [xX] [0-9a-fA-F] ('_'? [0-9a-fA-F])*
    | '0' [oO] [0-7] ('_'? [0-7])*
    | '0' [bB] [01] ('_'? [01])*
    ;
StringLiteral
    : '"' ~["\r\n]* '"'
    | '\'' ~['\r\n]* '\''
    ;
// An unclosed string is one token so the driver can report it once (QN1010).
UnterminatedString: '"' ~["\r\n]* | '\'' ~['\r\n]*;
// `$0`: a physical qubit, which the importer reports as unsupported.
HardwareQubit: '$' [0-9]+;
// OpenQASM 3 allows letters of any script (`θ`, `φ` are common gate parameters); a lone `π`,
// `τ` or `ℇ` still lexes as the constant because that rule comes first.
Identifier:    FirstIdCharacter (FirstIdCharacter | [0-9])*;

fragment FirstIdCharacter: '_' | [\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}];

fragment Digits:   [0-9] ('_'? [0-9])*;
fragment Exponent: [eE] [+-]? [0-9]+;

// ---- trivia -------------------------------------------------------------------------
LineComment:  '//' ~[\r\n]* -> channel(HIDDEN);
// An unclosed comment runs to the end of the file; the driver reports it (QN1009).
BlockComment: '/*' .*? ('*/' | EOF) -> channel(HIDDEN);
// Pragmas are hints that the OpenQASM 3 specification lets a compiler ignore; the whitespace
// after `pragma` keeps identifiers such as `pragmatic` out of this rule.
Pragma
    : ( '#' [ \t]* 'pragma' ~[\r\n]*
      | 'pragma' [ \t] ~[\r\n]*
      ) -> channel(HIDDEN)
    ;
Whitespace:   [ \t\r\n\f]+ -> channel(HIDDEN);
// `@bind x` before a statement, and `#dim 3` (any other `#` directive), to the end of the line:
// one token each, so the importer reports the construct by name (QN1011) instead of a parse
// error. A gate modifier is written `ctrl @ x` (a space after `@`), which stays AT.
Annotation:   '@' [a-zA-Z_] ~[\r\n]*;
Directive:    '#' [a-zA-Z_] ~[\r\n]*;

// Anything else is one bad character; the driver reports it once (QN1002) instead of the
// lexer throwing.
BadCharacter: .;
