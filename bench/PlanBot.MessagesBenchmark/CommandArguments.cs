using System.Globalization;

namespace PlanBot.MessagesBenchmark;

/// <summary>Wrong or missing command-line arguments: the message says which, and the usage is printed.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A subcommand's arguments: positional values, and options written as "--name value".</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandArguments(List<string> positional, Dictionary<string, string> options)
    {
        Positional = positional;
        _options = options;
    }

    public IReadOnlyList<string> Positional { get; }

    public static CommandArguments Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
                continue;
            }
            if (i + 1 >= args.Count) throw new UsageException($"Option {args[i]} needs a value.");
            if (!options.TryAdd(args[i][2..], args[i + 1])) throw new UsageException($"Option {args[i]} is given twice.");
            i++;
        }
        return new CommandArguments(positional, options);
    }

    public string? Optional(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public string Required(string name) => Optional(name) ?? throw new UsageException($"Option --{name} is required.");

    public int Integer(string name, int defaultValue, int minimum, int maximum)
    {
        if (Optional(name) is not { } text) return defaultValue;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
            throw new UsageException($"Option --{name} must be a whole number from {minimum} to {maximum}.");
        return value;
    }

    public int? OptionalInteger(string name, int minimum, int maximum) =>
        Optional(name) is null ? null : Integer(name, 0, minimum, maximum);

    public double Number(string name, double defaultValue, double minimum, double maximum)
    {
        if (Optional(name) is not { } text) return defaultValue;
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
            throw new UsageException($"Option --{name} must be a number from {minimum} to {maximum}.");
        return value;
    }

    /// <summary>Refuses options the command did not ask for, so a misspelt option is not silently ignored.</summary>
    public void RejectUnknownOptions()
    {
        var unknown = _options.Keys.Where(name => !_read.Contains(name)).ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option(s): {string.Join(", ", unknown.Select(name => "--" + name))}.");
    }
}
