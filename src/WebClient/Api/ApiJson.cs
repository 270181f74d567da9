using System.Text.Json.Serialization;

namespace Programme.Web.Api;

/// <summary>
/// Compile-time JSON metadata for the bodies of the busiest writes (monthly progress, project status, milestones) and
/// their answer, first in the API's resolver chain (WebSetup): no reflection-built metadata for them. Names and enum
/// values still follow the API's options (camelCase, kebab-case enums).
/// </summary>
[JsonSerializable(typeof(ProgressBody))]
[JsonSerializable(typeof(StatusBody))]
[JsonSerializable(typeof(MonthBody))]
[JsonSerializable(typeof(WriteReply))]
public sealed partial class ApiJson : JsonSerializerContext;
