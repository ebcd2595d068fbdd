namespace Topiary.Views;

/// <summary><c>&lt;value(pointer)&gt;</c>, allowed only in the <c>as</c> option (VIEW-42).</summary>
/// <param name="At">The part of the current value that becomes the reference topic's value.</param>
public sealed record ValueDirective(JsonPointer At) : TemplatePart
{
    public override string ToString() => $"<value({DirectiveText.Escape(At.Text)})>";
}
