namespace Warehouse.App.Settings;

/// <summary>One or more settings are wrong; each problem names its setting and where it came from.</summary>
internal sealed class SettingsException : Exception
{
    public SettingsException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    public SettingsException() : this(["The settings are not valid."]) { }

    public SettingsException(string message) : this([message]) { }

    public SettingsException(string message, Exception inner) : base(message, inner) => Problems = [message];

    /// <summary>One sentence per problem.</summary>
    public IReadOnlyList<string> Problems { get; }
}
