using Microsoft.Extensions.Options;
using Topiary.Gateway.Hosting;

// Standalone Topiary: gateway + in-process silo, state in SQLite under ./data (docs/getting-started.md).
try
{
    await TopiaryGateway.Build(args).RunAsync();
    return 0;
}
catch (OptionsValidationException exception)
{
    // A wrong setting stops the start with one line per problem and no stack trace.
    foreach (var failure in exception.Failures)
    {
        await Console.Error.WriteLineAsync($"topiary gateway: {failure}");
    }
    return 2;
}
