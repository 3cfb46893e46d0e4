// Subroutines that call subroutines: in the returned expression and in a local's initializer;
// a subroutine with a local variable, called twice (each call gets a variable of its own).
// out = 2 * (2 * 1 + coin) + coin' = 4 + 2 coin + coin': 4, 5, 6 or 7, equally likely.
OPENQASM 3.0;
include "stdgates.inc";

def coin(qubit a) -> bit {
    bit r;
    h a;
    measure a -> r;
    return r;
}

def twice(uint[3] v) -> uint[3] {
    uint[3] w = v + v;
    return w;
}

def twice_plus_coin(qubit a, uint[3] v) -> uint[3] {
    uint[3] doubled = twice(v);
    return doubled + coin(a);
}

qubit[2] q;
uint[3] n;
bit[3] out;
n = twice_plus_coin(q[0], 1);
n = twice_plus_coin(q[1], n);
out = bit[3](n);
