using System.Runtime.InteropServices;
using System.Text;
using Topiary.Cli;

// Ctrl+C and SIGTERM end the verb cleanly; a second Ctrl+C terminates at once.
using var interrupted = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

// Our own writer: lines are flushed when a verb says so (every line for subscribe), not per write.
var stdout = new StreamWriter(StandardOutput.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
var environment = ConnectionSettings.Variables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
var exitCode = await CliApplication.RunAsync(args, stdout, Console.Error, environment, interrupted.Token);
try
{
    await stdout.DisposeAsync();
}
catch (IOException)
{
    // The reader closed the pipe (`| head`); RunAsync has already reported what failed.
}
return exitCode;

void Interrupt(PosixSignalContext context)
{
    if (!interrupted.IsCancellationRequested)
    {
        context.Cancel = true;
        interrupted.Cancel();
    }
}
