using System.Text.Json;
using System.Text.Json.Serialization;

namespace Programme.Tests.Generated;

/// <summary>
/// The one setting an integrator adds to the generated client: enum values on the wire are kebab-case ("semi-halted",
/// docs/CONTRACT.md "Identifiers and units"), which the document lists as the schemas' enum values.
/// </summary>
public partial class ProgrammeApi
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
}
