using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DealLang.Runner.Running;
using DealLang.Runtime;

namespace DealLang.Runner.Simulation;

/// <summary>One shard of a Monte Carlo run: shard <see cref="Index"/> of <see cref="Count"/> (1-based), paths
/// <see cref="From"/> to <see cref="To"/> − 1.</summary>
public sealed record Shard(int Index, int Count, int From, int To)
{
    /// <summary>Shard i of K of n paths: paths ⌊(i − 1)·n / K⌋ to ⌊i·n / K⌋ − 1. With <paramref name="pairs"/> (an
    /// antithetic run, whose path 2k + 1 mirrors path 2k) the shards split the m = ⌈n / 2⌉ pairs instead, so that no pair
    /// is split: pairs ⌊(i − 1)·m / K⌋ to ⌊i·m / K⌋ − 1, paths twice those (the last shard ending at n).</summary>
    public static Shard Of(int index, int count, int paths, bool pairs = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        if (!pairs)
        {
            return new Shard(index, count, (int)((long)(index - 1) * paths / count), (int)((long)index * paths / count));
        }

        long units = ((long)paths + 1) / 2;
        return new Shard(index, count, (int)Math.Min(paths, 2 * ((index - 1) * units / count)), (int)Math.Min(paths, 2 * (index * units / count)));
    }

    /// <summary>The shard's paths as its <c>wrote FILE (shard i/K: …)</c> line names them, "paths a to b of N", or, for a
    /// shard left without any (more shards than paths, or than an antithetic run's pairs), "none of the N paths" rather
    /// than "paths 0 to -1".</summary>
    public string PathsOf(int paths) => To > From
        ? string.Create(CultureInfo.InvariantCulture, $"paths {From} to {To - 1} of {paths}")
        : string.Create(CultureInfo.InvariantCulture, $"none of the {paths} paths; it adds nothing to the merge");

    /// <summary>Refuses a run of paths [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="paths"/> that
    /// would split a mirrored pair (<paramref name="pairs"/>): it must start on an even path and end on one or at the
    /// run's end.</summary>
    internal static void CheckPairs(bool pairs, int from, int to, int paths)
    {
        if (pairs && ((from & 1) == 1 || ((to & 1) == 1 && to != paths)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Paths {from} to {to - 1} split an antithetic pair: a run of mirrored paths starts on an even path and ends before one or at path {paths - 1}."));
        }
    }
}

/// <summary>A shard's file: the run's frame, which shard, and the exact totals of its paths.</summary>
public sealed record ShardResult(SimulationFrame Frame, Shard Shard, SimulationTotals Totals);

/// <summary>A chain's shard file: which shard, and each entity's frame and exact totals of the shard's paths, in run
/// order (the top deal last).</summary>
public sealed record ChainShardResult(Shard Shard, IReadOnlyList<(SimulationFrame Frame, SimulationTotals Totals)> Entities);

/// <summary>
/// The shard file of <c>deallang mc --shard i/K --out FILE</c> (docs/cli.md, "Shards"): UTF-8 JSON, an object with
/// <c>format</c> ("deallang-mc-shard"), <c>version</c> (<see cref="Version"/>), the run's <c>frame</c> (deal name and
/// hash, scenario, seed, total paths, the names the report is headed by), the <c>shard</c> (index, count, from, to) and
/// the exact <c>totals</c>: 128-bit sums as decimal strings, doubles in round-trip form, histograms as their non-empty
/// buckets. Written and read back, totals are the same bit for bit, so merged shards render the single run's report
/// byte for byte. A chain's shard file (<see cref="WriteChain"/>) has, instead of <c>frame</c> and <c>totals</c>,
/// <c>entities</c>: one <c>{ "frame", "totals" }</c> per entity of the chain, in run order. Its last field, <c>sha256</c>,
/// is the SHA-256 of every byte before it (<see cref="Seal"/>): a file changed after it was written (a digit of a sum
/// edited, a damaged copy) is refused rather than merged into a report that reads as the run's. A file that is not such
/// a shard, of another version or whose checksum does not match is refused with a message (<see cref="FormatException"/>).
/// </summary>
public static class ShardFile
{
    public const string Format = "deallang-mc-shard";

    // 2: a guarantee's signed net cost ("netCost"); 3: an antithetic run's histograms of its pairs' smaller and larger
    // values ("pairs": "low", "high"); 4: a histogram's smallest and largest value per bucket ("extremes", in place of
    // its "min" and "max"), which its quantiles are read inside; 5: an index fan's histograms without them (its "min",
    // "max" and "buckets" only, as in version 3), the measures' with them; 6: a fund's carry unpaid at the end
    // ("carryUnpaid", beside "carry") and, in an antithetic run's "pairs", its two sums after the carry's, and a fund's
    // frame says whether its carry is deal by deal ("dealByDeal"); 7: the file's checksum, "sha256", its last field; 8: a
    // guaranteed tranche's holders' figures ("holders" in the totals, as a tranche's; "heldTranches" in the frame) and,
    // in an antithetic run's "pairs", their sums and histograms last; 9: what each path ended owing of each fee, fleet's
    // opex, commitment fee and guarantee fee ("unpaid" in the totals; "unpaidOwners" and "unpaidRows" in the frame) and,
    // in an antithetic run's "pairs", their two sums each, after the holders'; 10: a guarantee's "netCost" nets the
    // guarantee fees its guarantor received (the layout of 9, another meaning: refused rather than mixed in one mean).
    public const int Version = 10;

