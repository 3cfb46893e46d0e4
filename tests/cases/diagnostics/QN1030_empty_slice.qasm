OPENQASM 3.0;
include "stdgates.inc";
qubit[4] q;
h q[3:1];       // error: the range is empty (the step is +1)
x q[0:0:3];     // error: a step of 0
