// A subroutine that calls itself inside an expression (here its returned value) is recursion,
// reported as such, not as an undefined name.
OPENQASM 3.0;
include "stdgates.inc";

def countdown(int n) -> int {
    return countdown(n - 1) + 1;
}

qubit q;
int k = countdown(3);
