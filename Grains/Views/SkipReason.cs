namespace Topiary.Views;

/// <summary>Why an evaluation produced no reference topic for a candidate (VIEW-96).</summary>
public static class SkipReason
{
    public const string NotScalar = "NOT_SCALAR";
    public const string PointerMissing = "POINTER_MISSING";
    public const string InvalidPath = "INVALID_PATH";
    public const string ProcessFailed = "PROCESS_FAILED";
    public const string PatchFailed = "PATCH_FAILED";
    public const string ConversionFailed = "CONVERSION_FAILED";
}
