using System.Collections.Immutable;
using QNetLang.Core;
using QNetLang.Ir;
using QNetLang.Syntax.Ast;

namespace QNetLang.Semantics.Lowering;

/// <summary>
/// Lowers a bound program to the circuit IR: unrolls loops, inlines user gates, broadcasts
/// register operands, folds constant conditions, and tracks where qubits are so that placement
/// rules (pins, capacities, `at` blocks, epr/teleport/send endpoints, connectivity) are checked
/// with the real, unrolled indices.
/// </summary>
public sealed class Lowerer
{
    private readonly BoundProgram _program;
    private readonly KnownBits _known;
    private readonly DiagnosticBag _diagnostics;
    private readonly ExpressionEvaluator _evaluator;
    private readonly WorkBudget _budget;
    private readonly PlacementTracker _placement;
    private readonly Dictionary<LoopVariableSymbol, long> _loopValues = new();
    private readonly Stack<NetworkNode> _atNodes = new();
    private readonly IReadOnlyDictionary<string, int> _components;
    private readonly ClassicalVariables _variables;
    private readonly Dictionary<SubroutineQubitSymbol, IReadOnlyList<int>> _subroutineQubits = new();
    private readonly Stack<Symbol?> _returnTargets = new();
    // Subroutine parameters and locals: they live for one call, so in bits they are always initialised.
    private readonly HashSet<ClassicalVariableSymbol> _callScoped = new();
    private int _conditionalDepth;
    private int _inlineDepth;
    private int _loopDepth;
    private int _subroutineDepth;

    public Lowerer(BoundProgram program, DiagnosticBag diagnostics, long maxOperations = SemanticLimits.DefaultMaxOperations)
    {
        _program = program;
        _known = new KnownBits(program.BitRegisters);
        _diagnostics = diagnostics;
        _evaluator = new ExpressionEvaluator(program.Source, diagnostics);
        _budget = new WorkBudget(maxOperations);
        _placement = new PlacementTracker(program.QubitCount);
        _components = program.Network.Components();
        _variables = new ClassicalVariables(program.BitCount, program.BitRegisters.Select(r => r.Name).Concat(program.QubitRegisters.Select(r => r.Name)));
    }

    private Network Network => _program.Network;

    private Location At(TextSpan span) => new(_program.Source, span);

    /// <summary>Returns the circuit, or null when lowering reported errors.</summary>
    public Circuit? Lower()
    {
        int errorsBefore = _diagnostics.Items.Count(d => d.IsError);
        CheckStaticPlacement();
        var operations = ImmutableArray.CreateBuilder<Operation>();
        foreach (var statement in _program.Statements)
        {
            try
            {
                LowerStatement(statement, operations, frame: null);
            }
            catch (WorkBudgetExceededException)
            {
                _diagnostics.Report(Diagnostics.UnrollLimit, At(statement.Span), _budget.Limit);
                return null;
            }
        }
        foreach (int bit in _known.Ones) ReportLostInitialValue(bit, "to the end of the program, where every bit is read from the run");
        if (_diagnostics.Items.Count(d => d.IsError) > errorsBefore) return null;

        var qubits = _program.QubitRegisters
            .SelectMany(r => Enumerable.Range(0, r.Size).Select(i => (Register: r, Offset: i)))
            .Select(x => new QubitInfo(x.Register.FirstQubit + x.Offset, x.Register.IsRegister ? $"{x.Register.Name}[{x.Offset}]" : x.Register.Name, _placement.PinnedNodeOf(x.Register.FirstQubit + x.Offset)))
            .ToImmutableArray();
        var bits = _program.BitRegisters
            .SelectMany(r => Enumerable.Range(0, r.Size).Select(i => new BitInfo(r.FirstBit + i, r.Name, r.IsRegister ? i : null)))
            .Concat(_variables.Bits)
            .ToImmutableArray();
        var lowered = operations.ToImmutable();
        CheckFigureReads(lowered, bits);
        return new Circuit(_program.Name, Network, qubits, bits, lowered) { Figures = _program.Figures };
    }

    /// <summary>
    /// A figure that reads a bit no statement writes pools a 0 in every shot: almost always a
    /// wrong index or register. Reported once per place in the source, naming the bits.
    /// </summary>
    private void CheckFigureReads(ImmutableArray<Operation> operations, ImmutableArray<BitInfo> bits)
    {
        var written = BitWrites.Of(operations).ToHashSet();
        foreach (var place in _program.FigureBitReads.Where(r => !written.Contains(r.Bit)).GroupBy(r => (r.Figure, r.Span)))
        {
            var names = place.Select(r => bits[r.Bit].Name).Distinct().ToList();
            const int shown = 4;
            string list = string.Join(", ", names.Take(shown)) + (names.Count > shown ? $" and {names.Count - shown} more" : "");
            _diagnostics.Report(Diagnostics.FigureReadsUnwrittenBit, At(place.Key.Span), place.Key.Figure, list);
        }
    }

    // ---- placement checks that need no unrolling -------------------------------------------

