using System.Globalization;
using System.Resources;
using Destek.App.Platform;
using Destek.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Destek.Tests.Platform;

/// <summary>MudBlazor's own texts (Close, the pager, the grid) come out in Turkish, whatever the thread's culture.</summary>
public sealed class MudBlazorInTurkish(DestekAppFactory factory) : IClassFixture<DestekAppFactory>
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("tr-TR")]
    [InlineData("")]
    public void TheAppsMudLocalizerAnswersTurkish(string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var localizer = factory.Services.GetRequiredService<ILocalizationInterceptor>();
            Assert.Equal("Kapat", localizer.Handle("MudDialog_Close").Value);
            Assert.Equal("Sonraki sayfa", localizer.Handle("MudDataGridPager_NextPage").Value);
            Assert.Equal("Sayfa başına:", localizer.Handle("MudDataGridPager_RowsPerPage").Value);
            Assert.Equal("Sayfa 3", localizer.Handle("MudPagination_PageIndex", 3).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void EveryTranslatedKeyIsOneMudBlazorHas()
    {
        var english = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly);
        Assert.All(TurkishMudLocalizer.Keys, key => Assert.NotNull(english.GetString(key, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AKeyWithoutATranslationFallsBackToMudBlazorsEnglish()
    {
        var localizer = factory.Services.GetRequiredService<ILocalizationInterceptor>();
        Assert.Equal("Previous", localizer.Handle("MudCarousel_Previous").Value);
    }
}
