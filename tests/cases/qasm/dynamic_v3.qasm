// OpenQASM 3 dynamic-circuit constructs the importer takes: a subroutine inlined at a call
// statement and at an assignment, casts of bit registers in conditions, a bit initialiser
// that starts a repeat-until-success loop (its first iteration is unrolled), `if (true)`, and
// gate modifiers, each of which names a library gate, and stepped ranges.
OPENQASM 3.0;
include "stdgates.inc";

def prepare(qubit[2] pair) {
    reset pair;
    h pair[0];
    cx pair[0], pair[1];
}

def check(qubit[2] pair) -> bit[2] {
    bit[2] out;
    out = measure pair;
    return out;
}

qubit[2] p;
// Stepped ranges include their end and may count down.
for int i in [1:-1:0] { reset p[i]; }
for int i in [0:2:1] { h p[i]; h p[i]; }
bit[2] flags = "01";
bit ok;

while (int[2](flags) == 1 || uint(flags) == 2) {
    prepare(p);
    flags = check(p);
}
if (bool(flags[0])) { x p[0]; }
ctrl @ x p[0], p[1];
negctrl(1) @ z p[0], p[1];
inv @ s p[0];
ctrl @ pow(2) @ t p[1], p[0];
if (true) { ok = measure p[0]; }