    private void CheckStaticPlacement()
    {
        var processors = Network.Nodes.Where(n => n.Kind != NodeKind.Repeater).ToList();
        if (_program.QubitCount > 0 && processors.Count == 0)
        {
            _diagnostics.Report(Diagnostics.NoQpu, At(_program.NameSpan), Network.Name);
            return;
        }
        foreach (var register in _program.QubitRegisters.Where(r => r.PinnedNode is not null))
        {
            var node = Network.FindNode(register.PinnedNode!)!;
            for (int i = 0; i < register.Size; i++) _placement.Pin(register.FirstQubit + i, node.Name);
            if (_placement.Occupancy(node.Name) > node.DataQubits)
                _diagnostics.Report(Diagnostics.PinnedCapacityExceeded, At(register.DeclarationSpan), NodeKinds.Name(node.Kind), node.Name, node.DataQubits, _placement.Occupancy(node.Name));
        }

        int unpinned = _program.QubitRegisters.Where(r => r.PinnedNode is null).Sum(r => r.Size);
        if (unpinned == 0) return;
        var qpus = processors.Where(n => n.Kind == NodeKind.Qpu).ToList();
        int free = qpus.Sum(n => Math.Max(0, n.DataQubits - _placement.Occupancy(n.Name)));
        if (qpus.Count == 0 || unpinned > free)
        {
            int pinnedOnQpus = qpus.Sum(n => _placement.Occupancy(n.Name));
            _diagnostics.Report(Diagnostics.NetworkTooSmall, At(_program.NameSpan), unpinned + pinnedOnQpus, Network.Name, qpus.Sum(n => n.DataQubits));
            return;
        }
        // The partitioner may put unpinned qubits on any QPU, so all QPUs must reach each other.
        foreach (var qpu in qpus.Skip(1))
            if (!Network.Connected(_components, qpus[0].Name, qpu.Name))
            {
                _diagnostics.Report(Diagnostics.NodesNotConnected, At(_program.NameSpan), qpus[0].Name, qpu.Name, Network.Name);
                return;
            }
    }

    // ---- statements ------------------------------------------------------------------------------

    /// <summary>Qubit arguments and parameter values of the user gate being inlined.</summary>
    internal sealed record GateFrame(ImmutableArray<int> Qubits, ImmutableArray<double> Parameters, UserGate Gate)
    {
        /// <summary>Per parameter, the expression a node computes at run time (null: the constant in <see cref="Parameters"/>); default when all are constant.</summary>
        public ImmutableArray<ClassicalExpression?> RuntimeParameters { get; init; }

        public bool IsRuntime(GateParameterSymbol parameter) => !RuntimeParameters.IsDefault && RuntimeParameters[parameter.Position] is not null;
    }

    private void LowerStatements(ImmutableArray<BoundStatement> statements, ImmutableArray<Operation>.Builder output, GateFrame? frame)
    {
        foreach (var statement in statements) LowerStatement(statement, output, frame);
    }

    private void LowerStatement(BoundStatement statement, ImmutableArray<Operation>.Builder output, GateFrame? frame)
    {
        // Only what the source spells out earns credit: loop and subroutine bodies are charged per copy.
        if (_loopDepth == 0 && _subroutineDepth == 0) _budget.Credit();
        switch (statement)
        {
            case BoundGateCall call: LowerGateCall(call, output, frame); break;
            case BoundMeasure m: LowerMeasure(m, output); break;
            case BoundReset r:
                foreach (int q in Qubits(r.Qubit, frame) ?? [])
                {
                    CheckLocal(q, r.Qubit.Span);
                    Emit(output, new ResetOperation(q, At(r.Span)));
                }
                break;
            case BoundBarrier b:
            {
                var qubits = b.Operands.Length == 0
                    ? Enumerable.Range(0, _program.QubitCount).ToList()
                    : b.Operands.SelectMany(o => Qubits(o, frame) ?? []).Distinct().ToList();
                if (qubits.Count > 0) Emit(output, new BarrierOperation([.. qubits], At(b.Span)));
                break;
            }
            case BoundFor f: LowerFor(f, output, frame); break;
            case BoundIf i: LowerConditional(i.Condition, i.Then, i.Else, isLoop: false, i.Span, output, frame); break;
            case BoundWhile w: LowerConditional(w.Condition, w.Body, [], isLoop: true, w.Span, output, frame); break;
            case BoundAt a:
                _atNodes.Push(a.Node);
                LowerStatements(a.Body, output, frame);
                _atNodes.Pop();
                break;
            case BoundBlock block: LowerStatements(block.Body, output, frame); break;
            case BoundEpr e: LowerEpr(e, output); break;
            case BoundTeleport t: LowerTeleport(t, output); break;
            case BoundSend s: LowerSend(s, output); break;
            case BoundVariableDeclaration v: LowerDeclaration(v); break;
            case BoundAssign a: LowerAssign(a, output, frame); break;
            case BoundCallStatement c: LowerCall(c.Call, output); break;
            case BoundReturn r: LowerReturn(r, output); break;
            case RunCalls r: RunCallsOf(r.Expression, output); break;
            default: throw new InvalidOperationException($"lowerer does not know {statement.GetType().Name}");
        }
    }

    private void Emit(ImmutableArray<Operation>.Builder output, Operation operation)
    {
        _budget.Charge();
        output.Add(operation);
    }

