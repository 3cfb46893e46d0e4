// Quantum teleportation in OpenQASM 2: q[0]'s state moves to q[2]. OpenQASM 2 can only test a
// whole register, so each correction bit gets its own one-bit register (c0, c1).
OPENQASM 2.0;
include "qelib1.inc";

qreg q[3];
creg c0[1];
creg c1[1];
creg result[1];

// The state to send: Ry(0.3) |0>, built from the generic single-qubit gate.
u3(0.3, 0, 0) q[0];

// Bell pair between q[1] (sender) and q[2] (receiver).
h q[1];
cx q[1], q[2];

// Bell measurement on the sender's side.
cx q[0], q[1];
h q[0];
measure q[0] -> c0[0];
measure q[1] -> c1[0];

// Classically controlled corrections on the receiver.
if (c1 == 1) x q[2];
if (c0 == 1) z q[2];

measure q[2] -> result[0];
