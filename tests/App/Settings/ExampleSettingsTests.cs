using Warehouse.App.Settings;
using Warehouse.App.Tests.Support;

namespace Warehouse.App.Tests.Settings;

/// <summary>The commented example file documents every setting, with its true default.</summary>
public sealed class ExampleSettingsTests : IDisposable
{
    private readonly TestFolder folder = new();
    private readonly string example = Path.Combine(Repository.Root, "app", "warehouse.example.json");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_example_file_loads_and_gives_exactly_the_defaults()
    {
        var fromExample = SettingsLoader.Load(example, new Dictionary<string, string?>(), folder.Root);
        var defaults = SettingsLoader.Load(null, new Dictionary<string, string?>(), folder.Root);

        Assert.Equal(defaults, fromExample);
    }

    [Fact]
    public void The_example_file_names_every_setting()
    {
        var text = File.ReadAllText(example);

        Assert.All(SettingNames.All, name => Assert.Contains($"\"{name}\":", text, StringComparison.Ordinal));
    }
}
