using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RegistryGuard.Bench;
using RegistryGuard.Registry;

try
{
    var arguments = BenchArguments.Parse(args);
    var clock = Stopwatch.StartNew();
    object result = arguments.Verb switch
    {
        "storage" => WriteStorage(arguments),
        "load" => await LoadAsync(arguments).ConfigureAwait(false),
        "walk" => Walk(arguments),
        "probe-memory" => await ProbeMemoryProfile.RunAsync(new Uri(arguments.Text("registry")), arguments.Number("concurrency", 16), RegistryGuard.Probing.Shard.Parse(arguments.Optional("shard") ?? "1/1"), CancellationToken.None).ConfigureAwait(false),
        "delay-line" => await DelayLineAsync(arguments).ConfigureAwait(false),
        _ => throw new ArgumentException($"unknown verb '{arguments.Verb}' (storage, load, walk, probe-memory, delay-line)"),
    };
    var summary = new Dictionary<string, object>
    {
        ["verb"] = arguments.Verb,
        ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3),
        ["result"] = result,
    };
    Console.WriteLine(JsonSerializer.Serialize(summary, JsonOptions.Value));
    return 0;
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
    return 2;
}

static TreeStats WriteStorage(BenchArguments arguments)
{
    var root = arguments.Text("root");
    var writer = new StorageTreeWriter(root, arguments.Number("parallelism", Environment.ProcessorCount * 2));
    using var signer = arguments.Optional("cosign-pub") is null ? null : new CosignSigner();
    var stats = writer.Write(new SyntheticImages(arguments.Shape(), signer));
    if (signer is not null)
    {
        // Written last: a key file next to a half-written tree would claim signatures that are not there.
        File.WriteAllText(arguments.Text("cosign-pub"), signer.PublicKeyPem);
    }

    return stats;
}

static async Task<Dictionary<string, long>> LoadAsync(BenchArguments arguments)
{
    var concurrency = arguments.Number("concurrency", 8);
    using var client = new RegistryClient(new RegistryClientOptions(new Uri(arguments.Text("registry"))) { Concurrency = concurrency });
    var requests = await HttpLoader.LoadAsync(client, new SyntheticImages(arguments.Shape()), concurrency, CancellationToken.None).ConfigureAwait(false);
    return new Dictionary<string, long> { ["requests"] = requests };
}

static Dictionary<string, long> Walk(BenchArguments arguments)
{
    var (links, dangling) = SequentialLinkWalk.Run(arguments.Text("root"));
    return new Dictionary<string, long> { ["links"] = links, ["dangling"] = dangling };
}

static async Task<string> DelayLineAsync(BenchArguments arguments)
{
    var line = new DelayLine(IPEndPoint.Parse(arguments.Text("listen")), IPEndPoint.Parse(arguments.Text("upstream")),
        TimeSpan.FromMilliseconds(arguments.Number("delay-ms", 2)));
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
    await Console.Out.WriteLineAsync("delay line ready").ConfigureAwait(false);
    try
    {
        await line.RunAsync(stop.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException)
    {
        // stopped
    }

    return "stopped";
}

internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Value = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
