namespace DealLang.Runtime;

/// <summary>Day-count conventions; <see cref="DayCounts"/> holds their arithmetic and names.</summary>
public enum DayCount
{
    /// <summary>30/360 US bond basis (ISDA 2006 §4.16(f)), without the February end-of-month rule.</summary>
    Thirty360,

    /// <summary>30E/360 Eurobond basis (ISDA 2006 §4.16(g)): every 31st counts as the 30th.</summary>
    Thirty360E,

    /// <summary>Actual days / 360.</summary>
    Act360,

    /// <summary>Actual days / 365, whatever the year.</summary>
    Act365F,

    /// <summary>ACT/ACT ISDA: days in leap years / 366 plus days in other years / 365.</summary>
    ActAct,
}
