using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Security;

/// <summary>The expected-version check of SEC-81, shared by both stores.</summary>
public static class StoreVersion
{
    /// <summary>Fails with CONFLICT when <paramref name="expected"/> is given and is not <paramref name="actual"/>.</summary>
    public static void Check(long? expected, long actual, string store)
    {
        if (expected is { } version && version != actual)
        {
            throw TopiaryException.Create(ErrorCode.Conflict,
                $"the {store} store is at version {actual}, not {version}; read it again and retry",
                new JsonObject { ["reason"] = "VERSION_MISMATCH", ["version"] = actual, ["expected"] = version });
        }
    }
}
