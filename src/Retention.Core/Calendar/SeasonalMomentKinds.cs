namespace Retention.Core.Calendar;

/// <summary>
/// The moments of the Norwegian year a journey can anchor on. Each is the day itself; a journey definition
/// says how long before it the nudge goes out (e.g. ten days before 17 May).
/// </summary>
public static class SeasonalMomentKinds
{
    /// <summary>Constitution Day, 17 May.</summary>
    public const string SeventeenthMay = "17-may";

    /// <summary>Sankthansaften, 23 June: midsummer bonfires.</summary>
    public const string Sankthans = "sankthans";

    /// <summary>First frost and the start of the wool season, taken as 1 October (the inland and north are earlier).</summary>
    public const string FirstFrost = "first-frost";

    /// <summary>The first working day after 6 January: Christmas is over and the ski season starts in earnest.</summary>
    public const string SkiingSeason = "skiing-season";

    /// <summary>Palm Sunday: påskeferie begins, the cabins fill up.</summary>
    public const string PalmSunday = "palm-sunday";

    /// <summary>1 December: the julebord season.</summary>
    public const string Julebord = "julebord";

    /// <summary>1 July: fellesferie, the country slows down.</summary>
    public const string Fellesferie = "fellesferie";

    /// <summary>All kinds, in calendar order of their usual dates.</summary>
    public static IReadOnlyList<string> All { get; } =
        [SkiingSeason, PalmSunday, SeventeenthMay, Sankthans, Fellesferie, FirstFrost, Julebord];
}
