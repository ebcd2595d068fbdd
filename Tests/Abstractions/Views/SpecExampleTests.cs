using Topiary.Views;

namespace Topiary.Tests.Abstractions.Views;

/// <summary>Every specification of the worked examples of spec/topic-views.md §10 parses; every invalid one fails with its reason.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class SpecExampleTests
{
    public static TheoryData<string> Examples => new()
    {
        "map ?a/ to b/<path(1)>",
        "map ?a// to b/<path(1)>",
        "map ?a// to mirror/<path(0)>",
        "map a/b/c/d to x/<path(1, 2)>",
        "map ?accounts/ to currency/<scalar(/balance/currency)>/account/<scalar(/account)>",
        "map ?accounts/ to balances/<scalar(/account)> as <value(/balance)>",
        "map ?acct/ to by/<scalar(/owner)>",
        "map ?scores/ to s/<path(1)>/value<expand(/values)>",
        "map ?teams/ to players/<expand(/players, /name)>",
        "map ?grid/ to cell/<expand()>/<expand()>",
        "map ?dup/ to d/<expand(, /id)>",
        "map ?grid/ to flat/<path(1)>_<expand()>",
        "map ?people/ to named/<path(1)> process {set(/Name, \"John\")}",
        "map ?prices/ to cheap/<path(1)> process {if '/Price lt 50' continue}",
        "map ?items/ to tiered/<path(1)> process {if '/Price lt 50' set(/Tier, 1) elseif '/Price gt 50' set(/Tier, 2)}",
        "map ?emp/ to bonus/<path(1)> process {set(/Bonus, calc \"/Salary + 1000 + /Age * 10\")}",
        "map ?orders/ to totals/<path(1)> process {set(/Amount, calc \"/Value * /Number\"); remove(/Value); remove(/Number)}",
        "map ?ev/ to status/<path(1)> process {if '/level ge 3 and not (/muted = true)' set(/alert, true) else set(/alert, false)}",
        "map ?baskets/ to items/<path(1)>/<expand(/items)> process {if '/qty gt 0' continue}",
        "map ?p/ to q/<path(1)> patch '[{\"op\":\"add\",\"path\":\"/price\",\"value\":22},{\"op\":\"remove\",\"path\":\"/name\"}]'",
        "map ?orders/ to enriched/<path(1)> insert rates/<scalar(/ccy)> at /rate",
        "map ?jobs/ to e/<path(1)> insert meta/info key /owner at /owner default \"unknown\"",
        "map ?t/ to tagged/<path(1)> insert tags/common at /tags/-",
        "map ?n/ to s/<path(1)> type STRING",
        "map ?m/ to i/<path(1)> type INT64",
        "map ?prices/ to px/<path(1)> type DOUBLE",
        "map ?dir/ to files/<scalar(/path)> separator '%'",
        "map ?cfg/ to flags/<path(1)> as <value(/flags/beta)>",
        "map ?in/ to out/<path(1)>",
        "map ?a/ to b/<path(1)> with properties CONFLATION:off, COMPRESSION:false",
        "map \"a topic\" to \"another topic\"",
        "map ?cars/ to owners/<scalar(/owner)>/<path(1)> preserve topics",
        "map ?a/ from Server1 to b/<path(1)>",
        "map ?s/ to out/<path(1)>",
        "map ?t/ to out/<path(1)>",
    };

    public static TheoryData<string, string> InvalidExamples => new()
    {
        { "map ?a/ to b/<path(1)> throttle to 0 updates every 5 seconds", "INVALID_THROTTLE" },
        { "map ?a/ to b with properties OWNER:x", "PROPERTY_NOT_MAPPABLE" },
        { "map ?a/ to b/<path(1)> type STRING process {set(/x, 1)}", "TRANSFORMATION_AFTER_OPTION" },
        { "map ?a/ to b/<path(1)> insert c at /x patch '[]'", "INSERT_NOT_LAST" },
        { "map ?a/ to b/<path(1)> delay by 5 minutes delay by 1 minute", "DUPLICATE_OPTION" },
        { "map ?a/[^/]+ to b/<path(1)>", "INVALID_SELECTOR" },
        { "map ?a/ to b//<path(1)>", "INVALID_TEMPLATE" },
        { "map ?a/ to b/<paths(1)>", "UNKNOWN_DIRECTIVE" },
        { "map ?a/ to b/<path(x)>", "INVALID_DIRECTIVE_ARGUMENT" },
        { "map ?a/ to b/<scalar(x)>", "INVALID_POINTER" },
        { "map ?a/ to b/<path(1)> separator '//'", "INVALID_SEPARATOR" },
        { "map ?a/ to b/<path(1)> type TEXT", "INVALID_TYPE" },
        { "map ?a/ from bad$name to b", "INVALID_SERVER_NAME" },
        { "map ?a/ to b insert x/<expand()> at /y", "EXPAND_NOT_ALLOWED" },
        { "map ?a/ to b/<path(1)> with properties FOO:1", "UNKNOWN_PROPERTY" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void VIEW_10x_worked_example_parses(string text) => ViewAssert.Valid(text);

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void VIEW_95_invalid_example_reports_its_reason(string text, string reason) => ViewAssert.Invalid(text, reason);
}
