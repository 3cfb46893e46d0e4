// Parser for the OpenQASM 2 / 3 importer. It accepts the union of the two versions' common
// subset (the AST builder tells them apart by the header) and matches the constructs we do not
// import loosely, so each becomes one "unsupported" diagnostic rather than a syntax error.
// Precedence follows the OpenQASM 3 reference grammar.
parser grammar OpenQasmParser;

options { tokenVocab = OpenQasmLexer; }

// The header is mandatory in OpenQASM 2 and optional in OpenQASM 3.
program: version? statement* EOF;

version: OPENQASM number SEMICOLON;

statement
    : includeStatement
    | registerDeclaration
    | qubitDeclaration
    | bitDeclaration
    | constDeclaration
    | variableDeclaration
    | inputDeclaration
    | gateDefinition
    | measureArrowStatement
    | measureAssignStatement
    | assignmentStatement
    | resetStatement
    | barrierStatement
    | forStatement
    | ifStatement
    | whileStatement
    | subroutineDefinition
    | returnStatement
    | callStatement
    | aliasStatement
    | gateCallStatement
    | unsupportedStatement
    | annotationOrDirective
    | scope
    ;

scope: LBRACE statement* RBRACE;

// A statement body of `for`, `if`, `else` and `while`: a scope or a single statement.
body: scope | statement;

includeStatement: INCLUDE StringLiteral SEMICOLON;

// ---- declarations ------------------------------------------------------------------------
// OpenQASM 2 `qreg q[n];` / `creg c[n];` (still accepted by OpenQASM 3).
registerDeclaration: keyword = (QREG | CREG) Identifier designator? SEMICOLON;
qubitDeclaration: QUBIT designator? Identifier SEMICOLON;
// `bit c = measure q;` declares and measures in one go; other initialisers are unsupported.
bitDeclaration: BIT designator? Identifier (EQUALS bitInitializer)? SEMICOLON;
bitInitializer: MEASURE operand | expression;
constDeclaration: CONST scalarType designator? Identifier EQUALS expression SEMICOLON;
scalarType: INT | UINT | FLOAT | ANGLE;
// `uint[4] k = 1;`, `angle[10] c;`, `bool b = measure q;`: a classical variable (folded while
// constant, computed at run time once a measurement reaches it).
variableDeclaration: variableType designator? Identifier (EQUALS (MEASURE operand | expression))? SEMICOLON;
variableType: BOOL | INT | UINT | FLOAT | ANGLE;
// `input float[64] theta;`: a constant whose value the command line gives (`--input theta=0.3`).
inputDeclaration: INPUT scalarType designator? Identifier SEMICOLON;
designator: LBRACKET expression RBRACKET;

// `gate name(params) a, b { }`; the parentheses may be empty or absent.
gateDefinition: GATE Identifier (LPAREN params = identifierList? RPAREN)? qubits = identifierList scope;
identifierList: Identifier (COMMA Identifier)*;

// ---- quantum statements ------------------------------------------------------------------
// `U(a, b, c) q[0];`, `cx q, r;` (broadcast over registers).
gateCallStatement: gateModifier* Identifier (LPAREN expressionList? RPAREN)? operandList SEMICOLON;
// `inv @`, `pow(k) @`, `ctrl @`, `ctrl(2) @`, `negctrl @` (OpenQASM 3).
gateModifier: (INV | POW LPAREN expression RPAREN | (CTRL | NEGCTRL) (LPAREN expression RPAREN)?) AT;

// `measure q -> c;` (both versions) or a bare `measure q;` (OpenQASM 3).
measureArrowStatement: MEASURE operand (ARROW target = operand)? SEMICOLON;
// `c = measure q;`, `c[0] = measure q[0];` (OpenQASM 3).
measureAssignStatement: target = operand EQUALS MEASURE qubit = operand SEMICOLON;
resetStatement: RESET operand SEMICOLON;
barrierStatement: BARRIER operandList? SEMICOLON;

// ---- classical control -------------------------------------------------------------------
// OpenQASM 2 `if (c == 1) x q;` and OpenQASM 3 `if (c[0]) { } else { }`.
ifStatement: IF LPAREN expression RPAREN thenBody = body (ELSE elseBody = body)?;

// OpenQASM 3 `while (c != 0) { }`: a runtime loop on measured bits.
whileStatement: WHILE LPAREN expression RPAREN body;

// `for int i in [a:b] { }`: only the two-bound range is imported; steps, sets and registers
// are parsed so that they can be reported precisely.
forStatement: FOR loopVariableType? Identifier IN loopRange body;
loopVariableType: (INT | UINT) designator?;
loopRange
    : LBRACKET rangeBounds RBRACKET
    | LBRACE expressionList? RBRACE
    | Identifier
    ;
