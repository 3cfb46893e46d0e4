OPENQASM 2.0;
include "qelib1.inc";
qreg q[2];
h q[0];
cx q[0], q[1];
u3(0.3, 0.2, 0.1) q[1];
rz(1.1) q[0];
ry(0.7) q[0];
