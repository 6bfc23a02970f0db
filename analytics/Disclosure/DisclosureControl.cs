using System.Globalization;
using Warehouse.Analytics.Statistics;

namespace Warehouse.Analytics.Disclosure;

/// <summary>
/// The disclosure stage every published figure passes through: primary and secondary suppression of
/// counts across all tables of a pack, the rate rules, the low-reliability rule for statistics, the GSS
/// symbols and the provisional / revised markers.
/// </summary>
/// <remarks>
/// <para>Order of symbols for one figure: <c>[x]</c> not available, <c>[z]</c> not applicable, <c>[c]</c>
/// confidential, <c>[u]</c> low reliability, then the value (or <c>[low]</c> when it rounds to zero but
/// is not zero). Disclosure comes before reliability so that a figure hidden to protect a count reads the
/// same in every table.</para>
/// <para>Counts: <c>[c]</c> when 1 to the threshold (primary) or hidden by secondary suppression; never
/// rounded. Rates: <c>[c]</c> when the numerator, denominator or their difference is suppressed (which
/// includes every value from 1 to the threshold); <c>[u]</c> when the denominator is below the minimum
/// and the rule applies. Statistics: <c>[u]</c> below the minimum number of cases; <c>[c]</c> only when
/// they would reveal a suppressed quantity (<see cref="StatisticCell.Reveals"/>).</para>
/// <para>Rounding is half away from zero, in decimal arithmetic.</para>
/// </remarks>
internal static class DisclosureControl
{
    public static DisclosureResult Apply(DisclosureRequest request, DisclosureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= DisclosureOptions.Default;
        options.Validate();

        var ledger = QuantityLedger.Build(request, options);
        SecondarySuppression.Run(ledger);

        var tables = request.Tables
            .Select(table => new PublishedTable(table.Id, table.Cells.Select(cell => Render(cell, ledger, options, request.Previous)).ToList()))
            .ToList();
        return new DisclosureResult(options, tables);
    }

    private static PublishedCell Render(DisclosureCell cell, QuantityLedger ledger, DisclosureOptions options, IReadOnlyDictionary<CellKey, PublishedFigure> previous)
    {
        var rendered = cell switch
        {
            CountCell count => RenderCount(count, ledger),
            RateCell rate => RenderRate(rate, ledger, options),
            StatisticCell statistic => RenderStatistic(statistic, ledger, options),
            _ => throw new ArgumentException($"Unknown cell type {cell.GetType().Name}.", nameof(cell)),
        };

        if (rendered.Figure.HasValue)
        {
            var markers = cell.Provisional ? FigureMarkers.Provisional : FigureMarkers.None;
            if (previous.TryGetValue(cell.Id, out var before) && before.Value is decimal old && old != rendered.Figure.Value)
            {
                markers |= FigureMarkers.Revised;
            }

            rendered = rendered with { Figure = rendered.Figure with { Markers = markers } };
        }

        return rendered;
    }

    private static PublishedCell RenderCount(CountCell cell, QuantityLedger ledger)
    {
        if (cell.NotApplicable)
        {
            return Hidden(cell.Id, DisclosureSymbol.NotApplicable, SuppressionRule.NotApplicable, $"{cell.Id} does not apply.", withInterval: false);
        }

        int quantity = ledger.Find(cell.Id);
        if (ledger.Value(quantity) is not long value)
        {
            return Hidden(cell.Id, DisclosureSymbol.NotAvailable, SuppressionRule.NotAvailable, $"{cell.Id} is not available.", withInterval: false);
        }

        if (ledger.IsSuppressed(quantity))
        {
            var reason = ledger.Reason(quantity)!;
            return new PublishedCell(cell.Id, PublishedFigure.Shown(DisclosureSymbol.Confidential), null, null, reason);
        }

        return new PublishedCell(cell.Id, PublishedFigure.Of(value, 0), null, null, null);
    }

