namespace Programme.Web.Api.Batches;

/// <summary>A payment of an award, yuan; without an amount, whatever is still unpaid.</summary>
public sealed record DisbursementBody(decimal? Amount, string? Note);
