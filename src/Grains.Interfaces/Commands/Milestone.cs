namespace Programme.Commands;

/// <summary>企业上云 (cloud) or 数字化改造 (digital transformation).</summary>
public enum Milestone { Cloud, Digital }
