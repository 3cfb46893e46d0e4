// Mistake: an OpenQASM `input` whose value the command line does not give (--input theta=...).
OPENQASM 3.0;
include "stdgates.inc";

input angle theta;
qubit q;
bit c;
rx(theta) q;
c = measure q;
