// Parser for QNetLang. One file holds includes, networks and programs, in any order.
// Precedence and naming follow the OpenQASM 3 reference grammar where the constructs overlap.
parser grammar QNetLangParser;

options { tokenVocab = QNetLangLexer; }

compilationUnit: topLevelItem* EOF;

topLevelItem
    : includeDirective
    | networkDeclaration
    | programDeclaration
    ;

includeDirective: INCLUDE StringLiteral SEMICOLON;

// ---- networks --------------------------------------------------------------------
networkDeclaration: NETWORK Identifier LBRACE networkMember* RBRACE;

networkMember
    : nodeDeclaration
    | linkDeclaration
    | propertyAssignment
    ;

nodeDeclaration: nodeKind Identifier (LBRACE propertyAssignment* RBRACE | SEMICOLON);
nodeKind: QPU | REPEATER | ENDNODE;

linkDeclaration: LINK Identifier LINKDASH Identifier (LBRACE propertyAssignment* RBRACE | SEMICOLON);

propertyAssignment: propertyName EQUALS expression SEMICOLON;
// `qubit` and `bit` are keywords, but `qubit = 2;` in a node is a misspelt `qubits`: parsing it
// as a property lets the binder say which properties exist (QN2010) instead of a syntax error
// followed by a cascade when the block is cut short.
propertyName: Identifier | QUBIT | BIT;

// ---- programs -----------------------------------------------------------------------
programDeclaration: PROGRAM Identifier ON Identifier block;

block: LBRACE statement* RBRACE;

// A statement body of `if`, `else` and `while`: a block or a single statement.
body: block | statement;

statement
    : qubitDeclaration
    | bitDeclaration
    | constDeclaration
    | variableDeclaration
    | gateDefinition
    | subroutineDefinition
    | returnStatement
    | measureArrowStatement
    | measureAssignStatement
    | resetStatement
    | barrierStatement
    | forStatement
    | ifStatement
    | whileStatement
    | atStatement
    | eprStatement
    | teleportStatement
    | sendStatement
    | assignmentStatement
    | figureDeclaration
    | callStatement
    | gateCallStatement
    | block
    ;

qubitDeclaration: QUBIT designator? Identifier (PIN Identifier)? SEMICOLON;
bitDeclaration: BIT designator? Identifier SEMICOLON;
constDeclaration: CONST scalarType Identifier EQUALS expression SEMICOLON;
scalarType: INT | FLOAT | ANGLE;
// `uint[4] k = 1;`, `angle[8] phase;`, `bool done;`: a classical variable (docs/language.md,
// "Classical variables"): folded while constant, computed at run time once a measurement reaches it.
variableDeclaration: variableType designator? Identifier (EQUALS expression)? SEMICOLON;
variableType: BOOL | INT | UINT | FLOAT | ANGLE;
// `k = k + 1;`, `c <<= 1;`: an assignment to a classical variable or a bit register.
assignmentStatement: operand op = (EQUALS | CompoundAssign) expression SEMICOLON;
designator: LBRACKET expression RBRACKET;

// `gate name(params) q0, q1 { }` (OpenQASM) or `gate name(q0, q1) { }` (a gate without
// parameters may list its qubits in parentheses).
gateDefinition
    : GATE Identifier (LPAREN params=identifierList? RPAREN)? qubits=identifierList? block
    ;
identifierList: Identifier (COMMA Identifier)*;

// `def name(qubit a, qubit[2] r, uint[4] k) -> bit { ... return e; }`: a subroutine, inlined at
// every call (docs/language.md, "Subroutines"). Parameters take qubits (single or a register,
// by reference) or classical values (by value); the result type is optional.
subroutineDefinition
    : DEF Identifier LPAREN (subroutineParameter (COMMA subroutineParameter)*)? RPAREN
      (ARROW returnType = (BIT | BOOL | INT | UINT | FLOAT | ANGLE) returnWidth = designator?)? block
    ;