    private void LowerGateCall(BoundGateCall call, ImmutableArray<Operation>.Builder output, GateFrame? frame)
    {
        if (call.Arguments.Any(SubroutineCalls.Contains)) call = call with { Arguments = [.. call.Arguments.Select(a => RunCallsOf(a, output))] };
        var parameters = ImmutableArray.CreateBuilder<double>(call.Arguments.Length);
        var runtimeParameters = ImmutableArray<ClassicalExpression>.Empty;
        // Most calls have no arguments (cx, h): no runtime lowering to set up for them.
        var runtime = call.Arguments.IsEmpty ? null : new RuntimeExpressionLowering(this, _variables, frame);
        if (runtime is not null && call.Arguments.Any(runtime.Mentions))
        {
            // An angle computed at run time: every parameter becomes an expression the node evaluates.
            var lowered = call.Arguments.Select(runtime.Lower).ToList();
            if (lowered.Any(p => p is null)) return;
            runtimeParameters = [.. lowered.Select(p => p!)];
            // A user gate's constant arguments stay numbers; its runtime ones are substituted into its body.
            foreach (var p in runtimeParameters) parameters.Add(call.Gate is UserGate && p is ClassicalConstant c ? c.Value.AsReal : 0);
        }
        foreach (var argument in runtimeParameters.IsEmpty ? call.Arguments : [])
        {
            if (Evaluate(argument, frame) is not { } value) return;
            if (!value.IsNumber || value.Dimension != Dimension.None)
            {
                _diagnostics.Report(Diagnostics.TypeMismatch, At(argument.Span), "an angle (a plain number)", value.Describe());
                return;
            }
            parameters.Add(value.Number);
        }
        var operandQubits = new List<IReadOnlyList<int>>();
        var broadcast = new List<bool>();
        foreach (var operand in call.Operands)
        {
            if (Qubits(operand, frame) is not { } qubits) return;
            operandQubits.Add(qubits);
            broadcast.Add(IsWholeRegister(operand));
        }
        if (Broadcast(operandQubits, broadcast, call.Span) is not { } instances) return;

        foreach (var instance in instances)
        {
            if (RepeatedQubit(instance) is { } twice)
            {
                _diagnostics.Report(Diagnostics.DuplicateOperand, At(call.Span), QubitName(twice));
                continue;
            }
            for (int i = 0; i < instance.Length && i < call.Operands.Length; i++) CheckLocal(instance[i], call.Operands[i].Span);
            if (instance.Length >= 2) CheckReachable(instance, call.Span);
            switch (call.Gate)
            {
                case BuiltinGate builtin:
                    Emit(output, new GateOperation(builtin.Info, parameters.ToImmutable(), instance, At(call.Span)) { RuntimeParameters = runtimeParameters });
                    break;
                case UserGate user:
                    if (++_inlineDepth > SemanticLimits.MaxGateInlineDepth)
                        throw new InvalidOperationException("gate inlining deeper than the number of gates: the binder let a recursive gate through");
                    var inner = new GateFrame(instance, parameters.ToImmutable(), user)
                    {
                        RuntimeParameters = runtimeParameters.IsEmpty ? default : [.. runtimeParameters.Select(p => p is ClassicalConstant ? null : p)],
                    };
                    foreach (var bodyCall in user.Body) LowerGateCall(bodyCall, output, inner);
                    _inlineDepth--;
                    break;
            }
        }
    }

    /// <summary>Of the qubits given more than once, the one given first; null when all differ.</summary>
    private static int? RepeatedQubit(ImmutableArray<int> qubits)
    {
        // Gates have a handful of operands: comparing pairs beats building a set for each call.
        for (int first = 0; first < qubits.Length; first++)
            for (int later = first + 1; later < qubits.Length; later++)
                if (qubits[later] == qubits[first]) return qubits[first];
        return null;
    }

    /// <summary>
    /// OpenQASM broadcasting: whole-register operands must all have the same size n and the call
    /// repeats n times; single qubits are reused in every repetition.
    /// </summary>
    private List<ImmutableArray<int>>? Broadcast(List<IReadOnlyList<int>> operands, List<bool> wholeRegister, TextSpan span)
    {
        int size = 1;
        for (int i = 0; i < operands.Count; i++)
        {
            if (!wholeRegister[i]) continue;
            if (size != 1 && operands[i].Count != size)
            {
                _diagnostics.Report(Diagnostics.RegisterSizeMismatch, At(span), size, operands[i].Count);
                return null;
            }
            size = operands[i].Count;
        }
        var instances = new List<ImmutableArray<int>>(size);
        for (int k = 0; k < size; k++)
            instances.Add([.. operands.Select((qubits, i) => wholeRegister[i] ? qubits[k] : qubits[0])]);
        return instances;
    }

    private void LowerMeasure(BoundMeasure measure, ImmutableArray<Operation>.Builder output)
    {
        if (Qubits(measure.Qubit, null) is not { } qubits) return;
        IReadOnlyList<int>? bits = null;
        if (measure.Target is { } target)
        {
            if (target.Register is ClassicalVariableSymbol variable) Materialize(variable, output, measure.Span, overwritten: target.Index is null);
            if (Bits(target) is not { } b) return;
            bits = b;
            if (bits.Count != qubits.Count)
            {
                _diagnostics.Report(Diagnostics.RegisterSizeMismatch, At(measure.Span), qubits.Count, bits.Count);
                return;
            }
        }
        for (int i = 0; i < qubits.Count; i++)
        {
            CheckLocal(qubits[i], measure.Qubit.Span);
            if (bits is not null) Written(bits[i]);
            Emit(output, new MeasureOperation(qubits[i], bits?[i], At(measure.Span)));
        }
    }

