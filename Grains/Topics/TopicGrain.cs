using System.Buffers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Topiary.Errors;
using Topiary.Runtime;
using Topiary.Runtime.Messaging;

namespace Topiary.Topics;

/// <summary>
/// A topic (see <see cref="ITopicGrain"/>). PERSISTENT topics write their record before an
/// update is acknowledged; non-persistent ones write their definition at once (TOP-33) and
/// their value behind, within <see cref="WriteBehindDelay"/>.
/// </summary>
[GrainType(StateName)]
public sealed partial class TopicGrain(IMessageBus bus, ILogger<TopicGrain> logger) : Grain<TopicState>, ITopicGrain
{
    /// <summary>The name topic records are stored under.</summary>
    public const string StateName = "topic";

    /// <summary>How long a non-persistent topic's latest value may stay unwritten.</summary>
    public static readonly TimeSpan WriteBehindDelay = TimeSpan.FromSeconds(1);

    private string _path = "";
    private string _channel = "";
    private TopicSpecification? _specification;
    private IDisposable? _writeBehind;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _path = GetPrimaryKeyString();
        _channel = TopicChannel.ForTopic(_path);
        _specification = State.Specification?.ToSpecification();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_writeBehind is not null)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task<AddTopicResult> AddAsync(TopicSpecificationData specification, TopicValueData? value)
    {
        TopicPath.ValidateForAdd(_path);
        var requested = specification.ToSpecification();
        if (value is not null)
        {
            TopicValueRules.Check(requested, _path, value);
        }
        if (_specification is not null)
        {
            if (!_specification.IsEquivalentTo(requested))
            {
                throw Conflict(_specification);
            }
            var existing = value is null ? Position() : await ApplyAsync(value);
            return new AddTopicResult(false, existing.Epoch, existing.Sequence);
        }

        var retained = value is not null && !requested.DontRetainValue ? value.Bytes : null;
        State = new TopicState
        {
            Specification = TopicSpecificationData.From(requested),
            Epoch = NewEpoch(),
            Sequence = value is null ? 0 : 1,
            Value = retained,
        };
        await WriteStateAsync();
        _specification = requested;
        await GrainFactory.GetGrain<ITopicCatalogGrain>(TopicCatalogGrain.Key).RecordAddedAsync(_path, State.Specification, State.Epoch);
        if (value is not null)
        {
            await PublishAsync(TopicBusMessageKind.Value, value.Bytes);
        }
        LogAdded(logger, _path, requested.Type);
        return new AddTopicResult(true, State.Epoch, State.Sequence);
    }

    public async Task<TopicUpdateResult> SetAsync(TopicValueData value)
    {
        var specification = _specification ?? throw NotFound(_path);
        TopicValueRules.Check(specification, _path, value);
        return await ApplyAsync(value);
    }

    public Task<TopicSnapshot?> GetSnapshotAsync()
    {
        if (State.Specification is not { } specification)
        {
            return Task.FromResult<TopicSnapshot?>(null);
        }
        return Task.FromResult<TopicSnapshot?>(new TopicSnapshot(_path, specification, State.Epoch, State.Sequence, State.Value));
    }

    public async Task<bool> RemoveAsync()
    {
        if (_specification is null)
        {
            return false;
        }
        _writeBehind?.Dispose();
        _writeBehind = null;
        // Clearing resets State: take the position first, the removal message carries it.
        var (epoch, sequence) = (State.Epoch, State.Sequence);
        await ClearStateAsync();
        State = new TopicState();
        _specification = null;
        await PublishAsync(TopicBusMessageKind.Removed, null, epoch, sequence);
        await GrainFactory.GetGrain<ITopicCatalogGrain>(TopicCatalogGrain.Key).RecordRemovedAsync(_path);
        LogRemoved(logger, _path);
        DeactivateOnIdle();
        return true;
    }

    private async Task<TopicUpdateResult> ApplyAsync(TopicValueData value)
    {
        var specification = _specification!;
        var (previousSequence, previousValue) = (State.Sequence, State.Value);
        State.Sequence++;
        State.Value = specification.DontRetainValue ? null : value.Bytes;
        if (specification.Persistent)
        {
            try
            {
                await WriteStateAsync();
            }
            catch (Exception exception) when (exception is not TopiaryException)
            {
                // Not committed: undo, so the topic never shows a value that storage lacks.
                (State.Sequence, State.Value) = (previousSequence, previousValue);
                LogWriteFailed(logger, _path, exception);
                throw TopiaryException.Create(ErrorCode.Retryable,
                    $"the update of '{_path}' could not be stored and was not applied; retry later",
                    new JsonObject { ["reason"] = "NOT_COMMITTED" });
            }
        }
        else
        {
            _writeBehind ??= RegisterTimer(FlushAsync, WriteBehindDelay, Timeout.InfiniteTimeSpan);
        }
        await PublishAsync(TopicBusMessageKind.Value, value.Bytes);
        return Position();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _writeBehind?.Dispose();
        _writeBehind = null;
        if (_specification is not null)
        {
            await WriteStateAsync();
        }
    }

    private TopicUpdateResult Position() => new(State.Epoch, State.Sequence);

    private ValueTask PublishAsync(TopicBusMessageKind kind, byte[]? value) =>
        PublishAsync(kind, value, State.Epoch, State.Sequence);

    private async ValueTask PublishAsync(TopicBusMessageKind kind, byte[]? value, ulong epoch, long sequence)
    {
        var payload = value ?? [];
        var buffer = ArrayPool<byte>.Shared.Rent(TopicBusMessage.HeaderLength + payload.Length);
        try
        {
            var length = TopicBusMessage.Write(buffer, kind, epoch, sequence, payload, hasValue: value is not null);
            await bus.PublishAsync(_channel, buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ulong NewEpoch() => (ulong)Random.Shared.NextInt64(1, long.MaxValue);

    private TopiaryException Conflict(TopicSpecification existing) => TopiaryException.Create(
        ErrorCode.Conflict,
        $"a topic already exists at '{_path}' with a different specification ({existing.Type.WireName()}); remove it first or add with an equivalent specification",
        new JsonObject
        {
            ["reason"] = "EXISTS_MISMATCH",
            ["path"] = _path,
            ["existing"] = TopicSpecificationJson.ToJson(existing),
        });

    internal static TopiaryException NotFound(string path) => TopiaryException.Create(
        ErrorCode.NotFound,
        $"no topic at '{path}'",
        new JsonObject { ["kind"] = "topic", ["name"] = path });

    [LoggerMessage(Level = LogLevel.Debug, Message = "Topic '{Path}' added ({Type})")]
    private static partial void LogAdded(ILogger logger, string path, TopicType type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Topic '{Path}' removed")]
    private static partial void LogRemoved(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing the update of topic '{Path}' failed")]
    private static partial void LogWriteFailed(ILogger logger, string path, Exception exception);
}
