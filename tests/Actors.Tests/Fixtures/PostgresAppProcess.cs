namespace Programme.Tests.Fixtures;

/// <summary>The web app with PostgreSQL storage: co-hosting a silo, or, with Orleans:Mode=Client, a front end of a cluster.</summary>
public sealed class PostgresAppProcess(string connectionString, params string[] extra) : AppProcess
{
    protected override IEnumerable<string> ExtraArguments =>
        ["--Storage:Provider", "Postgres", "--ConnectionStrings:Orleans", connectionString, .. SiloProcess.FastFailureDetection, .. extra];
}
