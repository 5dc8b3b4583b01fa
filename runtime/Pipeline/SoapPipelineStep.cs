using System.Threading;
using System.Threading.Tasks;

namespace SoapGen.Runtime;

/// <summary>Runs the rest of the pipeline: the later steps and then the HTTP exchange.</summary>
/// <param name="call">The call.</param>
/// <param name="cancellationToken">Cancels the call.</param>
/// <returns>A task that completes when the reply has been read (or failed).</returns>
public delegate ValueTask SoapPipelineNext(SoapCallContext call, CancellationToken cancellationToken);

/// <summary>
/// One step of a client's envelope pipeline, the SOAP-level counterpart of a <c>DelegatingHandler</c>: it may add
/// headers to <see cref="SoapCallContext.Headers"/>, change <see cref="SoapCallContext.Endpoint"/>, call
/// the next step (or not, or twice to retry), and look at <see cref="SoapCallContext.Reply"/> and
/// <see cref="SoapCallContext.Result"/> afterwards. Add steps with <see cref="SoapClientOptions.Steps"/>; they run in order.
/// </summary>
public abstract class SoapPipelineStep
{
    /// <summary>Handles one call.</summary>
    /// <param name="call">The call in flight.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the step is done with the call.</returns>
    public abstract ValueTask InvokeAsync(SoapCallContext call, SoapPipelineNext next, CancellationToken cancellationToken);
}
