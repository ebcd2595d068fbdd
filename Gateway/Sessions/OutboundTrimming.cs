using Microsoft.Extensions.Hosting;

namespace Topiary.Gateway.Sessions;

/// <summary>
/// Every few seconds, gives back the outbound buffers of sessions that were sent nothing since
/// the previous sweep (<see cref="Transport.OutboundQueue.TrimIfIdle"/>): an idle session then
/// holds no buffer, while a busy one keeps its two and never rents on the delivery path.
/// </summary>
internal sealed class OutboundTrimming(SessionRegistry registry, TimeProvider time) : BackgroundService
{
    /// <summary>How often queues are swept; a queue idle for one to two periods is trimmed.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var session in registry.All)
                {
                    session.Outbound.TrimIfIdle();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The gateway is stopping.
        }
    }
}
