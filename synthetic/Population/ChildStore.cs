namespace Warehouse.Synthetic.Population;

/// <summary>
/// The little that must be remembered per child: the date of birth (drawn from the age at the first consultation)
/// and the day of the latest consultation (repeat consultations keep a gap, see <see cref="RepeatPool"/>).
/// Eight bytes a child, so a national-scale run of millions of children stays small.
/// </summary>
internal sealed class ChildStore
{
    private readonly IntColumn birthDays = new();
    private readonly IntColumn lastConsultationDays = new();

    public int Count => birthDays.Count;

    public int Add(int birthDayNumber, int consultationDayNumber)
    {
        lastConsultationDays.Add(consultationDayNumber);
        return birthDays.Add(birthDayNumber);
    }

    public int BirthDay(int child) => birthDays[child];

    public int LastConsultationDay(int child) => lastConsultationDays[child];

    public void SetLastConsultationDay(int child, int dayNumber) => lastConsultationDays[child] = dayNumber;
}
