namespace Warehouse.Synthetic.AnnexA;

/// <summary>
/// One Annex A row of Lists 1–5, as spilled to disk until its month's return is written. Everything the row shows
/// derives from these fields and the child's number.
/// </summary>
/// <param name="List">The list, 1–5.</param>
/// <param name="Child">The child's number.</param>
/// <param name="BirthDay">The child's date of birth (day number).</param>
/// <param name="Date">The list's key date (day number).</param>
/// <param name="Date2">The list's second date (completion, authorisation, conference), or -1.</param>
/// <param name="Agency">The calling agency's index (contact and referral source).</param>
/// <param name="Flags">List-specific flags (<see cref="EventFlags"/>).</param>
/// <param name="Extra">A list-specific small number (a count, an organisation).</param>
internal readonly record struct EventRecord(byte List, int Child, int BirthDay, int Date, int Date2, byte Agency, EventFlags Flags, byte Extra)
{
    public const int Size = 1 + 4 + 4 + 4 + 4 + 1 + 1 + 1;

    public void Write(BinaryWriter writer)
    {
        writer.Write(List);
        writer.Write(Child);
        writer.Write(BirthDay);
        writer.Write(Date);
        writer.Write(Date2);
        writer.Write(Agency);
        writer.Write((byte)Flags);
        writer.Write(Extra);
    }

    public static EventRecord Read(BinaryReader reader) => new(
        reader.ReadByte(),
        reader.ReadInt32(),
        reader.ReadInt32(),
        reader.ReadInt32(),
        reader.ReadInt32(),
        reader.ReadByte(),
        (EventFlags)reader.ReadByte(),
        reader.ReadByte());

    /// <summary>A total order for sorting a list by date: ties between identical records are harmless.</summary>
    public static int Compare(EventRecord a, EventRecord b)
    {
        var c = a.Date.CompareTo(b.Date);
        if (c != 0)
        {
            return c;
        }

        c = a.Child.CompareTo(b.Child);
        if (c != 0)
        {
            return c;
        }

        c = a.Date2.CompareTo(b.Date2);
        return c != 0 ? c : ((int)a.Flags * 256 + a.Extra).CompareTo((int)b.Flags * 256 + b.Extra);
    }
}
