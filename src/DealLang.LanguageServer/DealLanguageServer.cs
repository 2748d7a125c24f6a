using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace DealLang.LanguageServer;

/// <summary>
/// <c>deallang lsp</c>: a Language Server Protocol server over a pair of streams (stdin and stdout for the CLI,
/// in-memory pipes for tests), with the protocol's Content-Length framing (StreamJsonRpc's
/// <see cref="HeaderDelimitedMessageHandler"/>, which <see cref="ProtocolMessageHandler"/> keeps going past a body that
/// is not JSON-RPC) and JSON through System.Text.Json. Messages are handled one at a
/// time, in the order they arrive (<see cref="NonConcurrentSynchronizationContext"/>), so a request after an edit
/// sees the edit. The handlers are <see cref="LanguageServerTarget"/>'s.
/// </summary>
public static class DealLanguageServer
{
    /// <summary>The protocol's JSON: camelCase names, nulls left out, unknown properties ignored; a property the
    /// protocol requires (a record's parameter not marked nullable) that is missing or null is a
    /// <see cref="JsonException"/>: a request is answered InvalidParams, a notification dropped and the reason logged
    /// (<see cref="ProtocolErrors"/>), rather than a handler failing on it later. Optional properties are the
    /// records' parameters with a default.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Serves until the client sends <c>exit</c> or closes the input; returns the exit code the protocol
    /// asks for: 0 after <c>shutdown</c>, 1 otherwise. <paramref name="log"/> takes the server's own messages (the
    /// editor shows stderr in its output panel); <paramref name="formatter"/>, when given, formats documents.</summary>
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, Features.IDocumentFormatter? formatter = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(log);

        var formatterOptions = new ProtocolFormatter { JsonSerializerOptions = Json };
        // Pipes that write to the stream as they flush (System.IO.Pipelines'), not StreamJsonRpc's own, which copy to it
        // on a task of their own: an answer counted as sent is then in the output, and a session whose input ends
        // after its last request (ProtocolMessageHandler) ends with every answer written.
        var writer = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        var reader = PipeReader.Create(input, new StreamPipeReaderOptions(leaveOpen: true));
        var handler = new ProtocolMessageHandler(writer, reader, formatterOptions, log);
        using var rpc = new ProtocolErrors(handler, log)
        {
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        var target = new LanguageServerTarget(rpc, log, formatter);
        rpc.AddLocalRpcTarget(target, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        try
        {
            await Task.WhenAny(rpc.Completion, target.Exited).ConfigureAwait(false);
            if (target.Exited.IsCompleted)
            {
                await handler.AllAnswered().ConfigureAwait(false); // shutdown's answer, when exit came right behind it
            }

            // WhenAny does not throw: a connection that ended on a message it could not read (a malformed header, after
            // which the next message cannot be found) would otherwise end the session in silence, exit 1 and nothing in
            // the log.
            if (rpc.Completion is { IsFaulted: true, Exception: { } failed })
            {
                Exception reason = failed.GetBaseException();
                await log.WriteLineAsync($"deallang lsp: the connection ended on a message it could not read: {reason.Message}").ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // A broken stream ends the session, never the process with a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await log.WriteLineAsync($"deallang lsp: the connection failed: {e.Message}").ConfigureAwait(false);
        }

        return target.ShutdownRequested ? 0 : 1;
    }
}
