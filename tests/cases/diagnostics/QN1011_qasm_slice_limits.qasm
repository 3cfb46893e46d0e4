OPENQASM 3.0;
include "stdgates.inc";
input int n;
qubit[4] q;
qubit[n] w;
bit[2] c;
for int i in [0:1] {
    cx q[i:i + 1], q[2:3];   // error: bounds must be constants
}
let m = q[0] ++ c[1];        // error: qubits and bits in one alias
h w[0:1];                    // error: the size of w is not a constant
def f(qubit[2] a) {
    h a[0:1];                // error: a parameter's size is not known at import
}
let part = c[{1, 0}];
if (part == 1) x q[0];       // error: part is not a register in a condition
