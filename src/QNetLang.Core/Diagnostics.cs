namespace QNetLang.Core;

/// <summary>
/// Every message the compiler can give, in one place. Codes are stable and grouped by phase:
/// QN0xxx command line, QN1xxx loading and syntax, QN2xxx semantics, QN3xxx network and
/// distribution, QN4xxx backends. docs/diagnostics.md documents each one and a test checks
/// that the catalogue and this table agree and that every code has a golden test case.
/// </summary>
public static class Diagnostics
{
    // ---- QN0xxx: command line -------------------------------------------------------------
    public static readonly DiagnosticDescriptor InvalidOption = new("QN0001", "Invalid option value", "{0}");
    public static readonly DiagnosticDescriptor UnsupportedInputKind = new("QN0002", "Unsupported input file kind", "cannot compile '{0}': expected a .qn or .qasm file");
    public static readonly DiagnosticDescriptor UnknownCommand = new("QN0003", "Unknown command", "unknown command '{0}'{1}; the commands are {2}");
    public static readonly DiagnosticDescriptor OptionValueType = new("QN0004", "Option value of the wrong kind", "'{0}' is not a valid value for {1}: it must be {2}");
    public static readonly DiagnosticDescriptor InvalidClusterAddress = new("QN0005", "Invalid cluster address", "--cluster '{0}' is not a cluster address: {1} (give redis://HOST:PORT or localhost:PORT)");

