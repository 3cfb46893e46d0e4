// How long one large document's analysis delays another document's diagnostics in `qnlc lsp`.
// A real client over stdio: it opens (or edits) a large document, and while the server analyses
// it, edits a small one; the delay is the small document's time to diagnostics minus the same
// time measured with no large analysis running.
//
//   node bench/lsp/document-delay.mjs [PATH/TO/qnlc] [--lines N] [--rounds R] [--in-process] [--client-requests]
//
// --in-process runs `qnlc lsp --in-process`: large documents analysed in the server's own process
// (as before the analysis worker), for comparison.
// --client-requests asks, after each edit of the large document, for what VS Code asks for
// without the user doing anything: its semantic tokens, its outline (document symbols) and a
// hover, sent at once as a client does; the round waits for their answers before the next.
// Default qnlc: src/Qnlc/bin/Release/net10.0/qnlc (build with `dotnet build -c Release src/Qnlc`).
import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : fallback;
};
const flags = new Set(["--in-process", "--client-requests"]);
const clientRequests = args.includes("--client-requests");
const qnlc = args.find((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1].startsWith("--") && !flags.has(args[i - 1])))
    ?? path.resolve("src/Qnlc/bin/Release/net10.0/qnlc");
const lines = option("--lines", 60000);
const rounds = option("--rounds", 10);

const network = "network lab {\n    qpu alice { qubits = 8; }\n    qpu bob { qubits = 8; }\n    link alice -- bob { length = 1 km; }\n}\n";
function largeText(variant) {
    const body = [];
    for (let i = 0; i < lines - 12; i++) body.push(`    ${i % 3 === 0 ? "h" : i % 3 === 1 ? "cx" : "rz(0.1)"} ${i % 3 === 1 ? `q[${i % 4}], r[${(i + variant) % 4}]` : `q[${i % 4}]`};`);
    return `${network}program big on lab {\n    qubit[4] q @ alice;\n    qubit[4] r @ bob;\n    bit[4] c;\n${body.join("\n")}\n    c = measure q;\n}\n`;
}
const smallText = (variant) => `${network}program small on lab {\n    qubit a @ alice;\n    qubit b @ bob;\n    bit[2] c;\n    h a;\n    cx a, b;\n    rz(${variant}) b;\n    c[0] = measure a;\n    c[1] = measure b;\n}\n`;

const load = () => { try { return readFileSync("/proc/loadavg", "utf8").split(" ")[0]; } catch { return "?"; } };
const loadAtStart = load();
const server = spawn(qnlc, args.includes("--in-process") ? ["lsp", "--in-process"] : ["lsp"], { stdio: ["pipe", "pipe", "inherit"] });
let buffer = Buffer.alloc(0);
const waiters = new Map();   // uri → {version, resolve}
const responses = new Map(); // id → resolve
server.stdout.on("data", (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
        const headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id !== undefined && responses.has(message.id)) { responses.get(message.id)(message); responses.delete(message.id); }
        if (message.method === "textDocument/publishDiagnostics") {
            const w = waiters.get(message.params.uri);
            if (w && (message.params.version === undefined || message.params.version >= w.version)) { waiters.delete(message.params.uri); w.resolve(performance.now()); }
        }
    }
});
const send = (message) => {
    const text = JSON.stringify({ jsonrpc: "2.0", ...message });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
};
let nextId = 1;
const request = (method, params) => new Promise((resolve) => { const id = nextId++; responses.set(id, resolve); send({ id, method, params }); });
const diagnostics = (uri, version) => new Promise((resolve) => waiters.set(uri, { version, resolve }));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dir = path.resolve("bench/lsp");
const bigUri = pathToFileURL(path.join(dir, "big.qn")).href;
const smallUri = pathToFileURL(path.join(dir, "small.qn")).href;
await request("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {} });
send({ method: "initialized", params: {} });

// Warm up both documents (JIT, first analyses).
let bigVersion = 1, smallVersion = 1;
let done = diagnostics(bigUri, bigVersion);
const openedAt = performance.now();
send({ method: "textDocument/didOpen", params: { textDocument: { uri: bigUri, languageId: "qnetlang", version: bigVersion, text: largeText(0) } } });
const bigAnalysis = (await done) - openedAt;
done = diagnostics(smallUri, smallVersion);
send({ method: "textDocument/didOpen", params: { textDocument: { uri: smallUri, languageId: "qnetlang", version: smallVersion, text: smallText(0) } } });
await done;

async function smallEdit() {
    smallVersion++;
    const wait = diagnostics(smallUri, smallVersion);
    const start = performance.now();
    send({ method: "textDocument/didChange", params: { textDocument: { uri: smallUri, version: smallVersion }, contentChanges: [{ text: smallText(smallVersion / 100) }] } });
    return (await wait) - start;
}

// What an editor asks about the large document after an edit; resolves with the slowest answer's time and the number of errors.
async function featureRequests() {
    const start = performance.now();
    const document = { textDocument: { uri: bigUri } };
    const answers = await Promise.all([
        request("textDocument/semanticTokens/full", document),
        request("textDocument/documentSymbol", document),
        request("textDocument/hover", { ...document, position: { line: 6, character: 18 } }),
    ]);
    return { ms: performance.now() - start, errors: answers.filter((a) => a.error).length };
}

const alone = [], beside = [], features = [];
let featureErrors = 0;
for (let round = 0; round < rounds; round++) {
    alone.push(await smallEdit());
    // Edit the large document, give the server a moment to start on it, then edit the small one.
    bigVersion++;
    const bigDone = diagnostics(bigUri, bigVersion);
    send({ method: "textDocument/didChange", params: { textDocument: { uri: bigUri, version: bigVersion }, contentChanges: [{ text: largeText(bigVersion) }] } });
    const asked = clientRequests ? featureRequests() : null;
    await sleep(Math.min(300, bigAnalysis / 4));
    beside.push(await smallEdit());
    await bigDone;
    if (asked) {
        const { ms, errors } = await asked;
        features.push(ms);
        featureErrors += errors;
    }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(" ");
console.log(`large document: ${lines} lines, analysis ${bigAnalysis.toFixed(0)} ms`);
console.log(`small document's diagnostics, alone (ms):              ${fmt(alone)}  median ${median(alone).toFixed(0)}`);
console.log(`small document's diagnostics, beside the large (ms):  ${fmt(beside)}  median ${median(beside).toFixed(0)}`);
console.log(`delay (median difference): ${(median(beside) - median(alone)).toFixed(0)} ms; p95: ${(percentile(beside, 0.95) - median(alone)).toFixed(0)} ms; worst: ${(Math.max(...beside) - median(alone)).toFixed(0)} ms`);
if (clientRequests) console.log(`large document's semantic tokens + outline + hover after each edit (ms): median ${median(features).toFixed(0)}, worst ${Math.max(...features).toFixed(0)}; errors: ${featureErrors}`);
console.log(`load average (1 min): ${loadAtStart} at the start, ${load()} at the end`);
await request("shutdown", null);
send({ method: "exit" });
