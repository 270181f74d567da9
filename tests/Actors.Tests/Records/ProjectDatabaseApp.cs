using Programme.Tests.Fixtures;

namespace Programme.Tests.Records;

/// <summary>
/// Its own app for the project-database browser test: it adds and cancels projects and moves a county's start rate and
/// scheduling completeness, which the shared app's classes read as figures of the default data.
/// </summary>
public sealed class ProjectDatabaseApp : AppProcess;
