OPENQASM 2.0;
include "qelib1.inc";
// Mistake: an opaque gate has no definition, so calling it cannot be compiled.
opaque magic(theta) a, b;
qreg q[2];
h q[0];
magic(pi / 2) q[0], q[1];
