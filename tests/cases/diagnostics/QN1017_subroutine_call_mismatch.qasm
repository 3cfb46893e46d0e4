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
