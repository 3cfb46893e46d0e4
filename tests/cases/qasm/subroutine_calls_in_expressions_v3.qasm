// Subroutine calls inside expressions: each call is inlined before the statement that uses its
// value, left to right with a call's arguments before it (OpenQASM's order), and writes a
// result variable of its own; a `while` condition runs its calls again after every iteration.
OPENQASM 3.0;
include "stdgates.inc";

def flip(qubit a) -> bit {
    bit r;
    h a;
    measure a -> r;
    return r;
}

def double(uint[3] v) -> uint[3] {
    return v << 1;
}

qubit[3] q;
bit[3] c;
uint[3] n;
n = double(uint[3](flip(q[0]))) + flip(q[1]);
if (flip(q[2]) == 1) { x q[0]; }
while (flip(q[2]) == 0) { n += 1; }
c[0] = measure q[0];
