namespace Topiary.Views;

/// <summary><c>patch '…'</c> (VIEW-39): an RFC 6902 JSON Patch, validated when parsed.</summary>
/// <param name="Text">The patch text as written (unquoted).</param>
/// <param name="Operations">The validated operations in order.</param>
public sealed record PatchTransformation(string Text, IReadOnlyList<PatchOperation> Operations) : ViewTransformation
{
    public override string ToString() => $"patch {DirectiveText.Quote(Text)}";
}
