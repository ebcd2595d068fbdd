namespace Topiary.Views;

/// <summary><c>insert &lt;template&gt; [key &lt;pointer&gt;] at &lt;pointer&gt; [default '…']</c> (VIEW-40).</summary>
/// <param name="Template">The insertion topic's path; never contains <c>expand</c>.</param>
/// <param name="Key">The part of a JSON insertion value to insert; null for the whole value.</param>
/// <param name="At">Where to insert (non-empty; may end with <c>-</c> to append).</param>
/// <param name="Default">Inserted as a JSON string when there is nothing to insert.</param>
public sealed record InsertTransformation(PathTemplate Template, JsonPointer? Key, JsonPointer At, string? Default) : ViewTransformation
{
    public override string ToString() =>
        $"insert {Template}{(Key is null ? "" : " key " + DirectiveText.Clause(Key.Text))} at {DirectiveText.Clause(At.Text)}"
        + (Default is null ? "" : " default " + DirectiveText.Quote(Default));
}
