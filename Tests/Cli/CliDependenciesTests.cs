using Topiary.Cli;

namespace Topiary.Tests.Cli;

/// <summary>The CLI is a client like any other: it reaches the server only through the SDK (docs/architecture.md).</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class CliDependenciesTests
{
    [Fact]
    public void The_cli_references_no_topiary_assembly_but_the_sdk_and_the_abstractions()
    {
        var topiary = typeof(CliApplication).Assembly.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("Topiary.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Topiary.Abstractions", "Topiary.Client"], topiary);
    }
}
