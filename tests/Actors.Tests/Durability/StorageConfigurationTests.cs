using Microsoft.Extensions.Configuration;
using Programme.Grains.Storage;

namespace Programme.Tests.Durability;

/// <summary>A mistyped storage configuration stops the process with a sentence that says what to set.</summary>
public sealed class StorageConfigurationTests
{
    private static StorageSettings From(params (string Key, string Value)[] values) =>
        StorageSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build());

    [Fact]
    public void Memory_is_what_an_unconfigured_test_cluster_gets_and_needs_nothing()
    {
        Assert.False(From().IsPostgres);
        Assert.False(From(("Storage:Provider", "memory")).IsPostgres);
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_the_key_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("Storage:Provider", "Postgres")));
        Assert.Contains("ConnectionStrings:Orleans", error.Message);
        Assert.Contains("ConnectionStrings__Orleans", error.Message);
    }

    [Fact]
    public void An_unknown_provider_lists_the_known_ones()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(("Storage:Provider", "Oracle"), ("ConnectionStrings:Orleans", "Host=x")));
        Assert.Contains("Sqlite (one embedded file), Memory or Postgres", error.Message);
    }

    [Fact]
    public void The_providers_statements_are_prepared_unless_the_operator_chose_otherwise()
    {
        var tuned = From(("Storage:Provider", "Postgres"), ("ConnectionStrings:Orleans", "Host=db;Database=programme")).ConnectionString!;
        Assert.Contains("Max Auto Prepare=32", tuned);
        Assert.Contains("No Reset On Close=True", tuned);
        var chosen = From(("Storage:Provider", "Postgres"), ("ConnectionStrings:Orleans", "Host=db;Max Auto Prepare=0;No Reset On Close=false")).ConnectionString!;
        Assert.Contains("Max Auto Prepare=0", chosen);
        Assert.DoesNotContain("No Reset On Close=True", chosen);
    }
}
