using System.Globalization;
using System.Reflection;

namespace Topiary.Runtime.Storage;

/// <summary>
/// The numbered schema scripts (<c>NNN_name.sql</c>) embedded for one database dialect, in version order.
/// Each dialect keeps its own scripts; a released script is never edited, changes go into a new number.
/// </summary>
internal static class SchemaScripts
{
    /// <summary>Loads the scripts whose resource names start with <paramref name="resourcePrefix"/>; fails if there are none.</summary>
    public static (int Version, string Sql)[] Load(string resourcePrefix)
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var scripts = new List<(int, string)>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(resourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            var file = name[resourcePrefix.Length..];
            var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            scripts.Add((version, ReadResource(assembly, name)));
        }
        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts.Count > 0
            ? [.. scripts]
            : throw new InvalidOperationException($"No embedded schema scripts were found under {resourcePrefix}.");
    }

    /// <summary>The error for a database whose schema is newer than this build knows.</summary>
    public static InvalidOperationException NewerThanBuild(int stored, int latest) => new(string.Create(CultureInfo.InvariantCulture,
        $"The database schema version is {stored}, newer than this build supports ({latest}); run a newer Topiary."));

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
