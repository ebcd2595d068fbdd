using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Topiary.Errors;
using Topiary.Runtime;
using Topiary.Runtime.Transport;
using Topiary.Tests.Grains.Runtime.TestGrains;

namespace Topiary.Tests.Grains.Runtime.Calls;

[Trait("Category", TestCategories.Unit)]
public sealed class GrainCallTests
{
    [Fact]
    public async Task A_TopiaryException_reaches_the_caller_with_the_same_envelope()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = await Assert.ThrowsAsync<TopiaryArgumentException>(() => silo.Factory.GetGrain<ICallGrain>("e").Fail("topiary"));

        var expected = TopiaryException.Create(ErrorCode.InvalidPath, "path 'a//b' has an empty segment at column 3",
            new JsonObject { ["column"] = 3 }).Error;
        Assert.Equal(expected with { Details = null }, error.Error with { Details = null });
        Assert.True(JsonNode.DeepEquals(expected.Details, error.Error.Details));
        Assert.Equal("INVALID_PATH: path 'a//b' has an empty segment at column 3", error.Message);
    }

    [Fact]
    public async Task Any_other_exception_becomes_INTERNAL_ERROR_with_a_correlation_id_that_is_logged_and_nothing_else()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => silo.Factory.GetGrain<ICallGrain>("e").Fail("other"));

        Assert.Equal(ErrorCode.InternalError, error.Code);
        Assert.NotNull(error.Error.CorrelationId);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", error.Message, StringComparison.Ordinal);
        var logged = Assert.Single(silo.Logs.Records, r => r.Level == LogLevel.Error);
        Assert.Contains(error.Error.CorrelationId!, logged.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task An_unregistered_argument_type_fails_the_call_naming_the_type_without_sending_it()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = await Assert.ThrowsAnyAsync<TopiaryException>(
            () => silo.Factory.GetGrain<ICallGrain>("s").TakeUnregistered(new UnregisteredPayload("x")));

        Assert.Contains("UnregisteredPayload", error.Message, StringComparison.Ordinal);
        Assert.Contains("parameter 1 of ICallGrain.TakeUnregistered", error.Message, StringComparison.Ordinal);
        Assert.Contains("[JsonSerializable(typeof(UnregisteredPayload))]", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorEnvelope.NotApplied, error.Error.Outcome);
        Assert.Equal(0, silo.Silo.ActivationCount); // never left the caller
    }

    [Fact]
    public async Task An_unregistered_result_type_fails_the_call_naming_the_type()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = await Assert.ThrowsAnyAsync<TopiaryException>(() => silo.Factory.GetGrain<ICallGrain>("s").ReturnUnregistered());

        Assert.Contains("type UnregisteredPayload (the result of ICallGrain.ReturnUnregistered)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_response_times_out_after_the_call_timeout()
    {
        await using var silo = await TestSilo.StartAsync();
        var call = silo.Factory.GetGrain<ICallGrain>("t").Hang();

        silo.Time.Advance(TimeSpan.FromSeconds(29));
        await Task.Delay(10);
        Assert.False(call.IsCompleted);
        silo.Time.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<TopiaryOutcomeUnknownException>(() => call);
        Assert.Equal(ErrorCode.Timeout, error.Code);
        Assert.Equal(ErrorEnvelope.Unknown, error.Error.Outcome);
    }

    [Fact]
    public async Task A_grain_awaiting_a_call_to_itself_deadlocks_until_the_timeout_and_a_warning_names_the_chain()
    {
        await using var silo = await TestSilo.StartAsync(configure: o => o.CallTimeout = TimeSpan.FromSeconds(5));
        var call = silo.Factory.GetGrain<ICallGrain>("self").CallSelf();
        await Eventually.TrueAsync(() => silo.Logs.Records.Any(r => r.Message.Contains("Possible deadlock", StringComparison.Ordinal)),
            "the re-entrant call is reported when it arrives");

        silo.Time.Advance(TimeSpan.FromSeconds(6));

        var error = await Assert.ThrowsAnyAsync<TopiaryException>(() => call);
        Assert.Equal(ErrorCode.Timeout, error.Code);
        var warning = silo.Logs.Records.First(r => r.Message.Contains("Possible deadlock", StringComparison.Ordinal));
        Assert.Contains("CallGrain/self", warning.Message, StringComparison.Ordinal);
        Assert.Contains("ICallGrain.Order", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValueTask_methods_work_like_Task_methods()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<ICallGrain>("v");

        Assert.Equal(42, await grain.Echo(42));
        await grain.DoNothing();
    }

    [Fact]
    public async Task Grain_references_travel_as_arguments_results_and_inside_records()
    {
        await using var silo = await TestSilo.StartAsync();
        var grain = silo.Factory.GetGrain<ICallGrain>("refs");
        var counter = silo.Factory.GetGrain<ICounterGrain>("target");

        Assert.Equal(2, await grain.AddThrough(counter, 2));
        Assert.Equal(5, await grain.AddThroughEnvelope(new CounterEnvelope("note", counter, 3)));
        var returned = await grain.CounterReference("target");
        Assert.Equal(counter, returned);
        Assert.Equal(5, await returned.Read());
    }

    [Fact]
    public async Task A_grain_can_pass_itself_as_a_reference()
    {
        await using var silo = await TestSilo.StartAsync();

        var described = await silo.Factory.GetGrain<ICallGrain>("me").IntroduceTo("other");

        Assert.EndsWith("CallGrain/me", described, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_to_the_same_grain_are_equal_and_others_are_not()
    {
        await using var silo = await TestSilo.StartAsync();

        Assert.Equal(silo.Factory.GetGrain<ICounterGrain>("a"), silo.Factory.GetGrain<ICounterGrain>("a"));
        Assert.Equal(silo.Factory.GetGrain<ICounterGrain>("a").GetHashCode(), silo.Factory.GetGrain<ICounterGrain>("a").GetHashCode());
        Assert.NotEqual(silo.Factory.GetGrain<ICounterGrain>("a"), silo.Factory.GetGrain<ICounterGrain>("b"));
        Assert.Equal("test-counter/a", silo.Factory.GetGrain<ICounterGrain>("a").ToString());
    }

    [Fact]
    public async Task Getting_a_grain_without_an_implementation_throws_naming_the_interface()
    {
        await using var silo = await TestSilo.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.Factory.GetGrain<TestGrains.Invalid.IDuplicateGrain>("x"));

        Assert.Contains("IDuplicateGrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_call_and_response_crosses_the_transport_as_bytes()
    {
        var transport = new RecordingTransport();
        await using var silo = await TestSilo.StartAsync(services: s => s.AddSingleton<IGrainTransport>(transport));

        await silo.Factory.GetGrain<ICounterGrain>("bytes").Add(4);

        Assert.Equal(2, transport.Messages.Count);
        Assert.Contains("\"m\":\"ICounterGrain.Add(Int32)\",\"a\":[4]", transport.Messages[0], StringComparison.Ordinal);
        Assert.EndsWith("\"r\":4}", transport.Messages[1], StringComparison.Ordinal);
    }

    /// <summary>The in-process transport, keeping a copy of every message.</summary>
    private sealed class RecordingTransport : IGrainTransport
    {
        private readonly InProcessGrainTransport _inner = new();
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public string LocalAddress => _inner.LocalAddress;

        public ValueTask StartAsync(Action<ReadOnlyMemory<byte>> receiver, CancellationToken cancellationToken) =>
            _inner.StartAsync(receiver, cancellationToken);

        public ValueTask StopAsync(CancellationToken cancellationToken) => _inner.StopAsync(cancellationToken);

        public ValueTask<bool> SendAsync(string destination, ReadOnlyMemory<byte> message)
        {
            lock (_messages)
            {
                _messages.Add(System.Text.Encoding.UTF8.GetString(message.Span));
            }
            return _inner.SendAsync(destination, message);
        }
    }
}
