namespace Topiary.Cli.Parsing;

/// <summary>The options every verb accepts, before or after the verb.</summary>
internal static class GlobalOptions
{
    public static readonly OptionSpec Url = new("--url", "URL", $"the gateway (env TOPIARY_URL; default {ConnectionSettings.DefaultUrl})");

    public static readonly OptionSpec Principal = new("--principal", "NAME", "who to authenticate as (env TOPIARY_PRINCIPAL; default anonymous)");

    public static readonly OptionSpec Password = new("--password", "PASSWORD", "the principal's password (env TOPIARY_PASSWORD, preferred: options are visible to other local users)");

    public static readonly OptionSpec Json = new("--json", null, "machine-readable output: one JSON object per line");

    public static readonly OptionSpec Help = new("--help", null, "show help (also -h)");

    public static readonly OptionSpec Version = new("--version", null, "show the version of topiary");

    /// <summary>Every global option, in help order.</summary>
    public static IReadOnlyList<OptionSpec> All { get; } = [Url, Principal, Password, Json, Help, Version];
}
