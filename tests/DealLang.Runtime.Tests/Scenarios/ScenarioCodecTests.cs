using System.Collections;
using System.Reflection;

namespace DealLang.Runtime.Tests.Scenarios;

/// <summary>
/// <see cref="ScenarioCodec"/> gives back every lever, bit for bit. The scenarios here are built by reflection: every
/// constructor parameter and every settable property of every record reachable from <see cref="ScenarioSpec"/> gets a
/// value of its own (no default, no two alike), so a lever added to a record and not to the codec comes back as its
/// default and fails <see cref="Every_lever_of_every_record_comes_back"/>, whichever record it is in.
/// </summary>
public sealed class ScenarioCodecTests
{
    [Fact]
    public void Every_lever_of_every_record_comes_back()
    {
        var filler = new Filler(nulls: false);
        var scenarios = new[] { filler.Scenario(), filler.Scenario() };
        // The filler reached the deepest records (each through another): nothing reachable was left out.
        Assert.Superset(new HashSet<Type> { typeof(PdStep), typeof(RecoveryBeta), typeof(RecoveryOutcomes), typeof(RenewalModel), typeof(BreakModel), typeof(IndexLaunch), typeof(IndexPoints), typeof(FactorSpec), typeof(PaymentShareModel), typeof(ReletUtilisationModel) }, filler.Records);

        AssertSame(scenarios, RoundTrip(scenarios));
    }

    [Fact]
    public void Nulls_and_empty_arrays_come_back_as_such()
    {
        var scenarios = new[] { new Filler(nulls: true).Scenario() };
        Assert.Null(scenarios[0].Stochastic);
        Assert.Null(scenarios[0].EnforcementHaircut);

        AssertSame(scenarios, RoundTrip(scenarios));
    }

    [Fact]
    public void Doubles_come_back_to_the_bit()
    {
        // Values a text form could move: the shortest decimal is not the only way to lose a bit.
        double[] values = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon, 0.1 + 0.2, 1.0 / 3.0, double.MaxValue];
        var scenarios = values.Select((v, i) => new ScenarioSpec("S" + i, [], [], v, [], null, null) { PartyRecoveries = [v, null] }).ToArray();

        var back = RoundTrip(scenarios);

