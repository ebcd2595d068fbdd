namespace Topiary.Topics;

/// <summary>What happened to the catalog.</summary>
public enum TreeEventKind
{
    Added = 1,
    Removed = 2,
}
