// Bit aliases in conditions name the bits they alias.
OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit[2] c;
let b = c;                   // the whole register: b is c
let g = c[1];                // one bit: g is c[1]
let part = c[{1, 0}];        // part[-1] is c[0]
h q[0:1];
b = measure q[0:1];
if (b == 3) x q[2];
if (g) x q[2];
if (part[-1] == 1) z q[2];
if (int[2](b) == 1) y q[2];
