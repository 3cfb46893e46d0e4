// Mistake: a stepped range whose step is 0.
OPENQASM 3.0;
include "stdgates.inc";

qubit[4] q;
for int i in [0:0:3] { h q[i]; }
