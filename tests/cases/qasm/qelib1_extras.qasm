// Gates of qelib1.inc that the importer defines itself (cu3, csx, rccx): their definitions
// appear in the AST before the program's statements, with the span of the include.
OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg c[3];
h q[0];
cu3(pi / 2, 0, pi) q[0], q[1];
csx q[1], q[2];
rccx q[0], q[1], q[2];
measure q -> c;
