using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DealLang.TestSupport;

namespace DealLang.LanguageServer.Tests;

/// <summary>
/// No message takes the server down: random protocol messages — every method it serves, some it does not, with
/// parameters of the right shape, with a field taken out or swapped for a value of another kind (a position of −1 or
/// 2³¹, a URI that is no file, a document of random or half-typed text or a chain whose imports are read from disk),
/// parameters that are no object, and bodies that are not JSON — each request is answered (a result, or an error the
/// protocol defines: never StreamJsonRpc's −32000 with a .NET stack), the log holds no internal error, and after them
/// all the session still answers and ends with exit 0. The messages come from a fixed seed, so every run sends the
/// same ones; a failure names the message's index and its body.
/// </summary>
public sealed class ProtocolFuzzTests
{
    private const int Seed = 20261205;
    private const int Messages = 400;

    // The protocol's errors a request may be answered with: parse error, invalid request, method not found, invalid
    // params, request cancelled, and a rename's RequestFailed.
    private static readonly int[] ProtocolErrorCodes = [-32700, -32600, -32601, -32602, -32800, -32803];

    private static readonly string[] PositionMethods =
        ["textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion", "textDocument/rename"];

    private static readonly string[] DocumentMethods = ["textDocument/documentSymbol", "textDocument/formatting"];

    private static readonly string[] EditMethods = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose"];

