using System.Text;

namespace Topiary.Errors;

/// <summary>What spec/errors.md ERR-10 says about each code: wire name, retryability, outcome.</summary>
public static class ErrorCodeInfo
{
    /// <summary>The upper-snake name used on the wire, for example <c>INVALID_PATH</c>.</summary>
    public static string WireName(this ErrorCode code) => ToUpperSnake(code.ToString());

    /// <summary>Parses a wire name back to its code; unknown names map to <see cref="ErrorCode.InternalError"/>.</summary>
    public static ErrorCode FromWireName(string name)
    {
        foreach (var code in Enum.GetValues<ErrorCode>())
        {
            if (code.WireName() == name)
            {
                return code;
            }
        }
        return ErrorCode.InternalError;
    }

    /// <summary>Whether the identical request may succeed later (ERR-20 class 2).</summary>
    public static bool IsRetryable(this ErrorCode code) => code is
        ErrorCode.RateLimited or ErrorCode.ClusterUnavailable or ErrorCode.Retryable or ErrorCode.ServerInitialising;

    /// <summary>Whether a failure with this code may have been applied (ERR-20 class 3).</summary>
    public static bool IsOutcomeUnknown(this ErrorCode code) => code is
        ErrorCode.Timeout or ErrorCode.OutcomeUnknown or ErrorCode.InternalError;

    private static string ToUpperSnake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(pascal[i]));
        }
        return builder.ToString();
    }
}
