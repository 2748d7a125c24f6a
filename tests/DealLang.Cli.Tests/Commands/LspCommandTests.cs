using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DealLang.TestSupport;

namespace DealLang.Cli.Tests.Commands;

/// <summary>
/// <c>deallang lsp</c> as an editor starts it: the CLI of this build as a process, spoken to over its real standard
/// input and output with hand-written Content-Length frames (no JSON-RPC library on this side), so the framing, the
/// verb and the exit codes are checked end to end. The features themselves are tested in
/// tests/DealLang.LanguageServer.Tests.
/// </summary>
public sealed class LspCommandTests
{
    private static string Cli => Path.Combine(AppContext.BaseDirectory, "deallang.dll");

    [Fact]
    public async Task Lsp_OverStdio_InitializesPublishesDiagnosticsAndExitsZeroAfterShutdown()
    {
        using Process process = Start();
        Stream input = process.StandardInput.BaseStream;
        Stream output = process.StandardOutput.BaseStream;

        JsonElement initialized = await Initialize(input, output);
        Assert.Equal(1, initialized.GetProperty("result").GetProperty("capabilities").GetProperty("textDocumentSync").GetInt32());

        string uri = new Uri(Path.Combine(RepoPaths.Examples, "hyperion.deal")).AbsoluteUri;
        string broken = File.ReadAllText(Path.Combine(RepoPaths.Examples, "hyperion.deal")).Replace("fill Dsra", "fill Dsr", StringComparison.Ordinal);
        await Send(input, new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "deallang", version = 1, text = broken } } });
        JsonElement published = await Receive(output, m => m.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics");
        JsonElement diagnostic = Assert.Single(published.GetProperty("params").GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("DL0202", diagnostic.GetProperty("code").GetString());

        Assert.Equal(0, await ShutdownAndExit(process, input, output));
    }

    [Fact]
    public async Task Lsp_FormatsADocumentAsDeallangFmtDoes()
    {
        // The formatter is handed to the server by the lsp verb (the server alone announces none).
        using Process process = Start();
        Stream input = process.StandardInput.BaseStream;
        Stream output = process.StandardOutput.BaseStream;
        JsonElement initialized = await Initialize(input, output);
        Assert.True(initialized.GetProperty("result").GetProperty("capabilities").GetProperty("documentFormattingProvider").GetBoolean());

        string path = Path.Combine(RepoPaths.Examples, "hyperion.deal");
        string uri = new Uri(path).AbsoluteUri;
        string messy = File.ReadAllText(path).Replace("  tranche Notes {", "  tranche   Notes{", StringComparison.Ordinal);
        await Send(input, new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "deallang", version = 1, text = messy } } });
        await Send(input, new { jsonrpc = "2.0", id = 2, method = "textDocument/formatting", @params = new { textDocument = new { uri }, options = new { tabSize = 2, insertSpaces = true } } });
        JsonElement answer = await Receive(output, m => m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt32() == 2);

        JsonElement edit = Assert.Single(answer.GetProperty("result").EnumerateArray());
        Assert.Equal(DealLang.Compiler.Format.DealFormatter.Format(messy, path).Text, edit.GetProperty("newText").GetString());
        Assert.Equal(File.ReadAllText(path), edit.GetProperty("newText").GetString()); // the example is formatted
        Assert.Equal(0, await ShutdownAndExit(process, input, output));
    }

    // The server's standard input is its protocol: a document importing /dev/stdin (enough '..' reach the root from
    // any folder) would have it read the editor's messages as a deal file, and answer nothing again. It is refused
    // as a device (DL0601), never opened, and the session goes on.
    [Fact]
    public async Task Lsp_ADocumentImportingStandardInput_IsRefusedAndTheSessionGoesOn()
    {
        using Process process = Start();
        Stream input = process.StandardInput.BaseStream;
        Stream output = process.StandardOutput.BaseStream;
        await Initialize(input, output);

        string uri = new Uri(Path.Combine(Path.GetTempPath(), "lsp-imports-stdin", "a.deal")).AbsoluteUri;
        string text = $"import \"{string.Concat(Enumerable.Repeat("../", 40))}dev/stdin\"\n" + File.ReadAllText(Path.Combine(RepoPaths.Examples, "hyperion.deal"));
        await Send(input, new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "deallang", version = 1, text } } });
        JsonElement published = await Receive(output, m => m.TryGetProperty("method", out var method) && method.GetString() == "textDocument/publishDiagnostics");
        JsonElement diagnostic = Assert.Single(published.GetProperty("params").GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("DL0601", diagnostic.GetProperty("code").GetString());
        Assert.Equal("cannot import /dev/stdin: it is a device or a pipe (a FIFO, or a path under /dev or /proc), not a deal file", diagnostic.GetProperty("message").GetString());

        Assert.Equal(0, await ShutdownAndExit(process, input, output));
    }

    [Fact]
    public void Lsp_WhenTheEditorClosesThePipe_ExitsOne()
    {
        using Process process = Start();
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Equal(1, process.ExitCode);
    }

    private static Process Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
        };
        start.ArgumentList.Add(Cli);
        start.ArgumentList.Add("lsp");
        start.ArgumentList.Add("--stdio");
        return Process.Start(start)!;
    }

    // initialize (its answer returned), then initialized.
    private static async Task<JsonElement> Initialize(Stream input, Stream output)
    {
        await Send(input, new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { processId = (int?)null, rootUri = (string?)null, capabilities = new { } } });
        JsonElement initialized = await Receive(output, m => m.TryGetProperty("id", out var id) && id.GetInt32() == 1);
        await Send(input, new { jsonrpc = "2.0", method = "initialized", @params = new { } });
        return initialized;
    }

    // shutdown (answered), then exit; the server's exit code.
    private static async Task<int> ShutdownAndExit(Process process, Stream input, Stream output)
    {
        await Send(input, new { jsonrpc = "2.0", id = 2, method = "shutdown" });
        await Receive(output, m => m.TryGetProperty("id", out var id) && id.GetInt32() == 2);
        await Send(input, new { jsonrpc = "2.0", method = "exit" });
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)));
        return process.ExitCode;
    }

    private static async Task Send(Stream input, object message)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(message);
        byte[] header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await input.WriteAsync(header);
        await input.WriteAsync(body);
        await input.FlushAsync();
    }

    // Reads frames until one matches (the server may publish or log in between).
    private static async Task<JsonElement> Receive(Stream output, Func<JsonElement, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            int length = -1;
            string line;
            while ((line = await ReadLine(output, timeout.Token)).Length > 0)
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            Assert.True(length > 0, "a frame without Content-Length");
            byte[] body = new byte[length];
            await output.ReadExactlyAsync(body, timeout.Token);
            JsonElement message = JsonDocument.Parse(body).RootElement.Clone();
            if (wanted(message))
            {
                return message;
            }
        }
    }

    private static async Task<string> ReadLine(Stream output, CancellationToken cancellation)
    {
        var line = new StringBuilder();
        byte[] one = new byte[1];
        while (true)
        {
            await output.ReadExactlyAsync(one, cancellation);
            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)one[0]);
        }
    }
}
