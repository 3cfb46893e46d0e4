"""SeQUeNCe 1.0's linear chain, for the comparison in docs/benchmarks.md ("SeQUeNCe linear-chain scenario").

Usage: python3 sequence_chain.py N M SEEDS   (SEEDS: comma-separated, e.g. 1,2,3)
Prints one JSON line per seed: pairs counted by the initiator's RequestApp in the 1 s request
window, their mean fidelity, and the process CPU time of the run.

The network is SeQUeNCe's own generator (sequence.utils.nx_converter.generate_config on
sequence.utils.graphs.build_linear: 10 km links with a midpoint BSM node, 0.0002 dB/m, 1 ms
classical channels between every two routers, its default template: memories of fidelity 0.9,
efficiency 1, coherence time 2 s; ideal detectors), in the Bell-diagonal formalism with
single-heralded generation and Bell-diagonal swapping, as SeQUeNCe's three-minute tutorial sets
them. Every router gets 2M memories: a request for M memories reserves M at each end router and
2M at each repeater. The request runs from 1 s to 2 s (its reservation is set up before), with a
target fidelity of 0.01 so that no pair is purified or refused.

It needs SeQUeNCe 1.0 (its source tree on PYTHONPATH, or installed; the results in
sequence-1.0-results.jsonl beside this file are from commit 0bbf6e93, whose protocol code differs
from the 1.0.0 release only by metrics recording) with numpy, scipy, networkx,
gmpy2 and pyyaml. The chain never calls qutip, qutip-qip or stim (imported at module level by
circuit and stabilizer code); where they cannot be installed, empty stand-in modules that define
the imported names let the imports succeed, and on Python 3.11 typing.override (3.12) can be
defined as the identity before SeQUeNCe is imported.
"""
import json
import sys
import tempfile
import time

from sequence.app.request_app import RequestApp
from sequence.constants import BELL_DIAGONAL_STATE_FORMALISM, SECOND, SINGLE_HERALDED
from sequence.entanglement_management.generation import EntanglementGenerationA, EntanglementGenerationB
from sequence.entanglement_management.swapping import EntanglementSwappingA, EntanglementSwappingB
from sequence.topology.router_net_topo import RouterNetTopo
from sequence.utils.graphs import build_linear
from sequence.utils.nx_converter import generate_config


class CountingApp(RequestApp):
    """RequestApp that also keeps the fidelity of every pair it counts."""

    def __init__(self, node):
        super().__init__(node)
        self.fidelities = []

    def get_memory(self, info):
        before = self.memory_counter
        fidelity = info.fidelity
        super().get_memory(info)
        if self.memory_counter > before:
            self.fidelities.append(fidelity)


def main():
    routers, memories = int(sys.argv[1]), int(sys.argv[2])
    seeds = [int(s) for s in sys.argv[3].split(",")]
    EntanglementGenerationA.set_global_type(SINGLE_HERALDED)
    EntanglementGenerationB.set_global_type(SINGLE_HERALDED)
    EntanglementSwappingA.set_formalism(BELL_DIAGONAL_STATE_FORMALISM)
    EntanglementSwappingB.set_formalism(BELL_DIAGONAL_STATE_FORMALISM)
    # SeQUeNCe reads its network from JSON files; they go to a temporary directory, not the working one.
    scratch = tempfile.TemporaryDirectory(prefix=f"sequence_chain_{routers}_{memories}_")
    directory = scratch.name
    config, _ = generate_config(build_linear(routers), cc_delay=1, memory_size=2 * memories, output_file="chain.json",
                                output_directory=directory, stop_time=3, formalism="bell_diagonal")
    for seed in seeds:
        seeded = json.loads(json.dumps(config))
        for i, node in enumerate(seeded["nodes"]):
            node["seed"] = seed * 1000 + i
        path = f"{directory}/seed{seed}.json"
        with open(path, "w") as f:
            json.dump(seeded, f)
        topology = RouterNetTopo(path)
        timeline = topology.get_timeline()
        apps = {r.name: CountingApp(r) for r in topology.get_nodes_by_type(RouterNetTopo.QUANTUM_ROUTER)}
        timeline.init()
        started = time.process_time()
        apps["router_0"].start(responder=f"router_{routers - 1}", start_t=1 * SECOND, end_t=2 * SECOND,
                               memo_size=memories, fidelity=0.01)
        timeline.run()
        app = apps["router_0"]
        print(json.dumps({"N": routers, "M": memories, "seed": seed, "pairs": app.memory_counter,
                          "fid": sum(app.fidelities) / max(1, len(app.fidelities)),
                          "cpu": time.process_time() - started}), flush=True)


if __name__ == "__main__":
    main()
