using NodaTime;

namespace Retention.Core.Journeys;

/// <summary>
/// The days one recipient already gets a message on (as day numbers), for merging and the weekly cap, with the
/// due instant and message key of each day computed once and shared by the nudges merged on it.
/// </summary>
internal sealed class RecipientDays
{
    private int[] _days = new int[32];
    private Instant?[] _dueAt = new Instant?[32];
    private string?[] _messageKeys = new string?[32];
    private int _count;

    public void Clear()
    {
        Array.Clear(_dueAt, 0, _count);
        Array.Clear(_messageKeys, 0, _count);
        _count = 0;
    }

    public bool Contains(int day) => IndexOf(day) >= 0;

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
            Array.Resize(ref _days, _count * 2);
            Array.Resize(ref _dueAt, _count * 2);
            Array.Resize(ref _messageKeys, _count * 2);
        }

        _days[_count++] = day;
    }

    /// <summary>The position of a day already added.</summary>
    public int Slot(int day)
    {
        var slot = IndexOf(day);
        return slot >= 0 ? slot : throw new InvalidOperationException("A nudge was placed on a day its recipient does not have.");
    }

    public ref Instant? DueAt(int slot) => ref _dueAt[slot];

    public ref string? MessageKey(int slot) => ref _messageKeys[slot];

    private int IndexOf(int day)
    {
        var days = _days;
        for (var i = 0; i < _count; i++)
        {
            if (days[i] == day)
            {
                return i;
            }
        }

        return -1;
    }
}
