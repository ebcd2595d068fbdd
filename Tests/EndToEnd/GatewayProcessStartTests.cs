using System.Diagnostics;

namespace Topiary.Tests.EndToEnd;

/// <summary>
/// The gateway program itself (<c>dotnet Topiary.Gateway.dll</c>, as <c>dotnet run --project
/// Gateway</c> starts it): a wrong setting stops the start with one clear line per problem on
/// stderr and exit code 2, never a stack trace (docs/getting-started.md).
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class GatewayProcessStartTests
{
    [Fact]
    public async Task Wrong_settings_stop_the_start_with_one_line_each_and_exit_code_2()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "topiary-test-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "Topiary.Gateway.dll"), "--urls", "http://127.0.0.1:0",
            $"--Topiary:Storage:DataDirectory={dataDirectory}", "--Topiary:Limits:MaxValueBytes=10", "--Topiary:Limits:MaxMessageBytes=5",
        })
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);

            var lines = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(2, process.ExitCode);
            Assert.Equal(
                ["topiary gateway: Topiary:Limits:MaxMessageBytes = 5 is out of range; allowed 65536 to 67108864",
                 "topiary gateway: Topiary:Limits:MaxValueBytes = 10 is out of range; allowed 1024 to 67108864"],
                lines.Order(StringComparer.Ordinal));
            Assert.DoesNotContain("   at ", await output + string.Join('\n', lines), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }
}