    /// <summary>A bit is written: a known initial value 1 that only some runs overwrite cannot be represented.</summary>
    private void Written(int bit)
    {
        if (_known.Forget(bit) == true && _conditionalDepth > 0) ReportLostInitialValue(bit, "when it is written inside a runtime `if` or `while`");
    }

    private void ReportLostInitialValue(int bit, string when)
    {
        var register = _program.BitRegisters.First(r => bit >= r.FirstBit && bit < r.FirstBit + r.Size);
        string name = register.IsRegister ? $"{register.Name}[{bit - register.FirstBit}]" : register.Name;
        _diagnostics.Report(Diagnostics.InitialValueLost, At(register.DeclarationSpan), name, when);
    }

    private void LowerFor(BoundFor loop, ImmutableArray<Operation>.Builder output, GateFrame? frame)
    {
        if (EvaluateInteger(loop.Start, frame) is not { } start || EvaluateInteger(loop.End, frame) is not { } end) return;
        long step = 1;
        if (loop.Step is { } stepExpression)
        {
            if (EvaluateInteger(stepExpression, frame) is not { } s) return;
            if (s == 0)
            {
                _diagnostics.Report(Diagnostics.ZeroLoopStep, At(stepExpression.Span));
                return;
            }
            // A stepped range includes its end: make it half-open in the step's direction.
            step = s;
            end = s > 0 ? end + 1 : end - 1;
        }
        _loopDepth++;
        for (long i = start; step > 0 ? i < end : i > end; i += step)
        {
            _budget.Charge();
            _loopValues[loop.Variable] = i;
            LowerStatements(loop.Body, output, frame);
        }
        _loopDepth--;
        _loopValues.Remove(loop.Variable);
    }

    /// <summary>An `if`, or a runtime `while` (<paramref name="isLoop"/>: <paramref name="then"/> is its body).</summary>
    private void LowerConditional(BoundExpression test, ImmutableArray<BoundStatement> then, ImmutableArray<BoundStatement> @else, bool isLoop, TextSpan span,
        ImmutableArray<Operation>.Builder output, GateFrame? frame)
    {
        if (SubroutineCalls.Contains(test))
        {
            // The calls run before the test; a loop runs them again after every iteration, so
            // their results live in bits from the start.
            if (isLoop)
            {
                foreach (var call in SubroutineCalls.Of(test).Where(c => c.Result is not null)) Materialize(call.Result!, output, span);
                then = then.Add(new RunCalls(test, span));
            }
            test = RunCallsOf(test, output);
        }
        // A variable a runtime loop assigns is a runtime value from the first test on.
        if (isLoop) MaterializeAssigned(then, output, span);
        var lowering = new ConditionLowering(this, _variables, frame);
        if (lowering.Lower(test) is not { } raw) return;
        var condition = ConditionLowering.Simplify(_known.Substitute(raw));
        if (isLoop && condition is ConstantCondition { Value: true } && raw is not ConstantCondition)
        {
            // True only because of bits with known initial values: the first iteration runs
            // unconditionally, and its writes decide the next test. A body that writes none of
            // the tested bits would repeat forever.
            var written = KnownBits.WrittenRegisters(then).SelectMany(r => Enumerable.Range(r.FirstBit, r.Size)).ToHashSet();
            if (!Conditions.BitsOf(raw).Any(written.Contains))
            {
                _diagnostics.Report(Diagnostics.EndlessLoop, At(span));
                return;
            }
            LowerStatements(then, output, frame);
            LowerConditional(test, then, @else, isLoop, span, output, frame);
            return;
        }
        if (isLoop && condition is not ConstantCondition)
        {
            // Every test after the first sees what the body wrote.
            foreach (var register in KnownBits.WrittenRegisters(then))
                for (int i = 0; i < register.Size; i++)
                    if (_known.Forget(register.FirstBit + i) == true) ReportLostInitialValue(register.FirstBit + i, "when it is written inside a runtime `if` or `while`");
            condition = ConditionLowering.Simplify(_known.Substitute(raw));
        }
        if (condition is ConstantCondition constant)
        {
            // A loop whose condition is known at compile time never runs, or never ends.
            if (isLoop && constant.Value) _diagnostics.Report(Diagnostics.EndlessLoop, At(span));
            else if (!isLoop) LowerStatements(constant.Value ? then : @else, output, frame);
            return;
        }
        // Either branch may run: a variable either assigns keeps its value in bits from here on.
        MaterializeAssigned(then.AddRange(@else), output, span);
        var thenOps = ImmutableArray.CreateBuilder<Operation>();
        var elseOps = ImmutableArray.CreateBuilder<Operation>();
        _conditionalDepth++;
        LowerStatements(then, thenOps, frame);
        LowerStatements(@else, elseOps, frame);
        _conditionalDepth--;
        Emit(output, new IfOperation(condition, thenOps.ToImmutable(), elseOps.ToImmutable(), At(span)) { IsLoop = isLoop });
    }

    // ---- classical variables -----------------------------------------------------------------------

