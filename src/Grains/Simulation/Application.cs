namespace Programme.Grains.Simulation;

/// <summary>An application in a funding batch's review; its stage outcomes are drawn when it is filed.</summary>
public struct Application
{
    public int Firm;
    public int Call;
    public long Amount, ProjectTotal;
    /// <summary>0 subsidy class (补助类), 1 reward class (奖励类).</summary>
    public byte Class;
    /// <summary>Stages passed (6 = all, awarded).</summary>
    public byte Passed;
    public bool FirstGrant;
}
