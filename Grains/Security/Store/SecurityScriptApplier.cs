using Topiary.Security.Scripts;

namespace Topiary.Security;

/// <summary>
/// Applies parsed security script commands (SEC-32) to a working copy of the store, in order.
/// The first failing command throws; the caller discards the copy, so a script applies whole
/// or not at all (SEC-14). Naming a role creates it (SEC-20).
/// </summary>
public static class SecurityScriptApplier
{
    public static void Apply(SecurityState state, IReadOnlyList<ScriptCommand> commands)
    {
        foreach (var command in commands)
        {
            switch (command.Verb)
            {
                case ScriptVerb.SetAnonymousSessionRoles:
                    state.RolesForAnonymousSessions = command.ListTexts();
                    break;
                case ScriptVerb.SetNamedSessionRoles:
                    state.RolesForNamedSessions = command.ListTexts();
                    break;
                case ScriptVerb.SetGlobalPermissions:
                    Role(state, command).Global = command.ListTexts();
                    break;
                case ScriptVerb.SetDefaultPathPermissions:
                    Role(state, command).DefaultPath = command.ListTexts();
                    break;
                case ScriptVerb.SetPathPermissions:
                    Role(state, command).Paths[command.Text(1)] = command.ListTexts();
                    break;
                case ScriptVerb.RemovePathPermissions:
                    Role(state, command).Paths.Remove(command.Text(1));
                    break;
                case ScriptVerb.SetIncludes:
                    Role(state, command).Includes = command.ListTexts();
                    foreach (var included in command.List)
                    {
                        Role(state, included.Value);
                    }
                    if (RoleGraph.CycleThrough(state.Roles, command.Text(0)) is { } cycle)
                    {
                        throw ScriptErrors.At(command.Arguments[0], command.Index, ScriptErrorReason.RoleCycle,
                            $"role inclusion would form a cycle: {string.Join(" includes ", cycle.Select(role => $"'{role}'"))}", cycle);
                    }
                    break;
                case ScriptVerb.IsolatePath:
                    if (!state.IsolatedPaths.Contains(command.Text(0)))
                    {
                        state.IsolatedPaths.Add(command.Text(0));
                    }
                    break;
                case ScriptVerb.DeisolatePath:
                    state.IsolatedPaths.Remove(command.Text(0));
                    break;
                default:
                    throw ScriptErrors.At(command.Line, command.Column, command.Index, ScriptErrorReason.UnknownCommand,
                        $"{command.Verb} is an authentication store command, not a security store command");
            }
        }
    }

    private static RoleRecord Role(SecurityState state, ScriptCommand command) => Role(state, command.Text(0));

    private static RoleRecord Role(SecurityState state, string name)
    {
        if (!state.Roles.TryGetValue(name, out var role))
        {
            role = new RoleRecord();
            state.Roles[name] = role;
        }
        return role;
    }
}
