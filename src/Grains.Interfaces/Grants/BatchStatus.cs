namespace Programme.Grants;

/// <summary>Where a batch stands as a whole: taking applications, reviewing them, paying awards, or done.</summary>
public enum BatchStatus { Open, Reviewing, Disbursing, Closed }
