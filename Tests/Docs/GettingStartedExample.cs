using Topiary.Client;
using Topiary.Client.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Docs;

/// <summary>
/// The program of docs/getting-started.md §2, line for line (checked by
/// <see cref="GettingStartedTests"/>). <c>args</c> and <c>Console</c> are parameters so the test
/// can pass the gateway's URL and capture what the program prints.
/// </summary>
internal static class GettingStartedExample
{
#pragma warning disable IDE1006 // `Console` keeps the program's text identical to the page.
    public static async Task RunAsync(string[] args, TextWriter Console)
#pragma warning restore IDE1006
    {
        var url = new Uri(args.Length > 0 ? args[0] : "ws://localhost:8080");
        var password = Environment.GetEnvironmentVariable("TOPIARY_PASSWORD") ?? "";
        await using var session = await TopiarySession.OpenAsync(new TopiarySessionOptions { Url = url, Principal = "admin", Password = password });

        await session.Topics.AddAsync("demo/greeting", TopicType.String);
        var updates = session.Topics.Stream<string>("?demo//");
        await session.Topics.SubscribeAsync("?demo//");
        await session.Topics.SetAsync("demo/greeting", "hello");
        await session.Topics.SetAsync("demo/greeting", "hello again");

        var seen = 0;
        await foreach (var update in updates)
        {
            if (update.Kind == TopicEventKind.Value)
            {
                Console.WriteLine($"{update.Path} #{update.Sequence}: {update.Value}");
                if (++seen == 2)
                {
                    break;
                }
            }
        }
    }
}
