namespace Programme.Web.Api.Batches;

/// <summary>The batch's cap in yuan; null makes the fund uncapped.</summary>
public sealed record BudgetBody(decimal? Budget);
