using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace RegistryGuard.Bench;

/// <summary>
/// A TCP delay line: forwards every connection to <c>upstream</c>, holding each chunk for a fixed delay in each
/// direction without stopping the flow behind it (a chunk read at t leaves at t + delay), as a wire with that
/// one-way latency would. The stand-in for <c>tc netem delay</c> on kernels built without sch_netem.
/// </summary>
internal sealed class DelayLine(IPEndPoint listen, IPEndPoint upstream, TimeSpan delay)
{
    private const int ChunkBytes = 64 * 1024;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var listener = new TcpListener(listen);
        listener.Start(512);
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            _ = Task.Run(() => ServeAsync(client, cancellationToken), cancellationToken);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        using (var server = new TcpClient())
        {
            client.NoDelay = true;
            server.NoDelay = true;
            try
            {
                await server.ConnectAsync(upstream, cancellationToken).ConfigureAwait(false);
                var a = client.GetStream();
                var b = server.GetStream();
                await Task.WhenAny(PumpAsync(a, b, cancellationToken), PumpAsync(b, a, cancellationToken)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // One side closed or reset: the connection is over.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        var line = Channel.CreateUnbounded<(long Due, byte[] Buffer, int Length)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var sender = SendAsync(line.Reader, to, cancellationToken);
        try
        {
            while (true)
            {
                var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                var read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    break;
                }

                line.Writer.TryWrite((Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency), buffer, read));
            }
        }
        finally
        {
            line.Writer.TryComplete();
            await sender.ConfigureAwait(false);
            to.Socket.Shutdown(SocketShutdown.Send);
        }
    }

    private static async Task SendAsync(ChannelReader<(long Due, byte[] Buffer, int Length)> line, NetworkStream to, CancellationToken cancellationToken)
    {
        await foreach (var (due, buffer, length) in line.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }

            await to.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
