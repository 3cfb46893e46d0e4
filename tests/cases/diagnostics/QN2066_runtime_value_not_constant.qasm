// Mistake: a variable written by a measurement is used as a loop bound, which must be a constant.
OPENQASM 3.0;
include "stdgates.inc";

qubit[2] q;
uint[2] k;
measure q[0] -> k[0];
for int i in [0:k] { h q[1]; }
