using System.Text;
using System.Text.Json;

namespace DealLang.LanguageServer.Tests;

/// <summary>The protocol's framing by hand, for bodies no JSON-RPC library would send.</summary>
internal static class RawMessages
{
    public static async Task Send(Stream stream, string body)
    {
        byte[] content = Encoding.UTF8.GetBytes(body);
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {content.Length}\r\n\r\n"));
        await stream.WriteAsync(content);
        await stream.FlushAsync();
    }

    /// <summary>The next message's body (its headers read up to the blank line, its length from Content-Length).</summary>
    public static async Task<JsonDocument> Receive(Stream stream)
    {
        int length = -1;
        while (await ReadLine(stream) is { Length: > 0 } header)
        {
            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.True(length > 0, "a message without Content-Length");
        byte[] content = new byte[length];
        await stream.ReadExactlyAsync(content).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        return JsonDocument.Parse(content);
    }

    private static async Task<string> ReadLine(Stream stream)
    {
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (true)
        {
            await stream.ReadExactlyAsync(one).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
