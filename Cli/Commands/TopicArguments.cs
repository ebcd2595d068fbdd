using Topiary.Cli.Parsing;
using Topiary.Errors;
using Topiary.Selectors;
using Topiary.Topics;

namespace Topiary.Cli.Commands;

/// <summary>
/// Arguments the topic verbs share, checked with the server's own rules before connecting so
/// that a bad path or selector is a usage error (exit 2) and nothing is sent.
/// </summary>
internal static class TopicArguments
{
    public static readonly ArgumentSpec Path = new("path", "the topic's path, for example prices/EURUSD (docs/topics.md)");

    public static readonly ArgumentSpec Selector = new("selector", "which topics: ?prices// , >prices/EURUSD , *prices/.* (docs/selectors.md)");

    public static readonly ArgumentSpec Value = new("value", "the value, written as its type requires (see docs/cli.md \"Values\")");

    /// <summary>The path argument, valid for reading or, with <paramref name="forAdd"/>, for adding.</summary>
    public static string ValidPath(CommandLine commandLine, bool forAdd)
    {
        var path = commandLine.Argument(Path);
        return Check(Path, () =>
        {
            if (forAdd)
            {
                TopicPath.ValidateForAdd(path);
            }
            else
            {
                TopicPath.Validate(path);
            }
            return path;
        });
    }

    /// <summary>The selector argument as given, once it parses.</summary>
    public static string ValidSelector(CommandLine commandLine)
    {
        var selector = commandLine.Argument(Selector);
        return Check(Selector, () =>
        {
            _ = TopicSelector.Parse(selector);
            return selector;
        });
    }

    private static string Check(ArgumentSpec argument, Func<string> validate)
    {
        try
        {
            return validate();
        }
        catch (TopiaryArgumentException e)
        {
            throw new UsageException($"{argument.Synopsis}: {e.Message}", e);
        }
    }
}
