// Mistake: the OpenQASM file holds nothing but this comment: there is no circuit to compile.
