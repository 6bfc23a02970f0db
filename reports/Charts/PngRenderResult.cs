namespace Warehouse.Reports.Charts;

/// <summary>The outcome of rendering an SVG to PNG: the image, or why there is none (the SVG is still good).</summary>
internal sealed record PngRenderResult
{
    private PngRenderResult(byte[]? png, string? failureReason)
    {
        Png = png;
        FailureReason = failureReason;
    }

    public byte[]? Png { get; }

    /// <summary>Why no PNG was made, e.g. "librsvg-2.so.2 is not installed (apt-get install librsvg2-2)".</summary>
    public string? FailureReason { get; }

    public bool Succeeded => Png is not null;

    public static PngRenderResult Success(byte[] png) => new(png, null);

    public static PngRenderResult Failure(string reason) => new(null, reason);
}
