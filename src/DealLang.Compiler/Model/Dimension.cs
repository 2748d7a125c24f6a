using System.Globalization;

namespace DealLang.Compiler.Model;

/// <summary>
/// What a <see cref="Unit.Measure"/> measures, as powers of four base units: money (the deal's currency), GPUs
/// (a count of units of compute), hours and kW. 2.35 per gpu_hour is money¹ GPU⁻¹ hour⁻¹; a kWh is kW¹ hour¹;
/// 0.7 kW per gpu is kW¹ GPU⁻¹. Multiplying adds the powers, dividing subtracts them (docs/language.md, "Compute
/// units"). MW and MWh are scaled to kW and kWh when read, so one base unit per quantity suffices. A crypto miner's
/// terms add two more: coins (a count of a coin) and hashrate in EH/s (a miner's share of the network is EH/s over
/// EH/s); a day is read as 24 hours. A convertible's conversion price is money per share, a count of shares.
/// </summary>
public readonly record struct Dimension(int Money, int Gpus, int Hours, int Kw, int Coins = 0, int Hash = 0, int Shares = 0)
{
    public static Dimension MoneyOnly { get; } = new(1, 0, 0, 0);

    public bool IsNone => this == default;

    public static Dimension operator +(Dimension a, Dimension b) =>
        new(a.Money + b.Money, a.Gpus + b.Gpus, a.Hours + b.Hours, a.Kw + b.Kw, a.Coins + b.Coins, a.Hash + b.Hash, a.Shares + b.Shares);

    public static Dimension operator -(Dimension a, Dimension b) =>
        new(a.Money - b.Money, a.Gpus - b.Gpus, a.Hours - b.Hours, a.Kw - b.Kw, a.Coins - b.Coins, a.Hash - b.Hash, a.Shares - b.Shares);

    /// <summary>How messages name it: "GPUs", "GPU-hours", "kWh", "money per GPU-hour", "kW per GPU", "money per hour".</summary>
    public string Noun()
    {
        string numerator = Product(Money, Gpus, Hours, Kw, Coins, Hash, Shares, plural: true);
        string denominator = Product(-Money, -Gpus, -Hours, -Kw, -Coins, -Hash, -Shares, plural: false);
        if (denominator.Length == 0)
        {
            return numerator.Length == 0 ? "number" : numerator;
        }

        return (numerator.Length == 0 ? "1" : numerator) + " per " + denominator;
    }

    // The positive powers of one side, named: GPU and hour make "GPU-hour", kW and hour "kWh".
    private static string Product(int money, int gpus, int hours, int kw, int coins, int hash, int shares, bool plural)
    {
        var parts = new List<string>();
        if (money > 0)
        {
            parts.Add(Power("money", money));
        }

        if (coins > 0)
        {
            parts.Add(Power(plural && parts.Count == 0 ? "coins" : "coin", coins));
        }

        if (hash > 0)
        {
            parts.Add(Power("EH/s", hash));
        }

        if (shares > 0)
        {
            parts.Add(Power(plural && parts.Count == 0 ? "shares" : "share", shares));
        }

        int pairedHours = Math.Max(0, hours);
        if (gpus > 0 && pairedHours > 0)
        {
            parts.Add(Power(plural ? "GPU-hours" : "GPU-hour", 1));
            gpus--;
            pairedHours--;
        }

        if (kw > 0 && pairedHours > 0)
        {
            parts.Add(Power("kWh", 1));
            kw--;
            pairedHours--;
        }

        if (gpus > 0)
        {
            parts.Add(Power(plural && parts.Count == 0 ? "GPUs" : "GPU", gpus));
        }

        if (kw > 0)
        {
            parts.Add(Power("kW", kw));
        }

        if (pairedHours > 0)
        {
            parts.Add(Power(plural && parts.Count == 0 ? "hours" : "hour", pairedHours));
        }

        return string.Join(" ", parts);
    }

    private static string Power(string name, int power) =>
        power == 1 ? name : name + "^" + power.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Noun();
}
