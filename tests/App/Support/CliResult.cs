namespace Warehouse.App.Tests.Support;

/// <summary>What a command printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);
