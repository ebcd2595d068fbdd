using System.Linq.Expressions;
using System.Reflection;

namespace Topiary.Runtime.Calls;

/// <summary>
/// The return-type-specific halves of a call, created once per method: <see cref="Call"/> turns a
/// proxy invocation into a pending call and the awaitable the interface promises;
/// <see cref="InvokeAsync"/> runs the method on a target through a compiled delegate (no
/// reflection <c>MethodInfo.Invoke</c> per call) and yields the boxed result.
/// </summary>
internal abstract class MethodAdapter
{
    /// <summary>The result type, or <c>null</c> for <see cref="Task"/> and <see cref="ValueTask"/>.</summary>
    public abstract Type? ResultType { get; }

    public static bool IsSupportedReturnType(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask) ||
        (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));

    public static MethodAdapter Create(MethodInfo method)
    {
        var type = method.ReturnType;
        Type adapter;
        if (type == typeof(Task))
        {
            adapter = typeof(TaskAdapter);
        }
        else if (type == typeof(ValueTask))
        {
            adapter = typeof(ValueTaskAdapter);
        }
        else if (type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            adapter = typeof(TaskAdapter<>).MakeGenericType(type.GetGenericArguments());
        }
        else
        {
            adapter = typeof(ValueTaskAdapter<>).MakeGenericType(type.GetGenericArguments());
        }
        return (MethodAdapter)Activator.CreateInstance(adapter, method)!;
    }

    /// <summary>Starts the call and returns the awaitable the proxy method returns (never throws).</summary>
    public abstract object Call(CallDispatcher dispatcher, in CallTarget target, MethodDescriptor method, object?[] arguments);

    /// <summary>Invokes the method on <paramref name="target"/>; the task yields the boxed result (or <c>null</c>).</summary>
    public abstract ValueTask<object?> InvokeAsync(object target, object?[] arguments);

    /// <summary>Compiles <c>(target, args) => ((TInterface)target).Method((T0)args[0], …)</c>.</summary>
    protected static Func<object, object?[], TReturn> Compile<TReturn>(MethodInfo method)
    {
        var target = Expression.Parameter(typeof(object), "target");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var call = Expression.Call(
            Expression.Convert(target, method.DeclaringType!),
            method,
            method.GetParameters().Select((p, i) =>
                Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        return Expression.Lambda<Func<object, object?[], TReturn>>(call, target, arguments).Compile();
    }

    private sealed class TaskAdapter(MethodInfo method) : MethodAdapter
    {
        private Func<object, object?[], Task>? _invoker;

        public override Type? ResultType => null;

        public override object Call(CallDispatcher dispatcher, in CallTarget target, MethodDescriptor descriptor, object?[] arguments)
        {
            var call = new PendingCall<object?>();
            dispatcher.StartCall(target, descriptor, arguments, call);
            return call.Task;
        }

        public override ValueTask<object?> InvokeAsync(object target, object?[] arguments)
        {
            var task = (_invoker ??= Compile<Task>(method))(target, arguments);
            return task.IsCompletedSuccessfully ? default : AwaitAsync(task);

            static async ValueTask<object?> AwaitAsync(Task task)
            {
                await task;
                return null;
            }
        }
    }

    private sealed class ValueTaskAdapter(MethodInfo method) : MethodAdapter
    {
        private Func<object, object?[], ValueTask>? _invoker;

        public override Type? ResultType => null;

        public override object Call(CallDispatcher dispatcher, in CallTarget target, MethodDescriptor descriptor, object?[] arguments)
        {
            var call = new PendingCall<object?>();
            dispatcher.StartCall(target, descriptor, arguments, call);
            return new ValueTask(call.Task);
        }

        public override ValueTask<object?> InvokeAsync(object target, object?[] arguments)
        {
            var task = (_invoker ??= Compile<ValueTask>(method))(target, arguments);
            return task.IsCompletedSuccessfully ? default : AwaitAsync(task);

            static async ValueTask<object?> AwaitAsync(ValueTask task)
            {
                await task;
                return null;
            }
        }
    }

    private sealed class TaskAdapter<T>(MethodInfo method) : MethodAdapter
    {
        private Func<object, object?[], Task<T>>? _invoker;

        public override Type? ResultType => typeof(T);

        public override object Call(CallDispatcher dispatcher, in CallTarget target, MethodDescriptor descriptor, object?[] arguments)
        {
            var call = new PendingCall<T>();
            dispatcher.StartCall(target, descriptor, arguments, call);
            return call.Task;
        }

        public override ValueTask<object?> InvokeAsync(object target, object?[] arguments)
        {
            var task = (_invoker ??= Compile<Task<T>>(method))(target, arguments);
            return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : AwaitAsync(task);

            static async ValueTask<object?> AwaitAsync(Task<T> task) => await task;
        }
    }

    private sealed class ValueTaskAdapter<T>(MethodInfo method) : MethodAdapter
    {
        private Func<object, object?[], ValueTask<T>>? _invoker;

        public override Type? ResultType => typeof(T);

        public override object Call(CallDispatcher dispatcher, in CallTarget target, MethodDescriptor descriptor, object?[] arguments)
        {
            var call = new PendingCall<T>();
            dispatcher.StartCall(target, descriptor, arguments, call);
            return new ValueTask<T>(call.Task);
        }

        public override ValueTask<object?> InvokeAsync(object target, object?[] arguments)
        {
            var task = (_invoker ??= Compile<ValueTask<T>>(method))(target, arguments);
            return task.IsCompletedSuccessfully ? new ValueTask<object?>(task.Result) : AwaitAsync(task);

            static async ValueTask<object?> AwaitAsync(ValueTask<T> task) => await task;
        }
    }
}
