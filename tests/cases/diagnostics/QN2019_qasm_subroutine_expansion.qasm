// Subroutines that each call the one before twice: the calls expand to 2^29 bodies, so the
// import stops at the --max-ops budget (QN2019) instead of building them.
OPENQASM 3.0;
include "stdgates.inc";

def f0(qubit a) { h a; }
def f1(qubit a) { f0(a); f0(a); }
def f2(qubit a) { f1(a); f1(a); }
def f3(qubit a) { f2(a); f2(a); }
def f4(qubit a) { f3(a); f3(a); }
def f5(qubit a) { f4(a); f4(a); }
def f6(qubit a) { f5(a); f5(a); }
def f7(qubit a) { f6(a); f6(a); }
def f8(qubit a) { f7(a); f7(a); }
def f9(qubit a) { f8(a); f8(a); }
def f10(qubit a) { f9(a); f9(a); }
def f11(qubit a) { f10(a); f10(a); }
def f12(qubit a) { f11(a); f11(a); }
def f13(qubit a) { f12(a); f12(a); }
def f14(qubit a) { f13(a); f13(a); }
def f15(qubit a) { f14(a); f14(a); }
def f16(qubit a) { f15(a); f15(a); }
def f17(qubit a) { f16(a); f16(a); }
def f18(qubit a) { f17(a); f17(a); }
def f19(qubit a) { f18(a); f18(a); }
def f20(qubit a) { f19(a); f19(a); }
def f21(qubit a) { f20(a); f20(a); }
def f22(qubit a) { f21(a); f21(a); }
def f23(qubit a) { f22(a); f22(a); }
def f24(qubit a) { f23(a); f23(a); }
def f25(qubit a) { f24(a); f24(a); }
def f26(qubit a) { f25(a); f25(a); }
def f27(qubit a) { f26(a); f26(a); }
def f28(qubit a) { f27(a); f27(a); }
def f29(qubit a) { f28(a); f28(a); }

qubit q;
f29(q);
