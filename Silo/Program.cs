// The cluster silo host arrives with the cluster issue; in standalone mode the Gateway
// process hosts the silo in-process (docs/architecture.md).
Console.Error.WriteLine("Topiary.Silo: cluster mode is not available yet; run 'dotnet run --project Gateway' for standalone mode.");
return 2;
