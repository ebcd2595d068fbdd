using Topiary.Cli.Parsing;
using Topiary.Cli.Values;
using Topiary.Client;
using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Cli.Commands;

/// <summary>
/// <c>topiary topics set &lt;path&gt; &lt;value&gt; [--type T] [--create [--property NAME=VALUE]...]</c>:
/// sets a topic's value (TOP-20), or with <c>--create</c> adds the topic first if needed (add-and-set).
/// </summary>
internal sealed class TopicsSetCommand : ICliCommand
{
    private static readonly OptionSpec Create = new("--create", null, "add the topic first if it does not exist (needs --type)");

    public string Name => "topics set";

    public string Summary => "Sets a topic's value; the value is read as the topic's type (--type, or the existing topic's).";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [TopicArguments.Path, TopicArguments.Value];

    public IReadOnlyList<OptionSpec> Options { get; } = [TopicOptions.Type, Create, TopicOptions.Property];

    public IReadOnlyList<string> Examples { get; } =
    [
        "topics set prices/EURUSD 1.0842",
        "topics set orders/42 '{\"side\":\"buy\",\"qty\":10}' --create --type json",
        "topics set files/logo iVBORw0KGgo= --create --type binary",
    ];

    public async Task<int> RunAsync(CommandContext context)
    {
        var commandLine = context.CommandLine;
        var create = commandLine.Has(Create);
        var path = TopicArguments.ValidPath(commandLine, forAdd: create);
        var type = TopicOptions.TypeOrNull(commandLine);
        if (create && type is null)
        {
            throw new UsageException($"--create needs --type: one of {string.Join(", ", ValueParser.TypeNames)}");
        }
        if (!create && commandLine.Has(TopicOptions.Property))
        {
            throw new UsageException("--property applies only with --create");
        }
        var text = commandLine.Argument(TopicArguments.Value);
        // With a known type the value is checked before connecting.
        TopicValue? value = type is { } known ? ValueParser.ParseValue(text, known, TopicArguments.Value) : null;
        var specification = create ? TopicOptions.Specification(commandLine, type!.Value) : null;

        await using var session = await context.OpenSessionAsync(context.Cancellation);
        bool? added = null;
        long sequence;
        if (specification is not null)
        {
            var result = await session.Topics.AddAndSetAsync(path, specification, value!.Value, context.Cancellation);
            (added, sequence) = (result.Added, result.Sequence);
        }
        else
        {
            value ??= ValueParser.ParseValue(text, await TypeOfAsync(session, path, context.Cancellation), TopicArguments.Value);
            sequence = await session.Topics.SetAsync(path, value.Value, context.Cancellation);
        }
        await WriteAsync(context, path, added, sequence);
        return ExitCodes.Success;
    }

    private static async Task<TopicType> TypeOfAsync(ITopiarySession session, string path, CancellationToken cancellationToken)
    {
        var found = await session.Topics.FetchAsync(">" + path, new FetchOptions { Limit = 1 }, cancellationToken);
        return found.Results.Count == 1
            ? found.Results[0].Type
            : throw TopiaryException.Create(ErrorCode.NotFound, $"no topic at '{path}'; add it first, or use --create --type TYPE");
    }

    private static Task WriteAsync(CommandContext context, string path, bool? added, long sequence)
    {
        if (!context.Output.Json)
        {
            var verb = added == true ? "added and set" : "set";
            return context.Output.LineAsync($"{verb} {path} (sequence {sequence})");
        }
        return context.Output.ObjectAsync(json =>
        {
            json.WriteString("path", path);
            json.WriteNumber("sequence", sequence);
            if (added is { } wasAdded)
            {
                json.WriteBoolean("added", wasAdded);
            }
        });
    }
}
