OPENQASM 3.0;
include "stdgates.inc";
qubit[4] q;
let q = q[0:1];      // error: q is the register
let a = q[2:3];
qubit[2] a;          // error: a is the alias
