using System.Text.Encodings.Web;
using System.Text.Json;

namespace RegistryGuard.IntegrationTests.Corpus.Content;

/// <summary>
/// How a client lays out the JSON it pushes. The bytes are what gets hashed, so a registry checker must take any
/// layout: Go's encoding/json (compact, &lt;&gt;&amp; escaped), the Docker CLI's 3-space indentation, tabs, CRLF.
/// </summary>
internal sealed record JsonStyle(bool Indented, int IndentSize = 2, char IndentCharacter = ' ', string NewLine = "\n", bool EscapeNonAscii = false)
{
    /// <summary>containerd, BuildKit, cosign, ORAS: Go's compact encoding.</summary>
    public static JsonStyle Compact { get; } = new(Indented: false);

    /// <summary>The Docker CLI and distribution's schema2 builder marshal with three spaces.</summary>
    public static JsonStyle Docker { get; } = new(Indented: true, IndentSize: 3);

    public static JsonStyle Tabs { get; } = new(Indented: true, IndentSize: 1, IndentCharacter: '\t');

    /// <summary>Written on Windows by a hand-rolled tool: CRLF line ends, every non-ASCII character escaped.</summary>
    public static JsonStyle WindowsEscaped { get; } = new(Indented: true, IndentSize: 4, NewLine: "\r\n", EscapeNonAscii: true);

    public JsonWriterOptions WriterOptions => new()
    {
        Indented = Indented,
        IndentSize = IndentSize,
        IndentCharacter = IndentCharacter,
        NewLine = NewLine,
        Encoder = EscapeNonAscii ? JavaScriptEncoder.Default : JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
