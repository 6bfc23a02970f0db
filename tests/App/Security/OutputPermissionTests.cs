using System.Runtime.Versioning;

namespace Warehouse.App.Tests.Security;

/// <summary>
/// After the whole journey, what holds case-level data or the key is readable by its owner only:
/// the warehouse, the key, the access log, and the restricted output folder with everything in it.
/// Publishable outputs may be read by others.
/// </summary>
[Trait("Category", "Security")]
[Collection(SecurityRunDefinition.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class OutputPermissionTests(SecurityRun run)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    [Fact]
    public void The_warehouse_its_key_and_its_access_log_are_owner_only()
    {
        var settings = run.Cli.Settings;

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(settings.Warehouse));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(settings.KeyFile));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(settings.AccessLog));
        // The write-ahead log is folded into the file when the last command closes it; if one is left it is owner-only too.
        if (File.Exists(settings.Warehouse + ".wal")) Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(settings.Warehouse + ".wal"));
    }

    [Fact]
    public void Every_restricted_output_is_owner_only_in_an_owner_only_folder()
    {
        var restricted = run.Cli.Settings.RestrictedOutputFolder;
        var files = Directory.GetFiles(restricted, "*", SearchOption.AllDirectories);
        // The kinds of case-level output the journey wrote: QA workbook, audit workbooks, exports in both formats.
        Assert.Contains(files, f => f.EndsWith("qa-warwickshire-2026-05.xlsx", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith(run.AuditFolder, StringComparison.Ordinal) && f.EndsWith("-QA2.xlsx", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("fact.consultation.csv", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("fact.consultation.parquet", StringComparison.Ordinal));

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(restricted));
        Assert.All(files, file => Assert.True(File.GetUnixFileMode(file) == OwnerOnlyFile, $"{file} is {File.GetUnixFileMode(file)}"));
        Assert.All(files.Select(Path.GetDirectoryName).Distinct(), folder => Assert.True(File.GetUnixFileMode(folder!) == OwnerOnlyFolder, $"{folder} is {File.GetUnixFileMode(folder!)}"));
    }

    [Fact]
    public void Every_folder_under_the_restricted_folder_is_owner_only()
    {
        var restricted = run.Cli.Settings.RestrictedOutputFolder;

        Assert.All(Directory.GetDirectories(restricted, "*", SearchOption.AllDirectories).Prepend(restricted),
            folder => Assert.True(File.GetUnixFileMode(folder) == OwnerOnlyFolder, $"{folder} is {File.GetUnixFileMode(folder)}"));
    }

    [Fact]
    public void No_case_level_output_is_written_outside_the_restricted_folder()
    {
        var restricted = run.Cli.Settings.RestrictedOutputFolder + Path.DirectorySeparatorChar;
        var published = Directory.GetFiles(run.Cli.Settings.OutputFolder, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(restricted, StringComparison.Ordinal)).ToList();

        Assert.Contains(published, f => f.EndsWith("dim.locality.csv", StringComparison.Ordinal));
        string[] caseLevel = ["qa-", "-QA1.xlsx", "-QA2.xlsx", "fact.consultation.", "fact.audit_sample_case.", "ops.rejects.", "analytics.exceptions."];
        Assert.DoesNotContain(published, f => caseLevel.Any(name => Path.GetFileName(f).Contains(name, StringComparison.Ordinal)));
    }
}