subroutineParameter: parameterType = (QUBIT | BIT | BOOL | INT | UINT | FLOAT | ANGLE) designator? Identifier;
returnStatement: RETURN expression? SEMICOLON;
// `f(q, 3);`: a subroutine called for its effect (a gate call always names its qubits after the parentheses).
callStatement: Identifier LPAREN expressionList? RPAREN SEMICOLON;

gateCallStatement: Identifier (LPAREN expressionList? RPAREN)? operandList SEMICOLON;

measureArrowStatement: MEASURE operand (ARROW operand)? SEMICOLON;
measureAssignStatement: operand EQUALS MEASURE operand SEMICOLON;
resetStatement: RESET operand SEMICOLON;
barrierStatement: BARRIER operandList? SEMICOLON;

// A `for` body is always a block: `for i in 0 .. 3 h q[i];` would read `3 h` as a number with a unit.
forStatement: FOR Identifier IN range block;
range: expression DOTDOT expression;

ifStatement: IF LPAREN expression RPAREN thenBody=body (ELSE elseBody=body)?;

// A runtime loop: the condition is tested on measured bits at run time, before every iteration.
whileStatement: WHILE LPAREN expression RPAREN body;

atStatement: AT Identifier block;

eprStatement: EPR operand COMMA operand SEMICOLON;
teleportStatement: TELEPORT operand ARROW Identifier SEMICOLON;
// `send q -> bob;` puts the physical qubit q on the link to bob; `ok = send q -> bob;`
// also gives bob a bit that is 1 when the qubit arrived (a heralded detection).
sendStatement: (flag=operand EQUALS)? SEND operand ARROW Identifier SEMICOLON;

// `figure qber = mean(key_a[i] != key_b[i] over i in 0 .. n where basis_a[i] == basis_b[i]);` names a
// quantity computed after the run from every shot's bits (docs/language.md, Figures of merit).
figureDeclaration: FIGURE Identifier EQUALS expression SEMICOLON;

operandList: operand (COMMA operand)*;
operand: Identifier (LBRACKET expression RBRACKET)?;

// ---- expressions (highest precedence last) ---------------------------------------
expressionList: expression (COMMA expression)*;

expression
    : LPAREN expression RPAREN                                        # parenthesisExpression
    | Identifier LBRACKET expression RBRACKET                         # indexExpression
    | Identifier LPAREN expression OVER Identifier IN range (WHERE expression)? RPAREN  # reductionExpression
    | Identifier LPAREN expressionList? RPAREN                        # callExpression
    // `uint[4](c)`, `float(x)`: a conversion (bits read little-endian).
    | castType = (INT | UINT | BOOL | FLOAT | ANGLE | BIT) designator? LPAREN expression RPAREN  # castExpression
    | <assoc = right> expression op = POWER expression                # powerExpression
    | op = (MINUS | PLUS | BANG | TILDE) expression                   # unaryExpression
    | expression op = (STAR | SLASH | PERCENT) expression             # multiplicativeExpression
    | expression op = (PLUS | MINUS) expression                       # additiveExpression
    | expression op = (LSHIFT | RSHIFT) expression                    # bitshiftExpression
    | expression op = (LESS | GREATER | LESSEQ | GREATEREQ) expression  # comparisonExpression
    | expression op = (EQEQ | NOTEQ) expression                       # equalityExpression
    | expression op = AMPERSAND expression                            # bitwiseAndExpression
    | expression op = CARET expression                                # bitwiseXorExpression
    | expression op = PIPE expression                                 # bitwiseOrExpression
    | expression op = ANDAND expression                               # logicalAndExpression
    | expression op = OROR expression                                 # logicalOrExpression
    | value = (TRUE | FALSE)                                          # booleanExpression
    | number unit?                                                    # literalExpression
    | Identifier                                                      # identifierExpression
    ;

number: IntegerLiteral | FloatLiteral;

// Units follow a number: `50 km`, `0.2 dB/km`, `10 ms`, `2e5 km/s`. The binder knows the
// unit names, so `km` stays a free identifier everywhere else.
unit: Identifier (SLASH Identifier)?;
