namespace DealLang.Compiler.Emit;

// A small deal's summary-only loop in two halves, for a deal with enforcement (a default rule or a defaulting
// trigger, and sales or an enforcement waterfall). RunSummary runs the performing periods: an event of default
// leaves its loop (`goto`), so the loop never carries the enforcement pass — whose calls (the repo market, a sale
// date) made the JIT keep the whole deal's state on the stack around them — and the JIT sees `eventOfDefault`,
// the fleets' kept shares and the sales' flags as the constants they are until then. At an event of default the
// state is handed over, as values, in a DefaultedState (a struct on the stack) to RunDefaulted, which records the
// event, finishes that period (enforcement, results) and runs the rest of the path with Run's whole loop. Both
// halves write exactly Run's statements (less the ledger's), so the figures are the same bits
// (SummaryLoopTests, the baselines); which half a path runs is decided by its own events, never by the scenario.
// CoreWeave's loop went from about 1.5 to 1.35 times its hand-written limit with the split, and to 1.25 once only the
// figures RunDefaulted reads were handed over and the cash check moved after the loop (bench/HISTORY.md, "Session
// 2026-12-03b" and "2026-12-03c").
public static partial class CSharpEmitter
{
    /// <summary>The label, at the end of RunSummary's loop body, where an event of default hands the state over.</summary>
    internal const string DefaultedLabel = "eventOfDefaultOccurred";

    private const string DefaultedType = "DefaultedState";

    /// <summary>RunSummary's body when the deal has enforcement: the performing periods, then the hand-over of the
    /// state <paramref name="resumedPeriod"/> (<see cref="ResumedPeriodText"/>) reads.</summary>
    private static void WritePerformingLoop(EmitContext ctx, IndentedWriter w, string resumedPeriod)
    {
        w.Line("result.BeginPath(); // the run's events to none; every per-period figure is written below, so nothing is cleared");
        var setup = new IndentedWriter();
        WriteSetup(ctx, setup);
        AppendLines(w, Lines(setup.ToString()));

        ctx.ResultRowDeclarations(); // the rows the loop below writes are read once before it
        var (first, second) = LoopHalves(ctx, defaultLeavesLoop: true);
        var periodLocals = Declared(first);
        var handedOver = Declared(setup.ToString()).Where(d => d.Valued)
            .Concat(periodLocals.Where(d => d.Valued && ReadIn(resumedPeriod, d.Name))).ToList();
        var loop = new IndentedWriter(w.Depth);
        loop.Line(LoopBeginMarker);
        using (loop.Block("for (; t < Periods; t++)"))
        {
            AppendLines(loop, Hoist(first, []));
            AppendLines(loop, Lines(second));
        }

        loop.Line(LoopEndMarker);
        w.Line();
        WriteResultRows(ctx, w);

        w.Line();
        w.Comment("The period's own figures, declared here so that an event of default can hand them over.");
        w.Line("int t = 0;");
        foreach (var (type, name, valued) in periodLocals)
        {
            w.Line(type + " " + name + (valued ? " = default" : "") + ";");
        }

        w.Line();
        w.Append(loop);
        w.Line();
        WriteDeferredCashCheck(ctx, w, "periodsRun");
        WriteRunEnd(ctx, w);
        w.Line("return;");
        w.Line();
        w.Line(DefaultedLabel + ":");
        using (w.Block())
        {
            w.Comment("an event of default at the end of period t: the path goes on in RunDefaulted, from this state");
            WriteDeferredCashCheck(ctx, w, "t"); // period t's own check is RunDefaulted's, at its end
            w.Line(DefaultedType + " state = default;");
            foreach (var (_, name, _) in handedOver)
            {
                w.Line("state." + name + " = " + name + ";");
            }

            w.Line("RunDefaulted(input, result, t, ref state);");
        }
    }

