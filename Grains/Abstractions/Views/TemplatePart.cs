namespace Topiary.Views;

/// <summary>
/// One piece of a template segment (VIEW-30): constant text or a directive. <see cref="ToString"/>
/// gives the canonical unquoted clause text of the piece, escaped so that it parses back to itself.
/// </summary>
public abstract record TemplatePart;
