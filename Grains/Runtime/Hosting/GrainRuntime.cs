using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Topiary.Runtime.Activation;
using Topiary.Runtime.Calls;
using Topiary.Runtime.Reminders;
using Topiary.Runtime.Storage;
using Topiary.Runtime.Transport;

namespace Topiary.Runtime.Hosting;

/// <summary>
/// The runtime of one process: composes discovery, serialisation, calls, activations, observers and
/// reminders over the configured providers (transport, state store, reminder table), and owns their
/// start and stop order. <see cref="InProcessSilo"/> is its public face.
/// </summary>
internal sealed class GrainRuntime : IDisposable
{
    private readonly ConcurrentDictionary<Type, InterfaceDescriptor> _observerInterfaces = new();
    private readonly ILogger _logger;
    private volatile RuntimeStatus _status;

    public GrainRuntime(
        IServiceProvider services,
        GrainRuntimeOptions options,
        TimeProvider timeProvider,
        IGrainTransport transport,
        IGrainStateStore stateStore,
        IReminderTable reminderTable,
        ILoggerFactory loggerFactory)
    {
        options.Validate();
        Services = services;
        Options = options;
        TimeProvider = timeProvider;
        Transport = transport;
        StateStore = stateStore;
        _logger = loggerFactory.CreateLogger("Topiary.Runtime");
        ActivationLogger = loggerFactory.CreateLogger("Topiary.Runtime.Activation");
        Registry = GrainTypeRegistry.Discover(options.GrainAssemblies, options.GrainClasses);
        Serializer = new GrainSerializer(options.SerializerResolvers, new ReferenceCodec(this));
        Calls = new CallRegistry(timeProvider, options.CallTimeout);
        Dispatcher = new CallDispatcher(this, loggerFactory.CreateLogger("Topiary.Runtime.Calls"));
        Catalog = new ActivationCatalog(this);
        Observers = new ObserverRegistry(this);
        Reminders = new ReminderService(this, reminderTable, loggerFactory.CreateLogger("Topiary.Runtime.Reminders"));
        Factory = new GrainFactory(this);
    }

    public IServiceProvider Services { get; }

    public GrainRuntimeOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public IGrainTransport Transport { get; }

    public IGrainStateStore StateStore { get; }

    public ILogger ActivationLogger { get; }

    public GrainTypeRegistry Registry { get; }

    public GrainSerializer Serializer { get; }

    public CallRegistry Calls { get; }

    public CallDispatcher Dispatcher { get; }

    public ActivationCatalog Catalog { get; }

    public ObserverRegistry Observers { get; }

    public ReminderService Reminders { get; }

    public GrainFactory Factory { get; }

    public RuntimeStatus Status => _status;

    /// <summary>The descriptor of a grain or observer interface (observer ones are built on first use).</summary>
    public InterfaceDescriptor GetInterface(Type type) =>
        Registry.TryGetInterface(type, out var descriptor) ? descriptor : _observerInterfaces.GetOrAdd(type, InterfaceDescriptor.Create);

    /// <summary>An observer interface used in this process, by wire name.</summary>
    public InterfaceDescriptor? FindObserverInterface(string? name) =>
        name is null ? null : _observerInterfaces.Values.FirstOrDefault(d => d.Name == name);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_status != RuntimeStatus.NotStarted)
        {
            throw new InvalidOperationException("A grain runtime can be started once.");
        }
        await Transport.StartAsync(Dispatcher.OnMessage, cancellationToken);
        Calls.Start();
        Catalog.Start();
        _status = RuntimeStatus.Running;
        // Last: overdue reminders fire as soon as the table is read, and need calls to work.
        await Reminders.StartAsync(cancellationToken);
        RuntimeLog.Started(_logger, Registry.ClassCount, Transport.LocalAddress);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_status != RuntimeStatus.Running)
        {
            _status = RuntimeStatus.Stopped;
            return;
        }
        _status = RuntimeStatus.Stopping;
        try
        {
            await Reminders.StopAsync(cancellationToken);
            await Catalog.DeactivateAllAsync(cancellationToken);
        }
        finally
        {
            _status = RuntimeStatus.Stopped;
            Calls.FailAll(CallErrors.Stopped);
            await Transport.StopAsync(CancellationToken.None);
            RuntimeLog.Stopped(_logger);
        }
    }

    public void LogUnhandled(Exception exception, string where) => RuntimeLog.Unhandled(_logger, exception, where);

    public void Dispose()
    {
        Calls.Dispose();
        Catalog.Dispose();
    }
}
