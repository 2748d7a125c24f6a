using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DealLang.LanguageServer;

/// <summary>
/// The JSON-RPC connection with the protocol's own error for a request whose parameters do not fit its method (a
/// position whose character is a string, say): InvalidParams (−32602) and the reason, where StreamJsonRpc answers
/// −32000 with the .NET exception's type and stack in its data. The handlers catch their own failures (logged and
/// answered with nothing) and refuse with the protocol's codes (a rename's RequestFailed), which pass as they are.
/// </summary>
internal sealed class ProtocolErrors(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Exception? cause = exception;
        while (cause is not null and not JsonException)
        {
            cause = cause.InnerException;
        }

        return cause is JsonException invalid
            ? new JsonRpcError.ErrorDetail
            {
                // The path into the parameters, not System.Text.Json's message, which names our .NET types.
                Code = JsonRpcErrorCode.InvalidParams,
                Message = $"invalid params: {(string.IsNullOrEmpty(invalid.Path) ? "the parameters are" : invalid.Path + " is")} not of the kind {request?.Method ?? "the method"} takes",
            }
            : base.CreateErrorDetails(request, exception); // a handler's own refusal (a rename's, with its code) as it chose
    }
}