rangeBounds: first = expression? COLON second = expression? (COLON third = expression?)?;

// `def name(qubit[2] a, qubit b) -> bit[2] { ... return r; }`: inlined at each call
// (docs/language.md, OpenQASM import). Arguments other than qubits are parsed so that they can
// be reported precisely.
subroutineDefinition: DEF Identifier LPAREN (subroutineArgument (COMMA subroutineArgument)*)? RPAREN (ARROW returnType = argumentType designator?)? scope;
subroutineArgument: argumentType designator? Identifier;
argumentType: QUBIT | BIT | INT | UINT | FLOAT | ANGLE | BOOL;
returnStatement: RETURN expression? SEMICOLON;
// `name(args);`: a subroutine called for its effect (a gate call always has qubit operands).
callStatement: Identifier LPAREN expressionList? RPAREN SEMICOLON;

// `x = e;`, `c <<= 1;`: an assignment to a classical variable or a bit register.
assignmentStatement: operand op = (EQUALS | CompoundAssign) expression SEMICOLON;

// `let a = q[1:2] ++ r;`: an alias of qubits or bits, resolved at import (before the loose
// `let` of unsupportedStatement, which still catches any other form).
aliasStatement: LET Identifier EQUALS operand (DOUBLE_PLUS operand)* SEMICOLON;

// ---- recognised but unsupported --------------------------------------------------------------
// The builder reports these at their first keyword. The body is matched loosely: any tokens up
// to a `;` or a balanced `{ ... }`.
unsupportedStatement
    : keyword = (
          OPAQUE | GPHASE | INPUT | OUTPUT | DELAY
        | BOX | LET | EXTERN | DEFCALGRAMMAR | DEFCAL | CAL | DURATION | STRETCH | SWITCH
        | BREAK | CONTINUE | END | INT | UINT | FLOAT | ANGLE | BOOL | COMPLEX | ARRAY
      ) looseToken* (SEMICOLON | looseBlock)
    | CONST keyword = (BOOL | BIT | COMPLEX | DURATION | STRETCH | ARRAY) looseToken* SEMICOLON
    ;
looseToken: ~(SEMICOLON | LBRACE | RBRACE);
annotationOrDirective: Annotation | Directive;
looseBlock: LBRACE (looseBlock | looseToken | SEMICOLON)* RBRACE;

// ---- operands ----------------------------------------------------------------------------------
operandList: operand (COMMA operand)*;
operand
    : Identifier (LBRACKET indexSelector RBRACKET)?
    | HardwareQubit
    ;
// A single index, a slice `q[0:2]` / `q[0:2:5]` (inclusive end) or a set `q[{0, 2}]`; slices
// and sets need constant bounds and are expanded at import.
indexSelector
    : expression
    | rangeBounds
    | LBRACE expressionList? RBRACE
    ;

// ---- expressions (highest precedence first) ----------------------------------------------------
expressionList: expression (COMMA expression)*;

expression
    : LPAREN expression RPAREN                                          # parenthesisExpression
    | Identifier LBRACKET expression RBRACKET                           # indexExpression
    | Identifier LPAREN expressionList? RPAREN                          # callExpression
    // `int[4](c)`: a cast; the builder imports int/uint/bool of a bit or bit register.
    | castType = (INT | UINT | BOOL | FLOAT | ANGLE | BIT) designator? LPAREN expression RPAREN  # castExpression
    // `^` is power in OpenQASM 2; in OpenQASM 3 it is xor, which is reported as unsupported,
    // so giving it power's precedence is right for the one version that imports it.
    | <assoc = right> expression op = (POWER | CARET) expression        # powerExpression
    | op = (MINUS | PLUS | BANG | TILDE) expression                     # unaryExpression
    | expression op = (STAR | SLASH | PERCENT) expression               # multiplicativeExpression
    | expression op = (PLUS | MINUS) expression                         # additiveExpression
    | expression op = (LSHIFT | RSHIFT) expression                      # bitshiftExpression
    | expression op = (LESS | GREATER | LESSEQ | GREATEREQ) expression  # comparisonExpression
    | expression op = (EQEQ | NOTEQ) expression                         # equalityExpression
    | expression op = AMPERSAND expression                              # bitwiseAndExpression
    | expression op = PIPE expression                                   # bitwiseOrExpression
    | expression op = ANDAND expression                                 # logicalAndExpression
    | expression op = OROR expression                                   # logicalOrExpression
    | number                                                            # literalExpression
    | value = (TRUE | FALSE)                                            # booleanExpression
    | StringLiteral                                                     # bitstringExpression
    | value = (PI_SIGN | TAU_SIGN | EULER_SIGN)                         # constantExpression
    | Identifier                                                        # identifierExpression
    ;

number: IntegerLiteral | FloatLiteral;
