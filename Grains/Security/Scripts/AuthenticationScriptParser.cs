namespace Topiary.Security.Scripts;

/// <summary>
/// Parses a system authentication store script (spec/security.md SEC-13) and checks everything
/// that needs no store state: names, passwords, keys and regexes. Pure; the store applies the
/// result (<see cref="AuthenticationScriptApplier"/>).
/// </summary>
public static class AuthenticationScriptParser
{
    private const string Commands = "add, remove, set, verify, assign, lock, unlock, allow, deny, abstain, trust or ignore";

    public static List<ScriptCommand> Parse(string script)
    {
        return ScriptReader.ParseAll(script, ParseCommand);
    }

    private static ScriptCommand ParseCommand(ScriptReader reader)
    {
        var start = reader.Peek;
        var index = reader.CommandIndex;
        if (reader.Accept("add"))
        {
            reader.Expect("principal");
            var (name, password) = (Principal(reader), NewPassword(reader));
            return reader.Command(ScriptVerb.AddPrincipal, start, [name, password], reader.ExpectRoles());
        }
        if (reader.Accept("remove"))
        {
            reader.Expect("principal");
            return reader.Command(ScriptVerb.RemovePrincipal, start, [Principal(reader)]);
        }
        if (reader.Accept("set"))
        {
            reader.Expect("password");
            return reader.Command(ScriptVerb.SetPassword, start, [Principal(reader), NewPassword(reader)]);
        }
        if (reader.Accept("verify"))
        {
            reader.Expect("password");
            return reader.Command(ScriptVerb.VerifyPassword, start, [Principal(reader), reader.ExpectString("a password")]);
        }
        if (reader.Accept("assign"))
        {
            reader.Expect("roles");
            var principal = Principal(reader);
            return reader.Command(ScriptVerb.AssignRoles, start, [principal], reader.ExpectRoles());
        }
        if (reader.Accept("lock") || reader.Accept("unlock"))
        {
            var verb = string.Equals(start.Text, "lock", StringComparison.OrdinalIgnoreCase) ? ScriptVerb.LockPrincipal : ScriptVerb.UnlockPrincipal;
            reader.Expect("principal");
            return reader.Command(verb, start, [Principal(reader)]);
        }
        if (reader.Accept("allow"))
        {
            reader.Expect("anonymous", "connections");
            return reader.Command(ScriptVerb.AllowAnonymous, start, [], reader.ExpectRoles());
        }
        if (reader.Accept("deny") || reader.Accept("abstain"))
        {
            var verb = string.Equals(start.Text, "deny", StringComparison.OrdinalIgnoreCase) ? ScriptVerb.DenyAnonymous : ScriptVerb.AbstainAnonymous;
            reader.Expect("anonymous", "connections");
            return reader.Command(verb, start, []);
        }
        if (reader.Accept("trust"))
        {
            reader.Expect("client", "proposed", "property");
            var key = Key(reader, index);
            if (reader.Accept("matches"))
            {
                var regex = reader.ExpectString("a regular expression");
                ScriptValidation.Regex(regex, index);
                return reader.Command(ScriptVerb.TrustPropertyMatches, start, [key, regex]);
            }
            if (reader.Accept("in"))
            {
                return reader.Command(ScriptVerb.TrustPropertyIn, start, [key], reader.ExpectList("values", words: false));
            }
            throw ScriptErrors.Syntax(reader.Peek, index, "'matches' or 'in'");
        }
        if (reader.Accept("ignore"))
        {
            reader.Expect("client", "proposed", "property");
            return reader.Command(ScriptVerb.IgnoreProperty, start, [Key(reader, index)]);
        }
        throw reader.UnknownCommand(Commands);
    }

    private static ScriptArgument Principal(ScriptReader reader)
    {
        var name = reader.ExpectString("a principal name");
        ScriptValidation.Name(name, reader.CommandIndex, "principal");
        return name;
    }

    private static ScriptArgument NewPassword(ScriptReader reader)
    {
        var password = reader.ExpectString("a password");
        ScriptValidation.Password(password, reader.CommandIndex);
        return password;
    }

    private static ScriptArgument Key(ScriptReader reader, int index)
    {
        var key = reader.ExpectString("a property key");
        ScriptValidation.Key(key, index);
        return key;
    }
}
