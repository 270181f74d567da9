using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Programme.Grains;
using Programme.Grains.Storage;

namespace Programme.Tests.Fixtures;

/// <summary>A one-silo cluster whose programme storage is a <see cref="SwitchableStorage"/> around the in-process store.</summary>
public sealed class SwitchableStorageClusterFixture : ClusterFixture
{
    private SwitchableStorage? _storage;

    public SwitchableStorage Storage => _storage ?? throw new InvalidOperationException("not started");

    protected override void ConfigureSilo(ISiloBuilder silo) =>
        silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Programme, (sp, _) =>
            _storage = new SwitchableStorage(new LocalGrainStorage(sp.GetRequiredService<DeepCopier>())));
}
