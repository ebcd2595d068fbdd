namespace Topiary.Views;

/// <summary>One <c>if</c> or <c>elseif</c> branch.</summary>
/// <param name="Condition">The parsed condition string.</param>
/// <param name="Operations">Applied when the condition is true.</param>
public sealed record ConditionalBranch(Condition Condition, OperationList Operations)
{
    public override string ToString() => $"{DirectiveText.Quote(Condition.Text)} {Operations}";
}
