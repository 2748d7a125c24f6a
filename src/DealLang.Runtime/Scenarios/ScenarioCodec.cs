namespace DealLang.Runtime;

/// <summary>
/// Scenarios as bytes and back, exactly: every lever of <see cref="ScenarioSpec"/> and of the records it holds, in
/// declaration order (constructor parameters, then <c>init</c> properties), doubles as their bits, a <see cref="Date"/>
/// as its day number, a null or an array's length before its items. For the compiled-deal cache's checked runs
/// (DealLang.Compiler's <c>CheckedRunCache</c>), which must give back what the check gave without the cold start of a
/// general serialiser (System.Text.Json's generated metadata JIT-compiles some 700 generic methods on a run's first
/// read, more than the check it replaces). A lever added to these records must be added here:
/// <c>ScenarioCodecTests</c> fills every constructor parameter and property of every record reachable from
/// <see cref="ScenarioSpec"/> with a value of its own and fails on any that does not come back.
/// </summary>
public static class ScenarioCodec
{
    /// <summary>Writes <paramref name="scenarios"/>.</summary>
    public static void Write(BinaryWriter writer, IReadOnlyList<ScenarioSpec> scenarios)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(scenarios);
        writer.Write(scenarios.Count);
        foreach (ScenarioSpec scenario in scenarios)
        {
            Write(writer, scenario);
        }
    }

    /// <summary>Reads what <see cref="Write(BinaryWriter, IReadOnlyList{ScenarioSpec})"/> wrote. Bytes it did not write
    /// end in <see cref="InvalidDataException"/> (or <see cref="EndOfStreamException"/>), never in a scenario.</summary>
    public static ScenarioSpec[] Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadArray(reader, ReadScenario);
    }

    static void Write(BinaryWriter w, ScenarioSpec s)
    {
        w.Write(s.Name);
        WriteArray(w, s.RenewalsTaken, WriteNullable);
        WriteArray(w, s.FacilityStress, (w, v) => WriteOptional(w, v, Write));
        w.Write(s.MarketRentDeflation);
        WriteArray(w, s.PartyDefaults, WriteNullable);
        WriteNullable(w, s.EnforcementHaircut);
        WriteNullable(w, s.EnforcementLagMonths);
        WriteNullable(w, s.EnforcementDepth);
        WriteNullable(w, s.EnforcementImpact);
        WriteNullable(w, s.EnforcementLimit);
        WriteNullable(w, s.EnforcementCosts);
        WriteArray(w, s.Indices, (w, v) => WriteOptional(w, v, Write));
        WriteArray(w, s.Contracts, (w, v) => WriteOptional(w, v, Write));
        WriteNullable(w, s.EnforcementKeepContracts);
        WriteNullable(w, s.EnforcementReserve);
        WriteArray(w, s.PartyRecoveries, WriteNullable);
        WriteArray(w, s.Guarantors, (w, v) => WriteOptional(w, v, Write));
        WriteArray(w, s.Holdings, (w, v) => WriteOptional(w, v, Write));
        WriteArray(w, s.LeaseBreaks, WriteNullable);
        WriteArray(w, s.TrancheCalls, (w, v) => WriteOptional(w, v, (w, calls) => WriteArray(w, calls, (w, c) => WriteOptional(w, c, Write))));
        WriteArray(w, s.PartyWorkoutMonths, WriteNullable);
        WriteNullable(w, s.EnforcementYield);
        WriteNullable(w, s.EnforcementReletUtilisation);
        WriteNullable(w, s.EnforcementReletMonths);
        WriteNullable(w, s.EnforcementReletTo);
        WriteNullable(w, s.EnforcementReletRampMonths);
        WriteOptional(w, s.EnforcementReletPrice, Write);
        WriteOptional(w, s.EnforcementReletCurve, Write);
        WriteArray(w, s.LoanWorkoutMonths, WriteNullable);
        WriteNullable(w, s.EnforcementHalfLifeMonths);
        WriteArray(w, s.TrancheConverts, WriteNullable);
        WriteArray(w, s.LoanPayments, (w, v) => WriteOptional(w, v, (w, windows) => WriteArray(w, windows, (w, p) => WriteOptional(w, p, Write))));
        WriteArray(w, s.LoanPaymentShares, (w, v) => WriteOptional(w, v, (w, shares) => WriteArray(w, shares, (w, x) => w.Write(x))));
        WriteArray(w, s.ReletUtilisationsDrawn, (w, x) => w.Write(x));
        WriteOptional(w, s.Stochastic, Write);
    }

    static ScenarioSpec ReadScenario(BinaryReader r) =>
        new(r.ReadString(),
            ReadArray(r, ReadNullableInt),
            ReadArray(r, r => ReadOptional(r, ReadValueStress)!),
            r.ReadDouble(),
            ReadArray(r, ReadNullableDate),
            ReadNullableDouble(r),
            ReadNullableInt(r),
            ReadNullableDouble(r),
            ReadNullableDouble(r),
            ReadNullableDouble(r),
            ReadNullableDouble(r))
        {
            Indices = ReadArray(r, r => ReadOptional(r, ReadIndexOverride)),
            Contracts = ReadArray(r, r => ReadOptional(r, ReadContractLevers)),
            EnforcementKeepContracts = ReadNullableBool(r),
            EnforcementReserve = ReadNullableDouble(r),
            PartyRecoveries = ReadArray(r, ReadNullableDouble),
            Guarantors = ReadArray(r, r => ReadOptional(r, ReadGuarantorLevers)),
            Holdings = ReadArray(r, r => ReadOptional(r, ReadHoldingLevers)),
            LeaseBreaks = ReadArray(r, ReadNullableInt),
            TrancheCalls = ReadArray(r, r => ReadOptional(r, r => ReadArray(r, r => ReadOptional(r, ReadTrancheCall)!))),
            PartyWorkoutMonths = ReadArray(r, ReadNullableInt),
            EnforcementYield = ReadNullableDouble(r),
            EnforcementReletUtilisation = ReadNullableDouble(r),
            EnforcementReletMonths = ReadNullableInt(r),
            EnforcementReletTo = ReadNullableDouble(r),
            EnforcementReletRampMonths = ReadNullableInt(r),
            EnforcementReletPrice = ReadOptional(r, ReadReletPrice),
            EnforcementReletCurve = ReadOptional(r, ReadReletCurve),
            LoanWorkoutMonths = ReadArray(r, ReadNullableInt),
            EnforcementHalfLifeMonths = ReadNullableInt(r),
            TrancheConverts = ReadArray(r, ReadNullableDouble),
            LoanPayments = ReadArray(r, r => ReadOptional(r, r => ReadArray(r, r => ReadOptional(r, ReadPartialPayment)!))),
            LoanPaymentShares = ReadArray(r, r => ReadOptional(r, r => ReadArray(r, r => r.ReadDouble()))),
            ReletUtilisationsDrawn = ReadArray(r, r => r.ReadDouble()),
            Stochastic = ReadOptional(r, ReadStochastic),
        };

    static void Write(BinaryWriter w, PartialPayment v)
    {
        w.Write(v.Share);
        WriteNullable(w, v.From);
        WriteNullable(w, v.To);
        w.Write(v.ArrearsPeriods);
    }

    static PartialPayment ReadPartialPayment(BinaryReader r) =>
        new(r.ReadDouble(), ReadNullableDate(r), ReadNullableDate(r)) { ArrearsPeriods = r.ReadInt32() };

    static void Write(BinaryWriter w, ValueStress v)
    {
        w.Write(v.DeflatePerYear);
        w.Write(v.DropFraction);
        WriteNullable(w, v.DropBy);
    }

    static ValueStress ReadValueStress(BinaryReader r) => new(r.ReadDouble(), r.ReadDouble(), ReadNullableDate(r));

    static void Write(BinaryWriter w, IndexOverride v)
    {
        WriteNullable(w, v.Level);
        WriteNullable(w, v.DeflatePerYear);
        WriteOptional(w, v.Points, Write);
        WriteArray(w, v.AddedLaunches, Write);
        w.Write(v.Shift);
        w.Write(v.NeverNegative);
    }

    static IndexOverride ReadIndexOverride(BinaryReader r) =>
        new(ReadNullableDouble(r), ReadNullableDouble(r), ReadOptional(r, ReadIndexPoints), ReadArray(r, ReadIndexLaunch), r.ReadDouble())
        {
            NeverNegative = r.ReadBoolean(),
        };

    static void Write(BinaryWriter w, IndexPoints v)
    {
        w.Write(v.Interpolated);
        WriteArray(w, v.Dates, Write);
        WriteArray(w, v.Values, (w, x) => w.Write(x));
    }

    static IndexPoints ReadIndexPoints(BinaryReader r) => new(r.ReadBoolean(), ReadArray(r, ReadDate), ReadArray(r, r => r.ReadDouble()));

    static void Write(BinaryWriter w, IndexLaunch v)
    {
        Write(w, v.Date);
        w.Write(v.Down);
    }

    static IndexLaunch ReadIndexLaunch(BinaryReader r) => new(ReadDate(r), r.ReadDouble());

    static void Write(BinaryWriter w, ContractLevers v)
    {
        WriteNullable(w, v.Utilisation);
        w.Write(v.Relet);
        w.Write(v.ReletAfterMonths);
        w.Write(v.ReletUtilisation);
        w.Write(v.RenewalsTaken);
        WriteNullable(w, v.BreakMonths);
        w.Write(v.ReletTo);
        w.Write(v.ReletRampMonths);
        WriteOptional(w, v.ReletPrice, Write);
        WriteOptional(w, v.ReletCurve, Write);
    }

    static ContractLevers ReadContractLevers(BinaryReader r) =>
        new(ReadNullableDouble(r), r.ReadBoolean(), r.ReadInt32(), r.ReadDouble())
        {
            RenewalsTaken = r.ReadInt32(), BreakMonths = ReadNullableInt(r),
            ReletTo = r.ReadDouble(), ReletRampMonths = r.ReadInt32(), ReletPrice = ReadOptional(r, ReadReletPrice),
            ReletCurve = ReadOptional(r, ReadReletCurve),
        };

    static void Write(BinaryWriter w, ReletPrice v)
    {
        w.Write(v.Index);
        w.Write(v.Share);
        w.Write(v.Spread);
    }

    static ReletPrice ReadReletPrice(BinaryReader r) => new(r.ReadInt32(), r.ReadDouble(), r.ReadDouble());

    static void Write(BinaryWriter w, ReletCurve v)
    {
        WriteArray(w, v.Months, (w, m) => w.Write(m));
        WriteArray(w, v.Levels, (w, l) => w.Write(l));
    }

    static ReletCurve ReadReletCurve(BinaryReader r) => new(ReadArray(r, r => r.ReadInt32()), ReadArray(r, r => r.ReadDouble()));

    static void Write(BinaryWriter w, GuarantorLevers v)
    {
        w.Write(v.Honour);
        w.Write(v.Disowned);
        WriteNullable(w, v.From);
    }

    static GuarantorLevers ReadGuarantorLevers(BinaryReader r) => new(r.ReadDouble(), r.ReadBoolean(), ReadNullableDate(r));

    static void Write(BinaryWriter w, HoldingLevers v)
    {
        WriteNullable(w, v.Discount);
        WriteNullable(w, v.Depth);
        WriteNullable(w, v.Impact);
    }

    static HoldingLevers ReadHoldingLevers(BinaryReader r) => new(ReadNullableDouble(r), ReadNullableDouble(r), ReadNullableDouble(r));

    static void Write(BinaryWriter w, TrancheCall v)
    {
        Write(w, v.On);
        w.Write(v.Price);
        w.Write(v.Part);
        w.Write(v.MakeWhole);
        WriteOptional(w, v.When, Write);
        WriteArray(w, v.Steps, (w, step) => WriteOptional(w, step, Write));
    }

    static TrancheCall ReadTrancheCall(BinaryReader r) => new(ReadDate(r), r.ReadDouble(), r.ReadDouble())
    {
        MakeWhole = r.ReadBoolean(),
        When = ReadOptional(r, ReadCallCondition),
        Steps = ReadArray(r, r => ReadOptional(r, ReadCallStepPrice)!),
    };

    static void Write(BinaryWriter w, CallCondition v)
    {
        WriteArray(w, v.Indices, (w, i) => w.Write(i));
        WriteArray(w, v.Signs, (w, d) => w.Write(d));
        w.Write(v.Constant);
        w.Write(v.Below);
        w.Write(v.OrEqual);
    }

    static CallCondition ReadCallCondition(BinaryReader r) =>
        new(ReadArray(r, r => r.ReadInt32()), ReadArray(r, r => r.ReadDouble()), r.ReadDouble(), r.ReadDouble(), r.ReadBoolean());

    static void Write(BinaryWriter w, CallStepPrice v)
    {
        Write(w, v.From);
        w.Write(v.Price);
    }

    static CallStepPrice ReadCallStepPrice(BinaryReader r) => new(ReadDate(r), r.ReadDouble());

    static void Write(BinaryWriter w, StochasticSpec v)
    {
        WriteNullable(w, v.Paths);
        w.Write(v.Seed.HasValue);
        w.Write(v.Seed.GetValueOrDefault());
        w.Write(v.Antithetic);
        WriteArray(w, v.Factors, (w, f) => WriteOptional(w, f, Write));
        WriteOptional(w, v.Correlation, Write);
        WriteArray(w, v.Defaults, (w, d) => WriteOptional(w, d, Write));
        w.Write(v.Sobol);
        WriteArray(w, v.Renewals, (w, m) => WriteOptional(w, m, Write));
        WriteArray(w, v.Delays, (w, m) => WriteOptional(w, m, Write));
        WriteArray(w, v.Recoveries, (w, m) => WriteOptional(w, m, Write));
        WriteArray(w, v.Breaks, (w, m) => WriteOptional(w, m, Write));
        WriteArray(w, v.Workouts, (w, m) => WriteOptional(w, m, Write));
        WriteArray(w, v.LoanWorkouts, (w, m) => WriteOptional(w, m, Write));
        WriteArray(w, v.PaymentShares, (w, m) => WriteOptional(w, m, Write));
        WriteArray(w, v.ReletUtilisations, (w, m) => WriteOptional(w, m, Write));
    }

    static void Write(BinaryWriter w, ReletUtilisationModel v)
    {
        WriteNullable(w, v.Contract);
        w.Write(v.RampEnd);
        WriteOptional<RecoveryDraw>(w, v.Utilisation, Write);
    }

    static ReletUtilisationModel ReadReletUtilisationModel(BinaryReader r) =>
        new(ReadNullableInt(r), r.ReadBoolean(), ReadOptional(r, ReadRecoveryDraw) as RecoveryBeta ?? throw new InvalidDataException("a drawn re-let utilisation that is not a beta"));

    static void Write(BinaryWriter w, PaymentShareModel v)
    {
        w.Write(v.Loan);
        w.Write(v.Window);
        WriteOptional<RecoveryDraw>(w, v.Share, Write);
    }

    static PaymentShareModel ReadPaymentShareModel(BinaryReader r) =>
        new(r.ReadInt32(), r.ReadInt32(), ReadOptional(r, ReadRecoveryDraw) as RecoveryBeta ?? throw new InvalidDataException("a drawn share that is not a beta"));

    static StochasticSpec ReadStochastic(BinaryReader r)
    {
        int? paths = ReadNullableInt(r);
        bool seeded = r.ReadBoolean();
        ulong seed = r.ReadUInt64();
        return new(paths, seeded ? seed : null, r.ReadBoolean(), ReadArray(r, r => ReadOptional(r, ReadFactor)!),
            ReadOptional(r, ReadCorrelation), ReadArray(r, r => ReadOptional(r, ReadDefaultModel)!))
        {
            Sobol = r.ReadBoolean(),
            Renewals = ReadArray(r, r => ReadOptional(r, ReadRenewalModel)!),
            Delays = ReadArray(r, r => ReadOptional(r, ReadDelayModel)!),
            Recoveries = ReadArray(r, r => ReadOptional(r, ReadRecoveryModel)!),
            Breaks = ReadArray(r, r => ReadOptional(r, ReadBreakModel)!),
            Workouts = ReadArray(r, r => ReadOptional(r, ReadWorkoutModel)!),
            LoanWorkouts = ReadArray(r, r => ReadOptional(r, ReadWorkoutModel)!),
            PaymentShares = ReadArray(r, r => ReadOptional(r, ReadPaymentShareModel)!),
            ReletUtilisations = ReadArray(r, r => ReadOptional(r, ReadReletUtilisationModel)!),
        };
    }

    static void Write(BinaryWriter w, RecoveryModel v)
    {
        w.Write(v.Party);
        WriteOptional(w, v.Recovery, Write);
    }

    static RecoveryModel ReadRecoveryModel(BinaryReader r) => new(r.ReadInt32(), ReadOptional(r, ReadRecoveryDraw)!);

    static void Write(BinaryWriter w, BreakModel v)
    {
        w.Write((int)v.Of);
        w.Write(v.Entity);
        WriteArray(w, v.Months, (w, x) => w.Write(x));
        WriteArray(w, v.Probabilities, (w, x) => w.Write(x));
        WriteArray(w, v.Loadings, (w, x) => w.Write(x));
        w.Write(v.Renewal);
    }

    static BreakModel ReadBreakModel(BinaryReader r) =>
        new((BreakOf)r.ReadInt32(), r.ReadInt32(), ReadArray(r, r => r.ReadInt32()), ReadArray(r, r => r.ReadDouble()), ReadArray(r, r => r.ReadDouble()))
        {
            Renewal = r.ReadInt32(),
        };

    static void Write(BinaryWriter w, WorkoutModel v)
    {
        w.Write(v.Party);
        WriteArray(w, v.Months, (w, x) => w.Write(x));
        WriteArray(w, v.Probabilities, (w, x) => w.Write(x));
        WriteArray(w, v.Loadings, (w, x) => w.Write(x));
        w.Write(v.Loan);
    }

    static WorkoutModel ReadWorkoutModel(BinaryReader r) =>
        new(r.ReadInt32(), ReadArray(r, r => r.ReadInt32()), ReadArray(r, r => r.ReadDouble())) { Loadings = ReadArray(r, r => r.ReadDouble()), Loan = r.ReadInt32() };

    static void Write(BinaryWriter w, DelayModel v)
    {
        w.Write(v.Index);
        WriteArray(w, v.Months, (w, x) => w.Write(x));
        WriteArray(w, v.Probabilities, (w, x) => w.Write(x));
        WriteNullable(w, v.From);
        WriteArray(w, v.Loadings, (w, x) => w.Write(x));
    }

    static DelayModel ReadDelayModel(BinaryReader r) =>
        new(r.ReadInt32(), ReadArray(r, r => r.ReadInt32()), ReadArray(r, r => r.ReadDouble())) { From = ReadNullableDate(r), Loadings = ReadArray(r, r => r.ReadDouble()) };

    static void Write(BinaryWriter w, RenewalModel v)
    {
        w.Write(v.Entity);
        w.Write(v.Probability);
        WriteArray(w, v.Loadings, (w, x) => w.Write(x));
        w.Write((int)v.Of);
    }

    static RenewalModel ReadRenewalModel(BinaryReader r) => new(r.ReadInt32(), r.ReadDouble(), ReadArray(r, r => r.ReadDouble())) { Of = (BreakOf)r.ReadInt32() };

    static void Write(BinaryWriter w, FactorSpec v)
    {
        w.Write(v.Name);
        w.Write((int)v.Target);
        w.Write(v.Entity);
        w.Write((int)v.Process);
        w.Write(v.Drift);
        w.Write(v.Volatility);
        w.Write(v.Speed);
        w.Write(v.LongRun);
        w.Write(v.JumpIntensity);
        w.Write(v.JumpDown);
        w.Write(v.NeverNegative);
    }

    static FactorSpec ReadFactor(BinaryReader r) =>
        new(r.ReadString(), ReadEnum<FactorTarget>(r), r.ReadInt32(), ReadEnum<FactorProcess>(r))
        {
            Drift = r.ReadDouble(),
            Volatility = r.ReadDouble(),
            Speed = r.ReadDouble(),
            LongRun = r.ReadDouble(),
            JumpIntensity = r.ReadDouble(),
            JumpDown = r.ReadDouble(),
            NeverNegative = r.ReadBoolean(),
        };

    static void Write(BinaryWriter w, CorrelationSpec v)
    {
        WriteArray(w, v.Normal, (w, x) => w.Write(x));
        WriteArray(w, v.Stress, (w, x) => w.Write(x));
        w.Write(v.ToStressPerYear);
        w.Write(v.ToNormalPerYear);
    }

    static CorrelationSpec ReadCorrelation(BinaryReader r) =>
        new(ReadArray(r, r => r.ReadDouble()), ReadNullableArray(r, r => r.ReadDouble()), r.ReadDouble(), r.ReadDouble());

    static void Write(BinaryWriter w, DefaultModel v)
    {
        w.Write(v.Party);
        w.Write(v.AnnualPd);
        WriteArray(w, v.Loadings, (w, x) => w.Write(x));
        WriteArray(w, v.Steps, (w, s) => WriteOptional(w, s, Write));
        WriteOptional(w, v.Recovery, Write);
    }

    static DefaultModel ReadDefaultModel(BinaryReader r) =>
        new(r.ReadInt32(), r.ReadDouble(), ReadArray(r, r => r.ReadDouble()))
        {
            Steps = ReadArray(r, r => ReadOptional(r, ReadPdStep)!),
            Recovery = ReadOptional(r, ReadRecoveryDraw),
        };

    static void Write(BinaryWriter w, PdStep v)
    {
        Write(w, v.From);
        w.Write(v.AnnualPd);
    }

    static PdStep ReadPdStep(BinaryReader r) => new(ReadDate(r), r.ReadDouble());

    // A drawn recovery is its kind's byte (0 a beta, 1 outcomes, 2 outcomes and the beta after 'else') before its numbers.
    static void Write(BinaryWriter w, RecoveryDraw v)
    {
        switch (v)
        {
            case RecoveryBeta beta:
                w.Write((byte)0);
                w.Write(beta.Mean);
                w.Write(beta.Sd);
                break;
            case RecoveryOutcomes outcomes:
                w.Write(outcomes.Rest is null ? (byte)1 : (byte)2);
                WriteArray(w, outcomes.Recoveries, (w, x) => w.Write(x));
                WriteArray(w, outcomes.Probabilities, (w, x) => w.Write(x));
                if (outcomes.Rest is { } rest)
                {
                    Write(w, rest);
                }

                break;
            default:
                throw new ArgumentException($"a drawn recovery of kind {v.GetType().Name}, which the codec does not know", nameof(v));
        }

        WriteArray(w, v.Loadings, (w, x) => w.Write(x));
    }

    static RecoveryDraw ReadRecoveryDraw(BinaryReader r)
    {
        RecoveryDraw draw = r.ReadByte() switch
        {
            0 => new RecoveryBeta(r.ReadDouble(), r.ReadDouble()),
            1 => new RecoveryOutcomes(ReadArray(r, r => r.ReadDouble()), ReadArray(r, r => r.ReadDouble())),
            2 => new RecoveryOutcomes(ReadArray(r, r => r.ReadDouble()), ReadArray(r, r => r.ReadDouble()))
            {
                Rest = ReadRecoveryDraw(r) as RecoveryBeta ?? throw new InvalidDataException("a drawn recovery's beta after its outcomes that is not a beta"),
            },
            byte kind => throw new InvalidDataException($"a drawn recovery of kind {kind}, which the codec did not write"),
        };
        return draw with { Loadings = ReadArray(r, r => r.ReadDouble()) };
    }

    // The parts: a date is its day number; a null is a 0 byte before where the value would be (1 before a value); an
    // array is its length (−1: null) before its items.

    static void Write(BinaryWriter w, Date v) => w.Write(v.DayNumber);

    static Date ReadDate(BinaryReader r)
    {
        int day = r.ReadInt32();
        return day >= Date.MinValue.DayNumber && day <= Date.MaxValue.DayNumber ? Date.FromDayNumber(day) : throw new InvalidDataException($"day number {day} is not a date");
    }

    static void WriteNullable(BinaryWriter w, double? v)
    {
        w.Write(v.HasValue);
        if (v is { } x)
        {
            w.Write(x);
        }
    }

    static void WriteNullable(BinaryWriter w, int? v)
    {
        w.Write(v.HasValue);
        if (v is { } x)
        {
            w.Write(x);
        }
    }

    static void WriteNullable(BinaryWriter w, bool? v)
    {
        w.Write(v.HasValue);
        if (v is { } x)
        {
            w.Write(x);
        }
    }

    static void WriteNullable(BinaryWriter w, Date? v)
    {
        w.Write(v.HasValue);
        if (v is { } x)
        {
            Write(w, x);
        }
    }

    static double? ReadNullableDouble(BinaryReader r) => r.ReadBoolean() ? r.ReadDouble() : null;

    static int? ReadNullableInt(BinaryReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    static bool? ReadNullableBool(BinaryReader r) => r.ReadBoolean() ? r.ReadBoolean() : null;

    static Date? ReadNullableDate(BinaryReader r) => r.ReadBoolean() ? ReadDate(r) : null;

    static T ReadEnum<T>(BinaryReader r)
        where T : struct, Enum
    {
        int value = r.ReadInt32();
        return Enum.IsDefined(typeof(T), value) ? (T)(object)value : throw new InvalidDataException($"{value} is not a {typeof(T).Name}");
    }

    static void WriteOptional<T>(BinaryWriter w, T? v, Action<BinaryWriter, T> write)
        where T : class
    {
        w.Write(v is not null);
        if (v is not null)
        {
            write(w, v);
        }
    }

    static T? ReadOptional<T>(BinaryReader r, Func<BinaryReader, T> read)
        where T : class => r.ReadBoolean() ? read(r) : null;

    static void WriteArray<T>(BinaryWriter w, T[]? items, Action<BinaryWriter, T> write)
    {
        if (items is null)
        {
            w.Write(-1);
            return;
        }

        w.Write(items.Length);
        foreach (T item in items)
        {
            write(w, item);
        }
    }

    static T[] ReadArray<T>(BinaryReader r, Func<BinaryReader, T> read) =>
        ReadNullableArray(r, read) ?? throw new InvalidDataException("a null where an array must be");

    static T[]? ReadNullableArray<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        int length = r.ReadInt32();
        if (length == -1)
        {
            return null;
        }

        // Each item takes at least one byte: a length beyond what is left is not ours (and is not allocated).
        if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position)
        {
            throw new InvalidDataException($"an array of {length} items");
        }

        var items = new T[length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = read(r);
        }

        return items;
    }
}
