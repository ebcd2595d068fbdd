namespace Topiary.Views;

/// <summary><c>&lt;scalar(pointer)&gt;</c> (VIEW-32): the text of a scalar in the current value.</summary>
/// <param name="At">A non-empty pointer into the current value.</param>
public sealed record ScalarDirective(JsonPointer At) : TemplatePart
{
    public override string ToString() => $"<scalar({DirectiveText.Escape(At.Text)})>";
}
