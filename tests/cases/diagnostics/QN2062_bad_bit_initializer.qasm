// Mistake: an initial value that does not fit the register.
OPENQASM 3.0;
include "stdgates.inc";

qubit q;
bit[2] flags = 5;
flags[0] = measure q;
