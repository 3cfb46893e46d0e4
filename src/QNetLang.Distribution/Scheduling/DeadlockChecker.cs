using QNetLang.Ir;

namespace QNetLang.Distribution.Scheduling;

/// <summary>
/// Executes the per-node programs abstractly to prove they cannot deadlock: a node blocks on a
/// Bell pair until its peer reaches the same pair, and on a received bit or qubit until it was
/// sent. When no node can move and some are not finished, the waiting instructions are the cycle.
/// Conditionals are checked with both branches in sequence: every node that replays a
/// conditional takes the same branch, so their rendezvous line up either way.
/// </summary>
public static class DeadlockChecker
{
    /// <summary>Null when the programs always finish; otherwise a description of what waits on what.</summary>
    public static string? Check(DistributedProgram schedule)
    {
        var streams = schedule.Nodes.ToDictionary(p => p.Node, p => NodeInstructions.Flatten(p.Instructions).ToList(), StringComparer.Ordinal);
        var position = streams.Keys.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        var sentBits = new HashSet<int>();
        var sentQubits = new HashSet<int>();
        var waitingAtPair = new Dictionary<int, string>();

        bool progress = true;
        while (progress)
        {
            progress = false;
            foreach (var (node, stream) in streams)
            {
                while (position[node] < stream.Count)
                {
                    var instruction = stream[position[node]];
                    bool advance = instruction switch
                    {
                        SendBitInstruction send => sentBits.Add(send.MessageId) || true,
                        ReceiveBitInstruction receive => sentBits.Contains(receive.MessageId),
                        SendQubitInstruction send => sentQubits.Add(send.MessageId) || true,
                        ReceiveQubitInstruction receive => sentQubits.Contains(receive.MessageId),
                        EntangleInstruction pair => Rendezvous(pair, node, waitingAtPair, position),
                        _ => true,
                    };
                    if (!advance) break;
                    position[node]++;
                    progress = true;
                }
            }
        }

        var stuck = streams.Where(s => position[s.Key] < s.Value.Count).ToList();
        if (stuck.Count == 0) return null;
        return string.Join("; ", stuck.Select(s => $"{s.Key} waits at {Describe(s.Value[position[s.Key]])}"));
    }

    /// <summary>Both ends must reach the pair; the first to arrive waits, the second releases both.</summary>
    private static bool Rendezvous(EntangleInstruction pair, string node, Dictionary<int, string> waiting, Dictionary<string, int> position)
    {
        if (waiting.TryGetValue(pair.PairId, out var other))
        {
            if (other == node) return false;
            waiting.Remove(pair.PairId);
            position[other]++;
            return true;
        }
        waiting[pair.PairId] = node;
        return false;
    }


    private static string Describe(NodeInstruction instruction) => instruction switch
    {
        EntangleInstruction e => $"Bell pair {e.PairId} with {e.Peer}",
        ReceiveBitInstruction r => $"bit message {r.MessageId} from {r.From}",
        ReceiveQubitInstruction r => $"qubit message {r.MessageId} from {r.From}",
        _ => instruction.GetType().Name,
    };
}
