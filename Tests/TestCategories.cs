namespace Topiary.Tests;

/// <summary>Values of the <c>Category</c> trait; run one category with <c>--filter Category=Unit</c>.</summary>
public static class TestCategories
{
    /// <summary>Pure, in-memory tests of one component.</summary>
    public const string Unit = "Unit";

    /// <summary>Tests through a real client over a real socket to a real gateway.</summary>
    public const string EndToEnd = "EndToEnd";

    /// <summary>Tests of several processes sharing real Redis and PostgreSQL servers.</summary>
    public const string Cluster = "Cluster";
}
