using Topiary.Views;

namespace Topiary.Tests.Abstractions.Views;

/// <summary>Transformations (VIEW-20, VIEW-21, VIEW-36..VIEW-40): good and bad specifications.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TransformationClauseTests
{
    private const string Map = "map ?a/ to b/<path(1)> ";

    public static TheoryData<string> Good =>
    [
        Map + "process {set(/Name, \"John\")}",
        Map + "process {if '/Price lt 50' continue}",
        Map + "process {if '/Price lt 50' set(/Tier, 1) elseif '/Price gt 50' set(/Tier, 2)}",
        Map + "process {if '/Price lt 50' set(/Tier, 1) elsf '/Price gt 50' set(/Tier, 2) else continue}",
        Map + "process {set(/Bonus, calc \"/Salary + 1000 + /Age * 10\")}",
        Map + "process {set(/Amount, calc \"/Value * /Number\"); remove(/Value); remove(/Number)}",
        Map + "process {if '/level ge 3 and not (/muted = true)' set(/alert, true) else set(/alert, false)}",
        Map + "process{continue}",
        Map + "process { continue ; }",
        Map + "process {continue};",
        Map + "process {continue} ;",
        Map + "process {set ( /a , -12 ) ; set(/b, 'x}y') ; set(/c, false)}",
        Map + "process {set(/a/-, 1)}",
        Map + "process {set(/a, calc '(/b + 2) / 2')}",
        Map + "process {set(/a, calc \"-/b - -3\")}",
        Map + "process {set(/a, calc \"/b / 2\")}",
        Map + "process {set(/a, calc \"/b/2\")}",
        Map + "process {if '/a = \"x y\" or /b != /c' continue}",
        Map + "process {if \"/a = 'x'\" continue}",
        Map + "process {if '/a = true | /b eq false & /c ne -5' continue}",
        Map + "process {if '/a >= 1 and /a <= 9 and /b > 0 and /b < 0' continue}",
        Map + "process {if '((/a gt 1))' continue}",
        Map + "process {if 'not not /a le 1' continue}",
        Map + "process\n{\n  if '/a lt 1'\n    set(/x, 1);\n    set(/y, 2)\n  else\n    remove(/z)\n}",
        Map + "patch '[{\"op\":\"add\",\"path\":\"/price\",\"value\":22},{\"op\":\"remove\",\"path\":\"/name\"}]'",
        Map + "patch '[]'",
        Map + "patch \"[{\\\"op\\\":\\\"test\\\",\\\"path\\\":\\\"/a\\\",\\\"value\\\":null}]\"",
        Map + "patch '[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/b\"},{\"op\":\"copy\",\"from\":\"/b\",\"path\":\"/c\"},{\"op\":\"replace\",\"path\":\"\",\"value\":{}}]'",
        Map + "insert rates/<scalar(/ccy)> at /rate",
        Map + "insert meta/info key /owner at /owner default \"unknown\"",
        Map + "insert tags/common at /tags/-",
        Map + "insert x/<path(1)> at /y default 'n/a'",
        Map + "insert 'x y' key '/a b' at '/c d'",
        Map + "process {continue} patch '[]' insert x at /y insert z at /w",
        Map + "patch '[]' process {continue} patch '[]'",
    ];

    public static TheoryData<string, string, string> Bad => new()
    {
        { Map + "type STRING process {set(/x, 1)}", "TRANSFORMATION_AFTER_OPTION", "process" },
        { Map + "preserve topics patch '[]'", "TRANSFORMATION_AFTER_OPTION", "patch" },
        { Map + "insert c at /x patch '[]'", "INSERT_NOT_LAST", "patch" },
        { Map + "insert c at /x process {continue}", "INSERT_NOT_LAST", "process" },
        { Map + "process", "SYNTAX_ERROR", "" },
        { Map + "process continue", "SYNTAX_ERROR", "continue" },
        { Map + "process {", "UNTERMINATED", "{" },
        { Map + "process {continue", "UNTERMINATED", "{" },
        { Map + "process {set(/a, 1)", "UNTERMINATED", "{" },
        { Map + "process {}", "INVALID_PROCESS", "}" },
        { Map + "process {frob(/a)}", "INVALID_PROCESS", "frob" },
        { Map + "process {set(/a 1)}", "INVALID_PROCESS", "1)}" },
        { Map + "process {set(/a, 1}", "INVALID_PROCESS", "}" },
        { Map + "process {set(/a, x)}", "INVALID_PROCESS", "x)" },
        { Map + "process {set(/a, 99999999999999999999)}", "INVALID_PROCESS", "999" },
        { Map + "process {set(a, 1)}", "INVALID_POINTER", "a, 1" },
        { Map + "process {set(/a~, 1)}", "INVALID_POINTER", "~" },
        { Map + "process {remove()}", "INVALID_POINTER", ")}" },
        { Map + "process {continue continue}", "INVALID_PROCESS", "continue}" },
        { Map + "process {if '/a ^ 1' continue}", "INVALID_PROCESS", "^" },
        { Map + "process {if '/a>1' continue}", "INVALID_PROCESS", "' continue" },
        { Map + "process {if '/a = ' continue}", "INVALID_PROCESS", "' continue" },
        { Map + "process {if '/a = 1 and' continue}", "INVALID_PROCESS", "' continue" },
        { Map + "process {if '(/a = 1' continue}", "INVALID_PROCESS", "' continue" },
        { Map + "process {if 'a = 1' continue}", "INVALID_PROCESS", "a = 1" },
        { Map + "process {if '/a = \"x' continue}", "UNTERMINATED", "\"x" },
        { Map + "process {if '/a = 1' }", "INVALID_PROCESS", "}" },
        { Map + "process {if /a continue}", "INVALID_PROCESS", "/a" },
        { Map + "process {if '/a = 1' continue else}", "INVALID_PROCESS", "}" },
        { Map + "process {set(/a, calc \"/b ^ 2\")}", "INVALID_PROCESS", "^" },
        { Map + "process {set(/a, calc \"(/b + 1\")}", "INVALID_PROCESS", "\")" },
        { Map + "process {set(/a, calc \"\")}", "INVALID_PROCESS", "\")" },
        { Map + "process {set(/a, calc /b)}", "INVALID_PROCESS", "/b)" },
        { Map + "process {set(/a, calc \"/b~9\")}", "INVALID_POINTER", "~9" },
        { Map + "patch", "SYNTAX_ERROR", "" },
        { Map + "patch []", "SYNTAX_ERROR", "[]" },
        { Map + "patch '['", "INVALID_PATCH", "'['" },
        { Map + "patch '{}'", "INVALID_PATCH", "'{}'" },
        { Map + "patch '[1]'", "INVALID_PATCH", "'[" },
        { Map + "patch '[{\"op\":\"frob\",\"path\":\"/a\"}]'", "INVALID_PATCH", "'[" },
        { Map + "patch '[{\"op\":\"add\",\"path\":\"/a\"}]'", "INVALID_PATCH", "'[" },
        { Map + "patch '[{\"op\":\"remove\"}]'", "INVALID_PATCH", "'[" },
        { Map + "patch '[{\"op\":\"move\",\"path\":\"/a\"}]'", "INVALID_PATCH", "'[" },
        { Map + "patch '[{\"op\":\"remove\",\"path\":\"a\"}]'", "INVALID_PATCH", "'[" },
        { Map + "patch '[]", "UNTERMINATED", "'[" },
        { "map ?a/ to b insert x/<expand()> at /y", "EXPAND_NOT_ALLOWED", "<expand" },
        { Map + "insert x", "SYNTAX_ERROR", "" },
        { Map + "insert x key /a", "SYNTAX_ERROR", "" },
        { Map + "insert x on /a", "SYNTAX_ERROR", "on" },
        { Map + "insert x at y", "INVALID_POINTER", "y" },
        { Map + "insert x at ''", "INVALID_POINTER", "''" },
        { Map + "insert x key z at /y", "INVALID_POINTER", "z" },
        { Map + "insert x at /y default", "SYNTAX_ERROR", "" },
        { Map + "insert x at /y default unknown", "SYNTAX_ERROR", "unknown" },
        { Map + "insert b//c at /y", "INVALID_TEMPLATE", "/c" },
        { Map + "insert b/<value(/x)> at /y", "UNKNOWN_DIRECTIVE", "value" },
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void VIEW_27_transformations_parse_and_round_trip(string text) => ViewAssert.Valid(text);

    [Theory]
    [MemberData(nameof(Bad))]
    public void VIEW_95_bad_transformation_reports_reason_and_position(string text, string reason, string at) =>
        ViewAssert.InvalidAt(text, reason, at);

    [Fact]
    public void VIEW_36_process_builds_branches_operations_and_expressions()
    {
        var view = ViewSpecification.Parse(Map + "process {if '/a lt 5 or /b = \"x\" and not /c = 1' continue elseif '/d ge /e' set(/f, calc \"1 + 2 * -/g\") else remove(/h)}");
        var process = Assert.IsType<ProcessTransformation>(Assert.Single(view.Transformations));
        var conditional = Assert.IsType<ConditionalStatement>(process.Statement);
        Assert.Equal(2, conditional.Branches.Count);
        var or = Assert.IsType<OrCondition>(conditional.Branches[0].Condition.Root);
        Assert.Equal(ComparisonOperator.Less, Assert.IsType<Comparison>(or.Left).Operator);
        var and = Assert.IsType<AndCondition>(or.Right);
        Assert.IsType<NotCondition>(and.Right);
        var set = Assert.IsType<SetOperation>(Assert.Single(conditional.Branches[1].Operations.Operations));
        var sum = Assert.IsType<CalcBinary>(set.Calculation!.Root);
        Assert.Equal('+', sum.Operator);
        Assert.Equal('*', Assert.IsType<CalcBinary>(sum.Right).Operator);
        Assert.IsType<RemoveOperation>(Assert.Single(conditional.Else!.Operations));
    }

    [Fact]
    public void VIEW_40_insert_keeps_key_at_and_default()
    {
        var view = ViewSpecification.Parse(Map + "insert meta/<path(1)> key /owner at /owner default \"unknown\"");
        var insert = Assert.IsType<InsertTransformation>(Assert.Single(view.Transformations));
        Assert.Equal(["owner"], insert.Key!.Tokens);
        Assert.Equal(["owner"], insert.At.Tokens);
        Assert.Equal("unknown", insert.Default);
        Assert.Equal("meta/<path(1)>", insert.Template.ToString());
        Assert.True(view.JsonOnly);
    }
}
