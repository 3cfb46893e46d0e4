using QNetLang.Compiler;
using QNetLang.Core;
using QNetLang.Syntax;

namespace QNetLang.Tests;

public class LoaderTests
{
    [Fact]
    public void OversizedFileIsRefusedBeforeReading()
    {
        string path = Path.Combine(Path.GetTempPath(), "qnlc-large-" + Guid.NewGuid().ToString("N") + ".qn");
        try
        {
            using (var stream = File.Create(path)) stream.SetLength(SyntaxLimits.MaxFileBytes + 1);
            var result = QnCompiler.Compile(path, new CompilationOptions());
            var diagnostic = Assert.Single(result.Diagnostics.Items);
            Assert.Equal(Diagnostics.FileTooLarge.Code, diagnostic.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Utf8BomIsAccepted()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "network n { qpu a { qubits = 1; } }"u8.ToArray()];
        Assert.Equal("network n { qpu a { qubits = 1; } }", SourceText.TryDecodeUtf8(bytes, out _));
    }

    [Fact]
    public void LineAndColumnCountEveryNewlineConvention()
    {
        var text = new SourceText("x.qn", "a\r\nbc\rd\ne");
        Assert.Equal((1, 1), text.GetLineColumn(0));
        Assert.Equal((2, 2), text.GetLineColumn(4));
        Assert.Equal((3, 1), text.GetLineColumn(6));
        Assert.Equal((4, 1), text.GetLineColumn(8));
    }
}
