using System.Text;

namespace Topiary.Views;

/// <summary>Escaping of directive arguments (VIEW-24) for canonical text.</summary>
internal static class DirectiveText
{
    /// <summary>Escapes the characters that end or split an argument, and a leading space or tab (ignored otherwise).</summary>
    public static string Escape(string argument)
    {
        var builder = new StringBuilder(argument.Length);
        for (var i = 0; i < argument.Length; i++)
        {
            var c = argument[i];
            if (c is '\\' or ',' or ')' || (i == 0 && c is ' ' or '\t'))
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>A quoted string (VIEW-26) in double quotes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Unquoted clause text (VIEW-23) with backslash escapes for separators, backslashes and a leading quote.</summary>
    public static string Clause(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' || ViewSyntax.IsWhitespace(c) || (i == 0 && c is '\'' or '"'))
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
