// Independent reference for qnlc's state engines: simulates OpenQASM 2 circuits with the npm
// package quantum-circuit and prints, as JSON, the probability of every basis state
// (index bit k = qubit k of the first register, as in qnlc). Usage: node simulate.js FILE.qasm...
"use strict";
const fs = require("fs");
const QuantumCircuit = require("quantum-circuit");

// quantum-circuit's bundled ANTLR runtime prints a harmless circular-import warning on stderr.
process.removeAllListeners("warning");

const results = {};
for (const file of process.argv.slice(2)) {
    const circuit = new QuantumCircuit();
    let failed = null;
    circuit.importQASM(fs.readFileSync(file, "utf8"), (errors) => {
        if (errors && errors.length) failed = errors;
    });
    if (failed) {
        console.error(`${file}: ${JSON.stringify(failed)}`);
        process.exit(1);
    }
    circuit.run();
    const probabilities = new Array(1 << circuit.numQubits).fill(0);
    for (const state of circuit.stateAsArray(true)) probabilities[state.index] = state.magnitude;
    results[file] = probabilities;
}
process.stdout.write(JSON.stringify(results));