    private static readonly string[] OtherMethods = ["initialize", "initialized", "$/cancelRequest", "workspace/didChangeConfiguration", "textDocument/unknown", "deallang/nothing"];

    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), "lsp-fuzz");

    private static readonly string[] Uris =
    [
        new Uri(Path.Combine(Scratch, "a.deal")).AbsoluteUri, new Uri(Path.Combine(Scratch, "b.scenarios")).AbsoluteUri,
        new Uri(Path.Combine(Scratch, "with space.deal")).AbsoluteUri, new Uri(Scratch + "/").AbsoluteUri,
        Examples.UriOf(Examples.PathOf("hyperion.deal")), Examples.UriOf(Examples.PathOf("hyperion-stress.scenarios")),
        Examples.UriOf(Examples.PathOf("credit-fund.deal")), Examples.UriOf(Examples.PathOf("terawulf.deal")),
        "untitled:Untitled-1", "http://example.com/x.deal", "file://server/share/x.deal", "file:///", "", "not a uri", "file:///%", "file:///dev/zero",
    ];

    private static readonly string[] Texts = LoadTexts();

    [Fact]
    public async Task RandomMessages_AreEachAnswered_AndTheSessionGoesOn()
    {
        var random = new Random(Seed);
        (Stream clientSide, Stream serverSide) = Nerdbank.Streams.FullDuplexStream.CreatePair();
        var log = new StringWriter();
        Task<int> server = Task.Run(() => DealLanguageServer.RunAsync(serverSide, serverSide, TextWriter.Synchronized(log)));
        await using (clientSide)
        {
            await RawMessages.Send(clientSide, """{"jsonrpc":"2.0","id":"start","method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}""");
            Assert.Empty((await AnswersUntil(clientSide, "\"start\"", "initialize")).Others);

            for (int i = 0; i < Messages; i++)
            {
                (string body, string? id) = Message(random, i);
                await RawMessages.Send(clientSide, body);

                // A request of our own after each message, to know when every answer to it has come: the message's
                // own (its id, or null for a body whose id cannot be read), and nothing else.
                string ping = $"\"ping{i}\"";
                await RawMessages.Send(clientSide, "{\"jsonrpc\":\"2.0\",\"id\":" + ping + ",\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere.deal\"}}}");
                List<JsonElement> answers = (await AnswersUntil(clientSide, ping, $"message {i}: {body}")).Others;
                Assert.True(answers.Count <= 1, $"message {i} answered {answers.Count} times: {body}");
                if (id is not null && answers.Count == 0)
                {
                    // JSON-RPC does not order answers, and StreamJsonRpc writes each as its handler finishes: on a busy
                    // machine the ping's may be written first (once in a clean-clone CI run). The message's must come.
                    (List<JsonElement> between, JsonElement late) = await AnswersUntil(clientSide, id, $"message {i} not answered: {body}");
                    Assert.Empty(between);
                    answers.Add(late);
                }

                foreach (JsonElement answer in answers)
                {
                    string answeredId = answer.GetProperty("id").GetRawText();
                    Assert.True(answeredId == (id ?? "null"), $"message {i} answered as {answeredId}: {body}");
                    if (answer.TryGetProperty("error", out JsonElement error))
                    {
                        int code = error.GetProperty("code").GetInt32();
                        Assert.True(ProtocolErrorCodes.Contains(code), $"message {i} answered with error {code} ({error.GetProperty("message").GetString()}): {body}");
                    }
                }
            }

            // Still serving: a document opened now has its outline.
            string uri = Examples.UriOf(Examples.PathOf("hyperion.deal"));
            string text = File.ReadAllText(Examples.PathOf("hyperion.deal"));
            await RawMessages.Send(clientSide, Json(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "textDocument/didOpen", ["params"] = OpenParams(uri, text, 1000) }));
            await RawMessages.Send(clientSide, Json(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = "outline", ["method"] = "textDocument/documentSymbol", ["params"] = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } } }));
            (List<JsonElement> early, JsonElement outline) = await AnswersUntil(clientSide, "\"outline\"", "the outline after the fuzz");
            Assert.Empty(early);
            Assert.True(outline.GetProperty("result").GetArrayLength() > 0);

            await RawMessages.Send(clientSide, """{"jsonrpc":"2.0","id":"end","method":"shutdown"}""");
            Assert.Empty((await AnswersUntil(clientSide, "\"end\"", "shutdown")).Others);
            await RawMessages.Send(clientSide, """{"jsonrpc":"2.0","method":"exit"}""");
            Assert.Equal(0, await server.WaitAsync(TimeSpan.FromSeconds(60)));
        }

        Assert.False(log.ToString().Contains("internal error", StringComparison.Ordinal), log.ToString());
        Assert.DoesNotContain("connection ended", log.ToString(), StringComparison.Ordinal);
    }

    // The answers up to the one to the request whose id's JSON is idJson (the others, then that one); the server's
    // notifications (diagnostics) in between are skipped.
    private static async Task<(List<JsonElement> Others, JsonElement Answer)> AnswersUntil(Stream stream, string idJson, string what)
    {
        var others = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            JsonDocument message;
            try
            {
                message = await RawMessages.Receive(stream).WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no answer after {what}");
                throw;
            }

            using (message)
            {
                if (!message.RootElement.TryGetProperty("id", out JsonElement id))
                {
                    continue;
                }

                if (id.GetRawText() == idJson)
                {
                    return (others, message.RootElement.Clone());
                }

                others.Add(message.RootElement.Clone());
            }
        }
    }

    // One message: (its body, its id's JSON when it must be answered: a request's, or null's for a body whose id
    // cannot be read).
    private static (string Body, string? Id) Message(Random random, int index)
    {
        double roll = random.NextDouble();
        if (roll < 0.04)
        {
            return (Garbage(random), "null");
        }

        string method = Pick(random, roll < 0.30 ? EditMethods : roll < 0.75 ? PositionMethods : roll < 0.90 ? DocumentMethods : OtherMethods);
        bool notification = EditMethods.Contains(method) || method is "initialized" or "$/cancelRequest" or "workspace/didChangeConfiguration";
        JsonNode? parameters = random.NextDouble() < 0.05 ? RandomValue(random, 0) : Mutate(random, Parameters(random, method));
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method };
        JsonNode? id = null;
        if (!notification || random.NextDouble() < 0.05)
        {
            id = random.NextDouble() < 0.5 ? JsonValue.Create(index) : JsonValue.Create("r" + index.ToString(CultureInfo.InvariantCulture));
            message["id"] = id.DeepClone();
        }

        if (parameters is not null || random.NextDouble() < 0.5)
        {
            message["params"] = parameters;
        }

        return (Json(message), id?.ToJsonString());
    }

    private static JsonNode? Parameters(Random random, string method)
    {
        var document = new JsonObject { ["uri"] = Pick(random, Uris) };
        JsonObject Position() => new() { ["line"] = Coordinate(random), ["character"] = Coordinate(random) };
        return method switch
        {
            "textDocument/didOpen" => OpenParams(Pick(random, Uris), Pick(random, Texts), random.Next(0, 5)),
            "textDocument/didChange" => new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = Pick(random, Uris), ["version"] = random.Next(-1, 1000) },
                ["contentChanges"] = new JsonArray(Enumerable.Range(0, random.Next(0, 3)).Select(_ => (JsonNode)new JsonObject { ["text"] = Pick(random, Texts) }).ToArray()),
            },
            "textDocument/didClose" or "textDocument/documentSymbol" => new JsonObject { ["textDocument"] = document },
            "textDocument/formatting" => new JsonObject { ["textDocument"] = document, ["options"] = new JsonObject { ["tabSize"] = 4, ["insertSpaces"] = true } },
            "textDocument/references" => new JsonObject { ["textDocument"] = document, ["position"] = Position(), ["context"] = new JsonObject { ["includeDeclaration"] = random.Next(2) == 0 } },
            "textDocument/rename" => new JsonObject { ["textDocument"] = document, ["position"] = Position(), ["newName"] = Pick(random, ["Renamed", "", "deal", "1x", "a b", "Notes", new string('z', 300)]) },
            "initialize" => new JsonObject { ["processId"] = null, ["rootUri"] = Pick(random, Uris), ["capabilities"] = new JsonObject() },
            "$/cancelRequest" => new JsonObject { ["id"] = random.Next(0, Messages) },
            _ when PositionMethods.Contains(method) => new JsonObject { ["textDocument"] = document, ["position"] = Position() },
            _ => new JsonObject(),
        };
    }

    private static JsonObject OpenParams(string uri, string text, int version) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "deallang", ["version"] = version, ["text"] = text },
    };

    // Takes out, or swaps for a value of another kind, one field somewhere in the parameters, a third of the time.
    private static JsonNode? Mutate(Random random, JsonNode? parameters)
    {
        if (parameters is not JsonObject root || random.NextDouble() > 0.33)
        {
            return parameters;
        }

        JsonObject target = root;
        while (target.Count > 0)
        {
            string key = Pick(random, [.. target.Select(p => p.Key)]);
            if (target[key] is JsonObject inner && inner.Count > 0 && random.NextDouble() < 0.6)
            {
                target = inner;
                continue;
            }

            if (random.NextDouble() < 0.3)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = RandomValue(random, 1);
            }

            break;
        }

        return root;
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 1 ? 7 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(Coordinate(random)),
        3 => JsonValue.Create(Pick(random, [1e300, -0.5, 2147483648.0, 1.5])),
        4 => JsonValue.Create(Pick(random, ["", "x", "file:///x.deal", "\u0000\uFFFF", new string('a', 2000)])),
        5 => JsonValue.Create(Pick(random, Texts)),
        6 => JsonValue.Create(-1),
        7 => new JsonArray(RandomValue(random, depth + 1), RandomValue(random, depth + 1)),
        _ => new JsonObject { ["uri"] = RandomValue(random, depth + 1), ["line"] = RandomValue(random, depth + 1) },
    };

    private static int Coordinate(Random random) => Pick(random, [0, 0, 1, 3, 7, 40, 200, -1, int.MaxValue, int.MinValue]);

    private static string Garbage(Random random) => random.Next(4) switch
    {
        0 => "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":",
        1 => "\u00ff\u00fe binary \u0001\u0002",
        2 => "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}]",
        _ => "{\"jsonrpc\":\"2.0\",\"id\":{\"nested\":1},\"method\":\"shutdown\"}",
    };

    private static string[] LoadTexts()
    {
        string hyperion = File.ReadAllText(Examples.PathOf("hyperion.deal"));
        string scenarios = File.ReadAllText(Examples.PathOf("hyperion-stress.scenarios"));
        string fund = File.ReadAllText(Examples.PathOf("credit-fund.deal")); // a chain: its imports are read from disk
        string[] malformed = [.. Directory.GetFiles(Path.Combine(RepoPaths.Tests, "corpus", "malformed"), "*.deal").Order(StringComparer.Ordinal).Take(40).Select(File.ReadAllText)];
        return
        [
            "", hyperion, hyperion[..(hyperion.Length / 3)], hyperion[..(hyperion.Length * 2 / 3)], scenarios, fund, fund[..(fund.Length / 2)],
            "import \"a.deal\"\n" + hyperion, "import \"b.scenarios\"\n", "import \"" + string.Concat(Enumerable.Repeat("../", 40)) + "dev/zero\"\n",
            "deal X {", "\u00e9\u00a7\r\r\n\t\0", new string('(', 5000), "scenario S for Hyperion { }", .. malformed,
        ];
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
