// OpenQASM 3 runtime loop: flip a coin until it shows 1. The loop stays a loop in the IR
// (`while`), to be executed per node at run time.
OPENQASM 3.0;
include "stdgates.inc";

qubit q;
qubit r;
bit c;
bit out;

h q;
c = measure q;
while (c == 0) {
    reset q;
    h q;
    c = measure q;
    x r;
}
out = measure r;
