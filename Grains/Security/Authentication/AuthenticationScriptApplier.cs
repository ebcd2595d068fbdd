using Topiary.Security.Scripts;

namespace Topiary.Security;

/// <summary>
/// Applies parsed authentication script commands (SEC-13) to a working copy of the store, in
/// order, each seeing the previous ones' effect. The first failing command throws; the caller
/// then discards the copy, so a script applies whole or not at all (SEC-14).
/// </summary>
public static class AuthenticationScriptApplier
{
    /// <summary>Applies <paramref name="commands"/> to <paramref name="state"/>; returns the principals that became locked.</summary>
    public static List<string> Apply(AuthenticationState state, IReadOnlyList<ScriptCommand> commands)
    {
        var locked = new List<string>();
        foreach (var command in commands)
        {
            switch (command.Verb)
            {
                case ScriptVerb.AddPrincipal:
                    if (state.Principals.ContainsKey(command.Text(0)))
                    {
                        throw ScriptErrors.At(command.Arguments[0], command.Index, ScriptErrorReason.PrincipalExists,
                            $"principal '{command.Text(0)}' exists; use 'set password' or 'assign roles' to change it");
                    }
                    state.Principals[command.Text(0)] = new PrincipalRecord
                    {
                        PasswordHash = PasswordHash.Create(command.Text(1)),
                        Roles = command.ListTexts(),
                    };
                    break;
                case ScriptVerb.RemovePrincipal:
                    Existing(state, command);
                    state.Principals.Remove(command.Text(0));
                    locked.Remove(command.Text(0));
                    break;
                case ScriptVerb.SetPassword:
                    Existing(state, command).PasswordHash = PasswordHash.Create(command.Text(1));
                    break;
                case ScriptVerb.VerifyPassword:
                    if (!PasswordHash.Verify(command.Text(1), Existing(state, command).PasswordHash))
                    {
                        throw ScriptErrors.At(command.Arguments[1], command.Index, ScriptErrorReason.PasswordMismatch,
                            $"the password given for principal '{command.Text(0)}' is not its current password");
                    }
                    break;
                case ScriptVerb.AssignRoles:
                    Existing(state, command).Roles = command.ListTexts();
                    break;
                case ScriptVerb.LockPrincipal:
                    var principal = Existing(state, command);
                    if (!principal.Locked)
                    {
                        principal.Locked = true;
                        locked.Add(command.Text(0));
                    }
                    break;
                case ScriptVerb.UnlockPrincipal:
                    Existing(state, command).Locked = false;
                    locked.Remove(command.Text(0));
                    break;
                case ScriptVerb.AllowAnonymous:
                    state.Anonymous = new AnonymousPolicy { Action = AuthenticationDecision.Allow, Roles = command.ListTexts() };
                    break;
                case ScriptVerb.DenyAnonymous:
                    state.Anonymous = new AnonymousPolicy { Action = AuthenticationDecision.Deny };
                    break;
                case ScriptVerb.AbstainAnonymous:
                    state.Anonymous = new AnonymousPolicy { Action = AuthenticationDecision.Abstain };
                    break;
                case ScriptVerb.TrustPropertyMatches:
                    state.TrustedProperties[command.Text(0)] = new TrustRule(command.Text(1), null);
                    break;
                case ScriptVerb.TrustPropertyIn:
                    state.TrustedProperties[command.Text(0)] = new TrustRule(null, command.ListTexts());
                    break;
                case ScriptVerb.IgnoreProperty:
                    state.TrustedProperties.Remove(command.Text(0));
                    break;
                default:
                    throw ScriptErrors.At(command.Line, command.Column, command.Index, ScriptErrorReason.UnknownCommand,
                        $"{command.Verb} is a security store command, not an authentication store command");
            }
        }
        return locked;
    }

    private static PrincipalRecord Existing(AuthenticationState state, ScriptCommand command) =>
        state.Principals.TryGetValue(command.Text(0), out var principal)
            ? principal
            : throw ScriptErrors.At(command.Arguments[0], command.Index, ScriptErrorReason.NoSuchPrincipal,
                $"there is no principal '{command.Text(0)}'; add it with 'add principal'");
}
