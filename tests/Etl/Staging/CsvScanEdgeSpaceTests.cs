using System.Text;
using Warehouse.Etl.Staging;

namespace Warehouse.Etl.Tests.Staging;

/// <summary>
/// The scan says whether any value may begin or end with a space; the loader trims only then, so a
/// "no" must never be wrong.
/// </summary>
public sealed class CsvScanEdgeSpaceTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("csv-scan-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("id,name\r\n1,Family Connect – South\r\n2,\"a,quoted value\"\r\n")]
    [InlineData("id,name\n1,x\n2,\n")]
    public void A_file_whose_values_are_all_tight_needs_no_trimming(string content)
    {
        Assert.False(Scan(content).MayHaveEdgeSpaces);
    }

    [Theory]
    [InlineData("id,name\r\n1,\"Smith, J\"\r\n")] // on the safe side: a comma and space inside quotes
    [InlineData("id,name\r\n1, x\r\n")]
    [InlineData("id,name\r\n1,x \r\n")]
    [InlineData("id,name\r\n 1,x\r\n")]
    [InlineData("id,name\r\n1,\" x\"\r\n")]
    [InlineData("id,name\r\n1,\"x\u00A0\"\r\n")]
    [InlineData("id,name\r\n1,\u2003x\r\n")]
    [InlineData("id,name\r\n1,   \r\n")]
    [InlineData("id,name\r\n1,x ")]
    public void A_space_or_a_non_ascii_character_beside_a_value_edge_is_found(string content)
    {
        Assert.True(Scan(content).MayHaveEdgeSpaces);
    }

    [Fact]
    public void A_space_just_after_a_comma_at_the_end_of_the_first_megabyte_is_found()
    {
        // The scan reads 1 MiB at a time: the comma is the first read's last byte, the space the next one's first.
        const int first = 1 << 20;
        var header = "a,b\n";
        var content = header + new string('x', first - header.Length - 1) + ", y\n";
        Assert.Equal(',', content[first - 1]);

        Assert.True(Scan(content).MayHaveEdgeSpaces);
    }

    private CsvScan Scan(string content)
    {
        var path = Path.Combine(folder, "file.csv");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
        return CsvScan.Read(path);
    }
}
