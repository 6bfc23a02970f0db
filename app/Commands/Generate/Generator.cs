using Warehouse.Synthetic;

namespace Warehouse.App.Commands.Generate;

/// <summary>Runs the generator, turning its refusals (bad options, a folder already used) into a person's error.</summary>
internal static class Generator
{
    internal static GeneratedData Run(GeneratorOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return SyntheticGenerator.Generate(options, null, cancellationToken);
        }
        catch (ArgumentException e)
        {
            // ArgumentException appends " (Parameter 'options')": a person needs only the sentence.
            throw new Cli.UsageException(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal));
        }
        catch (InvalidOperationException e)
        {
            throw new Cli.CommandFailedException(e.Message);
        }
    }
}
