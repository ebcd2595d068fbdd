namespace Topiary.Views;

/// <summary><c>continue</c>: leaves the value unchanged.</summary>
public sealed record ContinueOperation : ProcessOperation
{
    public override string ToString() => "continue";
}
