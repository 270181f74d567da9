namespace Programme.Grants;

/// <summary>The results the reward class (奖励类) pays a fixed amount for.</summary>
public enum RewardResult
{
    /// <summary>智能工厂: the firm was certified a smart factory in the window.</summary>
    SmartFactory,
    /// <summary>智能车间: the firm was certified a smart workshop in the window.</summary>
    SmartWorkshop,
    /// <summary>绿色工厂: the firm was certified a green factory in the window.</summary>
    GreenFactory,
    /// <summary>智能制造标杆: the firm was named a smart-manufacturing benchmark in the window.</summary>
    SmartManufacturingBenchmark,
    /// <summary>机器换人: an intelligent project that replaces labour with machines was completed in the window.</summary>
    MachineReplacesLabour,
}
