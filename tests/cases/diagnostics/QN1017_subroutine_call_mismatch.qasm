// Mistake: a subroutine called with fewer arguments than it takes.
OPENQASM 3.0;
include "stdgates.inc";

def flip(qubit a, qubit b) -> bit {
    bit r;
    cx a, b;
    r = measure b;
    return r;
}

qubit[2] q;
bit c;
c = flip(q[0]);

// Mistake: a subroutine that writes its classical parameter, which is passed by value.
def bump(uint[2] k) {
    k += 1;
}
uint[2] v;
bump(v);
