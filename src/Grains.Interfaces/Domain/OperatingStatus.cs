namespace Programme.Domain;

/// <summary>经营状态: whether the firm is producing. Revived firms were halted and restarted through transformation.</summary>
public enum OperatingStatus { Active, Halted, SemiHalted, Revived }
