namespace Topiary.Topics;

/// <summary>The <c>reason</c> detail of INVALID_VALUE errors about topic values (spec/topics.md TOP-11..TOP-15).</summary>
public static class InvalidValueReasons
{
    /// <summary>JSON text that is not one well-formed RFC 8259 value (empty, truncated, trailing text, comments, …).</summary>
    public const string MalformedJson = "MALFORMED_JSON";

    /// <summary>JSON arrays and objects nested deeper than 64 levels.</summary>
    public const string DepthExceeded = "DEPTH_EXCEEDED";

    /// <summary>A JSON object with two members of the same name, under <c>VALIDATE_VALUES=true</c>.</summary>
    public const string DuplicateMember = "DUPLICATE_MEMBER";

    /// <summary>A DOUBLE value that is NaN or infinite, under <c>VALIDATE_VALUES=true</c>.</summary>
    public const string NotFinite = "NOT_FINITE";

    /// <summary>Bytes that are not valid UTF-8 (including encoded surrogates and overlong forms).</summary>
    public const string InvalidUtf8 = "INVALID_UTF8";

    /// <summary>A .NET string with an unpaired UTF-16 surrogate, which has no UTF-8 encoding.</summary>
    public const string UnpairedSurrogate = "UNPAIRED_SURROGATE";

    /// <summary>An INT64 or DOUBLE value that is not exactly 8 bytes.</summary>
    public const string WrongLength = "WRONG_LENGTH";

    /// <summary>"No value" set on a JSON or BINARY topic, which cannot go back to having no value.</summary>
    public const string NoValueNotAllowed = "NO_VALUE_NOT_ALLOWED";

    /// <summary>A value of a type that has no encoding, such as an undefined <c>JsonElement</c>.</summary>
    public const string Undefined = "UNDEFINED";
}
