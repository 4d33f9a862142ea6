using Destek.Core.Search;

namespace Destek.Tests.Search;

public sealed class TurkishSearchTerms
{
    [Theory]
    [InlineData("İrem", false, "irem")]
    [InlineData("IRMAK", false, "ırmak")]
    [InlineData("Irmak", true, "irmak")]
    [InlineData("ŞİFREMİ", false, "şifremi")]
    [InlineData("Şifremi Çözüm Ağ Ödeme Üye", true, "sifremi cozum ag odeme uye")]
    public void FoldsTheTurkishWay(string text, bool ignoreMarks, string folded) =>
        Assert.Equal(folded, TurkishFold.Fold(text, ignoreMarks));

    [Fact]
    public void KeepsTheLengthSoPositionsMatchTheOriginal()
    {
        var text = "İSTANBUL'da ışık ŞİŞLİ Ğ";
        Assert.Equal(text.Length, TurkishFold.Fold(text, false).Length);
        Assert.Equal(text.Length, TurkishFold.Fold(text, true).Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("a")]
    [InlineData("()^:{}")]
    public void NothingSearchableIsNull(string text) => Assert.Null(SearchTerms.Parse(text, true));

    [Fact]
    public void OperatorsAndQuotesBecomeQuotedWords()
    {
        var terms = SearchTerms.Parse("\"şifre\" NEAR(a b) AND * {title}:x ^y OR", false)!;
        Assert.Equal(["şifre", "near", "a", "b", "and", "title", "x", "y", "or"], terms.Words);
        var match = terms.Fts5("title other");
        Assert.StartsWith("{title other} : (", match, StringComparison.Ordinal);
        Assert.Contains("\"near a\"* AND \"b\"*", match, StringComparison.Ordinal);
        Assert.Equal("('şifre':*) & ('near' <-> 'a':*) & ('b':*) & ('and':*) & ('title' <-> 'x':*) & ('y':*) & ('or':*)", terms.TsQuery());
    }

    [Fact]
    public void AnAddressIsOnePhrase()
    {
        var terms = SearchTerms.Parse("Zeynep.Kaplan@ornek-firma.com.tr", false)!;
        Assert.Single(terms.Phrases);
        Assert.Equal("{body} : (\"zeynep kaplan ornek firma com tr\"*)", terms.Fts5("body"));
    }

    [Theory]
    [InlineData("0532 111 22 33", "5321112233")]
    [InlineData("+90 (532) 111-2233", "5321112233")]
    [InlineData("5321112233", "5321112233")]
    public void APhoneIsItsNationalDigits(string typed, string digits) =>
        Assert.Equal([digits], SearchTerms.Parse(typed, true)!.Words);

    [Theory]
    [InlineData("0532 111 22 33", "5321112233")]
    [InlineData("+90 532.111.22.33", "5321112233")]
    [InlineData("90 532 111 22 33", "5321112233")]
    [InlineData("212-555 0000", "2125550000")]
    [InlineData("dahili 42", "42")]
    [InlineData(null, "")]
    public void IndexesAPhoneByItsNationalDigits(string? stored, string digits) =>
        Assert.Equal(digits, SearchTerms.NationalDigits(stored));
}

public sealed class SearchHighlight
{
    [Fact]
    public void MarksTheMatchAndEncodesTheRest()
    {
        var terms = SearchTerms.Parse("şifre", false)!;
        var snippet = SearchSnippet.Make(terms, [null, "Ürün yok", "<script>alert(1)</script> ŞİFREMİ unuttum & giremiyorum"]);
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; <mark>ŞİFREMİ</mark> unuttum &amp; giremiyorum", snippet);
    }

    [Fact]
    public void MatchesOnlyAtTheStartOfAWord()
    {
        var terms = SearchTerms.Parse("rem", false)!;
        Assert.Null(SearchSnippet.Make(terms, ["İrem Yıldız"]));
        Assert.Equal("<mark>İrem</mark> Yıldız", SearchSnippet.Make(SearchTerms.Parse("irem", false)!, ["İrem Yıldız"]));
    }

    [Fact]
    public void ShortensALongTextAroundTheMatch()
    {
        var text = string.Join(' ', Enumerable.Repeat("dolgu", 60)) + " yazıcı " + string.Join(' ', Enumerable.Repeat("son", 60));
        var snippet = SearchSnippet.Make(SearchTerms.Parse("yazici", true)!, [text])!;
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>yazıcı</mark>", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length < 220);
    }
}
