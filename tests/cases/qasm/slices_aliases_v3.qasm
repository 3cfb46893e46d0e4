// OpenQASM 3 register slices, index sets and let aliases, expanded at import.
OPENQASM 3.0;
include "stdgates.inc";
const int n = 4;
qubit[n] q;
qubit[2] r;
bit[4] c;
bit[2] d;
h q[0:1];               // h q[0]; h q[1];
cx q[0:1], q[2:3];      // inclusive end: two pairs
x q[-1];                // negative index: q[3]
x q[0:2:3];             // step: q[0], q[2]
cz q[{0, 3}], r;        // a set broadcast with a whole register
let a = q[1:2] ++ r;
let b = q[{0, 3}];
y a[-1];                // r[1]
cx b, r;
reset r[0:];
barrier a, q[:1];
c[0:1] = measure q[2:3];
measure b -> c[{2, 3}];
let e = d;
e = measure r[1:-1:0]; // step -1, reversed: d[0] <- r[1], d[1] <- r[0]
bit[2] f = measure r[{1, 0}]; // a measuring declaration: f[0] <- r[1], f[1] <- r[0]
