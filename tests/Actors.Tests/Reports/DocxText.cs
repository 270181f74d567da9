using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Programme.Tests.Reports;

/// <summary>A Word document read back with the Open XML SDK: its paragraphs' text and its tables as rows of cell text.</summary>
public sealed record DocxText(IReadOnlyList<string> Paragraphs, IReadOnlyList<IReadOnlyList<string[]>> Tables)
{
    /// <summary>What the Open XML SDK's validator finds wrong with the document against the Office schema (none, for a sound file).</summary>
    public static IReadOnlyList<string> SchemaErrors(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        return [.. new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}")];
    }

    public static DocxText Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var tables = body.Elements<Table>()
            .Select(t => (IReadOnlyList<string[]>)t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray()).ToList())
            .ToList();
        return new DocxText(paragraphs, tables);
    }

    /// <summary>The table whose header row starts with these cells.</summary>
    public IReadOnlyList<string[]>? TableHeaded(params string[] header) =>
        Tables.FirstOrDefault(t => t.Count > 0 && t[0].Take(header.Length).SequenceEqual(header));

    public string AllText => string.Join("\n", Paragraphs.Concat(Tables.SelectMany(t => t.Select(r => string.Join(" | ", r)))));
}
