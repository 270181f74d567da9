using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>The one-command product on its default store, SQLite, in a data folder of the test's own (deleted at the end).</summary>
public sealed class SqliteApp : AppProcess, IAsyncDisposable
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), $"actors-sqlite-{Guid.NewGuid():N}");
    public string DatabasePath => Path.Combine(DataFolder, "programme.db");
    /// <summary>Arguments of the next start (may change between restarts).</summary>
    public List<string> Arguments { get; } = [];

    protected override IEnumerable<string> StorageArguments => ["--Storage:Provider", "Sqlite", "--Storage:SqlitePath", DatabasePath];
    protected override IEnumerable<string> ExtraArguments => Arguments;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await KillAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
