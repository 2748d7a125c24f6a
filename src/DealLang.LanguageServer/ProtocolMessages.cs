using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DealLang.LanguageServer;

/// <summary>
/// The protocol's framing (StreamJsonRpc's <see cref="HeaderDelimitedMessageHandler"/>) with two ends StreamJsonRpc
/// handles otherwise. A message whose framing is whole but whose body is not a JSON-RPC message (not JSON, an array,
/// <c>params</c> that is a number, an <c>id</c> that is an object) is answered as JSON-RPC asks, ParseError (−32700) or
/// InvalidRequest (−32600) with the request's id when it can be read (else null), logged, and the session goes on,
/// where StreamJsonRpc's reader would end the connection; a broken header still ends it, as after one where the next
/// message starts is unknown. And the end of the input is passed on only once every request read has been answered.
/// </summary>
internal sealed class ProtocolMessageHandler(PipeWriter output, PipeReader input, ProtocolFormatter formatter, TextWriter log)
    : HeaderDelimitedMessageHandler(output, input, formatter)
{
    // A client may send its requests and close its end at once (a script piping a session in): StreamJsonRpc ends the
    // connection as soon as the input ends, and the answers still being worked on were lost. The end of the input is
    // therefore reported only once every request read has been answered (Answered, AllAnswered), or after AnswerWait.
    static readonly TimeSpan AnswerWait = TimeSpan.FromSeconds(60);
    readonly HashSet<RequestId> _unanswered = [];

    /// <summary>The connection sent the answer to <paramref name="id"/>.</summary>
    public void Answered(RequestId id)
    {
        lock (_unanswered)
        {
            _unanswered.Remove(id);
        }
    }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                JsonRpcMessage? message = await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
                if (message is JsonRpcRequest { IsResponseExpected: true } request)
                {
                    lock (_unanswered)
                    {
                        _unanswered.Add(request.RequestId);
                    }
                }
                else if (message is null)
                {
                    await AllAnswered(cancellationToken).ConfigureAwait(false);
                }

                return message;
            }
            catch (UnreadableMessageException unreadable)
            {
                // The reader has already moved past the body (StreamJsonRpc releases a message's bytes whether or
                // not it could be read), so the next read starts at the next message's header.
                await log.WriteLineAsync($"deallang lsp: answered a message it could not read with an error: {unreadable.Message}").ConfigureAwait(false);
                await WriteAsync(new JsonRpcError
                {
                    RequestId = unreadable.Id,
                    Error = new JsonRpcError.ErrorDetail { Code = unreadable.Code, Message = unreadable.Message },
                }, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Completes when every request read so far has been answered, or after a minute: at the end of the
    /// input, and after <c>exit</c> (a client may send <c>shutdown</c> and <c>exit</c> at once, before the first's
    /// answer is out).</summary>
    public async Task AllAnswered(CancellationToken cancellationToken = default)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < AnswerWait && !cancellationToken.IsCancellationRequested)
        {
            lock (_unanswered)
            {
                if (_unanswered.Count == 0)
                {
                    return;
                }
            }

            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// The protocol's JSON (<see cref="SystemTextJsonFormatter"/>) with a body it cannot read turned into an
/// <see cref="UnreadableMessageException"/> that says why in the protocol's terms (not .NET's type names) and
/// carries the request's id. The two Deserialize methods are re-implemented: the message handler calls them
/// through the interfaces.
/// </summary>
internal sealed class ProtocolFormatter : SystemTextJsonFormatter, IJsonRpcMessageTextFormatter, IJsonRpcMessageFormatter
{
    JsonRpcMessage IJsonRpcMessageTextFormatter.Deserialize(ReadOnlySequence<byte> contentBuffer, Encoding encoding)
    {
        try
        {
            return Deserialize(contentBuffer, encoding);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw UnreadableMessageException.For(contentBuffer, encoding, e);
        }
    }

    JsonRpcMessage IJsonRpcMessageFormatter.Deserialize(ReadOnlySequence<byte> contentBuffer) =>
        ((IJsonRpcMessageTextFormatter)this).Deserialize(contentBuffer, Encoding);
}

/// <summary>Why a message's body is not JSON-RPC, with the code and id to answer it with.</summary>
internal sealed class UnreadableMessageException(JsonRpcErrorCode code, RequestId id, string message, Exception inner)
    : Exception(message, inner)
{
    public JsonRpcErrorCode Code { get; } = code;

    public RequestId Id { get; } = id;

    /// <summary>Reads the body again, this time only to say what is wrong with it (<paramref name="failure"/> is
    /// what the formatter threw).</summary>
    public static UnreadableMessageException For(ReadOnlySequence<byte> body, Encoding encoding, Exception failure)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(encoding.GetString(body));
        }
        catch (JsonException notJson)
        {
            return new(JsonRpcErrorCode.ParseError, RequestId.Null, $"parse error: the message is not JSON ({notJson.Message})", failure);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Invalid(RequestId.Null, $"a message is a JSON object, not {Kind(root)}");
            }

            RequestId id = RequestId.Null;
            if (root.TryGetProperty("id", out JsonElement idElement))
            {
                if (idElement.ValueKind == JsonValueKind.String)
                {
                    id = new RequestId(idElement.GetString());
                }
                else if (idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out long number))
                {
                    id = new RequestId(number);
                }
                else if (idElement.ValueKind != JsonValueKind.Null)
                {
                    string kind = idElement.ValueKind == JsonValueKind.Number ? "a number that is not one" : Kind(idElement);
                    return Invalid(RequestId.Null, $"its id is a string or an integer, not {kind}");
                }
            }

            if (root.TryGetProperty("method", out JsonElement method) && method.ValueKind != JsonValueKind.String)
            {
                return Invalid(id, $"its method is a string, not {Kind(method)}");
            }

            if (root.TryGetProperty("params", out JsonElement parameters)
                && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                return Invalid(id, $"its params are an object or an array, not {Kind(parameters)}");
            }

            return Invalid(id, "it is neither a request, a notification, a result nor an error");
        }

        UnreadableMessageException Invalid(RequestId at, string why) => new(JsonRpcErrorCode.InvalidRequest, at, "invalid request: " + why, failure);
    }

    static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
