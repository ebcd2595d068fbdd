using System.Text;

namespace Topiary.Views;

/// <summary>Constant text of a template segment, never containing <c>/</c>.</summary>
/// <param name="Text">The text, unescaped.</param>
public sealed record ConstantPart(string Text) : TemplatePart
{
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var c in Text)
        {
            // Backslash, directive starts, separators and quotes would change meaning unescaped.
            if (c is '\\' or '<' or '\'' or '"' || ViewSyntax.IsWhitespace(c))
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
