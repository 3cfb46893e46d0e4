using QNetLang.Core;
using QNetLang.LanguageServer.Protocol;

namespace QNetLang.LanguageServer.Tests;

/// <summary>LSP positions are zero-based UTF-16 units; lines end at \n, \r\n or \r as in SourceText.</summary>
public class PositionMapperTests
{
    private static readonly SourceText Text = new("t.qn", "ab\r\nπx\ncd\re");

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0, 2, 2)]
    [InlineData(0, 9, 2)]     // past the end of the line: its end, not the next line
    [InlineData(1, 1, 5)]     // after the π (one UTF-16 unit)
    [InlineData(2, 2, 9)]
    [InlineData(3, 1, 11)]
    [InlineData(9, 0, 10)]    // past the last line: the last line
    [InlineData(-4, -4, 0)]
    public void ToOffsetClamps(int line, int character, int offset) =>
        Assert.Equal(offset, PositionMapper.ToOffset(Text, new Position(line, character)));

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(4, 1, 0)]
    [InlineData(5, 1, 1)]
    [InlineData(10, 3, 0)]
    public void ToPositionRoundTrips(int offset, int line, int character)
    {
        Assert.Equal(new Position(line, character), PositionMapper.ToPosition(Text, offset));
        Assert.Equal(offset, PositionMapper.ToOffset(Text, new Position(line, character)));
    }
}
