using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Warehouse.Reports.Excel;

namespace Warehouse.Reports.Charts;

/// <summary>
/// Renders SVG to PNG with librsvg and cairo, at print resolution (scale 2 = 192 dpi for a 96 dpi
/// SVG). When the native libraries are missing or the SVG cannot be rendered it returns a failure
/// with the reason rather than throwing: the SVG is the primary output and stays usable.
/// </summary>
internal static unsafe class SvgPngRenderer
{
    /// <summary>Largest image side in pixels; cairo's own limit is 32,767.</summary>
    private const int MaxSide = 16_384;

    public static string? UnavailableReason => NativeRsvg.Instance.Reason;

    public static PngRenderResult Render(string svg, double scale = 2)
    {
        ArgumentNullException.ThrowIfNull(svg);
        if (!double.IsFinite(scale) || scale <= 0 || scale > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Scale must be above 0 and at most 16.");
        }

        var (api, reason) = NativeRsvg.Instance;
        if (api is null)
        {
            return PngRenderResult.Failure(reason!);
        }

        var bytes = Encoding.UTF8.GetBytes(svg);
        nint handle = 0, surface = 0, cairo = 0;
        try
        {
            nint error = 0;
            fixed (byte* data = bytes)
            {
                handle = api.RsvgHandleNewFromData(data, (nuint)bytes.Length, &error);
            }

            if (handle == 0)
            {
                return PngRenderResult.Failure("librsvg could not parse the SVG: " + api.TakeError(error));
            }

            api.RsvgHandleSetDpi(handle, 96);
            NativeRsvg.RsvgDimensionData dimensions;
            api.RsvgHandleGetDimensions(handle, &dimensions);
            var width = (int)Math.Ceiling(dimensions.Width * scale);
            var height = (int)Math.Ceiling(dimensions.Height * scale);
            if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide)
            {
                return PngRenderResult.Failure($"the SVG's size ({dimensions.Width}x{dimensions.Height}) at scale {scale} gives an image of {width}x{height} pixels, outside 1 to {MaxSide}");
            }

            surface = api.CairoImageSurfaceCreate(NativeRsvg.CairoFormatArgb32, width, height);
            if (api.CairoSurfaceStatus(surface) != NativeRsvg.CairoStatusSuccess)
            {
                return PngRenderResult.Failure($"cairo could not create a {width}x{height} image");
            }

            cairo = api.CairoCreate(surface);
            api.CairoScale(cairo, scale, scale);
            var viewport = new NativeRsvg.RsvgRectangle { X = 0, Y = 0, Width = dimensions.Width, Height = dimensions.Height };
            error = 0;
            if (api.RsvgHandleRenderDocument(handle, cairo, &viewport, &error) == 0)
            {
                return PngRenderResult.Failure("librsvg could not render the SVG: " + api.TakeError(error));
            }

            if (api.CairoStatus(cairo) != NativeRsvg.CairoStatusSuccess)
            {
                return PngRenderResult.Failure("cairo failed while drawing");
            }

            using var png = new MemoryStream();
            var sink = GCHandle.Alloc(png);
            try
            {
                var status = api.CairoSurfaceWriteToPngStream(surface, &WriteChunk, GCHandle.ToIntPtr(sink));
                if (status != NativeRsvg.CairoStatusSuccess)
                {
                    return PngRenderResult.Failure($"cairo could not encode the PNG (status {status})");
                }
            }
            finally
            {
                sink.Free();
            }

            return PngRenderResult.Success(png.ToArray());
        }
        finally
        {
            if (cairo != 0)
            {
                api.CairoDestroy(cairo);
            }

            if (surface != 0)
            {
                api.CairoSurfaceDestroy(surface);
            }

            if (handle != 0)
            {
                api.GObjectUnref(handle);
            }
        }
    }

    /// <summary>Writes the SVG, and the PNG beside it when it can be rendered; both atomically. Returns the PNG outcome.</summary>
    public static PngRenderResult WriteFiles(string svg, string svgPath, string pngPath, double scale = 2, OutputFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(svg);
        options ??= OutputFileOptions.Default;
        AtomicFile.Write(svgPath, options, stream => stream.Write(Encoding.UTF8.GetBytes(svg)), cancellationToken);
        var result = Render(svg, scale);
        if (result.Png is { } png)
        {
            AtomicFile.Write(pngPath, options, stream => stream.Write(png), cancellationToken);
        }

        return result;
    }

    /// <summary>cairo's write callback: appends a chunk to the MemoryStream behind the closure handle.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int WriteChunk(nint closure, byte* data, uint length)
    {
        try
        {
            var stream = (MemoryStream)GCHandle.FromIntPtr(closure).Target!;
            stream.Write(new ReadOnlySpan<byte>(data, (int)length));
            return NativeRsvg.CairoStatusSuccess;
        }
        catch (IOException)
        {
            return 11; // CAIRO_STATUS_WRITE_ERROR
        }
    }
}
