using Topiary.Errors;
using Topiary.Security.Scripts;

namespace Topiary.Tests.Grains.Security.Scripts;

[Trait("Category", TestCategories.Unit)]
public sealed class ScriptParserTests
{
    [Theory]
    [InlineData("add principal \"ann\" \"secret-pw\" [\"CLIENT\"]", "AddPrincipal ann,secret-pw [CLIENT]")]
    [InlineData("ADD Principal 'ann' 'secret-pw' []", "AddPrincipal ann,secret-pw []")]
    [InlineData("add principal \"a\\\"b\" \"pa\\\\ss-word\" [\"X\" \"Y\",\"Z\"]", "AddPrincipal a\"b,pa\\ss-word [X,Y,Z]")]
    [InlineData("remove principal \"ann\"", "RemovePrincipal ann []")]
    [InlineData("set password \"ann\" \"longer-pw\"", "SetPassword ann,longer-pw []")]
    [InlineData("verify password \"ann\" \"x\"", "VerifyPassword ann,x []")]
    [InlineData("assign roles \"ann\" [\"A\", \"B\"]", "AssignRoles ann [A,B]")]
    [InlineData("lock principal \"ann\"", "LockPrincipal ann []")]
    [InlineData("unlock principal \"ann\"", "UnlockPrincipal ann []")]
    [InlineData("allow anonymous connections [\"GUEST\"]", "AllowAnonymous  [GUEST]")]
    [InlineData("deny anonymous connections", "DenyAnonymous  []")]
    [InlineData("abstain anonymous connections", "AbstainAnonymous  []")]
    [InlineData("trust client proposed property \"Region\" matches \"[A-Z]{2}\"", "TrustPropertyMatches Region,[A-Z]{2} []")]
    [InlineData("trust client proposed property \"Dept\" in [\"Accounts\", \"Payroll\"]", "TrustPropertyIn Dept [Accounts,Payroll]")]
    [InlineData("ignore client proposed property \"Dept\"", "IgnoreProperty Dept []")]
    [InlineData("# a comment\n\n  deny anonymous connections # trailing\n", "DenyAnonymous  []")]
    [InlineData("assign roles \"ann\" [\n  \"A\",\n  \"B\"\n]", "AssignRoles ann [A,B]")]
    public void SEC_13_authentication_commands_parse(string script, string expected)
    {
        var command = Assert.Single(AuthenticationScriptParser.Parse(script));
        Assert.Equal(expected, Describe(command));
    }

    [Theory]
    [InlineData("set roles for anonymous sessions [\"CLIENT\"]", "SetAnonymousSessionRoles  [CLIENT]")]
    [InlineData("set roles for named sessions []", "SetNamedSessionRoles  []")]
    [InlineData("set \"TRADER\" global permissions [view_session, VIEW_SERVER]", "SetGlobalPermissions TRADER [VIEW_SESSION,VIEW_SERVER]")]
    [InlineData("set \"TRADER\" default path permissions [read_topic select_topic]", "SetDefaultPathPermissions TRADER [READ_TOPIC,SELECT_TOPIC]")]
    [InlineData("set \"TRADER\" path permissions at \"prices\" [READ_TOPIC]", "SetPathPermissions TRADER,prices [READ_TOPIC]")]
    [InlineData("set \"TRADER\" path permissions at \"prices/internal\" []", "SetPathPermissions TRADER,prices/internal []")]
    [InlineData("set \"R\" path permissions at \"$SYS/x\" [READ_TOPIC]", "SetPathPermissions R,$SYS/x [READ_TOPIC]")]
    [InlineData("remove \"TRADER\" path permissions at \"prices\"", "RemovePathPermissions TRADER,prices []")]
    [InlineData("set \"TRADER\" includes [\"CLIENT\"]", "SetIncludes TRADER [CLIENT]")]
    [InlineData("isolate path \"admin\"", "IsolatePath admin []")]
    [InlineData("DEISOLATE PATH 'admin'", "DeisolatePath admin []")]
    public void SEC_32_security_commands_parse(string script, string expected)
    {
        var command = Assert.Single(SecurityScriptParser.Parse(script));
        Assert.Equal(expected, Describe(command));
    }

