using System.Runtime.InteropServices;

namespace Warehouse.Reports.Charts;

/// <summary>
/// The few librsvg, cairo and GLib functions the PNG renderer needs, bound at run time with
/// <see cref="NativeLibrary"/> so that a machine without them gets a clear reason instead of a
/// crash. <c>rsvg_handle_render_document</c> needs librsvg 2.46 or later.
/// </summary>
internal sealed unsafe class NativeRsvg
{
    public const int CairoFormatArgb32 = 0;
    public const int CairoStatusSuccess = 0;

    private static readonly Lazy<(NativeRsvg? Api, string? Reason)> Loaded = new(Load);

    private NativeRsvg()
    {
    }

    public delegate* unmanaged[Cdecl]<byte*, nuint, nint*, nint> RsvgHandleNewFromData { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, RsvgDimensionData*, void> RsvgHandleGetDimensions { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, double, void> RsvgHandleSetDpi { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, nint, RsvgRectangle*, nint*, int> RsvgHandleRenderDocument { get; private set; }

    public delegate* unmanaged[Cdecl]<int, int, int, nint> CairoImageSurfaceCreate { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, nint> CairoCreate { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, double, double, void> CairoScale { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, int> CairoStatus { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, int> CairoSurfaceStatus { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, delegate* unmanaged[Cdecl]<nint, byte*, uint, int>, nint, int> CairoSurfaceWriteToPngStream { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, void> CairoDestroy { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, void> CairoSurfaceDestroy { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, void> GObjectUnref { get; private set; }

    public delegate* unmanaged[Cdecl]<nint, void> GErrorFree { get; private set; }

    public static (NativeRsvg? Api, string? Reason) Instance => Loaded.Value;

    /// <summary>The message of a GError, which it then frees.</summary>
    public string TakeError(nint error)
    {
        if (error == 0)
        {
            return "no details";
        }

        var message = Marshal.PtrToStringUTF8(((GError*)error)->Message) ?? "no details";
        GErrorFree(error);
        return message;
    }

    private static (NativeRsvg?, string?) Load()
    {
        if (!TryLoad(["librsvg-2.so.2", "librsvg-2.2.dylib", "librsvg-2-2.dll"], out var rsvg))
        {
            return (null, "librsvg is not installed (Debian: apt-get install librsvg2-2)");
        }

        if (!TryLoad(["libcairo.so.2", "libcairo.2.dylib", "libcairo-2.dll"], out var cairo))
        {
            return (null, "cairo is not installed (Debian: apt-get install libcairo2)");
        }

        if (!TryLoad(["libgobject-2.0.so.0", "libgobject-2.0.0.dylib", "libgobject-2.0-0.dll"], out var gobject) ||
            !TryLoad(["libglib-2.0.so.0", "libglib-2.0.0.dylib", "libglib-2.0-0.dll"], out var glib))
        {
            return (null, "GLib is not installed (Debian: apt-get install libglib2.0-0)");
        }

        if (!NativeLibrary.TryGetExport(rsvg, "rsvg_handle_render_document", out var renderDocument))
        {
            return (null, "the installed librsvg is older than 2.46 (no rsvg_handle_render_document)");
        }

        try
        {
            return (new NativeRsvg
            {
                RsvgHandleNewFromData = (delegate* unmanaged[Cdecl]<byte*, nuint, nint*, nint>)NativeLibrary.GetExport(rsvg, "rsvg_handle_new_from_data"),
                RsvgHandleGetDimensions = (delegate* unmanaged[Cdecl]<nint, RsvgDimensionData*, void>)NativeLibrary.GetExport(rsvg, "rsvg_handle_get_dimensions"),
                RsvgHandleSetDpi = (delegate* unmanaged[Cdecl]<nint, double, void>)NativeLibrary.GetExport(rsvg, "rsvg_handle_set_dpi"),
                RsvgHandleRenderDocument = (delegate* unmanaged[Cdecl]<nint, nint, RsvgRectangle*, nint*, int>)renderDocument,
                CairoImageSurfaceCreate = (delegate* unmanaged[Cdecl]<int, int, int, nint>)NativeLibrary.GetExport(cairo, "cairo_image_surface_create"),
                CairoCreate = (delegate* unmanaged[Cdecl]<nint, nint>)NativeLibrary.GetExport(cairo, "cairo_create"),
                CairoScale = (delegate* unmanaged[Cdecl]<nint, double, double, void>)NativeLibrary.GetExport(cairo, "cairo_scale"),
                CairoStatus = (delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(cairo, "cairo_status"),
                CairoSurfaceStatus = (delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(cairo, "cairo_surface_status"),
                CairoSurfaceWriteToPngStream = (delegate* unmanaged[Cdecl]<nint, delegate* unmanaged[Cdecl]<nint, byte*, uint, int>, nint, int>)NativeLibrary.GetExport(cairo, "cairo_surface_write_to_png_stream"),
                CairoDestroy = (delegate* unmanaged[Cdecl]<nint, void>)NativeLibrary.GetExport(cairo, "cairo_destroy"),
                CairoSurfaceDestroy = (delegate* unmanaged[Cdecl]<nint, void>)NativeLibrary.GetExport(cairo, "cairo_surface_destroy"),
                GObjectUnref = (delegate* unmanaged[Cdecl]<nint, void>)NativeLibrary.GetExport(gobject, "g_object_unref"),
                GErrorFree = (delegate* unmanaged[Cdecl]<nint, void>)NativeLibrary.GetExport(glib, "g_error_free"),
            }, null);
        }
        catch (EntryPointNotFoundException e)
        {
            return (null, "a librsvg or cairo function is missing: " + e.Message);
        }
    }

    private static bool TryLoad(string[] names, out nint handle)
    {
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out handle))
            {
                return true;
            }
        }

        handle = 0;
        return false;
    }

    /// <summary>librsvg's RsvgDimensionData.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RsvgDimensionData
    {
        public int Width;
        public int Height;
        public double Em;
        public double Ex;
    }

    /// <summary>librsvg's RsvgRectangle.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RsvgRectangle
    {
        public double X;
        public double Y;
        public double Width;
        public double Height;
    }

    /// <summary>GLib's GError.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct GError
    {
        public uint Domain;
        public int Code;
        public nint Message;
    }
}
