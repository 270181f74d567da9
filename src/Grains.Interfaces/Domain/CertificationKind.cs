namespace Programme.Domain;

/// <summary>绿色工厂 / 智能车间 / 智能工厂 / 智能制造标杆 / 两化融合示范.</summary>
public enum CertificationKind { GreenFactory, SmartWorkshop, SmartFactory, SmartManufacturingBenchmark, IntegrationDemonstration }
