namespace Programme.Domain;

/// <summary>市级 / 省级 / 国家级: the ladder a certified firm climbs.</summary>
public enum CertificationLevel { City, Provincial, National }
