namespace Warehouse.Frameworks;

/// <summary>The Annex A lists that show a child already open to children's social care. File values in brackets.</summary>
public enum OpenCaseList
{
    /// <summary>Not an open-case list.</summary>
    None = 0,

    /// <summary>List 6, children in need (<c>child_in_need</c>).</summary>
    ChildInNeed,

    /// <summary>List 7, child protection plans (<c>child_protection_plan</c>).</summary>
    ChildProtectionPlan,
}
