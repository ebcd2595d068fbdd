namespace Topiary.Views;

/// <summary><c>&lt;expand([pointer][, namePointer])&gt;</c> (VIEW-33): one output per child of an element.</summary>
/// <param name="At">The element whose children are expanded; empty for the whole current value.</param>
/// <param name="NamePointer">Where each child's name is read, if given (non-empty).</param>
public sealed record ExpandDirective(JsonPointer At, JsonPointer? NamePointer) : TemplatePart
{
    public override string ToString() =>
        NamePointer is null
            ? $"<expand({DirectiveText.Escape(At.Text)})>"
            : $"<expand({DirectiveText.Escape(At.Text)}, {DirectiveText.Escape(NamePointer.Text)})>";
}
