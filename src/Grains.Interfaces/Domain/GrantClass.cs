namespace Programme.Domain;

/// <summary>补助类 (a share of investment) or 奖励类 (a fixed reward for a result).</summary>
public enum GrantClass { Subsidy, Reward }
