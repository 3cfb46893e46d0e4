// Subroutines with classical parameters (by value: each use reads the argument converted to the
// parameter's type) and a classical result (the final `return` becomes an assignment to the
// call's target), inlined at each call; the values are computed at run time from measurements.
OPENQASM 3.0;
include "stdgates.inc";

def rotate(qubit t, angle[4] turn) {
    rz(turn) t;
}

def parity(uint[2] v) -> bool {
    return ((v & 1) ^ (v >> 1)) == 1;
}

qubit[3] q;
bit[2] c;
bool odd;
h q[0];
h q[1];
c[0] = measure q[0];
c[1] = measure q[1];
odd = parity(uint[2](c));
rotate(q[2], angle[4](uint[4](c) << 2));
if (odd) { x q[2]; }
