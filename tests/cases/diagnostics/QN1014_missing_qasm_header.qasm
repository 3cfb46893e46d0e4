// Mistake: no OPENQASM header; the qelib1.inc include makes the importer assume 2.0.
include "qelib1.inc";
qreg q[2];
creg c[2];
h q[0];
cx q[0], q[1];
measure q -> c;
