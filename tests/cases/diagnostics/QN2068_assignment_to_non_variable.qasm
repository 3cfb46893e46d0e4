// Mistake: an assignment to a constant; only classical variables and bit registers can be assigned.
OPENQASM 3.0;
include "stdgates.inc";

const int n = 3;
qubit q;
n = 4;
h q;
