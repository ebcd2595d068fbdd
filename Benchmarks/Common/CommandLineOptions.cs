using System.Globalization;

namespace Topiary.Benchmarks;

/// <summary>
/// <c>--name value</c> pairs of the non-BenchmarkDotNet commands. Every option a command reads
/// must be known to it: <see cref="ThrowIfUnused"/> rejects the rest, so a typo fails instead
/// of silently running with a default.
/// </summary>
public sealed class CommandLineOptions
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _used = [];

    private CommandLineOptions(Dictionary<string, string> values) => _values = values;

    public static CommandLineOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new UsageException($"expected '--name value' pairs, got '{string.Join(' ', args[i..])}'");
            }
            values[args[i][2..]] = args[i + 1];
        }
        return new CommandLineOptions(values);
    }

    public string GetString(string name, string defaultValue) => Take(name) ?? defaultValue;

    public string? GetOptionalString(string name) => Take(name);

    public int GetInt32(string name, int defaultValue, int min, int max)
    {
        if (Take(name) is not { } text)
        {
            return defaultValue;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"--{name} must be an integer from {min} to {max}, got '{text}'");
        }
        return value;
    }

    public int[] GetInt32List(string name, int[] defaultValue, int min, int max)
    {
        if (Take(name) is not { } text)
        {
            return defaultValue;
        }
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]) || values[i] < min || values[i] > max)
            {
                throw new UsageException($"--{name} must be a comma-separated list of integers from {min} to {max}, got '{text}'");
            }
        }
        return values.Length > 0 ? values : throw new UsageException($"--{name} must not be empty");
    }

    public long GetInt64(string name, long defaultValue, long min)
    {
        if (Take(name) is not { } text)
        {
            return defaultValue;
        }
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw new UsageException($"--{name} must be an integer of at least {min}, got '{text}'");
        }
        return value;
    }

    /// <summary>Fails on any option the command did not read.</summary>
    public void ThrowIfUnused(string allowed)
    {
        foreach (var name in _values.Keys)
        {
            if (!_used.Contains(name))
            {
                throw new UsageException($"unknown option --{name}; allowed: {allowed}");
            }
        }
    }

    private string? Take(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }
}