    // ---- QN1xxx: loading and syntax -------------------------------------------------------
    public static readonly DiagnosticDescriptor InvalidUtf8 = new("QN1001", "File is not UTF-8", "the file is not valid UTF-8: byte 0x{0:X2} at offset {1} cannot be decoded");
    public static readonly DiagnosticDescriptor UnexpectedCharacter = new("QN1002", "Unexpected character", "unexpected character '{0}'");
    public static readonly DiagnosticDescriptor SyntaxError = new("QN1003", "Syntax error", "{0}");
    public static readonly DiagnosticDescriptor CannotReadFile = new("QN1004", "Cannot read file", "cannot read '{0}': {1}");
    public static readonly DiagnosticDescriptor EmptyFile = new("QN1005", "Empty file", "the file is empty: there is nothing to compile");
    public static readonly DiagnosticDescriptor NestingTooDeep = new("QN1006", "Nesting too deep", "brackets, blocks or expressions are nested more than {0} levels deep");
    public static readonly DiagnosticDescriptor IncludeCycle = new("QN1007", "Include cycle", "'{0}' is already being included: include cycle");
    public static readonly DiagnosticDescriptor FileTooLarge = new("QN1008", "File too large", "the file is {0} bytes; the limit is {1} bytes");
    public static readonly DiagnosticDescriptor UnterminatedComment = new("QN1009", "Unterminated comment", "'/*' comment is not closed by '*/'");
    public static readonly DiagnosticDescriptor UnterminatedString = new("QN1010", "Unterminated string", "string literal is not closed before the end of the line");
    public static readonly DiagnosticDescriptor SubroutineCallMismatch = new("QN1017", "Subroutine call does not match its definition", "the call of subroutine '{0}' does not match its definition: {1}");
    public static readonly DiagnosticDescriptor EmptySelection = new("QN1030", "Empty register slice", "this selects no element of '{0}' (size {1}): {2}");
    public static readonly DiagnosticDescriptor UnsupportedQasmFeature = new("QN1011", "Unsupported OpenQASM feature", "OpenQASM {0} is not supported by the QNetLang importer");
    public static readonly DiagnosticDescriptor IncludesTooDeep = new("QN1013", "Includes nested too deep", "includes are nested more than {0} files deep");
    public static readonly DiagnosticDescriptor UnsupportedQasmVersion = new("QN1012", "Unsupported OpenQASM version", "OpenQASM version '{0}' is not supported: use 2.0 or 3 (3.0)");
    public static readonly DiagnosticDescriptor MissingQasmHeader = new("QN1014", "Missing OpenQASM header", "the file has no 'OPENQASM' version header: it is read as OpenQASM {0} ({1})", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnusedOpaqueGate = new("QN1015", "Opaque gate never used", "opaque gate '{0}' is declared but never used, so it is ignored", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor OpaqueGateUsed = new("QN1016", "Opaque gate used", "'{0}' is an opaque gate: it has no definition, so a program that calls it cannot be compiled");

    // ---- QN2xxx: semantics ----------------------------------------------------------------
    public static readonly DiagnosticDescriptor UndefinedName = new("QN2001", "Undefined name", "'{0}' is not defined");
    public static readonly DiagnosticDescriptor Redefinition = new("QN2002", "Name defined twice", "'{0}' is already defined");
    public static readonly DiagnosticDescriptor UnknownGate = new("QN2003", "Unknown gate", "unknown gate '{0}'");
    public static readonly DiagnosticDescriptor WrongQubitCount = new("QN2004", "Wrong number of qubits", "gate '{0}' acts on {1} qubit(s) but is given {2}");
    public static readonly DiagnosticDescriptor WrongParameterCount = new("QN2005", "Wrong number of parameters", "gate '{0}' takes {1} parameter(s) but is given {2}");
    public static readonly DiagnosticDescriptor IndexOutOfRange = new("QN2006", "Index out of range", "index {0} is out of range for '{1}' of size {2}");
    public static readonly DiagnosticDescriptor TypeMismatch = new("QN2007", "Type mismatch", "expected {0}, found {1}");
    public static readonly DiagnosticDescriptor UnknownUnit = new("QN2008", "Unknown unit", "unknown unit '{0}' (known units: {1})");
    public static readonly DiagnosticDescriptor WrongDimension = new("QN2009", "Wrong physical dimension", "'{0}' must be {1}, but the value is {2}");
    public static readonly DiagnosticDescriptor UnknownProperty = new("QN2010", "Unknown property", "'{0}' is not a property of a {1} (known: {2})");
    public static readonly DiagnosticDescriptor PropertyOutOfRange = new("QN2011", "Property out of range", "'{0}' must be {1}, found {2}");
    public static readonly DiagnosticDescriptor DuplicateProperty = new("QN2012", "Property set twice", "'{0}' is set twice");
    public static readonly DiagnosticDescriptor UnknownNode = new("QN2013", "Unknown node", "network '{0}' has no node '{1}'");
    public static readonly DiagnosticDescriptor UnknownNetwork = new("QN2014", "Unknown network", "no network named '{0}'");
    public static readonly DiagnosticDescriptor PinnedCapacityExceeded = new("QN2015", "Node capacity exceeded", "{0} '{1}' has {2} data qubit(s) but {3} are placed on it");
    public static readonly DiagnosticDescriptor EprSameNode = new("QN2016", "EPR pair on one node", "epr needs qubits on two different nodes, but both are on '{0}'");
    public static readonly DiagnosticDescriptor NotPinned = new("QN2017", "Qubit not pinned", "'{0}' must be pinned to a node (`qubit {0} @ node;`) to be used by {1}");
    public static readonly DiagnosticDescriptor NodesNotConnected = new("QN2018", "Nodes not connected", "there is no path between '{0}' and '{1}' in network '{2}'");
    public static readonly DiagnosticDescriptor UnrollLimit = new("QN2019", "Program too large", "the program unrolls to more than {0} operations or loop iterations (raise the limit with --max-ops)");
    public static readonly DiagnosticDescriptor NotConstant = new("QN2020", "Not a constant", "'{0}' is {1}, not a compile-time constant");
    public static readonly DiagnosticDescriptor DivisionByZero = new("QN2021", "Division by zero", "division by zero");
    public static readonly DiagnosticDescriptor BadRegisterSize = new("QN2022", "Bad register size", "a register size must be between 1 and {0}, found {1}");
    public static readonly DiagnosticDescriptor DuplicateOperand = new("QN2023", "Qubit used twice", "qubit '{0}' is used more than once in one operation");
    public static readonly DiagnosticDescriptor RegisterSizeMismatch = new("QN2024", "Register sizes differ", "registers of different sizes ({0} and {1}) cannot be combined");
    public static readonly DiagnosticDescriptor QubitsOnRepeater = new("QN2025", "Qubits on a repeater", "repeater '{0}' only swaps entanglement; program qubits go on a qpu or endnode");
    public static readonly DiagnosticDescriptor LinkToItself = new("QN2026", "Link to itself", "a link must join two different nodes, not '{0}' to itself");
    public static readonly DiagnosticDescriptor DuplicateLink = new("QN2027", "Link declared twice", "there is already a link between '{0}' and '{1}'");
    public static readonly DiagnosticDescriptor WrongNodeInAtBlock = new("QN2028", "Qubit on another node", "'{0}' is on node '{1}', but this is `at {2}`");
    public static readonly DiagnosticDescriptor NotAllowedInGate = new("QN2029", "Statement not allowed in a gate", "a gate body may only contain gate calls, not {0}");
    public static readonly DiagnosticDescriptor DeclarationNotAtTop = new("QN2030", "Declaration inside a block", "{0} must be declared at the top level of a program, not inside a block");
    public static readonly DiagnosticDescriptor MissingProperty = new("QN2031", "Missing property", "{0} '{1}' needs the property '{2}'");
    public static readonly DiagnosticDescriptor TeleportToSameNode = new("QN2032", "Teleport to the same node", "'{0}' is already on '{1}'");
    public static readonly DiagnosticDescriptor NoProgram = new("QN2033", "No program", "'{0}' contains no program to build");
    public static readonly DiagnosticDescriptor NoDirectLink = new("QN2034", "No direct link", "send needs a link from '{0}' to '{1}': a physical qubit crosses a single link");
    public static readonly DiagnosticDescriptor NetworkTooSmall = new("QN2035", "Network too small", "the program has {0} qubits but the QPUs of network '{1}' hold only {2} data qubits");
    public static readonly DiagnosticDescriptor ValueOutOfRange = new("QN2036", "Value out of range", "{0}");
    public static readonly DiagnosticDescriptor NodeIsNotAProcessor = new("QN2037", "Node cannot hold qubits", "{0} '{1}' cannot be used here: {2}");
    public static readonly DiagnosticDescriptor NoQpu = new("QN2038", "Network without QPUs", "network '{0}' has no qpu or endnode to run a program on");
    public static readonly DiagnosticDescriptor AmbiguousNetwork = new("QN2039", "Ambiguous network", "'{0}' declares {1} networks; the program needs exactly one");
    public static readonly DiagnosticDescriptor UnusedValue = new("QN2040", "Value has no effect", "{0}", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor EndlessLoop = new("QN2060", "Endless loop", "the condition of this `while` is always true, so the loop would never end; test a measured bit that the body changes");
    public static readonly DiagnosticDescriptor InitialValueLost = new("QN2061", "Initial bit value not representable", "the initial value 1 of '{0}' cannot be kept {1}: initial values only decide conditions at compile time; measure into the bit unconditionally first");
    public static readonly DiagnosticDescriptor BadBitInitializer = new("QN2062", "Bad bit initialiser", "the initial value of '{0}' must be a non-negative integer constant or bit string that fits its {1} bit(s), found {2}");
    public static readonly DiagnosticDescriptor InputWithoutValue = new("QN2063", "Input without a value", "input '{0}' has no value: give it on the command line with --input {0}=VALUE");
    public static readonly DiagnosticDescriptor ZeroLoopStep = new("QN2064", "Zero loop step", "the step of this range is 0, so the loop would never end");
    public static readonly DiagnosticDescriptor ClassicalTypeMismatch = new("QN2065", "Classical type mismatch", "{0} does not apply to {1}");
    public static readonly DiagnosticDescriptor RuntimeValueNotConstant = new("QN2066", "Runtime value where a constant is needed", "'{0}' depends on a measurement, so its value is known only at run time, but this place needs a constant: {1}");
    public static readonly DiagnosticDescriptor ClassicalWidthInvalid = new("QN2067", "Invalid classical width", "the width of {0} must be an integer constant from 1 to {1}, found {2}");
    public static readonly DiagnosticDescriptor AssignmentToConstant = new("QN2068", "Assignment to a non-variable", "'{0}' is {1}, not a classical variable: it cannot be assigned");
    public static readonly DiagnosticDescriptor SubroutineArgumentMismatch = new("QN2069", "Subroutine call does not match its definition", "the call of subroutine '{0}' does not match its definition: {1}");
    public static readonly DiagnosticDescriptor RecursiveSubroutine = new("QN2070", "Recursive subroutine", "subroutine '{0}' calls itself: a subroutine is inlined at every call, so recursion would never end; use a `while` loop instead");
    public static readonly DiagnosticDescriptor SubroutineCallNotConstant = new("QN2071", "Subroutine call where a constant is needed", "the call of subroutine '{0}' runs when the program runs, but this place needs a value known at compile time (a size, an index, a `for` bound or a built-in function's argument)");
    public static readonly DiagnosticDescriptor MisplacedReturn = new("QN2072", "Misplaced or missing return", "{0}");
    public static readonly DiagnosticDescriptor NotAllowedInSubroutine = new("QN2073", "Statement not allowed in a subroutine", "a subroutine body may not contain {0}: {1}");
    public static readonly DiagnosticDescriptor MoveInConditional = new("QN2041", "Qubit moved inside a conditional", "{0} cannot be inside an `if`: where a qubit is must not depend on a measurement result");
    public static readonly DiagnosticDescriptor ConflictingProperties = new("QN2042", "Conflicting properties", "'{0}' and '{1}' cannot both be given: {2}");
    public static readonly DiagnosticDescriptor ImpossibleProperty = new("QN2043", "Physically impossible property", "{0}");
    public static readonly DiagnosticDescriptor IgnoredProperty = new("QN2044", "Property has no effect", "'{0}' has no effect: {1}", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor PooledAsapCrossing = new("QN2050", "Pooled asap swaps can strand memories", "with `link_memories = pooled`, `swap = asap` joins any left pair with any right pair, so that with more than one memory per link end it can form pairs whose spans overlap (one from a to c, another from b to d, a < b < c and b < d: both span b to c): no end-to-end chain uses both, and once the link ends are full of them nothing is swapped until the cutoff frees them; `swap = nested` joins only its partners' pairs", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor BitNotANumber = new("QN2045", "Bit used as a number", "'{0}' is {1}, a measurement result known only when the program runs, used where a compile-time number is needed: test it in a condition (`if ({0} == 1)`), or convert it with a cast (`uint[1]({0})`) where a runtime value is allowed (conditions, assignments, angles of built-in gates)");
    public static readonly DiagnosticDescriptor InvalidFigure = new("QN2046", "Invalid figure of merit", "{0}");
    public static readonly DiagnosticDescriptor EmptyReduction = new("QN2047", "Reduction over no rounds", "{0}(... over {1} in {2} .. {3}) has no rounds: the range is empty, so the figure would have no value");
    public static readonly DiagnosticDescriptor FigureReadsUnwrittenBit = new("QN2048", "Figure reads a bit never written", "the figure '{0}' reads {1}, which no measurement or send writes: it is 0 in every shot", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor UnknownRepeaterGeneration = new("QN2055", "Unknown repeater generation", "'generation' = {0} is not a repeater generation: give 1 (heralded links, two-way signalling, swapping, distillation), 2 (encoded memories) or 3 (one-way loss-tolerant encoded photons)");
    public static readonly DiagnosticDescriptor ErrorAboveThreshold = new("QN2056", "Physical error at or above the code's threshold", "'physical_error' = {0} is not below 'threshold' = {1}: above the threshold encoding adds logical errors instead of removing them, so an encoded repeater generation cannot work");
    public static readonly DiagnosticDescriptor SourceDoesNotFitLink = new("QN2051", "Photon source does not fit the link", "'source = {0}' {1}");
    public static readonly DiagnosticDescriptor ImpossiblePass = new("QN2052", "Impossible satellite pass", "{0}");
    public static readonly DiagnosticDescriptor FigureNeedsLink = new("QN2053", "Figure reads no link", "'{0}' reads the link between two nodes: {1}");

    // ---- QN3xxx: network and distribution ------------------------------------------------
    public static readonly DiagnosticDescriptor NoRoute = new("QN3001", "No route", "no route between '{0}' and '{1}' in network '{2}': every chain of links between them has a link that never delivers a pair (success = 0, or a loss so high that no photon arrives); give that link a success above 0 or add another link");
    public static readonly DiagnosticDescriptor NoCommunicationQubits = new("QN3002", "No communication qubits", "node '{0}' has {1} communication qubit(s) (`comm`), but a remote operation needs one there");
    public static readonly DiagnosticDescriptor NoPlacement = new("QN3003", "No placement", "the qubits cannot be placed: {0}");
    public static readonly DiagnosticDescriptor PairSlowerThanTimeLimit = new("QN3005", "Pair slower than the time limit", "a pair between '{0}' and '{1}' takes {2} s on average (link {3}), beyond the simulated-time limit of {4} s: `qnlc run` would stop with QN4105", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor Deadlock = new("QN3004", "Deadlock", "the per-node programs would deadlock: {0}");
    public static readonly DiagnosticDescriptor DeadlockCheckExhausted = new("QN3006", "Deadlock check incomplete", "the deadlock check explored {0} combinations of branch outcomes without finding a deadlock and stopped: the per-node programs are not proven deadlock-free", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor RuntimeGateRemote = new("QN3008", "Runtime-angle gate across nodes", "'{0}' has an angle computed at run time and its qubits are on different nodes ({1}); a remote gate needs constant angles");
    public static readonly DiagnosticDescriptor RuntimeClassicalInQir = new("QN3009", "Runtime classical value in QIR", "per-node QIR does not express {0}; the per-node OpenQASM 3 output (--emit qasm3) keeps it");

    // ---- QN4xxx: backends and outputs ------------------------------------------------------
    public static readonly DiagnosticDescriptor CannotWriteOutput = new("QN4001", "Cannot write output", "cannot write the outputs to '{0}': {1}");

    // ---- QN43xx: reading emitted programs back (qnlc run manifest.json) ---------------------
    public static readonly DiagnosticDescriptor MalformedManifest = new("QN4301", "Malformed manifest", "{0}");
    public static readonly DiagnosticDescriptor MalformedNodeProgram = new("QN4302", "Malformed per-node program", "{0}");

    // ---- QN42xx: the QIR profile checker (qnlc verify-qir) -------------------------------------
    public static readonly DiagnosticDescriptor MalformedQir = new("QN4201", "Malformed QIR module", "{0}");
    public static readonly DiagnosticDescriptor QirInstructionNotAllowed = new("QN4202", "Instruction not allowed in the profile", "{0} is not allowed in the {1}");
    public static readonly DiagnosticDescriptor QirBackwardBranch = new("QN4203", "Backward branch", "branch back to '%{0}' needs the 'backwards_branching' module flag");
    public static readonly DiagnosticDescriptor QirUndeclaredCapability = new("QN4204", "Undeclared capability", "{0} needs the '{1}' module flag, which the module does not declare");
    public static readonly DiagnosticDescriptor QirIndexOutOfRange = new("QN4205", "Qubit or result index out of range", "{0} {1} is out of range: the entry point declares {2} = {3}");
    public static readonly DiagnosticDescriptor QirUseAfterMeasurement = new("QN4206", "Qubit used after measurement", "qubit {0} is used after it was measured or reset, which the base profile forbids");
    public static readonly DiagnosticDescriptor QirUnusedCapability = new("QN4207", "Declared capability not used", "the module declares the '{0}' module flag but uses no {1}", DiagnosticSeverity.Warning);
    // ---- QN41xx: the simulator (`qnlc run`) ------------------------------------------------
    public static readonly DiagnosticDescriptor TooManyQubitsForEngine = new("QN4102", "Too many qubits for the engine", "the {0} engine would hold {1} qubits at once, above its limit of {2} (raise it with --max-qubits, or choose another --engine)");
    public static readonly DiagnosticDescriptor EngineCannotRun = new("QN4103", "Engine cannot run the program", "the {0} engine cannot run this program: {1}");
    public static readonly DiagnosticDescriptor PairNeverDelivered = new("QN4104", "Entanglement can never be delivered", "the network can never deliver this pair: {0}");
    public static readonly DiagnosticDescriptor LoopIterationLimit = new("QN3010", "Loop iteration limit", "a runtime `while` loop at {0} ran {1} iterations in one shot without its condition becoming false; the loop probably never ends (its body must change a bit its condition tests)");
    public static readonly DiagnosticDescriptor SimulatedTimeLimit = new("QN4105", "Simulated time limit", "a shot ran past the simulated-time limit of {0} s ({1}); raise it with --max-time");
    // QN4408 and QN4409 are the simulator's although they are in the 44xx block (the codes reserved for them).
    public static readonly DiagnosticDescriptor NonFiniteGateAngle = new("QN4409", "Gate angle is not a finite number", "the runtime angle of '{0}' is {1} in this shot (a float divided by zero, or one too large): no gate has that angle; guard the gate or the division with an `if`");
    public static readonly DiagnosticDescriptor PooledDistillation = new("QN4408", "Pooled memories do not distil", "pooled memories (`link_memories = pooled`) do not distil end-to-end pairs yet: drop --distill and the links' `distill`, or use `link_memories = per_request`");
    public static readonly DiagnosticDescriptor BadStreamRequest = new("QN4107", "Bad stream request", "cannot stream pairs: {0}");
    public static readonly DiagnosticDescriptor CannotWritePlots = new("QN4108", "Cannot write plots", "cannot write the plots to '{0}': {1}");

    // ---- QN44xx: the cluster (`--cluster`, `qnlc worker`) ----------------------------------
    public static readonly DiagnosticDescriptor RedisUnreachable = new("QN4401", "Redis unreachable", "cannot reach the cluster's Redis at {0} within {1} s: {2}");
    public static readonly DiagnosticDescriptor NoWorkers = new("QN4402", "No workers", "no worker of cluster {0} answered within {1} s (start some with `qnlc worker --cluster {0}`){2}");
    public static readonly DiagnosticDescriptor WorkerVersionMismatch = new("QN4403", "Worker version mismatch", "worker {0} runs qnlc {1}, this command is qnlc {2}: run workers of the same version (results would not be comparable)");
    public static readonly DiagnosticDescriptor ClusterTimeout = new("QN4404", "Cluster submission timed out", "the cluster did not finish the work within --timeout {0} s ({1} of {2} work item(s) done){3}");
    public static readonly DiagnosticDescriptor WorkItemFailed = new("QN4405", "Work item failed", "work item {0} failed on {1} s; the last failure: {2}");
    public static readonly DiagnosticDescriptor ClusterLost = new("QN4407", "Cluster lost", "the cluster stopped answering: no worker answered for {0} s, with {1} of {2} work item(s) done{3}");
    public static readonly DiagnosticDescriptor WorkerCannotStart = new("QN4406", "Worker cannot start", "the worker cannot join cluster {0}: {1}");

    /// <summary>Every descriptor, in code order (for the catalogue test and docs).</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        typeof(Diagnostics).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToArray();
}
