namespace Topiary.Views;

/// <summary>
/// The <c>reason</c> values of an <c>INVALID_VIEW_SPECIFICATION</c> error (spec/topic-views.md VIEW-95).
/// Each is also the first word of the error's message after the code.
/// </summary>
public static class ViewErrorReason
{
    public const string SyntaxError = "SYNTAX_ERROR";
    public const string Unterminated = "UNTERMINATED";
    public const string InvalidSelector = "INVALID_SELECTOR";
    public const string InvalidServerName = "INVALID_SERVER_NAME";
    public const string InvalidTemplate = "INVALID_TEMPLATE";
    public const string UnknownDirective = "UNKNOWN_DIRECTIVE";
    public const string InvalidDirectiveArgument = "INVALID_DIRECTIVE_ARGUMENT";
    public const string InvalidPointer = "INVALID_POINTER";
    public const string ExpandNotAllowed = "EXPAND_NOT_ALLOWED";
    public const string InsertNotLast = "INSERT_NOT_LAST";
    public const string TransformationAfterOption = "TRANSFORMATION_AFTER_OPTION";
    public const string DuplicateOption = "DUPLICATE_OPTION";
    public const string InvalidProcess = "INVALID_PROCESS";
    public const string InvalidPatch = "INVALID_PATCH";
    public const string UnknownProperty = "UNKNOWN_PROPERTY";
    public const string PropertyNotMappable = "PROPERTY_NOT_MAPPABLE";
    public const string InvalidPropertyValue = "INVALID_PROPERTY_VALUE";
    public const string InvalidThrottle = "INVALID_THROTTLE";
    public const string InvalidDelay = "INVALID_DELAY";
    public const string InvalidSeparator = "INVALID_SEPARATOR";
    public const string InvalidType = "INVALID_TYPE";
    public const string SpecTooLong = "SPEC_TOO_LONG";
}
