using Topiary.Runtime;
using Topiary.Runtime.Messaging;
using Topiary.Security.Scripts;
using Topiary.Serialization;

namespace Topiary.Security;

/// <summary>The security store (see <see cref="ISecurityStoreGrain"/>).</summary>
[GrainType("security-store")]
public sealed class SecurityStoreGrain(IMessageBus bus, TimeProvider time) : Grain<SecurityState>, ISecurityStoreGrain
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
    public Task<SecurityState> GetSnapshotAsync()
    {
        var snapshot = StoreCommit.Copy(State, GrainsJsonContext.Default.SecurityState);
        snapshot.Audit = [];
        return Task.FromResult(snapshot);
    }

    public Task<List<AuditEntry>> GetAuditAsync() => Task.FromResult<List<AuditEntry>>([.. State.Audit]);

    public async Task<long> UpdateAsync(string script, long? ifVersion, ScriptAuthor author)
    {
        StoreVersion.Check(ifVersion, State.Version, "security");
        var commands = SecurityScriptParser.Parse(script);
        var working = StoreCommit.Copy(State, GrainsJsonContext.Default.SecurityState);
        SecurityScriptApplier.Apply(working, commands);
        working.Version = State.Version + 1;
        AuditLog.Append(working.Audit, SecurityStoreKind.Security, working.Version, author, time.GetUtcNow(), script, commands);
        State = working;
        await WriteStateAsync();
        var change = new SecurityChange(SecurityStoreKind.Security, working.Version, []);
        await StoreCommit.PublishAsync(bus, change);
        return working.Version;
    }
}
