using Microsoft.Extensions.Logging;

namespace Topiary.Runtime;

/// <summary>The runtime's log messages (source-generated; no cost when the level is disabled).</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Grain runtime started with {GrainClassCount} grain classes at {Address}")]
    public static partial void Started(ILogger logger, int grainClassCount, string address);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Grain runtime stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Critical, Message = "Unhandled exception in the work loop of {Where}; the loop continues")]
    public static partial void Unhandled(ILogger logger, Exception exception, string where);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Call to {Target} {Method} failed; correlation id {CorrelationId}")]
    public static partial void CallFailed(ILogger logger, Exception exception, string target, string method, string correlationId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Could not send a call to {Target}")]
    public static partial void SendFailed(ILogger logger, Exception exception, string target);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Could not send a response to {Destination}")]
    public static partial void ResponseNotSent(ILogger logger, Exception exception, string destination);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Dropped a message that could not be decoded")]
    public static partial void MalformedMessage(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message =
        "Possible deadlock: {Grain} received {Method} through the call chain {Chain} while it is still busy; " +
        "grains are not reentrant, so if the busy turn awaits this call both fail with TIMEOUT")]
    public static partial void PossibleDeadlock(ILogger logger, string grain, string method, string chain);

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Activation of {Grain} failed: {Error}")]
    public static partial void ActivationFailed(ILogger logger, string grain, string error);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Deactivation of {Grain} threw; the activation is gone regardless")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, string grain);

    [LoggerMessage(EventId = 22, Level = LogLevel.Debug, Message = "Deactivated {Grain} ({Reason})")]
    public static partial void Deactivated(ILogger logger, string grain, DeactivationReasonCode reason);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message =
        "The stored state of {GrainType}/{Key} cannot be deserialised; the record is kept unchanged and the grain cannot activate; correlation id {CorrelationId}")]
    public static partial void StateUnreadable(ILogger logger, Exception exception, string grainType, string key, string correlationId);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "A timer callback of {Grain} threw; the timer keeps running")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string grain);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Reminder {ReminderName} of {Grain} failed; it stays registered")]
    public static partial void ReminderFailed(ILogger logger, Exception exception, string grain, string reminderName);

    [LoggerMessage(EventId = 31, Level = LogLevel.Error, Message = "Reminder {ReminderName} fired for {Grain}, which does not implement IRemindable")]
    public static partial void NotRemindable(ILogger logger, string grain, string reminderName);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message =
        "Reminder {ReminderName} of {GrainType}/{Key} belongs to no known grain class; it is kept in the table and not scheduled")]
    public static partial void ReminderForUnknownGrain(ILogger logger, string grainType, string key, string reminderName);

    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "A subscriber of channel {Channel} threw; other subscribers still received the payload")]
    public static partial void BusHandlerFailed(ILogger logger, Exception exception, string channel);
}
