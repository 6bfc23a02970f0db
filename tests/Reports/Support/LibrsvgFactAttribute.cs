using Warehouse.Reports.Charts;

namespace Warehouse.Reports.Tests.Support;

/// <summary>A fact that needs librsvg and cairo; skipped, with the renderer's own reason, where they are missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LibrsvgFactAttribute : FactAttribute
{
    public LibrsvgFactAttribute()
    {
        if (SvgPngRenderer.UnavailableReason is { } reason)
        {
            Skip = "PNG rendering unavailable: " + reason;
        }
    }
}
