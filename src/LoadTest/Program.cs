using Programme.LoadTest;

// Load and benchmark workloads against the programme on this machine (loopback only, bounded in time).
//   dotnet run -c Release --project src/LoadTest -- durable-writes --ConnectionStrings:Orleans "Host=127.0.0.1;…"
return args.FirstOrDefault() switch
{
    DurableWrites.Name => await DurableWrites.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: LoadTest durable-writes --ConnectionStrings:Orleans "<Npgsql connection string of an empty database>"
                                       [--seconds 10] [--firms 1000] [--concurrency 64] [--pgbench <path to pgbench>]
        """);
    return 2;
}