        Assert.Equal(
            values.Select(BitConverter.DoubleToInt64Bits),
            back.Select(s => BitConverter.DoubleToInt64Bits(s.MarketRentDeflation)));
        AssertSame(scenarios, back);
    }

    [Fact]
    public void A_loans_several_partial_payment_windows_come_back_in_their_order()
    {
        // A restructuring that steps (docs/language.md §10, "Partial payments"): three windows for the first loan, the
        // last without 'to', one without 'from' for the third, the second paying in full.
        PartialPayment[] stepped =
        [
            new(0.4, new Date(2027, 1, 1), new Date(2027, 6, 30)),
            new(0.7, new Date(2027, 7, 1), new Date(2027, 12, 31)),
            new(0.9, new Date(2028, 4, 1), null),
        ];
        var scenarios = new[] { new ScenarioSpec("Workout", [], [], 0, [], null, null) { LoanPayments = [stepped, null, [new(0.5, null, new Date(2027, 3, 31))]] } };

        var back = RoundTrip(scenarios);

        Assert.Equal(stepped, back[0].LoanPayments[0]);
        Assert.Null(back[0].LoanPayments[1]);
        Assert.Equal(new PartialPayment(0.5, null, new Date(2027, 3, 31)), Assert.Single(back[0].LoanPayments[2]!));
        AssertSame(scenarios, back);
    }

    [Fact]
    public void Bytes_it_did_not_write_are_refused_not_read()
    {
        var scenarios = new[] { new Filler(nulls: false).Scenario() };
        byte[] bytes = Bytes(scenarios);

        // Every cut short: an exception of the two the codec documents, never another or a scenario.
        for (int length = 0; length < bytes.Length; length++)
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, length, writable: false));
            var e = Record.Exception(() => ScenarioCodec.Read(reader));
            Assert.True(e is EndOfStreamException or InvalidDataException, $"cut at {length} of {bytes.Length}: {e?.GetType().Name ?? "read"}");
        }

        // A count no stream holds is refused before anything is allocated for it.
        byte[] huge = [.. BitConverter.GetBytes(int.MaxValue)];
        using var hugeReader = new BinaryReader(new MemoryStream(huge, writable: false));
        Assert.Throws<InvalidDataException>(() => ScenarioCodec.Read(hugeReader));
    }

    static byte[] Bytes(ScenarioSpec[] scenarios)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ScenarioCodec.Write(writer, scenarios);
        }

        return stream.ToArray();
    }

    static ScenarioSpec[] RoundTrip(ScenarioSpec[] scenarios)
    {
        byte[] bytes = Bytes(scenarios);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        var back = ScenarioCodec.Read(reader);
        Assert.Equal(bytes.Length, reader.BaseStream.Position); // read to the end, no further
        return back;
    }

    /// <summary>The two are alike in every public property, recursively (arrays item by item, doubles by their bits).</summary>
    internal static void AssertSame(object? expected, object? actual, string path = "scenarios")
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: {expected ?? "null"} against {actual ?? "null"}");
            return;
        }

        Type type = expected.GetType();
        Assert.Equal(type, actual.GetType());
        if (expected is double d)
        {
            Assert.True(BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)actual), $"{path}: {d:R} against {(double)actual:R}");
        }
        else if (type.IsPrimitive || type.IsEnum || expected is string || expected is Date)
        {
            Assert.True(expected.Equals(actual), $"{path}: {expected} against {actual}");
        }
        else if (expected is IList list)
        {
            var other = (IList)actual;
            Assert.True(list.Count == other.Count, $"{path}: {list.Count} items against {other.Count}");
            for (int i = 0; i < list.Count; i++)
            {
                AssertSame(list[i], other[i], $"{path}[{i}]");
            }
        }
        else
        {
            foreach (PropertyInfo property in Levers(type))
            {
                AssertSame(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            }
        }
    }

    /// <summary>A record's public instance properties, but a record's own <c>EqualityContract</c>.</summary>
    static IEnumerable<PropertyInfo> Levers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);

    /// <summary>
    /// Makes a value of any type the scenario records hold: each number, flag, name, date and enum a new one (never
    /// the type's default), arrays of two (the second null where the items may be), records through their widest
    /// constructor and then every public settable property that is not one of its parameters. With
    /// <c>nulls</c>, every nullable is null and every array empty instead.
    /// </summary>
    sealed class Filler(bool nulls)
    {
        int next;
        readonly Dictionary<Type, int> turns = [];

        public HashSet<Type> Records { get; } = [];

        public ScenarioSpec Scenario() => Assert.IsType<ScenarioSpec>(Make(typeof(ScenarioSpec)));

        public object? Make(Type type)
        {
            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return nulls ? null : Make(underlying);
            }

            if (type == typeof(double))
            {
                return 0.125 + (++next * 1.0009765625);
            }

            if (type == typeof(int))
            {
                return ++next;
            }

            if (type == typeof(ulong))
            {
                return (ulong)++next << 40;
            }

            if (type == typeof(bool))
            {
                next++;
                return true;
            }

            if (type == typeof(string))
            {
                return "lever" + ++next;
            }

            if (type == typeof(Date))
            {
                return Date.FromDayNumber(739_000 + ++next);
            }

            if (type.IsEnum)
            {
                next++;
                return Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1);
            }

            if (type.IsArray)
            {
                Type item = type.GetElementType()!;
                var array = Array.CreateInstance(item, nulls ? 0 : 2);
                for (int i = 0; i < array.Length; i++)
                {
                    bool mayBeNull = !item.IsValueType || Nullable.GetUnderlyingType(item) is not null;
                    array.SetValue(i == 1 && mayBeNull ? null : Make(item), i);
                }

                return array;
            }

            return MakeRecord(type);
        }

        object MakeRecord(Type type)
        {
            // An abstract record (a drawn recovery): each of its kinds in turn, so that every kind goes through the codec.
            if (type.IsAbstract)
            {
                Type[] kinds = [.. type.Assembly.GetTypes().Where(t => t.IsSubclassOf(type) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal)];
                Assert.True(kinds.Length > 0, $"{type.Name} is abstract and has no kind the filler could make");
                int turn = turns.GetValueOrDefault(type);
                turns[type] = turn + 1;
                return MakeRecord(kinds[turn % kinds.Length]);
            }

            Records.Add(type);
            ConstructorInfo constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            ParameterInfo[] parameters = constructor.GetParameters();
            Assert.True(parameters.Length > 0, $"{type.Name} has no constructor with parameters: the filler does not know it");
            object record = constructor.Invoke([.. parameters.Select(p => ParameterValue(p))]);
            var named = parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (PropertyInfo property in Levers(type).Where(p => p.SetMethod is { IsPublic: true } && !named.Contains(p.Name)))
            {
                property.SetValue(record, ParameterValue(property.PropertyType, property));
            }

            return record;
        }

        object? ParameterValue(ParameterInfo parameter) =>
            ParameterValue(parameter.ParameterType, Nullability.Create(parameter).WriteState);

        object? ParameterValue(Type type, PropertyInfo property) =>
            ParameterValue(type, Nullability.Create(property).WriteState);

        // A reference-typed lever that C# annotates nullable is null with `nulls`; one that is not is made (an array
        // then empty).
        object? ParameterValue(Type type, NullabilityState state) =>
            nulls && !type.IsValueType && state == NullabilityState.Nullable ? null : Make(type);

        static readonly NullabilityInfoContext Nullability = new();
    }
}
