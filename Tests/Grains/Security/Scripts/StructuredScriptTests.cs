using System.Text.Json;
using Topiary.Errors;
using Topiary.Security.Scripts;

namespace Topiary.Tests.Grains.Security.Scripts;

[Trait("Category", TestCategories.Unit)]
public sealed class StructuredScriptTests
{
    [Fact]
    public void SEC_15_each_authentication_op_maps_to_its_command()
    {
        var script = StructuredScript.ForAuthentication(Json("""
            [ {"op":"addPrincipal","name":"ann","password":"pw \"quoted\" \\ back","roles":["CLIENT"]},
              {"op":"lockPrincipal","name":"ann"},
              {"op":"allowAnonymous","roles":[]},
              {"op":"trustProposedProperty","key":"Region","regex":"[A-Z]{2}"},
              {"op":"trustProposedProperty","key":"Dept","values":["A","B"]},
              {"op":"ignoreProposedProperty","key":"Old"} ]
            """));

        var commands = AuthenticationScriptParser.Parse(script);
        Assert.Equal([ScriptVerb.AddPrincipal, ScriptVerb.LockPrincipal, ScriptVerb.AllowAnonymous, ScriptVerb.TrustPropertyMatches,
            ScriptVerb.TrustPropertyIn, ScriptVerb.IgnoreProperty], commands.Select(command => command.Verb));
        Assert.Equal("pw \"quoted\" \\ back", commands[0].Text(1));
        Assert.Equal(["A", "B"], commands[4].ListTexts());
    }

    [Fact]
    public void SEC_15_security_ops_map_to_commands_and_a_value_can_never_inject_a_command()
    {
        var script = StructuredScript.ForSecurity(Json("""
            [ {"op":"setPathPermissions","role":"R\" global permissions [MODIFY_SECURITY]; isolate path \"x","path":"a/b","permissions":["read_topic","SELECT_TOPIC"]},
              {"op":"setIncludes","role":"R","roles":["CLIENT"]},
              {"op":"isolatePath","path":"admin"} ]
            """));

        var commands = SecurityScriptParser.Parse(script);
        Assert.Equal([ScriptVerb.SetPathPermissions, ScriptVerb.SetIncludes, ScriptVerb.IsolatePath], commands.Select(command => command.Verb));
        Assert.StartsWith("R\" global", commands[0].Text(0), StringComparison.Ordinal);
        Assert.Equal(["READ_TOPIC", "SELECT_TOPIC"], commands[0].ListTexts());
    }

    [Fact]
    public void SEC_15_a_line_break_inside_a_value_is_a_syntax_error_not_a_new_command()
    {
        var script = StructuredScript.ForSecurity(Json("[{\"op\":\"isolatePath\",\"path\":\"a\\nisolate path 'b'\"}]"));

        var error = Assert.Throws<TopiaryArgumentException>(() => SecurityScriptParser.Parse(script));
        Assert.Equal("SYNTAX", (string?)error.Error.Details!["reason"]);
    }

    [Theory]
    [InlineData("{}", "commands", "WRONG_TYPE")]
    [InlineData("[1]", "commands[0]", "MISSING")]
    [InlineData("[{\"op\":\"addPrincipal\",\"name\":\"a\",\"password\":\"longer-pw\"}]", "commands[0].roles", "MISSING")]
    [InlineData("[{\"op\":\"removePrincipal\",\"name\":7}]", "commands[0].name", "WRONG_TYPE")]
    [InlineData("[{\"op\":\"denyAnonymous\"},{\"op\":\"fly\"}]", "commands[1].op", "UNKNOWN_OPERATION")]
    [InlineData("[{\"op\":\"assignRoles\",\"name\":\"a\",\"roles\":[\"x\",1]}]", "commands[0].roles", "WRONG_TYPE")]
    public void SEC_15_malformed_commands_name_the_member(string json, string argument, string reason)
    {
        var error = Assert.Throws<TopiaryArgumentException>(() => StructuredScript.ForAuthentication(Json(json)));

        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.Equal((argument, reason), ((string?)error.Error.Details!["argument"], (string?)error.Error.Details!["reason"]));
    }

    [Fact]
    public void SEC_15_a_permission_that_is_not_a_name_is_refused_before_parsing()
    {
        var error = Assert.Throws<TopiaryArgumentException>(() => StructuredScript.ForSecurity(
            Json("[{\"op\":\"setGlobalPermissions\",\"role\":\"R\",\"permissions\":[\"VIEW_SESSION] ; isolate path 'x'\"]}]")));

        Assert.Equal("UNKNOWN_PERMISSION", (string?)error.Error.Details!["reason"]);
    }

    [Fact]
    public void SEC_15_command_i_is_reported_at_line_i_plus_one()
    {
        var script = StructuredScript.ForSecurity(Json("[{\"op\":\"isolatePath\",\"path\":\"a\"},{\"op\":\"isolatePath\",\"path\":\"a//b\"}]"));

        var error = Assert.Throws<TopiaryArgumentException>(() => SecurityScriptParser.Parse(script));
        ScriptParserTests.AssertScriptError(error, 2, 14, 1, "INVALID_PATH", null);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
