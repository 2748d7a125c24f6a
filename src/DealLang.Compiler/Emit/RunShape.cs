namespace DealLang.Compiler.Emit;

/// <summary>How the generated <c>Run</c> is laid out (CSharpEmitter.SplitRun.cs).</summary>
public enum RunShape
{
    /// <summary>One method, unless that method would be too large for the JIT to optimise: then split.</summary>
    Auto,

    /// <summary>One method: the state in its locals.</summary>
    OneMethod,

    /// <summary>The state in a struct, each phase of a period one or more of its methods.</summary>
    Split,
}
