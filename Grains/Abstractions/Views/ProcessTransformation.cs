namespace Topiary.Views;

/// <summary><c>process { … }</c> (VIEW-36).</summary>
/// <param name="Statement">An operation list or a conditional.</param>
public sealed record ProcessTransformation(ProcessStatement Statement) : ViewTransformation
{
    public override string ToString() => $"process {{{Statement}}}";
}
