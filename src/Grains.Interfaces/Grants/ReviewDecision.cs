namespace Programme.Grants;

/// <summary>What a reviewer decides at a stage: 通过 / 不予支持 / 退回修改.</summary>
public enum ReviewDecision { Approve, Decline, Return }
