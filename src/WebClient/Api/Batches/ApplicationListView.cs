namespace Programme.Web.Api.Batches;

/// <summary>A page of a batch's applications: how many match in all, and this page.</summary>
public sealed record ApplicationListView(int Total, IReadOnlyList<ApplicationView> Items);
