namespace Topiary.Runtime.Storage;

/// <summary>ETag generation shared by the stores.</summary>
internal static class ETags
{
    /// <summary>A random ETag, so that a recreated record never repeats an earlier one (no ABA).</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
