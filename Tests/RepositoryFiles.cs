namespace Topiary.Tests;

/// <summary>Finds files of this repository (docs, sources) from the test binaries, for tests that check docs against code.</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository root: the first directory above the test binaries holding Grains.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The full path of <paramref name="relativePath"/> (forward slashes) under the root.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadAllText(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Grains.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Grains.sln not found above " + AppContext.BaseDirectory);
    }
}