    /// <summary>
    /// <c>x = e;</c> / <c>x op= e;</c>: folded into the variable while both are constants outside
    /// runtime branches; otherwise an assignment the node that owns the bits computes at run time.
    /// </summary>
    /// <param name="initializes">A subroutine parameter receiving its argument: every run of the body starts with it, so a constant folds even inside a runtime branch.</param>
    private void LowerAssign(BoundAssign assign, ImmutableArray<Operation>.Builder output, GateFrame? frame, bool initializes = false)
    {
        if (assign is { Operator: null, Target.Index: null, Value: BoundSubroutineCall { Callee.ResultType: { } resultType } direct } && HasType(assign.Target.Register, resultType))
        {
            // `c = f(...);` with c of f's result type: the return writes c itself.
            LowerCall(direct, output, assign.Target.Register);
            return;
        }
        if (SubroutineCalls.Contains(assign.Value)) assign = assign with { Value = RunCallsOf(assign.Value, output) };
        var runtime = new RuntimeExpressionLowering(this, _variables, frame);
        var target = assign.Target;
        if (runtime.Lower(assign.Value) is not { } value) return;
        if (assign.Operator is { } op)
        {
            if (runtime.Read(target.Register, new Name(target.Register.Name, target.Span), target.Index) is not { } current) return;
            if (runtime.Binary(op, current, value, assign.Span) is not { } combined) return;
            value = combined;
        }
        switch (target.Register)
        {
            case ClassicalVariableSymbol variable when value is ClassicalConstant constant && !_variables.IsRuntime(variable) && (_conditionalDepth == 0 || initializes):
            {
                if (target.Index is null)
                {
                    _variables.SetConstant(variable, constant.Value);
                    return;
                }
                if (EvaluateIndex(target.Index, variable.Name, variable.Type.Width, frame) is not { } k) return;
                var old = _variables.ConstantOf(variable)!.Value;
                ulong mask = 1UL << k;
                ulong raw = constant.Value.AsBool ? old.Raw | mask : old.Raw & ~mask;
                _variables.SetConstant(variable, old with { Raw = raw });
                return;
            }
            case ClassicalVariableSymbol variable:
                Materialize(variable, output, assign.Span, overwritten: target.Index is null && assign.Operator is null);
                break;
        }
        if (Bits(target) is not { } bits) return;
        var type = target.Index is not null ? new ClassicalType(ClassicalKind.Bits, 1)
            : target.Register is ClassicalVariableSymbol v ? v.Type
            : new ClassicalType(ClassicalKind.Bits, bits.Count);
        foreach (int bit in bits) Written(bit);
        Emit(output, new ClassicalAssignOperation([.. bits], RuntimeExpressionLowering.Fold(new ClassicalCast(value, type)), At(assign.Span)));
    }

    /// <summary>
    /// Gives a variable its bits (once), writing the constant value it had into them; a
    /// subroutine's variable that the caller is about to overwrite whole (<paramref name="overwritten"/>) needs no write.
    /// </summary>
    private void Materialize(ClassicalVariableSymbol variable, ImmutableArray<Operation>.Builder output, TextSpan span, bool overwritten = false)
    {
        bool callScoped = _callScoped.Contains(variable);
        var (bits, initial) = _variables.Materialize(variable, writeZero: callScoped);
        if (initial is { } value && !(callScoped && overwritten)) Emit(output, new ClassicalAssignOperation(bits, new ClassicalConstant(value), At(span)));
    }

