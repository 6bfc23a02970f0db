namespace Warehouse.Reports.Tests.Support;

/// <summary>A fact about Unix behaviour (file modes); reported as skipped on Windows.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class UnixOnlyFactAttribute : FactAttribute
{
    public UnixOnlyFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes only";
        }
    }
}
