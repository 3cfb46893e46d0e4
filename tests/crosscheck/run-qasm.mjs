// Runs OpenQASM 3 files with the Q# compiler's simulator (npm qsharp-lang) and prints, per file,
// the counts of its output bits as one JSON object: { "file": { "0101": 12, ... } }.
// Output bits are the file's bit registers in declaration order, flattened, first bit first.
// Usage: node run-qasm.mjs SHOTS FILE...
import { readFileSync } from "node:fs";
import { getCompiler, QscEventTarget, loadWasmModule } from "qsharp-lang";

const wasm = new URL("./node_modules/qsharp-lang/lib/web/qsc_wasm_bg.wasm", import.meta.url);
await loadWasmModule(readFileSync(wasm).buffer);
const compiler = await getCompiler();

const shots = Number(process.argv[2]);
const report = {};
for (const file of process.argv.slice(3)) {
  const events = new QscEventTarget(true);
  const program = { sources: [[file, readFileSync(file, "utf8")]], languageFeatures: [], projectType: "openqasm", profile: "unrestricted" };
  await compiler.run(program, "", shots, events);
  const counts = {};
  for (const shot of events.getResults()) {
    if (!shot.success) {
      console.error(`${file}: ${JSON.stringify(shot.result)}`);
      process.exit(1);
    }
    const bits = String(shot.result).match(/Zero|One/g) ?? [];
    const key = bits.map((b) => (b === "One" ? "1" : "0")).join("");
    counts[key] = (counts[key] ?? 0) + 1;
  }
  report[file] = counts;
}
console.log(JSON.stringify(report));
