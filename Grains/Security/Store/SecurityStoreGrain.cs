using Topiary.Runtime;
using Topiary.Runtime.Messaging;
using Topiary.Security.Scripts;
using Topiary.Serialization;

namespace Topiary.Security;

/// <summary>The security store (see <see cref="ISecurityStoreGrain"/>).</summary>
[GrainType("security-store")]
public sealed class SecurityStoreGrain(IMessageBus bus) : Grain<SecurityState>, ISecurityStoreGrain
{
    /// <summary>The key of the deployment's one store.</summary>
    public const string Key = "default";

    public async Task EnsureDefaultsAsync()
    {
        if (!State.Initialized)
        {
            State = SecurityDefaults.Create();
            await WriteStateAsync();
        }
    }

    // A copy: the caller may be in the same process and must never share the grain's state.
    public Task<SecurityState> GetSnapshotAsync() => Task.FromResult(StoreCommit.Copy(State, GrainsJsonContext.Default.SecurityState));

    public async Task<long> UpdateAsync(string script, long? ifVersion)
    {
        StoreVersion.Check(ifVersion, State.Version, "security");
        var commands = SecurityScriptParser.Parse(script);
        var working = StoreCommit.Copy(State, GrainsJsonContext.Default.SecurityState);
        SecurityScriptApplier.Apply(working, commands);
        working.Version = State.Version + 1;
        State = working;
        await WriteStateAsync();
        var change = new SecurityChange(SecurityStoreKind.Security, working.Version, []);
        await StoreCommit.PublishAsync(bus, change);
        return working.Version;
    }
}
