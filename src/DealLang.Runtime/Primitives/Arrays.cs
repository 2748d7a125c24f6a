namespace DealLang.Runtime;

/// <summary>The [entity][period] buffers path inputs and results are made of, allocated once per deal.</summary>
internal static class Arrays
{
    public static T[][] Jagged<T>(int rows, int columns)
    {
        var a = new T[rows][];
        for (int i = 0; i < rows; i++)
        {
            a[i] = new T[columns];
        }

        return a;
    }

    public static void Clear<T>(T[][] rows)
    {
        foreach (var row in rows)
        {
            Array.Clear(row);
        }
    }
}
