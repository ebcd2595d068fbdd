namespace Topiary.Views;

/// <summary>The comparison operators of VIEW-37 (symbol and word forms).</summary>
public enum ComparisonOperator
{
    /// <summary><c>=</c> / <c>eq</c>: JSON equality.</summary>
    Equal,

    /// <summary><c>!=</c> / <c>ne</c>.</summary>
    NotEqual,

    /// <summary><c>&gt;</c> / <c>gt</c>, integers only.</summary>
    Greater,

    /// <summary><c>&lt;</c> / <c>lt</c>, integers only.</summary>
    Less,

    /// <summary><c>&gt;=</c> / <c>ge</c>, integers only.</summary>
    GreaterOrEqual,

    /// <summary><c>&lt;=</c> / <c>le</c>, integers only.</summary>
    LessOrEqual,
}
