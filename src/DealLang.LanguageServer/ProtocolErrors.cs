using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DealLang.LanguageServer;

/// <summary>
/// The JSON-RPC connection with the protocol's own error for a request whose parameters do not fit its method (a
/// position whose character is a string, a document without its text: <see cref="DealLanguageServer.Json"/> refuses
/// a required property missing or null): InvalidParams (−32602) and the reason, where StreamJsonRpc answers −32000
/// with the .NET exception's type and stack in its data. A notification so refused has no answer: it is dropped,
/// and the reason logged. The handlers catch their own failures (logged and answered with nothing) and refuse with
/// the protocol's codes (a rename's RequestFailed), which pass as they are.
/// </summary>
internal sealed class ProtocolErrors(ProtocolMessageHandler handler, TextWriter log) : JsonRpc(handler)
{
    protected override void OnResponseSent(JsonRpcMessage response)
    {
        base.OnResponseSent(response);
        if (response is IJsonRpcMessageWithId { RequestId: var id })
        {
            handler.Answered(id);
        }
    }

    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        Exception? cause = exception;
        while (cause is not null and not JsonException)
        {
            cause = cause.InnerException;
        }

        if (cause is not JsonException invalid)
        {
            return base.CreateErrorDetails(request, exception); // a handler's own refusal (a rename's, with its code) as it chose
        }

        // The path into the parameters, not System.Text.Json's message, which names our .NET types.
        string message = $"invalid params: {(string.IsNullOrEmpty(invalid.Path) ? "the parameters are" : invalid.Path + " is")} not of the kind {request.Method} takes";
        if (!request.IsResponseExpected)
        {
            log.WriteLine($"deallang lsp: ignored a {request.Method} notification: {message}");
        }

        return new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.InvalidParams, Message = message };
    }
}
