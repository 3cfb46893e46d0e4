// Mistake: an OpenQASM 3 global phase (`gphase`), which the importer does not support.
OPENQASM 3.0;
include "stdgates.inc";

qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
gphase(pi / 4);
c = measure q;
