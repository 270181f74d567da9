using Microsoft.Extensions.Logging;

namespace Programme.Grains.Storage;

/// <summary>
/// Before a silo touches PostgreSQL, checks that the migrations have been applied, so a forgotten <c>migrate</c>
/// stops the silo with one clear sentence instead of a provider's "relation does not exist".
/// </summary>
public sealed class SchemaCheck(StorageSettings settings, ILogger<SchemaCheck> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaCheck), ServiceLifecycleStage.RuntimeInitialize - 1, Check);

    private async Task Check(CancellationToken cancellationToken)
    {
        try
        {
            await new SchemaMigrator(settings.RequiredConnectionString).EnsureCurrentAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogCritical("{Problem}", ex.Message);
            throw;
        }
    }
}
