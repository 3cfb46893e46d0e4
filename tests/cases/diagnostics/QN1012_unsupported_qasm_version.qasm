// Mistake: the header names OpenQASM 3.1; the importer reads versions 2.0, 3 and 3.0.
OPENQASM 3.1;
include "stdgates.inc";

qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;
