namespace Topiary.Views;

/// <summary><c>if 'c' ops [elseif 'c' ops]… [else ops]</c>: the first true branch applies; none true and no else fails.</summary>
/// <param name="Branches">The <c>if</c> branch then each <c>elseif</c>.</param>
/// <param name="Else">The <c>else</c> operations, if any.</param>
public sealed record ConditionalStatement(IReadOnlyList<ConditionalBranch> Branches, OperationList? Else) : ProcessStatement
{
    public override string ToString() =>
        "if " + string.Join(" elseif ", Branches.Select(b => b.ToString())) + (Else is null ? "" : $" else {Else}");
}
