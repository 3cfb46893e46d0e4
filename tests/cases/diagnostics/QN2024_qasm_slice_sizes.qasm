OPENQASM 3.0;
include "stdgates.inc";
qubit[4] q;
qubit[3] r;
bit[2] c;
cx q[0:1], r;              // error: 2 qubits against 3
c = measure q[0:2];        // error: 3 qubits into 2 bits
let a = q[{0, 1}] ++ r[0:1];
cz a, q[1:2];              // error: 4 against 2
