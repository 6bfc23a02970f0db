namespace Warehouse.Reports.Tests.Support;

/// <summary>
/// A fact that needs an external program. When the program is not on PATH the test is reported
/// as skipped, with the install hint as the reason; never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool, string installHint)
    {
        Tool = tool;
        InstallHint = installHint;
        if (ExternalTool.Find(tool) is null)
        {
            Skip = $"{tool} not installed: {installHint}";
        }
    }

    public string Tool { get; }

    public string InstallHint { get; }
}
