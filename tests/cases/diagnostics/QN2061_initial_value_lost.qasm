// Mistake: a bit that starts at 1 is overwritten only when a measurement says so, so after the
// `if` it would be 1 in some runs without any measurement having written it.
OPENQASM 3.0;
include "stdgates.inc";

qubit q;
bit m;
bit flag = 1;
h q;
m = measure q;
if (m == 1) { flag = measure q; }
