using BenchmarkDotNet.Running;
using Topiary.Benchmarks.Delivery;
using Topiary.Benchmarks.Idle;
using Topiary.Benchmarks.Load;

namespace Topiary.Benchmarks;

/// <summary>
/// Runs the benchmarks named on the command line (see docs/benchmarks.md). The first argument
/// picks a measurement that is not a BenchmarkDotNet benchmark (<c>socket</c>, <c>load</c>, <c>many-topics</c>, <c>idle</c>, and
/// <c>drain</c>, the client half of <c>socket</c>); anything else goes to BenchmarkDotNet.
/// </summary>
public static class BenchmarkEntryPoint
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "";
        try
        {
            switch (verb)
            {
                case SocketDeliveryCommand.Verb:
                    return await SocketDeliveryCommand.RunAsync(CommandLineOptions.Parse(args[1..]));
                case DrainCommand.Verb:
                    return await DrainCommand.RunAsync(CommandLineOptions.Parse(args[1..]));
                case LoadCommand.Verb:
                    return await LoadCommand.RunAsync(CommandLineOptions.Parse(args[1..]));
                case ManyTopicsCommand.Verb:
                    return await ManyTopicsCommand.RunAsync(CommandLineOptions.Parse(args[1..]));
                case IdleCommand.Verb:
                    return await IdleCommand.RunAsync(CommandLineOptions.Parse(args[1..]));
                default:
                    BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntryPoint).Assembly).Run(args);
                    return 0;
            }
        }
        catch (UsageException exception)
        {
            await Console.Error.WriteLineAsync($"{verb}: {exception.Message}");
            return 2;
        }
    }
}