    private static PublishedCell RenderRate(RateCell cell, QuantityLedger ledger, DisclosureOptions options)
    {
        bool interval = cell.Interval.HasValue;
        int numerator = ledger.Find(cell.Numerator.Key);
        int denominator = ledger.Find(cell.Denominator.Key);
        // A ratio to a reference population that exceeds it has no difference quantity (QuantityLedger).
        int? difference = ledger.TryFind(CellKey.Difference(cell.Denominator.Key, cell.Numerator.Key), out var found) ? found : null;
        if (ledger.Value(numerator) is not long top || ledger.Value(denominator) is not long bottom)
        {
            return Hidden(cell.Id, DisclosureSymbol.NotAvailable, SuppressionRule.NotAvailable, $"{cell.Id}: numerator or denominator not available.", interval);
        }

        if (bottom == 0)
        {
            return Hidden(cell.Id, DisclosureSymbol.NotAvailable, SuppressionRule.NotAvailable, $"{cell.Id}: no cases (denominator 0).", interval);
        }

        // Name the count that actually needs protecting: a primary suppression before a secondary one.
        var parts = new List<(int Quantity, SuppressionRule Rule, string Detail)>
        {
            (numerator, SuppressionRule.RateNumerator, $"{cell.Id}: numerator {cell.Numerator.Key} is suppressed."),
            (denominator, SuppressionRule.RateDenominator, $"{cell.Id}: denominator {cell.Denominator.Key} is suppressed."),
        };
        if (difference is { } rest) parts.Add((rest, SuppressionRule.RateDifference, $"{cell.Id}: denominator minus numerator is suppressed."));
        var suppressed = parts
        .Where(s => ledger.IsSuppressed(s.Quantity))
        .OrderBy(s => ledger.State(s.Quantity) == QuantityState.Primary ? 0 : 1)
        .ToList();
        if (suppressed.Count > 0)
        {
            return Hidden(cell.Id, DisclosureSymbol.Confidential, suppressed[0].Rule, suppressed[0].Detail, interval);
        }

        if (cell.ApplyMinimumCases && bottom < options.MinimumCases)
        {
            return Hidden(cell.Id, DisclosureSymbol.LowReliability, SuppressionRule.LowReliability, string.Create(CultureInfo.InvariantCulture, $"{cell.Id}: fewer than {options.MinimumCases} cases ({bottom})."), interval);
        }

        int decimals = cell.Decimals ?? options.RateDecimals;
        var (figure, reason) = Number((decimal)top * cell.Multiplier / bottom, decimals, cell.Id);
        PublishedFigure? lower = null;
        PublishedFigure? upper = null;
        if (cell.Interval is ConfidenceInterval bounds)
        {
            lower = Number(ToDecimal(bounds.Lower, cell.Id) * cell.Multiplier, decimals, cell.Id).Figure;
            upper = Number(ToDecimal(bounds.Upper, cell.Id) * cell.Multiplier, decimals, cell.Id).Figure;
        }

        return new PublishedCell(cell.Id, figure, lower, upper, reason);
    }

    private static PublishedCell RenderStatistic(StatisticCell cell, QuantityLedger ledger, DisclosureOptions options)
    {
        bool interval = cell.Interval.HasValue;
        if (cell.Cases <= 0 || (cell.Value is null && !cell.NotApplicable))
        {
            return Hidden(cell.Id, DisclosureSymbol.NotAvailable, SuppressionRule.NotAvailable, $"{cell.Id}: no cases.", interval);
        }

        if (cell.NotApplicable)
        {
            return Hidden(cell.Id, DisclosureSymbol.NotApplicable, SuppressionRule.NotApplicable, $"{cell.Id} is undefined for these data.", interval);
        }

        var revealed = cell.Reveals.Where(key => ledger.IsSuppressed(ledger.Find(key))).ToList();
        if (revealed.Count > 0)
        {
            return Hidden(cell.Id, DisclosureSymbol.Confidential, SuppressionRule.RevealsSuppressed, $"{cell.Id} would reveal {string.Join(", ", revealed)}.", interval);
        }

        if (cell.Cases < options.MinimumCases)
        {
            return Hidden(cell.Id, DisclosureSymbol.LowReliability, SuppressionRule.LowReliability, string.Create(CultureInfo.InvariantCulture, $"{cell.Id}: fewer than {options.MinimumCases} cases ({cell.Cases})."), interval);
        }

        var (figure, reason) = Number(ToDecimal(cell.Value!.Value, cell.Id), cell.Decimals, cell.Id);
        PublishedFigure? lower = null;
        PublishedFigure? upper = null;
        if (cell.Interval is ConfidenceInterval bounds)
        {
            lower = Number(ToDecimal(bounds.Lower, cell.Id), cell.Decimals, cell.Id).Figure;
            upper = Number(ToDecimal(bounds.Upper, cell.Id), cell.Decimals, cell.Id).Figure;
        }

        return new PublishedCell(cell.Id, figure, lower, upper, reason);
    }

    /// <summary>A rounded value, or <c>[low]</c> when a non-zero value rounds to zero.</summary>
    private static (PublishedFigure Figure, SuppressionReason? Reason) Number(decimal value, int decimals, CellKey id)
    {
        decimal rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0 && value != 0)
        {
            return (PublishedFigure.Shown(DisclosureSymbol.RoundsToZero), new SuppressionReason(SuppressionRule.RoundsToZero, $"{id} rounds to zero but is not zero."));
        }

        return (PublishedFigure.Of(rounded, decimals), null);
    }

    private static decimal ToDecimal(double value, CellKey id)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 1e15)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{id} has value {value}, which cannot be published; use NotApplicable or a null value instead."), nameof(value));
        }

        return (decimal)value;
    }

    private static PublishedCell Hidden(CellKey id, DisclosureSymbol symbol, SuppressionRule rule, string detail, bool withInterval)
    {
        var figure = PublishedFigure.Shown(symbol);
        return new PublishedCell(id, figure, withInterval ? figure : null, withInterval ? figure : null, new SuppressionReason(rule, detail));
    }
}
