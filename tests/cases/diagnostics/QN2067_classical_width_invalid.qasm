// Mistake: a classical variable wider than the 64 bits runtime values are computed in.
OPENQASM 3.0;
include "stdgates.inc";

qubit q;
uint[65] wide;
h q;
