// Mistake: a shift of a float; shifts and bitwise operators apply to integers, bits and angles.
OPENQASM 3.0;
include "stdgates.inc";

qubit q;
bit c;
float[64] x;
c = measure q;
x = float(c) << 1;
