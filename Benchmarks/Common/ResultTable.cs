using System.Globalization;

namespace Topiary.Benchmarks;

/// <summary>Prints a command's result rows (Markdown table lines), formatting their numbers invariantly so they paste into docs/benchmarks.md as they are.</summary>
internal static class ResultTable
{
    public static void Print(IEnumerable<FormattableString> lines)
    {
        foreach (var line in lines)
        {
            Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        }
    }
}
