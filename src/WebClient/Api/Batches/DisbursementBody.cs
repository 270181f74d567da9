namespace Programme.Web.Api.Batches;

/// <summary>
/// A payment of an award, yuan; without an amount, whatever is still unpaid. <c>trancheId</c> (optional, e.g. "2022-1-拨付-03")
/// names the instalment: the same tranche is paid once however often it is sent (as an Idempotency-Key would).
/// </summary>
public sealed record DisbursementBody(decimal? Amount, string? Note, string? TrancheId = null);
