using Topiary.Gateway.Hosting;

// Standalone Topiary: gateway + in-process silo, state in SQLite under ./data (docs/getting-started.md).
var app = TopiaryGateway.Build(args);
await app.RunAsync();
