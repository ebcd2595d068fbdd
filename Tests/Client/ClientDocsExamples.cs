using System.Text.Json;
using Topiary.Client;
using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.Client;

/// <summary>
/// The examples of docs/client-dotnet.md, verbatim (<see cref="ClientDocsTests"/> checks that),
/// so every example compiles against the real API. They need a gateway to run; the gateway's
/// end-to-end tests run them.
/// </summary>
internal static class ClientDocsExamples
{
    public static async Task OpeningAsync()
    {
        var options = new TopiarySessionOptions
        {
            Url = new Uri("ws://localhost:8080"),
            Principal = "admin",
            Password = "password",
        };
        await using ITopiarySession session = await TopiarySession.OpenAsync(options);
        Console.WriteLine($"session {session.SessionId} as '{session.Principal}' on {session.Gateway} ({session.ServerVersion})");
    }

    public static async Task EventsAsync(ITopiarySession session)
    {
        session.Closed += (_, e) => Console.WriteLine($"closed: {e.State} {e.Reason} {e.Message}");
        session.ErrorOccurred += (_, e) => Console.WriteLine($"error: {e.Exception.Message}");
        PingResult ping = await session.PingAsync();
        Console.WriteLine($"round trip {ping.RoundTrip.TotalMilliseconds} ms to server {ping.ServerVersion}");
        await session.CloseAsync();
    }

    public static async Task AddingAsync(ITopiarySession session)
    {
        bool added = await session.Topics.AddAsync("demo/greeting", TopicType.String);

        var specification = TopicSpecification.Create(
            TopicType.Double,
            new Dictionary<string, string> { ["PERSISTENT"] = "false", ["PRIORITY"] = "high" });
        await session.Topics.AddAsync("prices/EURUSD", specification);

        AddAndSetResult result = await session.Topics.AddAndSetAsync("counters/visits", TopicType.Int64, 0L);
        Console.WriteLine($"added: {result.Added}, sequence {result.Sequence}");
    }

    public static async Task SettingAsync(ITopiarySession session)
    {
        long sequence = await session.Topics.SetAsync("demo/greeting", "hello");
        await session.Topics.SetAsync("counters/visits", long.MaxValue);
        await session.Topics.SetAsync("prices/EURUSD", 1.0842);
        await session.Topics.SetAsync("prices/EURUSD", (double?)null);
        await session.Topics.AddAsync("files/logo", TopicType.Binary);
        await session.Topics.SetAsync("files/logo", new byte[] { 0x89, 0x50, 0x4E, 0x47 });

        await session.Topics.AddAsync("orders/42", TopicType.Json);
        await session.Topics.SetAsync("orders/42", JsonValue.Parse("""{"side":"buy","qty":10,"price":1.10}"""));
        using JsonDocument document = JsonDocument.Parse("""{"side":"sell","qty":5}""");
        await session.Topics.SetAsync("orders/42", document.RootElement);
    }

    public static async Task FetchingAsync(ITopiarySession session)
    {
        int removed = await session.Topics.RemoveAsync("?files//");

        FetchResult page = await session.Topics.FetchAsync("?prices//", new FetchOptions { Limit = 100, WithValues = true });
        foreach (FetchedTopic topic in page.Results)
        {
            Console.WriteLine($"{topic.Path} {topic.Type}: {(topic.HasValue ? topic.Value.ToObject() : "no value")}");
        }
        while (page.HasMore)
        {
            page = await session.Topics.FetchAsync("?prices//", new FetchOptions { Limit = 100, After = page.Results[^1].Path, WithValues = true });
        }

        FetchedTopic first = (await session.Topics.FetchAsync(">counters/visits", new FetchOptions { WithValues = true })).Results[0];
        long visits = first.GetValue<long>();
    }

    public static async Task SubscribingAsync(ITopiarySession session)
    {
        using IDisposable registration = session.Topics.AddStream("?prices//", new PriceStream());
        await session.Topics.SubscribeAsync("?prices//");
        await session.Topics.UnsubscribeAsync(">prices/EURUSD");
    }

    public static async Task AsyncSequenceAsync(ITopiarySession session)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        IAsyncEnumerable<TopicEvent<string>> events = session.Topics.Stream<string>("?demo//", cancellation.Token);
        await session.Topics.SubscribeAsync("?demo//");
        await foreach (TopicEvent<string> e in events)
        {
            if (e.Kind == TopicEventKind.Value)
            {
                Console.WriteLine($"{e.Path} #{e.Sequence}: {e.Value}");
            }
        }
    }

    public static void AnyType(ITopiarySession session)
    {
        using IDisposable all = session.Topics.AddStream("?.*//", new AnyTopicStream());
    }

    public static async Task ErrorsAsync(ITopiarySession session)
    {
        try
        {
            await session.Topics.SetAsync("prices/GBPUSD", 1.2650);
        }
        catch (TopiaryStateException e) when (e.Code == ErrorCode.NotFound)
        {
            await session.Topics.AddAndSetAsync("prices/GBPUSD", TopicType.Double, 1.2650);
        }
        catch (TopiaryOutcomeUnknownException e)
        {
            Console.WriteLine($"{e.Code}: the set may have been applied ({e.Error.CorrelationId})");
        }
    }

    sealed class PriceStream : IValueStream<double?>
    {
        public void OnSubscribed(string path, TopicSpecification specification) =>
            Console.WriteLine($"subscribed to {path}");

        public void OnValue(string path, TopicSpecification specification, double? oldValue, double? newValue) =>
            Console.WriteLine($"{path}: {oldValue} -> {newValue}");

        public void OnUnsubscribed(string path, UnsubscribeReason reason) =>
            Console.WriteLine($"unsubscribed from {path}: {reason}");

        public void OnClosed() => Console.WriteLine("stream closed");
    }

    sealed class AnyTopicStream : IValueStream<TopicValue>
    {
        public void OnValue(string path, TopicSpecification specification, TopicValue oldValue, TopicValue newValue)
        {
            string text = newValue.Type switch
            {
                TopicType.Int64 => $"{newValue.AsInt64()}",
                TopicType.Double => $"{newValue.AsDouble()}",
                TopicType.String => newValue.AsString() ?? "no value",
                TopicType.Json => newValue.AsJson()?.Text ?? "no value",
                _ => $"{newValue.Bytes.Length} bytes",
            };
            Console.WriteLine($"{path}: {text}");
        }
    }
}
