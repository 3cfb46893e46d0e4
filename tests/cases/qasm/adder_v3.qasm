// A 2-bit ripple-carry adder (Cuccaro et al., 2004) in OpenQASM 3, computing 1 + 3 = 4:
// sum = 00, carry = 1. Uses parameterised gate definitions, an inclusive for-range and if/else.
OPENQASM 3;
include "stdgates.inc";

const int n = 2;

// Loads a classical bit as a rotation: load(pi) maps |0> to |1>.
gate load(theta) t {
    ry(theta) t;
}

// Majority and un-majority-and-add on (carry, b, a).
gate maj c, b, a {
    cx a, b;
    cx a, c;
    ccx c, b, a;
}
gate uma c, b, a {
    ccx c, b, a;
    cx a, c;
    cx c, b;
}

qubit cin;
qubit[n] a;
qubit[n] b;
qubit cout;
bit[n] sum;
bit carry;

// a = 1 (binary 01), b = 3 (binary 11); the range [0:n - 1] includes its end.
load(pi) a[0];
for int i in [0:n - 1] {
    x b[i];
}

maj cin, b[0], a[0];
maj a[0], b[1], a[1];
cx a[1], cout;
uma a[0], b[1], a[1];
uma cin, b[0], a[0];

sum = measure b;
carry = measure cout;

// Return the carry qubit to |0> for reuse: flip it back if it fired, else just reset it.
if (carry == 1) {
    x cout;
} else {
    reset cout;
}
