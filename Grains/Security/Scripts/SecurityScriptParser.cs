namespace Topiary.Security.Scripts;

/// <summary>
/// Parses a security store script (spec/security.md SEC-32) and checks everything that needs no
/// store state: role names, paths, permission names and their scope. Pure; the store applies
/// the result (<see cref="SecurityScriptApplier"/>), which checks role cycles.
/// </summary>
public static class SecurityScriptParser
{
    private const string Commands = "set, remove, isolate or deisolate";

    public static List<ScriptCommand> Parse(string script)
    {
        return ScriptReader.ParseAll(script, ParseCommand);
    }

    private static ScriptCommand ParseCommand(ScriptReader reader)
    {
        var start = reader.Peek;
        if (reader.Accept("set"))
        {
            if (reader.Accept("roles"))
            {
                reader.Expect("for");
                var verb = reader.Accept("anonymous") ? ScriptVerb.SetAnonymousSessionRoles
                    : reader.Accept("named") ? ScriptVerb.SetNamedSessionRoles
                    : throw ScriptErrors.Syntax(reader.Peek, reader.CommandIndex, "'anonymous' or 'named'");
                reader.Expect("sessions");
                return reader.Command(verb, start, [], reader.ExpectRoles());
            }
            var role = Role(reader);
            if (reader.Accept("global"))
            {
                reader.Expect("permissions");
                return reader.Command(ScriptVerb.SetGlobalPermissions, start, [role], Permissions(reader, global: true));
            }
            if (reader.Accept("default"))
            {
                reader.Expect("path", "permissions");
                return reader.Command(ScriptVerb.SetDefaultPathPermissions, start, [role], Permissions(reader, global: false));
            }
            if (reader.Accept("path"))
            {
                reader.Expect("permissions", "at");
                var path = Path(reader);
                return reader.Command(ScriptVerb.SetPathPermissions, start, [role, path], Permissions(reader, global: false));
            }
            if (reader.Accept("includes"))
            {
                return reader.Command(ScriptVerb.SetIncludes, start, [role], reader.ExpectRoles());
            }
            throw ScriptErrors.Syntax(reader.Peek, reader.CommandIndex, "'global', 'default', 'path' or 'includes'");
        }
        if (reader.Accept("remove"))
        {
            var role = Role(reader);
            reader.Expect("path", "permissions", "at");
            return reader.Command(ScriptVerb.RemovePathPermissions, start, [role, Path(reader)]);
        }
        if (reader.Accept("isolate") || reader.Accept("deisolate"))
        {
            var verb = string.Equals(start.Text, "isolate", StringComparison.OrdinalIgnoreCase) ? ScriptVerb.IsolatePath : ScriptVerb.DeisolatePath;
            reader.Expect("path");
            return reader.Command(verb, start, [Path(reader)]);
        }
        throw reader.UnknownCommand(Commands);
    }

    private static ScriptArgument Role(ScriptReader reader)
    {
        var role = reader.ExpectString("a role name");
        ScriptValidation.Name(role, reader.CommandIndex, "role");
        return role;
    }

    private static ScriptArgument Path(ScriptReader reader)
    {
        var path = reader.ExpectString("a topic path");
        ScriptValidation.Path(path, reader.CommandIndex);
        return path;
    }

    // Names are normalised to their upper-case wire form; the scope is checked here (WRONG_SCOPE).
    private static List<ScriptArgument> Permissions(ScriptReader reader, bool global)
    {
        var permissions = reader.ExpectList("permission names", words: true);
        for (var i = 0; i < permissions.Count; i++)
        {
            var item = permissions[i];
            var isGlobal = PermissionNames.TryParseGlobal(item.Value, out var g);
            var isPath = PermissionNames.TryParsePath(item.Value, out var p);
            if (!isGlobal && !isPath)
            {
                throw ScriptErrors.At(item, reader.CommandIndex, ScriptErrorReason.UnknownPermission,
                    $"'{item.Value}' is not a permission; global permissions are {string.Join(", ", PermissionNames.GlobalNames)}; " +
                    $"path permissions are {string.Join(", ", PermissionNames.PathNames)}");
            }
            if (isGlobal != global)
            {
                throw ScriptErrors.At(item, reader.CommandIndex, ScriptErrorReason.WrongScope, global
                    ? $"'{item.Value}' is a path permission; set it with 'default path permissions' or 'path permissions at'"
                    : $"'{item.Value}' is a global permission; set it with 'global permissions'");
            }
            permissions[i] = item with { Value = global ? g.WireName() : p.WireName() };
        }
        return permissions;
    }
}
