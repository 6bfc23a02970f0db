namespace Warehouse.Frameworks;

internal sealed partial class FrameworkReader
{
    private static readonly Dictionary<string, AnnexAEvent> Events = new(StringComparer.Ordinal)
    {
        ["early_help_assessment"] = AnnexAEvent.EarlyHelpAssessment,
        ["referral_not_nfa"] = AnnexAEvent.ReferralNotNfa,
        ["assessment"] = AnnexAEvent.Assessment,
        ["section47"] = AnnexAEvent.Section47,
    };

    private static readonly Dictionary<string, OpenCaseList> Lists = new(StringComparer.Ordinal)
    {
        ["child_in_need"] = OpenCaseList.ChildInNeed,
        ["child_protection_plan"] = OpenCaseList.ChildProtectionPlan,
    };

    private List<Outcome> ReadOutcomes(IReadOnlyList<OutcomeDto>? dtos)
    {
        var outcomes = new List<Outcome>();
        if (dtos is null || dtos.Count == 0)
        {
            Add("outcomes", "outcomes is missing: list the front door's outcome codes");
            return outcomes;
        }

        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            var entry = Entry("outcome", dto.Code, i);
            var code = Required(dto.Code, entry, "code");
            if (code.Length > 0 && !codes.Add(code))
            {
                Add(entry, $"duplicate code '{code}'");
            }

            var label = Required(dto.Label, entry, "label");
            var level = LevelRef(dto.Level, entry, "level");
            if (dto.VisibleInAnnexA is null)
            {
                Add(entry, "visible_in_annex_a is missing");
            }

            if (dto.RequiresConsent is null)
            {
                Add(entry, "requires_consent is missing");
            }

            var confirmedBy = new List<AnnexAEvent>();
            foreach (var name in dto.ConfirmedBy ?? [])
            {
                if (Events.TryGetValue(name, out var annexAEvent))
                {
                    confirmedBy.Add(annexAEvent);
                }
                else
                {
                    Add(entry, $"confirmed_by '{name}' is not an Annex A event kind ({string.Join(", ", Events.Keys)})");
                }
            }

            if (dto.VisibleInAnnexA == true && (dto.ConfirmedBy?.Count ?? 0) == 0)
            {
                Add(entry, "an outcome visible in Annex A needs the events that confirm it (confirmed_by)");
            }

            if (dto.VisibleInAnnexA == false && (dto.ConfirmedBy?.Count ?? 0) > 0)
            {
                Add(entry, "an outcome not visible in Annex A cannot be confirmed by Annex A events");
            }

            if (level is not null)
            {
                outcomes.Add(new Outcome(code, label, level, dto.VisibleInAnnexA ?? false, confirmedBy, dto.RequiresConsent ?? true, dto.Notes));
            }
        }

        return outcomes;
    }

    private List<OpenCaseFloor> ReadOpenCaseFloors(IReadOnlyList<OpenCaseFloorDto>? dtos)
    {
        var floors = new List<OpenCaseFloor>();
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var dto = dtos![i];
            var entry = Entry("open_case_floor", dto.List, i);
            if (dto.List is null || !Lists.TryGetValue(dto.List, out var list))
            {
                Add(entry, $"list '{dto.List}' is not one of: {string.Join(", ", Lists.Keys)}");
                continue;
            }

            if (floors.Any(f => f.List == list))
            {
                Add(entry, $"duplicate list '{dto.List}'");
            }

            if (LevelRef(dto.Level, entry, "level") is { } level)
            {
                floors.Add(new OpenCaseFloor(list, level, dto.Notes));
            }
        }

        return floors;
    }
}