    // What comes before the checksum's 64 hexadecimal digits, and after them: the file's last field. The writer is not
    // indented, and a quote inside a JSON string is escaped, so these bytes can only be that field.
    static readonly byte[] ChecksumField = Encoding.UTF8.GetBytes(",\"sha256\":\"");
    static readonly byte[] ChecksumEnd = Encoding.UTF8.GetBytes("\"}");
    const int ChecksumDigits = 64;

    static readonly JsonWriterOptions Options = new() { Indented = false };

    public static byte[] Write(ShardResult shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            WriteFrame(w, shard.Frame);
            WriteShard(w, shard.Shard);
            WriteTotals(w, shard.Totals);
            w.WriteEndObject();
        }

        return Seal(buffer.ToArray());
    }

    /// <summary>A chain's shard file: every entity's frame and totals, in run order.</summary>
    public static byte[] WriteChain(ChainShardResult shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        if (shard.Entities.Count < 2)
        {
            throw new ArgumentException("A chain has two entities or more.", nameof(shard));
        }

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            WriteShard(w, shard.Shard);
            w.WriteStartArray("entities");
            foreach (var (frame, totals) in shard.Entities)
            {
                w.WriteStartObject();
                WriteFrame(w, frame);
                WriteTotals(w, totals);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Seal(buffer.ToArray());
    }

    /// <summary>
    /// A shard file's bytes with its checksum: <paramref name="json"/>, one JSON object, ending
    /// <c>,"sha256":"H"}</c> and a line end, H the SHA-256 (lower-case hexadecimal) of every byte before that field. A
    /// checksum it already ends with is replaced, so an object edited on purpose (a test's damage) can be sealed again.
    /// </summary>
    public static byte[] Seal(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        int close = LastNonWhiteSpace(json);
        if (close < 1 || json[close] != (byte)'}')
        {
            throw new ArgumentException("A shard file is one JSON object.", nameof(json));
        }

        int end = ChecksumAt(json, close) is int field ? field : close;
        ReadOnlySpan<byte> body = json.AsSpan(0, end);
        byte[] sealedFile = new byte[end + ChecksumField.Length + ChecksumDigits + ChecksumEnd.Length + 1];
        body.CopyTo(sealedFile);
        ChecksumField.CopyTo(sealedFile.AsSpan(end));
        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(body))).CopyTo(sealedFile.AsSpan(end + ChecksumField.Length));
        ChecksumEnd.CopyTo(sealedFile.AsSpan(end + ChecksumField.Length + ChecksumDigits));
        sealedFile[^1] = (byte)'\n';
        return sealedFile;
    }

    // Throws when the file does not end with its checksum, or the checksum is not that of the bytes before it.
    static void CheckSeal(byte[] bytes)
    {
        int close = LastNonWhiteSpace(bytes);
        if (close < 0 || ChecksumAt(bytes, close) is not int field)
        {
            throw new FormatException("its contents are damaged (it does not end with its checksum, \"sha256\")");
        }

        string written = Encoding.ASCII.GetString(bytes, field + ChecksumField.Length, ChecksumDigits);
        if (written != Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, field))))
        {
            throw new FormatException("its contents are damaged (its checksum does not match them: the file was changed after it was written)");
        }
    }

    // Where the checksum field starts when the object closing at `close` ends with one: the field, 64 lower-case
    // hexadecimal digits and the closing quote and brace; null when it does not.
    static int? ChecksumAt(byte[] bytes, int close)
    {
        int field = close + 1 - ChecksumEnd.Length - ChecksumDigits - ChecksumField.Length;
        if (field < 0 || !bytes.AsSpan(field, ChecksumField.Length).SequenceEqual(ChecksumField)
            || !bytes.AsSpan(close + 1 - ChecksumEnd.Length, ChecksumEnd.Length).SequenceEqual(ChecksumEnd))
        {
            return null;
        }

        foreach (byte b in bytes.AsSpan(field + ChecksumField.Length, ChecksumDigits))
        {
            if (!(b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f'))
            {
                return null;
            }
        }

        return field;
    }

    static int LastNonWhiteSpace(byte[] bytes)
    {
        int i = bytes.Length - 1;
        while (i >= 0 && bytes[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            i--;
        }

        return i;
    }

    static void WriteShard(Utf8JsonWriter w, Shard shard)
    {
        w.WriteStartObject("shard");
        w.WriteNumber("index", shard.Index);
        w.WriteNumber("count", shard.Count);
        w.WriteNumber("from", shard.From);
        w.WriteNumber("to", shard.To);
        w.WriteEndObject();
    }

    /// <summary>Reads a shard file of one deal or of a chain: the entities' shards in run order (one for a single deal's
    /// file; two or more for a chain's). <see cref="FormatException"/> says what is wrong with the bytes.</summary>
    public static IReadOnlyList<ShardResult> ReadRun(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using JsonDocument document = Parse(bytes);
        JsonElement root = document.RootElement;
        if (!root.TryGetProperty("entities", out JsonElement entities))
        {
            return [ReadSingle(root)];
        }

        try
        {
            ShardResult[] results = [.. entities.EnumerateArray().Select(e => ReadEntity(root, e))];
            if (results.Length < 2)
            {
                throw new FormatException($"its chain has {results.Length} entities; a chain has two or more");
            }

            return results;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw new FormatException($"its contents are damaged ({e.Message})", e);
        }
    }

    /// <summary>Reads a single deal's shard file; <see cref="FormatException"/> says what is wrong with the bytes (a
    /// chain's file included: read it with <see cref="ReadRun"/>).</summary>
    public static ShardResult Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using JsonDocument document = Parse(bytes);
        if (document.RootElement.TryGetProperty("entities", out _))
        {
            throw new FormatException("it is a chain's shard file, not a single deal's");
        }

        return ReadSingle(document.RootElement);
    }

    /// <summary>The document, once its format and version are checked.</summary>
    static JsonDocument Parse(byte[] bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new FormatException("it is not a shard file (not JSON)", e);
        }

        try
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
            {
                throw new FormatException($"it is not a shard file (no \"format\": \"{Format}\")");
            }

            int version;
            try
            {
                version = root.Field("version").GetInt32();
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new FormatException($"its contents are damaged ({e.Message})", e);
            }

            if (version != Version)
            {
                throw new FormatException($"it is a shard file of version {version}; this DealLang reads version {Version}"
                    + (version < Version ? "; run the shard again with this DealLang" : ""));
            }

            // After the version, so that a file of an earlier one, which has no checksum, is told to run again.
            CheckSeal(bytes);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    static ShardResult ReadSingle(JsonElement root)
    {
        try
        {
            return ReadEntity(root, root);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw new FormatException($"its contents are damaged ({e.Message})", e);
        }
    }

    /// <summary>One deal's frame and totals (from <paramref name="entity"/>) of the file's shard (from
    /// <paramref name="root"/>); for a single deal's file both are the root.</summary>
    static ShardResult ReadEntity(JsonElement root, JsonElement entity)
    {
        SimulationFrame frame = ReadFrame(entity.Field("frame"));
        JsonElement s = root.Field("shard");
        var shard = new Shard(s.Field("index").GetInt32(), s.Field("count").GetInt32(), s.Field("from").GetInt32(), s.Field("to").GetInt32());
        if (shard.Count < 1 || shard.Index < 1 || shard.Index > shard.Count || shard != Shard.Of(shard.Index, shard.Count, frame.Paths, frame.Sampling == SimulationFrame.Antithetic))
        {
            throw new FormatException($"its shard {shard.Index}/{shard.Count} (paths {shard.From} to {shard.To}) is not a shard of {frame.Paths} paths");
        }

        SimulationTotals totals = ReadTotals(entity.Field("totals"), frame);
        if (totals.Paths != shard.To - shard.From)
        {
            throw new FormatException($"its totals count {totals.Paths} paths, but shard {shard.Index}/{shard.Count} has {shard.To - shard.From}");
        }

        if ((totals.Inconsistency() ?? totals.Pairs?.Inconsistency(totals, ((long)shard.To - shard.From + 1) / 2)) is { } inconsistency)
        {
            throw new FormatException($"its totals do not add up: {inconsistency}");
        }

        return new ShardResult(frame, shard, totals);
    }

    static void WriteFrame(Utf8JsonWriter w, SimulationFrame f)
    {
        w.WriteStartObject("frame");
        w.WriteString("deal", f.Deal);
        w.WriteString("dealHash", f.DealHash);
        w.WriteString("currency", f.Currency);
        w.WriteString("scenario", f.Scenario);
        w.WriteString("seed", f.Seed.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("paths", f.Paths);
        if (f.Sampling != SimulationFrame.Independent)
        {
            w.WriteString("sampling", f.Sampling); // absent for independent paths, as in the shards written before it
        }

        Strings(w, "tranches", f.Tranches);
        w.WriteStartArray("trancheBalances");
        foreach (double b in f.TrancheBalances)
        {
            Double(w, b);
        }

        w.WriteEndArray();
        Strings(w, "equities", f.Equities);
        w.WriteStartArray("parties");
        foreach (PartyPd p in f.Parties)
        {
            w.WriteStartObject();
            w.WriteString("name", p.Party);
            w.WriteNumber("index", p.PartyIndex);
            w.WritePropertyName("annualPd");
            Double(w, p.AnnualPd);
            w.WritePropertyName("horizonPd");
            Double(w, p.HorizonPd);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "indices", f.Indices);
        w.WriteStartArray("periodStarts");
        foreach (Date d in f.PeriodStarts)
        {
            w.WriteStringValue(d.ToString());
        }

        w.WriteEndArray();
        if (f.Guarantees.Length > 0 || f.LpClasses.Length > 0)
        {
            // a deal's guarantees and funds (docs/cli.md, "Shards"); absent, as in the files of a deal without them
            Strings(w, "guarantees", f.Guarantees);
            w.WriteStartArray("guaranteeCaps");
            foreach (double cap in f.GuaranteeCaps)
            {
                Double(w, cap);
            }

            w.WriteEndArray();
            Strings(w, "lpClasses", f.LpClasses);
            Strings(w, "carries", f.Carries);
            w.WriteStartArray("dealByDeal");
            foreach (bool dealByDeal in f.CarriesDealByDeal)
            {
                w.WriteBooleanValue(dealByDeal);
            }

            w.WriteEndArray();
        }

        if (f.HeldTranches.Length > 0)
        {
            Strings(w, "heldTranches", f.HeldTranches); // only a deal with a guaranteed tranche's
        }

        if (f.UnpaidOwners.Length > 0)
        {
            // only a deal that can end owing a fee, opex, a commitment fee or a guarantee fee
            Strings(w, "unpaidOwners", f.UnpaidOwners);
            Strings(w, "unpaidRows", f.UnpaidRows);
        }

        w.WriteEndObject();
    }

    static SimulationFrame ReadFrame(JsonElement f)
    {
        int paths = f.Field("paths").GetInt32();
        string[] tranches = ReadStrings(f.Field("tranches"));
        double[] balances = [.. f.Field("trancheBalances").EnumerateArray().Select(ReadDouble)];
        if (balances.Length != tranches.Length || paths < 0)
        {
            throw new FormatException("its frame's tranches do not fit together");
        }

        PartyPd[] parties = [.. f.Field("parties").EnumerateArray().Select(p => new PartyPd(
            p.Field("name").Text(), p.Field("index").GetInt32(), ReadDouble(p.Field("annualPd")), ReadDouble(p.Field("horizonPd"))))];
        Date[] starts = [.. f.Field("periodStarts").EnumerateArray().Select(d => ParseDate(d.Text()))];
        string[] held = f.TryGetProperty("heldTranches", out JsonElement h) ? ReadStrings(h) : [];
        if (held.Any(name => !tranches.Contains(name, StringComparer.Ordinal)))
        {
            // the holders' rows are headed by their tranche's name and balance
            throw new FormatException("its frame's guaranteed tranches are not among its tranches");
        }

        string[] unpaidOwners = f.TryGetProperty("unpaidOwners", out JsonElement uo) ? ReadStrings(uo) : [];
        string[] unpaidRows = f.TryGetProperty("unpaidRows", out JsonElement ur) ? ReadStrings(ur) : [];
        if (unpaidOwners.Length != unpaidRows.Length)
        {
            throw new FormatException("its frame's unpaid-at-end items do not fit together");
        }

        return new SimulationFrame(
            f.Field("deal").Text(),
            f.Field("dealHash").Text(),
            f.Field("currency").Text(),
            f.Field("scenario").Text(),
            ulong.Parse(f.Field("seed").Text(), NumberStyles.None, CultureInfo.InvariantCulture),
            paths,
            tranches,
            balances,
            ReadStrings(f.Field("equities")),
            parties,
            ReadStrings(f.Field("indices")),
            starts)
        {
            Guarantees = f.TryGetProperty("guarantees", out JsonElement g) ? ReadStrings(g) : [],
            GuaranteeCaps = f.TryGetProperty("guaranteeCaps", out JsonElement caps) ? [.. caps.EnumerateArray().Select(ReadDouble)] : [],
            LpClasses = f.TryGetProperty("lpClasses", out JsonElement lps) ? ReadStrings(lps) : [],
            Carries = f.TryGetProperty("carries", out JsonElement carries) ? ReadStrings(carries) : [],
            CarriesDealByDeal = f.TryGetProperty("dealByDeal", out JsonElement dealByDeal) ? [.. dealByDeal.EnumerateArray().Select(b => b.GetBoolean())] : [],
            HeldTranches = held,
            UnpaidOwners = unpaidOwners,
            UnpaidRows = unpaidRows,
            Sampling = f.TryGetProperty("sampling", out JsonElement sampling) ? Sampling(sampling.Text()) : SimulationFrame.Independent,
        };
    }

    static void WriteTotals(Utf8JsonWriter w, SimulationTotals t)
    {
        w.WriteStartObject("totals");
        w.WriteNumber("paths", t.Paths);
        w.WriteNumber("eventsOfDefault", t.EventsOfDefault);
        w.WriteNumber("sales", t.Sales);
        WriteTranches(w, "tranches", t.Tranches);
        w.WriteStartArray("equities");
        for (int e = 0; e < t.EquityIrr.Length; e++)
        {
            w.WriteStartObject();
            Measure(w, "irr", t.EquityIrr[e]);
            Histogram(w, "irrHistogram", t.EquityIrrHistogram[e]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("partyDefaults");
        foreach (long d in t.PartyDefaults)
        {
            w.WriteNumberValue(d);
        }

        w.WriteEndArray();
        w.WriteStartArray("indexLevels");
        foreach (LevelFan fan in t.IndexLevels)
        {
            w.WriteStartArray();
            for (int p = 0; p < fan.Periods; p++)
            {
                Histogram(w, null, fan[p]);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        if (t.Guarantees.Length > 0 || t.LpClasses.Length > 0)
        {
            w.WriteStartArray("guarantees");
            foreach (GuaranteeTotals g in t.Guarantees)
            {
                w.WriteStartObject();
                NetAmount(w, "netCost", g.NetCost);
                Loss(w, "cost", g.Cost);
                Loss(w, "costGiven", g.CostGiven);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("lpClasses");
            foreach (LpClassTotals c in t.LpClasses)
            {
                w.WriteStartObject();
                Loss(w, "distributions", c.Distributions);
                Measure(w, "irr", c.Irr);
                Loss(w, "loss", c.Loss);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("carry");
            foreach (LossStatistics c in t.Carry)
            {
                Loss(w, null, c);
            }

            w.WriteEndArray();
            w.WriteStartArray("carryUnpaid");
            foreach (LossStatistics c in t.CarryUnpaid)
            {
                Loss(w, null, c);
            }

            w.WriteEndArray();
        }

        if (t.Holders.Length > 0)
        {
            WriteTranches(w, "holders", t.Holders); // a guaranteed tranche's holders' figures, as a tranche's
        }

        if (t.Unpaid.Length > 0)
        {
            w.WriteStartArray("unpaid"); // what the paths ended owing of each item, the frame's unpaidOwners
            foreach (LossStatistics u in t.Unpaid)
            {
                Loss(w, null, u);
            }

            w.WriteEndArray();
        }

        if (t.Pairs is { } pairs)
        {
            WritePairs(w, pairs); // an antithetic run's only: every other run's file is as it was
        }

        w.WriteEndObject();
    }

    static void WriteTranches(Utf8JsonWriter w, string name, TrancheTotals[] tranches)
    {
        w.WriteStartArray(name);
        foreach (TrancheTotals tranche in tranches)
        {
            w.WriteStartObject();
            Loss(w, "loss", tranche.Loss);
            Loss(w, "lossGiven", tranche.LossGiven);
            Loss(w, "unpaid", tranche.Unpaid);
            Measure(w, "lossShare", tranche.LossShare);
            Measure(w, "lossShareGiven", tranche.LossShareGiven);
            Measure(w, "irr", tranche.Irr);
            Measure(w, "wal", tranche.Wal);
            Histogram(w, "lossHistogram", tranche.LossHistogram);
            Histogram(w, "irrHistogram", tranche.IrrHistogram);
            Histogram(w, "walHistogram", tranche.WalHistogram);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>An antithetic run's sums over its mirrored pairs: <c>"pairs": { "count": m, "sums": [[Σa, Σa², Σab, Σb, Σb²,
    /// pairs with b &gt; 0], …], "low": [histogram, …], "high": [histogram, …] }</c>, one sum per estimate in
    /// <see cref="PairTotals"/>' order, integers as decimal strings, and one histogram of the pairs' smaller and of their
    /// larger values per figure in <see cref="PairExtremes"/>' order.</summary>
    static void WritePairs(Utf8JsonWriter w, PairTotals pairs)
    {
        if (pairs.HasOpenPair)
        {
            throw new InvalidOperationException("A shard's paths ended inside an antithetic pair.");
        }

        w.WriteStartObject("pairs");
        w.WriteNumber("count", pairs.Pairs);
        w.WriteStartArray("sums");
        foreach (PairSums sums in pairs.Sums)
        {
            var (a, aa, ab, b, bb, with) = sums.Parts;
            w.WriteStartArray();
            w.WriteStringValue(a.ToString(CultureInfo.InvariantCulture));
            w.WriteStringValue(aa.ToString(CultureInfo.InvariantCulture));
            w.WriteStringValue(ab.ToString(CultureInfo.InvariantCulture));
            w.WriteStringValue(b.ToString(CultureInfo.InvariantCulture));
            w.WriteStringValue(bb.ToString(CultureInfo.InvariantCulture));
            w.WriteStringValue(with.ToString(CultureInfo.InvariantCulture));
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteStartArray("low");
        foreach (LogHistogram h in pairs.Extremes.Low)
        {
            Histogram(w, null, h);
        }

        w.WriteEndArray();
        w.WriteStartArray("high");
        foreach (LogHistogram h in pairs.Extremes.High)
        {
            Histogram(w, null, h);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>An antithetic run's pair sums into <paramref name="totals"/>; a file of an antithetic run without them
    /// was written before its ± came from its pairs, and cannot give them.</summary>
    static void ReadPairs(JsonElement t, SimulationFrame frame, SimulationTotals totals)
    {
        bool antithetic = frame.Sampling == SimulationFrame.Antithetic;
        bool has = t.TryGetProperty("pairs", out JsonElement p);
        if (!antithetic)
        {
            if (has)
            {
                throw new FormatException($"its totals hold sums over mirrored pairs, but its run is not antithetic ({frame.Sampling})");
            }

            return;
        }

        if (!has)
        {
            throw new FormatException("it is a shard of an antithetic run written by an earlier DealLang, without the sums over its mirrored pairs "
                + "that its standard errors now come from; run the shard again with this DealLang");
        }

        long count = p.Field("count").GetInt64();
        JsonElement[] rows = [.. p.Field("sums").EnumerateArray()];
        var sums = new PairSums[rows.Length];
        for (int s = 0; s < rows.Length; s++)
        {
            string[] parts = [.. rows[s].EnumerateArray().Select(x => x.Text())];
            if (parts.Length != 6)
            {
                throw new FormatException($"its pair sum {s} has {parts.Length} numbers, not 6");
            }

            try
            {
                sums[s] = PairSums.FromParts(ParseInt128(parts[0]), ParseInt128(parts[1]), ParseInt128(parts[2]), ParseLong(parts[3]), ParseLong(parts[4]), ParseLong(parts[5]), count);
            }
            catch (FormatException x)
            {
                throw new FormatException($"its contents are damaged (pair sum {s}: {x.Message})", x);
            }
        }

        PairTotals pairs = totals.Paired(frame.Paths).Pairs!;
        pairs.Set(count, sums);
        try
        {
            LogHistogram[] low = [.. p.Field("low").EnumerateArray().Select(h => ReadHistogram(h, SimulationTotals.MeasureBits))];
            LogHistogram[] high = [.. p.Field("high").EnumerateArray().Select(h => ReadHistogram(h, SimulationTotals.MeasureBits))];
            pairs.Extremes.Set(low, high);
        }
        catch (FormatException x)
        {
            throw new FormatException($"its contents are damaged (its pairs' histograms: {x.Message})", x);
        }
    }

    static Int128 ParseInt128(string text) => Int128.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    static long ParseLong(string text) => long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    static SimulationTotals ReadTotals(JsonElement t, SimulationFrame frame)
    {
        JsonElement[] tranches = [.. t.Field("tranches").EnumerateArray()];
        JsonElement[] equities = [.. t.Field("equities").EnumerateArray()];
        long[] partyDefaults = [.. t.Field("partyDefaults").EnumerateArray().Select(d => d.GetInt64())];
        JsonElement[][] fans = [.. t.Field("indexLevels").EnumerateArray().Select(f => f.EnumerateArray().ToArray())];
        int periods = frame.PeriodStarts.Length;
        if (tranches.Length != frame.Tranches.Length || equities.Length != frame.Equities.Length || fans.Length != frame.Indices.Length
            || fans.Any(f => f.Length != periods) || frame.Parties.Any(p => p.PartyIndex < 0 || p.PartyIndex >= partyDefaults.Length))
        {
            throw new FormatException("its totals do not fit its frame");
        }

        JsonElement[] guarantees = t.TryGetProperty("guarantees", out JsonElement gs) ? [.. gs.EnumerateArray()] : [];
        JsonElement[] lpClasses = t.TryGetProperty("lpClasses", out JsonElement ls) ? [.. ls.EnumerateArray()] : [];
        JsonElement[] carry = t.TryGetProperty("carry", out JsonElement cs) ? [.. cs.EnumerateArray()] : [];
        JsonElement[] carryUnpaid = t.TryGetProperty("carryUnpaid", out JsonElement us) ? [.. us.EnumerateArray()] : [];
        JsonElement[] holders = t.TryGetProperty("holders", out JsonElement hs) ? [.. hs.EnumerateArray()] : [];
        JsonElement[] unpaid = t.TryGetProperty("unpaid", out JsonElement ups) ? [.. ups.EnumerateArray()] : [];
        if (holders.Length != frame.HeldTranches.Length || unpaid.Length != frame.UnpaidOwners.Length || guarantees.Length != frame.Guarantees.Length || frame.GuaranteeCaps.Length != frame.Guarantees.Length
            || lpClasses.Length != frame.LpClasses.Length || carry.Length != frame.Carries.Length || carryUnpaid.Length != carry.Length
            || frame.CarriesDealByDeal.Length != frame.Carries.Length)
        {
            throw new FormatException("its totals do not fit its frame");
        }

        var totals = new SimulationTotals(tranches.Length, equities.Length, partyDefaults.Length, fans.Length, periods, guarantees.Length, lpClasses.Length, carry.Length, holders.Length, unpaid.Length)
        {
            Paths = t.Field("paths").GetInt64(),
            EventsOfDefault = t.Field("eventsOfDefault").GetInt64(),
            Sales = t.Field("sales").GetInt64(),
        };
        for (int i = 0; i < tranches.Length; i++)
        {
            ReadTranche(tranches[i], totals.Tranches[i], $"tranche {i}'s");
        }

        for (int h = 0; h < holders.Length; h++)
        {
            ReadTranche(holders[h], totals.Holders[h], $"held tranche {h}'s holders'");
        }

        for (int e = 0; e < equities.Length; e++)
        {
            totals.EquityIrr[e] = ReadMeasure(equities[e], "irr", $"equity {e}'s");
            totals.EquityIrrHistogram[e] = ReadHistogram(equities[e].Field("irrHistogram"), SimulationTotals.MeasureBits);
        }

        for (int g = 0; g < guarantees.Length; g++)
        {
            totals.Guarantees[g].NetCost = ReadNetAmount(guarantees[g], "netCost", $"guarantee {g}'s");
            totals.Guarantees[g].Cost = ReadLoss(guarantees[g], "cost", $"guarantee {g}'s");
            totals.Guarantees[g].CostGiven = ReadLoss(guarantees[g], "costGiven", $"guarantee {g}'s");
        }

        for (int c = 0; c < lpClasses.Length; c++)
        {
            totals.LpClasses[c].Distributions = ReadLoss(lpClasses[c], "distributions", $"LP class {c}'s");
            totals.LpClasses[c].Irr = ReadMeasure(lpClasses[c], "irr", $"LP class {c}'s");
            totals.LpClasses[c].Loss = ReadLoss(lpClasses[c], "loss", $"LP class {c}'s");
        }

        for (int f = 0; f < carry.Length; f++)
        {
            totals.Carry[f] = ReadLoss(carry[f], $"carry {f}");
            totals.CarryUnpaid[f] = ReadLoss(carryUnpaid[f], $"carry {f} unpaid");
        }

        for (int u = 0; u < unpaid.Length; u++)
        {
            totals.Unpaid[u] = ReadLoss(unpaid[u], $"unpaid item {u}");
        }

        partyDefaults.CopyTo(totals.PartyDefaults, 0);
        for (int x = 0; x < fans.Length; x++)
        {
            JsonElement[] fan = fans[x];
            totals.IndexLevels[x] = LevelFan.FromPeriods(periods, p => ReadHistogram(fan[p], SimulationTotals.FanBits, extremes: false));
        }

        ReadPairs(t, frame, totals);
        return totals;
    }

    static void ReadTranche(JsonElement x, TrancheTotals tranche, string whose)
    {
        tranche.Loss = ReadLoss(x, "loss", whose);
        tranche.LossGiven = ReadLoss(x, "lossGiven", whose);
        tranche.Unpaid = ReadLoss(x, "unpaid", whose);
        tranche.LossShare = ReadMeasure(x, "lossShare", whose);
        tranche.LossShareGiven = ReadMeasure(x, "lossShareGiven", whose);
        tranche.Irr = ReadMeasure(x, "irr", whose);
        tranche.Wal = ReadMeasure(x, "wal", whose);
        tranche.LossHistogram = ReadHistogram(x.Field("lossHistogram"), SimulationTotals.MeasureBits);
        tranche.IrrHistogram = ReadHistogram(x.Field("irrHistogram"), SimulationTotals.MeasureBits);
        tranche.WalHistogram = ReadHistogram(x.Field("walHistogram"), SimulationTotals.MeasureBits);
    }

    static void Loss(Utf8JsonWriter w, string? name, LossStatistics s)
    {
        var (sum, squares, paths, withLoss, max) = s.Parts;
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteString("sum", sum.ToString(CultureInfo.InvariantCulture));
        w.WriteString("sumSquares", squares.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("paths", paths);
        w.WriteNumber("pathsWithLoss", withLoss);
        w.WritePropertyName("max");
        Double(w, max);
        w.WriteEndObject();
    }

    /// <summary>The loss statistics in field <paramref name="name"/> of <paramref name="owner"/>; sums that no paths could give
    /// are damage named by where they are (<c>tranche 0's loss</c>).</summary>
    static LossStatistics ReadLoss(JsonElement owner, string name, string whose) => ReadLoss(owner.Field(name), $"{whose} {name}");

    static LossStatistics ReadLoss(JsonElement e, string what)
    {
        try
        {
            return ReadLoss(e);
        }
        catch (FormatException x)
        {
            throw new FormatException($"its contents are damaged ({what}: {x.Message})", x);
        }
    }

    static MeasureStatistics ReadMeasure(JsonElement owner, string name, string whose)
    {
        try
        {
            return ReadMeasure(owner.Field(name));
        }
        catch (FormatException x)
        {
            throw new FormatException($"its contents are damaged ({whose} {name}: {x.Message})", x);
        }
    }

    static LossStatistics ReadLoss(JsonElement e) => LossStatistics.FromParts(
        ReadInt128(e.Field("sum")), ReadInt128(e.Field("sumSquares")), e.Field("paths").GetInt64(),
        e.Field("pathsWithLoss").GetInt64(), ReadDouble(e.Field("max")));

    static void NetAmount(Utf8JsonWriter w, string name, NetAmountStatistics s)
    {
        var (sum, squares, paths) = s.Parts;
        w.WriteStartObject(name);
        w.WriteString("sum", sum.ToString(CultureInfo.InvariantCulture));
        w.WriteString("sumSquares", squares.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("paths", paths);
        w.WriteEndObject();
    }

    static NetAmountStatistics ReadNetAmount(JsonElement owner, string name, string whose)
    {
        try
        {
            JsonElement e = owner.Field(name);
            return NetAmountStatistics.FromParts(ReadInt128(e.Field("sum")), ReadInt128(e.Field("sumSquares")), e.Field("paths").GetInt64());
        }
        catch (FormatException x)
        {
            throw new FormatException($"its contents are damaged ({whose} {name}: {x.Message})", x);
        }
    }

    static void Measure(Utf8JsonWriter w, string name, MeasureStatistics s)
    {
        var (sum, squares, paths, undefined, min, max) = s.Parts;
        w.WriteStartObject(name);
        w.WriteString("sum", sum.ToString(CultureInfo.InvariantCulture));
        w.WriteString("sumSquares", squares.ToString(CultureInfo.InvariantCulture));
        w.WriteNumber("paths", paths);
        w.WriteNumber("undefined", undefined);
        w.WritePropertyName("min");
        Double(w, min);
        w.WritePropertyName("max");
        Double(w, max);
        w.WriteEndObject();
    }

    static MeasureStatistics ReadMeasure(JsonElement e) => MeasureStatistics.FromParts(
        ReadInt128(e.Field("sum")), ReadInt128(e.Field("sumSquares")), e.Field("paths").GetInt64(),
        e.Field("undefined").GetInt64(), ReadDouble(e.Field("min")), ReadDouble(e.Field("max")));

    static void Histogram(Utf8JsonWriter w, string? name, LogHistogram h)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteNumber("bits", h.SubBits);

        // A histogram without extremes (an index fan's): its smallest and largest values, then its buckets' counts.
        if (!h.KeepsExtremes)
        {
            w.WritePropertyName("min");
            Double(w, h.Min);
            w.WritePropertyName("max");
            Double(w, h.Max);
        }

        // The non-empty buckets as a flat [bucket, count, bucket, count, ...], and their smallest and largest values in
        // the same order as a flat [lo, hi, lo, hi, ...] (round-trip strings, as every double here).
        w.WriteStartArray("buckets");
        foreach (var (bucket, count, _, _) in h.NonEmpty())
        {
            w.WriteNumberValue(bucket);
            w.WriteNumberValue(count);
        }

        w.WriteEndArray();
        if (h.KeepsExtremes)
        {
            w.WriteStartArray("extremes");
            foreach (var (_, _, low, high) in h.NonEmpty())
            {
                Double(w, low);
                Double(w, high);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>A histogram with its buckets' extremes, or without them (an index fan's) when <paramref name="extremes"/>
    /// is false.</summary>
    static LogHistogram ReadHistogram(JsonElement e, int bits, bool extremes = true)
    {
        // Exactly the fields of its kind: a fan's histogram carrying "extremes" (or a measure's "min") would otherwise be
        // read without them, a file of the other kind taken for this one.
        string[] fields = extremes ? ["bits", "buckets", "extremes"] : ["bits", "min", "max", "buckets"];
        string? extra = e.ValueKind == JsonValueKind.Object ? e.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !fields.Contains(n)) : null;
        if (extra is not null)
        {
            throw new FormatException($"a histogram {(extremes ? "with" : "without")} its buckets' extremes has an unexpected field \"{extra}\"");
        }

        if (e.Field("bits").GetInt32() != bits)
        {
            throw new FormatException($"a histogram of {e.Field("bits").GetInt32()} bits where {bits} were expected");
        }

        int[] flat = [.. e.Field("buckets").EnumerateArray().Select(b => b.GetInt32())];
        if (!extremes)
        {
            if (flat.Length % 2 != 0)
            {
                throw new FormatException("a histogram's buckets are not pairs");
            }

            var counts = new (int, int)[flat.Length / 2];
            for (int i = 0; i < counts.Length; i++)
            {
                counts[i] = (flat[2 * i], flat[(2 * i) + 1]);
            }

            return LogHistogram.FromCounts(bits, ReadDouble(e.Field("min")), ReadDouble(e.Field("max")), counts);
        }

        double[] lowHighs = [.. e.Field("extremes").EnumerateArray().Select(ReadDouble)];
        if (flat.Length % 2 != 0 || lowHighs.Length != flat.Length)
        {
            throw new FormatException("a histogram's buckets are not pairs of a count and pairs of its extremes");
        }

        var buckets = new (int, int, double, double)[flat.Length / 2];
        for (int i = 0; i < buckets.Length; i++)
        {
            buckets[i] = (flat[2 * i], flat[(2 * i) + 1], lowHighs[2 * i], lowHighs[(2 * i) + 1]);
        }

        return LogHistogram.FromParts(bits, buckets);
    }

    // Doubles in round-trip form as strings, so NaN (an empty accumulator's extremes) survives and nothing is rounded.
    static void Double(Utf8JsonWriter w, double value) => w.WriteStringValue(value.ToString("R", CultureInfo.InvariantCulture));

    static double ReadDouble(JsonElement e) => double.Parse(e.Text(), NumberStyles.Float, CultureInfo.InvariantCulture);

    static Int128 ReadInt128(JsonElement e) => Int128.Parse(e.Text(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    static void Strings(Utf8JsonWriter w, string name, string[] values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    static string[] ReadStrings(JsonElement e) => [.. e.EnumerateArray().Select(s => s.Text())];

    // A string field's text; a JSON null there (GetString gives null for it) is damage, as any other kind is (GetString
    // throws InvalidOperationException for those), rather than a null that fails further on.
    /// <summary>The field <paramref name="name"/> of an object, or an error that names it: JsonElement's own says "The given
    /// key was not present in the dictionary", which does not say which.</summary>
    static JsonElement Field(this JsonElement e, string name) =>
        e.ValueKind != JsonValueKind.Object ? throw new InvalidOperationException($"\"{name}\" is looked for in a {e.ValueKind.ToString().ToLowerInvariant()}, not an object")
        : e.TryGetProperty(name, out JsonElement value) ? value
        : throw new KeyNotFoundException($"no field \"{name}\"");

    static string Text(this JsonElement e) => e.GetString() ?? throw new InvalidOperationException("a string is null");

    static string Sampling(string text) => text is SimulationFrame.Antithetic or SimulationFrame.Sobol or SimulationFrame.Independent
        ? text
        : throw new FormatException($"'{text}' is not a way of drawing paths (antithetic, sobol or independent)");

    static Date ParseDate(string text)
    {
        string[] parts = text.Split('-');
        if (parts.Length != 3)
        {
            throw new FormatException($"'{text}' is not a date");
        }

        return new Date(
            int.Parse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture),
            int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture),
            int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture));
    }
}