    /// <summary>Every variable the statements may assign or measure into becomes a runtime value here.</summary>
    private void MaterializeAssigned(IEnumerable<BoundStatement> statements, ImmutableArray<Operation>.Builder output, TextSpan span)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case BoundAssign { Target.Register: ClassicalVariableSymbol v }: Materialize(v, output, span); break;
                case BoundMeasure { Target.Register: ClassicalVariableSymbol v }: Materialize(v, output, span); break;
                case BoundFor f: MaterializeAssigned(f.Body, output, span); break;
                case BoundIf i: MaterializeAssigned(i.Then.AddRange(i.Else), output, span); break;
                case BoundWhile w: MaterializeAssigned(w.Body, output, span); break;
                case BoundAt a: MaterializeAssigned(a.Body, output, span); break;
                case BoundBlock b: MaterializeAssigned(b.Body, output, span); break;
                case RunCalls r:
                    foreach (var call in SubroutineCalls.Of(r.Expression).Where(c => c.Result is not null)) Materialize(call.Result!, output, span);
                    break;
            }
        }
    }

    private string SourceTextOf(TextSpan span) =>
        span.End <= _program.Source.Text.Length && span.Length <= 40 ? _program.Source.Text.Substring(span.Start, span.Length) : "this expression";

    // ---- subroutines ---------------------------------------------------------------------------------

    /// <summary>Runs the calls of a loop's condition again at the end of every iteration, before the next test.</summary>
    private sealed record RunCalls(BoundExpression Expression, TextSpan Span) : BoundStatement(Span);

    /// <summary>
    /// Runs every subroutine call of <paramref name="expression"/>, left to right and arguments
    /// before the call (OpenQASM's order), and returns the expression with each call replaced
    /// by its call site's result variable.
    /// </summary>
    private BoundExpression RunCallsOf(BoundExpression expression, ImmutableArray<Operation>.Builder output)
    {
        if (!SubroutineCalls.Contains(expression)) return expression;
        switch (expression)
        {
            case BoundSubroutineCall call:
                LowerCall(call, output);
                return call.Result is { } result ? new BoundName(new Name(result.Name, call.Span), result, call.Span) : call;
            case BoundUnary u:
                return u with { Operand = RunCallsOf(u.Operand, output) };
            case BoundCast c:
                return c with { Operand = RunCallsOf(c.Operand, output) };
            case BoundBinary b:
            {
                var left = RunCallsOf(b.Left, output);
                return b with { Left = left, Right = RunCallsOf(b.Right, output) };
            }
            default:
                // Indices and built-in function arguments are compile-time values: the evaluator reports a call there (QN2071).
                return expression;
        }
    }

    /// <summary>
    /// Inlines one call: the arguments' own calls run first, then each classical parameter
    /// receives its argument's value (converted to its type), each qubit parameter stands for
    /// the argument's qubits, and the body is lowered as if written here. Every message about
    /// the body is reported at the call, naming the place in the body.
    /// </summary>
    /// <param name="resultInto">Where the final <c>return</c> writes: the call site's result variable, or the target of <c>c = f(...);</c> when it has the result's type (no copy).</param>
    private void LowerCall(BoundSubroutineCall call, ImmutableArray<Operation>.Builder output, Symbol? resultInto = null)
    {
        _budget.Charge();
        var callee = call.Callee;
        if (call.Arguments.Length != callee.Parameters.Length) return;
        var values = call.Arguments.Select((a, i) => callee.Parameters[i] is ClassicalVariableSymbol ? RunCallsOf(a, output) : a).ToList();
        var qubits = new IReadOnlyList<int>?[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            if (callee.Parameters[i] is not SubroutineQubitSymbol) continue;
            if ((qubits[i] = ArgumentQubits(values[i])) is null) return;
        }
        var saved = new List<(SubroutineQubitSymbol Parameter, IReadOnlyList<int>? Qubits)>();
        for (int i = 0; i < values.Count; i++)
        {
            switch (callee.Parameters[i])
            {
                case ClassicalVariableSymbol parameter:
                    _variables.Reset(parameter);
                    _callScoped.Add(parameter);
                    LowerAssign(new BoundAssign(new BoundOperand(parameter, null, values[i].Span), null, values[i], values[i].Span), output, null, initializes: true);
                    break;
                case SubroutineQubitSymbol parameter:
                    saved.Add((parameter, _subroutineQubits.GetValueOrDefault(parameter)));
                    _subroutineQubits[parameter] = qubits[i]!;
                    break;
            }
        }
        if (call.Result is { } result) _variables.Declare(result);
        _returnTargets.Push(resultInto ?? call.Result);
        _subroutineDepth++;
        using (_diagnostics.Redirect(d => AtCall(d, call)))
        {
            try
            {
                LowerStatements(callee.Body, output, null);
            }
            finally
            {
                _subroutineDepth--;
                _returnTargets.Pop();
                foreach (var (parameter, previous) in saved)
                    if (previous is null) _subroutineQubits.Remove(parameter);
                    else _subroutineQubits[parameter] = previous;
            }
        }
    }

    /// <summary>A message from inside an inlined body, moved to the call that inlined it (the outermost one).</summary>
    private Diagnostic AtCall(Diagnostic diagnostic, BoundSubroutineCall call)
    {
        if (diagnostic.Location.Source != _program.Source) return diagnostic;
        var (line, column) = _program.Source.GetLineColumn(diagnostic.Location.Span.Start);
        return diagnostic with
        {
            Location = At(call.Span),
            Message = $"{diagnostic.Message} (in subroutine '{call.Callee.Name}', at line {line}, column {column})",
        };
    }

    /// <summary>The qubits a qubit argument names: a register, one element, or a qubit parameter of the enclosing subroutine.</summary>
    private IReadOnlyList<int>? ArgumentQubits(BoundExpression argument) => argument switch
    {
        BoundName { Symbol: QubitRegisterSymbol or SubroutineQubitSymbol } n => Qubits(new BoundOperand(n.Symbol!, null, n.Span), null),
        BoundIndex { Symbol: QubitRegisterSymbol or SubroutineQubitSymbol } x => Qubits(new BoundOperand(x.Symbol!, x.Index, x.Span), null),
        _ => null,
    };

    private static bool HasType(Symbol target, ClassicalType type) => target switch
    {
        ClassicalVariableSymbol v => v.Type == type,
        BitRegisterSymbol r => type.Kind == ClassicalKind.Bits && type.Width == r.Size,
        _ => false,
    };

    /// <summary>The final <c>return e;</c>: writes the result of the call being inlined.</summary>
    private void LowerReturn(BoundReturn statement, ImmutableArray<Operation>.Builder output)
    {
        if (statement.Value is not { } value || _returnTargets.Peek() is not { } target) return;
        LowerAssign(new BoundAssign(new BoundOperand(target, null, statement.Span), null, value, statement.Span), output, null);
    }

    /// <summary>
    /// A declaration gives the variable 0. A subroutine's variable starts afresh at every call,
    /// even when an earlier call left it in bits (<see cref="ClassicalVariables.Reset"/>).
    /// </summary>
    private void LowerDeclaration(BoundVariableDeclaration declaration)
    {
        if (_subroutineDepth == 0)
        {
            _variables.Declare(declaration.Variable);
            return;
        }
        _variables.Reset(declaration.Variable);
        _callScoped.Add(declaration.Variable);
    }

    // ---- network primitives -----------------------------------------------------------------------

    private void LowerEpr(BoundEpr epr, ImmutableArray<Operation>.Builder output)
    {
        if (Qubits(epr.First, null) is not { } first || Qubits(epr.Second, null) is not { } second) return;
        if (Broadcast([first, second], [IsWholeRegister(epr.First), IsWholeRegister(epr.Second)], epr.Span) is not { } pairs) return;
        foreach (var pair in pairs)
        {
            string? a = RequireLocation(pair[0], epr.First.Span, "epr");
            string? b = RequireLocation(pair[1], epr.Second.Span, "epr");
            if (a is null || b is null) continue;
            if (pair[0] == pair[1])
            {
                _diagnostics.Report(Diagnostics.DuplicateOperand, At(epr.Span), QubitName(pair[0]));
                continue;
            }
            if (a == b)
            {
                _diagnostics.Report(Diagnostics.EprSameNode, At(epr.Span), a);
                continue;
            }
            if (!RequirePath(a, b, epr.Span)) continue;
            CheckLocal(pair[0], epr.First.Span);
            CheckLocal(pair[1], epr.Second.Span);
            Emit(output, new EprOperation(pair[0], pair[1], At(epr.Span)));
        }
    }

    private void LowerTeleport(BoundTeleport teleport, ImmutableArray<Operation>.Builder output)
    {
        if (_conditionalDepth > 0)
        {
            _diagnostics.Report(Diagnostics.MoveInConditional, At(teleport.Span), "teleport");
            return;
        }
        if (Qubits(teleport.Qubit, null) is not { } qubits) return;
        foreach (int q in qubits)
        {
            if (RequireLocation(q, teleport.Qubit.Span, "teleport") is not { } from) continue;
            string to = teleport.Destination.Name;
            if (from == to)
            {
                _diagnostics.Report(Diagnostics.TeleportToSameNode, At(teleport.Span), QubitName(q), to);
                continue;
            }
            if (!RequirePath(from, to, teleport.Span) || !RequireRoom(teleport.Destination, teleport.Span)) continue;
            CheckLocal(q, teleport.Qubit.Span);
            _placement.Move(q, to);
            Emit(output, new TeleportOperation(q, to, At(teleport.Span)));
        }
    }

    private void LowerSend(BoundSend send, ImmutableArray<Operation>.Builder output)
    {
        if (_conditionalDepth > 0)
        {
            _diagnostics.Report(Diagnostics.MoveInConditional, At(send.Span), "send");
            return;
        }
        if (Qubits(send.Qubit, null) is not { } qubits) return;
        IReadOnlyList<int>? flags = null;
        if (send.ArrivalFlag is { } flagOperand)
        {
            if (Bits(flagOperand) is not { } f) return;
            flags = f;
            foreach (int flag in flags) Written(flag);
            if (flags.Count != qubits.Count)
            {
                _diagnostics.Report(Diagnostics.RegisterSizeMismatch, At(send.Span), qubits.Count, flags.Count);
                return;
            }
        }
        for (int i = 0; i < qubits.Count; i++)
        {
            int q = qubits[i];
            if (RequireLocation(q, send.Qubit.Span, "send") is not { } from) continue;
            string to = send.Destination.Name;
            if (Network.FindLink(from, to) is null)
            {
                _diagnostics.Report(Diagnostics.NoDirectLink, At(send.Span), from, to);
                continue;
            }
            if (!RequireRoom(send.Destination, send.Span)) continue;
            CheckLocal(q, send.Qubit.Span);
            _placement.Move(q, to);
            Emit(output, new SendOperation(q, to, flags?[i], At(send.Span)));
        }
    }

    private string? RequireLocation(int qubit, TextSpan span, string usage)
    {
        if (_placement.LocationOf(qubit) is { } node) return node;
        if (_atNodes.Count > 0)
        {
            // First use inside `at node { }` pins the qubit there.
            if (!RequireRoom(_atNodes.Peek(), span)) return null;
            _placement.Pin(qubit, _atNodes.Peek().Name);
            return _atNodes.Peek().Name;
        }
        _diagnostics.Report(Diagnostics.NotPinned, At(span), QubitName(qubit), usage);
        return null;
    }

    private bool RequirePath(string a, string b, TextSpan span)
    {
        if (Network.Connected(_components, a, b)) return true;
        _diagnostics.Report(Diagnostics.NodesNotConnected, At(span), a, b, Network.Name);
        return false;
    }

    private bool RequireRoom(NetworkNode node, TextSpan span)
    {
        if (_placement.Occupancy(node.Name) < node.DataQubits) return true;
        _diagnostics.Report(Diagnostics.PinnedCapacityExceeded, At(span), NodeKinds.Name(node.Kind), node.Name, node.DataQubits, _placement.Occupancy(node.Name) + 1);
        return false;
    }

    /// <summary>Inside `at node { }` every qubit touched must be at that node (unpinned ones get pinned there).</summary>
    private void CheckLocal(int qubit, TextSpan span)
    {
        if (_atNodes.Count == 0) return;
        var node = _atNodes.Peek();
        string? location = _placement.LocationOf(qubit);
        if (location is null)
        {
            if (RequireRoom(node, span)) _placement.Pin(qubit, node.Name);
            return;
        }
        if (location != node.Name) _diagnostics.Report(Diagnostics.WrongNodeInAtBlock, At(span), QubitName(qubit), location, node.Name);
    }

    /// <summary>A gate between qubits already on different nodes needs a network path between them.</summary>
    private void CheckReachable(ImmutableArray<int> qubits, TextSpan span)
    {
        var nodes = qubits.Select(_placement.LocationOf).OfType<string>().Distinct().ToList();
        for (int i = 1; i < nodes.Count; i++)
            if (!RequirePath(nodes[0], nodes[i], span)) return;
    }

    // ---- operands and expressions -------------------------------------------------------------------

    private static bool IsWholeRegister(BoundOperand operand) =>
        operand.Index is null && operand.Register is QubitRegisterSymbol { IsRegister: true } or BitRegisterSymbol { IsRegister: true } or SubroutineQubitSymbol { IsRegister: true };

    private IReadOnlyList<int>? Qubits(BoundOperand operand, GateFrame? frame)
    {
        switch (operand.Register)
        {
            case GateQubitSymbol g when frame is not null:
                return [frame.Qubits[g.Position]];
            case SubroutineQubitSymbol s:
            {
                var qubits = _subroutineQubits[s];
                if (operand.Index is null) return qubits;
                return EvaluateIndex(operand.Index, s.Name, s.Size, frame) is { } k ? [qubits[k]] : null;
            }
            case QubitRegisterSymbol r:
                if (operand.Index is null) return Enumerable.Range(r.FirstQubit, r.Size).ToArray();
                return EvaluateIndex(operand.Index, r.Name, r.Size, frame) is { } i ? [r.FirstQubit + i] : null;
            default:
                throw new InvalidOperationException($"operand {operand.Register.Name} is not a qubit");
        }
    }

    internal IReadOnlyList<int>? Bits(BoundOperand operand)
    {
        if (operand.Register is ClassicalVariableSymbol variable)
        {
            var storage = _variables.Storage(variable);
            if (operand.Index is null) return storage;
            return EvaluateIndex(operand.Index, variable.Name, storage.Length, null) is { } k ? [storage[k]] : null;
        }
        var r = (BitRegisterSymbol)operand.Register;
        if (operand.Index is null) return Enumerable.Range(r.FirstBit, r.Size).ToArray();
        return EvaluateIndex(operand.Index, r.Name, r.Size, null) is { } i ? [r.FirstBit + i] : null;
    }

    internal int? EvaluateIndex(BoundExpression index, string register, int size, GateFrame? frame)
    {
        if (EvaluateInteger(index, frame) is not { } value) return null;
        if (value < 0 || value >= size)
        {
            _diagnostics.Report(Diagnostics.IndexOutOfRange, At(index.Span), value, register, size);
            return null;
        }
        return (int)value;
    }

    internal long? EvaluateInteger(BoundExpression expression, GateFrame? frame)
    {
        if (Evaluate(expression, frame) is not { } value) return null;
        if (value.Kind != ValueKind.Int)
        {
            _diagnostics.Report(Diagnostics.TypeMismatch, At(expression.Span), "an integer", value.Describe());
            return null;
        }
        return (long)value.Number;
    }

    internal ConstValue? Evaluate(BoundExpression expression, GateFrame? frame) =>
        _evaluator.Evaluate(expression, symbol => Lookup(symbol, frame));

    /// <summary>The value of a bound name's symbol in the current iteration and gate instance.</summary>
    internal NameLookup Lookup(Symbol? symbol, GateFrame? frame) => symbol switch
    {
        GateParameterSymbol p when frame is not null && frame.IsRuntime(p) => NameLookup.Runtime(
            "sizes, indices, loop bounds and pow() exponents are computed at compile time"),
        GateParameterSymbol p when frame is not null => NameLookup.Constant(ConstValue.Float(frame.Parameters[p.Position])),
        LoopVariableSymbol v when _loopValues.TryGetValue(v, out long value) => NameLookup.Constant(ConstValue.Int(value)),
        ClassicalVariableSymbol v when _variables.ConstantOf(v) is { } constant => NameLookup.Constant(ClassicalTypes.ToConst(constant)),
        ClassicalVariableSymbol => NameLookup.Runtime(
            "sizes, indices, loop bounds and pow() exponents are computed at compile time"),
        ConstSymbol c => NameLookup.Constant(c.Value),
        // pi, tau, euler: the evaluator knows their values.
        null or BuiltinValueSymbol => NameLookup.Undefined,
        var other => NameLookup.NotConstant(other.KindDescription),
    };

    internal ExpressionEvaluator Evaluator => _evaluator;

    internal SourceText Source => _program.Source;

    internal Location Locate(TextSpan span) => At(span);

    internal DiagnosticBag Bag => _diagnostics;

    private string QubitName(int qubit)
    {
        var r = _program.QubitRegisters.Last(r => r.FirstQubit <= qubit);
        return r.IsRegister ? $"{r.Name}[{qubit - r.FirstQubit}]" : r.Name;
    }
}
