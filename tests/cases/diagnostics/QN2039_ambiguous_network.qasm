// qnlc: --network include/QN2039_two_networks.qn
// Mistake: the network file given with --network declares two networks, so the circuit has no single network to run on.
OPENQASM 3;
include "stdgates.inc";
qubit[2] q;
h q[0];
cx q[0], q[1];
