using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace RegistryGuard.Demo;

/// <summary>
/// Ports for a process that is about to listen on the loopback interface (a throwaway registry, a Pushgateway, serve).
/// </summary>
/// <remarks>
/// Asking the kernel for port 0 returns a port from the ephemeral range, the same range it draws from for the source
/// port of every outgoing connection. Between handing such a port over and the other process binding it, a busy test
/// run (thousands of loopback connections a minute) can take it as a source port, and the registry exits with "address
/// already in use". Ports just below the ephemeral range are never handed out that way; a port is also never handed
/// out twice by one process, so two servers started side by side cannot be given the same one.
/// </remarks>
public static class LoopbackPorts
{
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
    private const int Span = 12_000;
    private const int Lowest = 10_000;

    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        if (EphemeralRangeText() is { } text && BelowEphemeralRange(text) is var (low, high))
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var port = Random.Shared.Next(low, high);
                lock (HandedOut)
                {
                    if (!HandedOut.Contains(port) && CanListen(port))
                    {
                        HandedOut.Add(port);
                        return port;
                    }
                }
            }
        }

        return KernelChosen();
    }

    /// <summary>
    /// [low, high) just under the ephemeral range that <paramref name="rangeText"/> (the contents of
    /// <c>ip_local_port_range</c>) gives, or null where that range leaves too little room below it.
    /// </summary>
    public static (int Low, int High)? BelowEphemeralRange(string rangeText)
    {
        ArgumentNullException.ThrowIfNull(rangeText);
        var fields = rangeText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 2 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ephemeralLow))
        {
            return null;
        }

        var low = Math.Max(Lowest, ephemeralLow - Span);
        return ephemeralLow - low >= 1_000 ? (low, ephemeralLow) : null;
    }

    private static string? EphemeralRangeText()
    {
        try
        {
            return File.ReadAllText(EphemeralRangeFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // not Linux, or a sandbox without /proc: the kernel's own choice then
        }
    }

    private static bool CanListen(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int KernelChosen()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
