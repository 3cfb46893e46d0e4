OPENQASM 2.0;
include "qelib1.inc";
// Mistake (harmless): an opaque gate the circuit never calls.
opaque magic(theta) a, b;
qreg q[2];
creg c[2];
h q[0];
cx q[0], q[1];
measure q -> c;