    [Fact]
    public void SEC_12_commands_split_on_lines_and_semicolons_and_carry_their_index_and_position()
    {
        var commands = SecurityScriptParser.Parse("isolate path \"a\"; isolate path \"b\"\n\n# note\n  deisolate path \"c\"");

        Assert.Equal([0, 1, 2], commands.Select(command => command.Index));
        Assert.Equal([(1, 1), (1, 19), (4, 3)], commands.Select(command => (command.Line, command.Column)));
    }

    [Fact]
    public void SEC_12_an_empty_script_or_one_of_comments_has_no_commands()
    {
        Assert.Empty(AuthenticationScriptParser.Parse(""));
        Assert.Empty(SecurityScriptParser.Parse("  # nothing\n;\n"));
    }

    [Theory]
    [InlineData("add principal \"ann\" \"secret-pw\"", 1, 32, 0, "SYNTAX", "'[' starting a list of role names")]
    [InlineData("add principal ann \"secret-pw\" []", 1, 15, 0, "SYNTAX", "a principal name in quotes")]
    [InlineData("add user \"ann\" \"secret-pw\" []", 1, 5, 0, "SYNTAX", "'principal'")]
    [InlineData("deny anonymous connections\nfrobnicate", 2, 1, 1, "UNKNOWN_COMMAND", null)]
    [InlineData("deny anonymous connections extra", 1, 28, 0, "SYNTAX", "the end of the command (a line end or ';')")]
    [InlineData("add principal \"ann\" \"secret-pw\" [\"A\",]", 1, 38, 0, "SYNTAX", "a quoted string")]
    [InlineData("add principal \"ann\" \"secret-pw\" [\"A\" \"B\"", 1, 41, 0, "SYNTAX", "a quoted string, ',' or ']'")]
    [InlineData("remove principal \"ann", 1, 18, 0, "SYNTAX", "a closing \"")]
    [InlineData("remove principal \"ann\" @", 1, 24, 0, "SYNTAX", "a word, a quoted string, '[', ']', ',' or ';'")]
    [InlineData("add principal \"\" \"secret-pw\" []", 1, 15, 0, "INVALID_NAME", null)]
    [InlineData("add principal \"a\u0001\" \"secret-pw\" []", 1, 15, 0, "INVALID_NAME", null)]
    [InlineData("add principal \"ann\" \"short\" []", 1, 21, 0, "PASSWORD_TOO_SHORT", null)]
    [InlineData("deny anonymous connections\nset password \"ann\" \"1234567\"", 2, 20, 1, "PASSWORD_TOO_SHORT", null)]
    [InlineData("assign roles \"ann\" [\"\"]", 1, 21, 0, "INVALID_NAME", null)]
    [InlineData("trust client proposed property \"$Roles\" in []", 1, 32, 0, "INVALID_KEY", null)]
    [InlineData("trust client proposed property \"has space\" in []", 1, 32, 0, "INVALID_KEY", null)]
    [InlineData("trust client proposed property \"and\" in []", 1, 32, 0, "INVALID_KEY", null)]
    [InlineData("trust client proposed property \"Region\" matches \"[A-Z\"", 1, 49, 0, "INVALID_REGEX", null)]
    [InlineData("trust client proposed property \"Region\" equals \"x\"", 1, 41, 0, "SYNTAX", "'matches' or 'in'")]
    [InlineData("allow anonymous [\"X\"]", 1, 17, 0, "SYNTAX", "'connections'")]
    public void SEC_14_bad_authentication_scripts_name_line_column_reason_and_expectation(
        string script, int line, int column, int commandIndex, string reason, string? expected)
    {
        var error = Assert.Throws<TopiaryArgumentException>(() => AuthenticationScriptParser.Parse(script));
        AssertScriptError(error, line, column, commandIndex, reason, expected);
    }

