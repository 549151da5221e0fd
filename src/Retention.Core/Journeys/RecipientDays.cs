namespace Retention.Core.Journeys;

/// <summary>The days one recipient already gets a message on (as day numbers), for merging and the weekly cap.</summary>
internal sealed class RecipientDays
{
    private int[] _days = new int[32];
    private int _count;

    public void Clear() => _count = 0;

    public bool Contains(int day)
    {
        var days = _days;
        for (var i = 0; i < _count; i++)
        {
            if (days[i] == day)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Messages in the Monday-to-Sunday week starting at day <paramref name="monday"/>.</summary>
    public int CountInWeek(int monday)
    {
        var count = 0;
        var days = _days;
        for (var i = 0; i < _count; i++)
        {
            if ((uint)(days[i] - monday) < 7)
            {
                count++;
            }
        }

        return count;
    }

    public void Add(int day)
    {
        if (_count == _days.Length)
        {
            Array.Resize(ref _days, _days.Length * 2);
        }

        _days[_count++] = day;
    }
}
