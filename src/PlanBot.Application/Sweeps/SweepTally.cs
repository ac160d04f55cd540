namespace PlanBot.Application.Sweeps;

/// <summary>
/// What a sending sweep (reminders, digests) did so far, added to by several sends at once: due, sent, given back,
/// given up and claimed by another host; and a line for each recipient not reached.
/// </summary>
public sealed class SweepTally
{
    public int Due, Sent, Released, GivenUp, Elsewhere;
    private readonly List<string> _unreachable = [];

    public void AddUnreachable(string line)
    {
        lock (_unreachable) _unreachable.Add(line);
    }

    /// <summary>The lines for recipients not reached, in order.</summary>
    public IReadOnlyList<string> Unreachable()
    {
        lock (_unreachable) return [.. _unreachable.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// After a failed send: gives the claim back for a later sweep, or up for good once it has had
    /// <paramref name="maxAttempts"/> tries (the reason then says so), and counts which.
    /// </summary>
    public async Task GiveBackAsync(int attempt, int maxAttempts, string reason, Func<string, Task> giveUp, Func<string, Task> release)
    {
        if (attempt >= maxAttempts)
        {
            await giveUp($"{reason} (given up after {attempt} tries)").ConfigureAwait(false);
            Interlocked.Increment(ref GivenUp);
        }
        else
        {
            await release(reason).ConfigureAwait(false);
            Interlocked.Increment(ref Released);
        }
    }
}
