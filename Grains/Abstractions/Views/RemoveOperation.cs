namespace Topiary.Views;

/// <summary><c>remove(pointer)</c>: removes the target if present.</summary>
/// <param name="Target">Non-empty.</param>
public sealed record RemoveOperation(JsonPointer Target) : ProcessOperation
{
    public override string ToString() => $"remove({Target.Text})";
}
