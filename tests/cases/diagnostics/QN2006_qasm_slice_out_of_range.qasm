OPENQASM 3.0;
include "stdgates.inc";
qubit[4] q;
bit[2] c;
h q[1:4];        // error: the end 4 is past q[3]
x q[{0, -5}];    // error: -5 counts from the end past q[0]
let a = q[1:2];
y a[2];          // error: the alias has two qubits
c = measure q[-7:-4];
let b = c;
if (b[2] == 1) x q[0];       // error: b has two bits
