namespace Warehouse.Synthetic.Calendar;

/// <summary>What kind of day it is for the front door: the agency mix and the volume follow it.</summary>
internal enum DayType : byte
{
    /// <summary>A weekday in school term.</summary>
    TermWeekday = 0,

    /// <summary>A weekday in the school holidays: few calls from schools.</summary>
    HolidayWeekday = 1,

    /// <summary>A weekend day or bank holiday: mostly police, hospitals and families.</summary>
    Weekend = 2,
}
