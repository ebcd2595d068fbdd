using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Topiary.Runtime.Messaging;
using Topiary.Security;
using Topiary.Serialization;
using Topiary.Tests.Grains.Runtime;

namespace Topiary.Tests.Grains.Security;

/// <summary>A <see cref="TestSilo"/> hosting the two security store grains, recording what they publish.</summary>
internal sealed class SecuritySilo : IAsyncDisposable
{
    private readonly IDisposable _subscription;

    private SecuritySilo(TestSilo silo)
    {
        Silo = silo;
        _subscription = silo.Services.GetRequiredService<IMessageBus>().Subscribe(SecurityChannel.Name,
            (_, payload) => Changes.Enqueue(JsonSerializer.Deserialize(payload.Span, GrainsJsonContext.Default.SecurityChange)!));
    }

    /// <summary>The author the tests apply scripts as.</summary>
    public static ScriptAuthor Author { get; } = new("tester", "0000000000000000-0000000000000001");

    public TestSilo Silo { get; }

    /// <summary>Every change published on the security channel, in order.</summary>
    public ConcurrentQueue<SecurityChange> Changes { get; } = new();

    public ISystemAuthenticationGrain Authentication => Silo.Factory.GetGrain<ISystemAuthenticationGrain>(SystemAuthenticationGrain.Key);

    public ISecurityStoreGrain Store => Silo.Factory.GetGrain<ISecurityStoreGrain>(SecurityStoreGrain.Key);

    public static async Task<SecuritySilo> StartAsync(string? sqlitePath = null) =>
        new(await TestSilo.StartAsync(sqlitePath, configure: options =>
        {
            options.GrainClasses.Clear();
            options.GrainClasses.AddRange([typeof(SystemAuthenticationGrain), typeof(SecurityStoreGrain)]);
            options.SerializerResolvers.Clear();
            options.SerializerResolvers.Add(GrainsJsonContext.Default);
        }));

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await Silo.DisposeAsync();
    }
}
