// Mistake: OpenQASM 3 constructs the importer does not take, each reported once by name and
// in source order: an annotation, a `nop`, a `#dim` directive, a `~=` assignment.
OPENQASM 3.0;
include "stdgates.inc";

qubit q;
bit c;
@bind q
h q;
nop q;
#dim 3
c = measure q;
c ~= c;
