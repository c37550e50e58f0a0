using TicketPlatform.Persistence;

namespace TicketPlatform.UnitTests.Persistence;

public sealed class PostgresWordStatisticsTests
{
    [Theory]
    [InlineData("'printer'", new[] { "printer" })]
    [InlineData("'printer' & 'jammed'", new[] { "printer", "jammed" })]
    [InlineData("'it''s' & 'a\\\\b' & ''''''", new[] { "it's", "a\\b", "''" })]
    public void Reads_back_the_words_of_a_text_query_with_their_quotes_and_backslashes(string textQuery, string[] words) =>
        Assert.Equal(words, PostgresWordStatistics.Lexemes(textQuery));
}
