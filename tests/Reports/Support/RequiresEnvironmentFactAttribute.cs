namespace Warehouse.Reports.Tests.Support;

/// <summary>A fact that runs only when an environment variable is set to 1 (slow benchmarks); otherwise skipped with the reason.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresEnvironmentFactAttribute : FactAttribute
{
    public RequiresEnvironmentFactAttribute(string variable, string reason)
    {
        if (Environment.GetEnvironmentVariable(variable) != "1")
        {
            Skip = $"{reason}: set {variable}=1 to run it";
        }
    }
}