    [Theory]
    [InlineData("set \"R\" global permissions [READ_TOPIC]", 1, 29, 0, "WRONG_SCOPE", null)]
    [InlineData("set \"R\" default path permissions [VIEW_SESSION]", 1, 35, 0, "WRONG_SCOPE", null)]
    [InlineData("set \"R\" path permissions at \"a\" [MODIFY_SECURITY]", 1, 34, 0, "WRONG_SCOPE", null)]
    [InlineData("set \"R\" global permissions [FLY]", 1, 29, 0, "UNKNOWN_PERMISSION", null)]
    [InlineData("set \"R\" global permissions [\"VIEW_SESSION\"]", 1, 29, 0, "SYNTAX", "a permission name or ']'")]
    [InlineData("set \"R\" path permissions at \"a//b\" [READ_TOPIC]", 1, 29, 0, "INVALID_PATH", null)]
    [InlineData("set \"R\" path permissions at \"\" [READ_TOPIC]", 1, 29, 0, "INVALID_PATH", null)]
    [InlineData("isolate path \"/a\"", 1, 14, 0, "INVALID_PATH", null)]
    [InlineData("set \"R\" fly [READ_TOPIC]", 1, 9, 0, "SYNTAX", "'global', 'default', 'path' or 'includes'")]
    [InlineData("set roles for everyone sessions []", 1, 15, 0, "SYNTAX", "'anonymous' or 'named'")]
    [InlineData("set \"R\" includes [\"\"]", 1, 19, 0, "INVALID_NAME", null)]
    [InlineData("isolate path \"a\"\nadd principal \"x\" \"y\" []", 2, 1, 1, "UNKNOWN_COMMAND", null)]
    [InlineData("remove \"R\" path permissions \"a\"", 1, 29, 0, "SYNTAX", "'at'")]
    [InlineData("set \"R\" default permissions []", 1, 17, 0, "SYNTAX", "'path'")]
    public void SEC_14_bad_security_scripts_name_line_column_reason_and_expectation(
        string script, int line, int column, int commandIndex, string reason, string? expected)
    {
        var error = Assert.Throws<TopiaryArgumentException>(() => SecurityScriptParser.Parse(script));
        AssertScriptError(error, line, column, commandIndex, reason, expected);
    }

    [Fact]
    public void SEC_14_a_script_over_one_mebibyte_is_too_long()
    {
        var error = Assert.Throws<TopiaryArgumentException>(() => SecurityScriptParser.Parse(new string('#', ScriptLexer.MaxLength + 1)));
        AssertScriptError(error, 1, 1, 0, "TOO_LONG", null);
    }

    [Fact]
    public void SEC_2_errors_never_quote_a_string_token_back()
    {
        var error = Assert.Throws<TopiaryArgumentException>(() =>
            AuthenticationScriptParser.Parse("set password \"ann\" \"hunter2-secret\" \"hunter3-secret\""));

        Assert.Contains("found a string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter", error.Error.Details!.ToJsonString(), StringComparison.Ordinal);
    }

    internal static void AssertScriptError(TopiaryException error, int line, int column, int commandIndex, string reason, string? expected)
    {
        Assert.Equal(ErrorCode.InvalidScript, error.Code);
        var details = error.Error.Details!;
        Assert.Equal((line, column, commandIndex, reason), ((int)details["line"]!, (int)details["column"]!, (int)details["commandIndex"]!, (string)details["reason"]!));
        if (reason == "UNKNOWN_COMMAND")
        {
            Assert.Contains(" or ", (string?)details["expected"] ?? "", StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, (string?)details["expected"]);
        }
        Assert.Contains($"line {line}, column {column}", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(ScriptCommand command) =>
        $"{command.Verb} {string.Join(',', command.Arguments.Select(argument => argument.Value))} [{string.Join(',', command.List.Select(item => item.Value))}]";
}
