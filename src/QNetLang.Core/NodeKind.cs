namespace QNetLang.Core;

/// <summary>The kinds of network node: one enum from the parser to the simulator.</summary>
public enum NodeKind
{
    Qpu,
    Repeater,
    EndNode,
}

/// <summary>The keywords of node kinds, as written in .qn files and manifests.</summary>
public static class NodeKinds
{
    public static string Name(NodeKind kind) => kind switch
    {
        NodeKind.Qpu => "qpu",
        NodeKind.Repeater => "repeater",
        _ => "endnode",
    };

    public static NodeKind? Parse(string name) => name switch
    {
        "qpu" => NodeKind.Qpu,
        "repeater" => NodeKind.Repeater,
        "endnode" => NodeKind.EndNode,
        _ => null,
    };
}
