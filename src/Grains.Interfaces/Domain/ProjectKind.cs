namespace Programme.Domain;

/// <summary>The three transformations (三大改造): 智能化 / 绿色化 / 技术改造.</summary>
public enum ProjectKind { Intelligent, Green, Technical }
