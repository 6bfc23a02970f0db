namespace Warehouse.Reports.Excel;

/// <summary>
/// A data-validation drop-down for an input column: either a short list of choices written into the
/// rule, or a range on a visible lists sheet (for long lists or choices containing commas).
/// </summary>
internal sealed record DropDownList
{
    private DropDownList(IReadOnlyList<string>? choices, string? sourceRange)
    {
        Choices = choices;
        SourceRange = sourceRange;
    }

    /// <summary>The choices when they are written into the rule itself.</summary>
    public IReadOnlyList<string>? Choices { get; }

    /// <summary>An absolute range such as <c>'Lists'!$A$2:$A$9</c> when the choices live on a sheet.</summary>
    public string? SourceRange { get; }

    /// <summary>Whether a value outside the list is refused (the default) or only warned about.</summary>
    public bool Strict { get; init; } = true;

    /// <summary>A prompt shown when the cell is selected (at most 255 characters).</summary>
    public string? Prompt { get; init; }

    /// <summary>
    /// Choices written into the rule. Excel splits a written list on commas and limits it to 255
    /// characters, so choices with a comma or longer lists need <see cref="FromRange"/>.
    /// </summary>
    public static DropDownList FromChoices(params IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            throw new ArgumentException("A drop-down needs at least one choice.", nameof(choices));
        }

        foreach (var choice in choices)
        {
            if (string.IsNullOrEmpty(choice) || choice.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Choice '{choice}' is empty or contains a comma; put the list on a sheet and use DropDownList.FromRange.", nameof(choices));
            }
        }

        // The quoted list, quotes doubled, must fit in Excel's 255-character limit.
        var length = choices.Sum(c => c.Length + c.Count(ch => ch == '"')) + choices.Count - 1;
        if (length > 255)
        {
            throw new ArgumentException($"The choices take {length} characters; Excel allows 255 in a written list. Put the list on a sheet and use DropDownList.FromRange.", nameof(choices));
        }

        return new DropDownList([.. choices], null);
    }

    /// <summary>Choices taken from a range, e.g. <c>'Lists'!$A$2:$A$30</c>.</summary>
    public static DropDownList FromRange(string absoluteRange)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(absoluteRange);
        return new DropDownList(null, absoluteRange);
    }
}
