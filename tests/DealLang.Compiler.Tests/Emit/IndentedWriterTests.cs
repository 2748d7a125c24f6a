using DealLang.Compiler.Emit;

namespace DealLang.Compiler.Tests.Emit;

public class IndentedWriterTests
{
    [Fact]
    public void BlocksIndentAndSeparateFromTheNextStatement()
    {
        var w = new IndentedWriter();
        using (w.Block("if (a)"))
        {
            w.Line("x = 1;");
        }

        using (w.Block("else"))
        {
            w.Line("x = 2;");
        }

        w.Line("y = x;");

        Assert.Equal("if (a)\n{\n    x = 1;\n}\nelse\n{\n    x = 2;\n}\n\ny = x;\n", w.ToString());
    }

    [Fact]
    public void ClosingSuffixEndsAnInitializer()
    {
        var w = new IndentedWriter(depth: 1);
        w.Line("int[] a =");
        using (w.Block(closingSuffix: ";"))
        {
            w.Line("1,");
        }

        Assert.Equal("    int[] a =\n    {\n        1,\n    };\n", w.ToString());
    }

    [Fact]
    public void CommentsCannotBreakOutOfTheirLine()
    {
        var w = new IndentedWriter();
        w.Comment("title\nclass Evil {}\r\u2028\u2029\u0085end");

        Assert.Equal("// title class Evil {}    end\n", w.ToString());
    }

    [Fact]
    public void OutdentBelowZeroIsABug()
    {
        Assert.Throws<InvalidOperationException>(() => new IndentedWriter().Outdent());
    }
}
