namespace Topiary.Views;

/// <summary>Operations separated by <c>;</c>, all computed from the value as it entered the clause (VIEW-36).</summary>
/// <param name="Operations">At least one operation.</param>
public sealed record OperationList(IReadOnlyList<ProcessOperation> Operations) : ProcessStatement
{
    public override string ToString() => string.Join("; ", Operations.Select(o => o.ToString()));
}