    /// <summary>RunDefaulted: the event of default recorded at the end of period t, the rest of that period, and the
    /// periods after it, with Run's loop; and the state RunSummary hands over.</summary>
    private static void WriteRunDefaulted(EmitContext ctx, IndentedWriter w, string resumedPeriod)
    {
        ctx.WritesLedger = false;
        try
        {
            var setup = new IndentedWriter();
            WriteSetup(ctx, setup);
            ctx.ResultRowDeclarations();
            var (first, second) = LoopHalves(ctx, defaultLeavesLoop: false);
            var setupState = Declared(setup.ToString());
            var periodState = Declared(first);
            bool HandedOver((string Type, string Name, bool Valued) d) => d.Valued && (!periodState.Contains(d) || ReadIn(resumedPeriod, d.Name));

            w.Line();
            w.Comment("The state RunSummary hands to RunDefaulted at an event of default: its locals, as values (of the period's own");
            w.Comment("figures, those the rest of the period reads; the periods after it set them before reading them).");
            using (w.Block("private struct " + DefaultedType))
            {
                foreach (var (type, name, _) in setupState.Concat(periodState).Where(HandedOver))
                {
                    w.Line("public " + type + " " + name + ";");
                }
            }

            w.Line();
            w.Comment("A summary-only path from an event of default at the end of period t on (RunSummary ran the periods before).");
            using (w.Block("private void RunDefaulted(PathInputs input, RunResult result, int t, ref " + DefaultedType + " state)"))
            {
                foreach (var d in setupState.Concat(periodState))
                {
                    w.Line(d.Type + " " + d.Name + (HandedOver(d) ? " = state." + d.Name : d.Valued ? " = default" : "") + ";");
                }

                var loop = new IndentedWriter(w.Depth);
                loop.Line(LoopBeginMarker);
                using (loop.Block("for (bool resumed = true; t < Periods; t++, resumed = false)"))
                {
                    using (loop.Block("if (!resumed)"))
                    {
                        loop.Comment("(period t itself ran up to here in RunSummary)");
                        AppendLines(loop, Hoist(first, []));
                    }

                    AppendLines(loop, Lines(second));
                }

                loop.Line(LoopEndMarker);
                w.Line();
                WriteResultRows(ctx, w);

                w.Line();
                w.Comment("the event of default, at the end of period t");
                WriteEventOfDefault(ctx, w);
                w.Line();
                w.Append(loop);
                w.Line();
                WriteRunEnd(ctx, w);
            }
        }
        finally
        {
            ctx.WritesLedger = true;
        }
    }

    /// <summary>What RunDefaulted runs of period t after RunSummary hands it over: the event of default, the period's
    /// second half and the run's end. Only the period's own figures these read need handing over: RunSummary's other
    /// ones are dead at the hand-over, so the JIT need not keep them (the enforcement waterfall's step figures, zeroed
    /// every performing period, were carried in registers or on the stack through the whole loop). Written once, before
    /// either half, as RunDefaulted writes it: summary-only, its cash checked in each period.</summary>
    private static string ResumedPeriodText(EmitContext ctx)
    {
        bool writesLedger = ctx.WritesLedger;
        ctx.WritesLedger = false;
        try
        {
            var text = new IndentedWriter();
            WriteEventOfDefault(ctx, text);
            text.Line(LoopHalves(ctx, defaultLeavesLoop: false).Second);
            WriteRunEnd(ctx, text);
            return text.ToString();
        }
        finally
        {
            ctx.ResultRowDeclarations(); // the rows this text named are not the caller's
            ctx.WritesLedger = writesLedger;
        }
    }

    /// <summary>Whether <paramref name="name"/> occurs in <paramref name="text"/> as a whole identifier.</summary>
    private static bool ReadIn(string text, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"(?<![A-Za-z0-9_])" + System.Text.RegularExpressions.Regex.Escape(name) + @"(?![A-Za-z0-9_])");

    /// <summary>A period's text (at depth 0) in two halves: up to and including the default rule, and the rest — with
    /// <paramref name="defaultLeavesLoop"/>, the performing half: an event of default leaves the loop, and the
    /// enforcement pass, which only follows one, is left out (the history it would write after it is not).</summary>
    private static (string First, string Second) LoopHalves(EmitContext ctx, bool defaultLeavesLoop)
    {
        var first = new IndentedWriter();
        var second = new IndentedWriter();
        bool before = true;
        ctx.DefaultLeavesLoop = defaultLeavesLoop;
        try
        {
            foreach (var phase in Phases(ctx))
            {
                var w = before ? first : second;
                if (phase.BlankBefore)
                {
                    w.Line();
                }

                if (phase.Name == "Enforce" && defaultLeavesLoop)
                {
                    WriteHistory(ctx, w, afterWaterfall: true);
                }
                else
                {
                    phase.Write(w);
                }

                before &= phase.Name != "Default";
            }

            WriteTermination(ctx, second);
        }
        finally
        {
            ctx.DefaultLeavesLoop = false;
        }

        return (first.ToString(), second.ToString());
    }

    /// <summary>The type and name of each top-level declaration in <paramref name="text"/> (written at depth 0), in
    /// order, and whether it has an initial value; any other top-level statement is not state and is skipped. A local
    /// declared without one (`double owed, draw;`) is scratch, assigned before each use: it is not handed over.</summary>
    private static List<(string Type, string Name, bool Valued)> Declared(string text)
    {
        var declared = new List<(string, string, bool)>();
        foreach (string line in Lines(text))
        {
            if (line.Length == 0 || char.IsWhiteSpace(line[0]) || Declaration.Match(line) is not { Success: true } match)
            {
                continue;
            }

            foreach (string part in SplitTopLevel(match.Groups["rest"].Value))
            {
                var d = SimpleDeclarator.Match(part);
                if (!d.Success)
                {
                    throw new InvalidOperationException("Internal error: cannot hand the declaration '" + line + "' over to RunDefaulted.");
                }

                declared.Add((match.Groups["type"].Value, d.Groups["name"].Value, d.Groups["value"].Success));
            }
        }

        return declared;
    }
}
