using System.Text.Json;

namespace Topiary.Runtime.Calls;

/// <summary>
/// The grains whose turns led to the current call (root first), carried in requests so that a grain
/// receiving a call from a chain that already contains it — while it is still busy — can warn of the
/// A → B → A deadlock before the call times out. Immutable; the current one flows in an
/// <see cref="AsyncLocal{T}"/> set by the runtime at the start of every turn.
/// </summary>
internal sealed class CallChain
{
    /// <summary>Only the most recent links travel; enough to name any realistic cycle, bounded for ping-pong chains.</summary>
    private const int MaxLinks = 16;

    private static readonly AsyncLocal<CallChain?> CurrentChain = new();

    public CallChain(string link, CallChain? parent)
    {
        Link = link;
        Parent = parent;
    }

    /// <summary>The chain of the turn running on this async flow, or <c>null</c> outside grain turns.</summary>
    public static CallChain? Current
    {
        get => CurrentChain.Value;
        set => CurrentChain.Value = value;
    }

    /// <summary>A grain id (<c>type/key</c>).</summary>
    public string Link { get; }

    public CallChain? Parent { get; }

    public bool Contains(string link)
    {
        for (var chain = this; chain is not null; chain = chain.Parent)
        {
            if (chain.Link == link)
            {
                return true;
            }
        }
        return false;
    }

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var link in RootFirst())
        {
            writer.WriteStringValue(link);
        }
        writer.WriteEndArray();
    }

    /// <summary>Reads an array written by <see cref="Write"/>; the reader is on its start.</summary>
    public static CallChain? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A call chain must be an array.");
        }
        CallChain? chain = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            chain = new CallChain(reader.GetString() ?? string.Empty, chain);
        }
        return chain;
    }

    public override string ToString() => string.Join(" -> ", RootFirst());

    private List<string> RootFirst()
    {
        var links = new List<string>();
        for (var chain = this; chain is not null && links.Count < MaxLinks; chain = chain.Parent)
        {
            links.Add(chain.Link);
        }
        links.Reverse();
        return links;
    }
}
