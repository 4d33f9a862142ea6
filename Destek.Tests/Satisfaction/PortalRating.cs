using Destek.Core.Satisfaction;
using Destek.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Destek.Tests.Mail.MailIntakeKit;

namespace Destek.Tests.Satisfaction;

/// <summary>SatisfactionService for the portal's box: only the ticket's owner, only while resolved, only once.</summary>
[Trait("Category", "Integration")]
public sealed class PortalRating(SatisfactionFactory factory) : IClassFixture<SatisfactionFactory>
{
    [Fact]
    public async Task TheOwnerRatesAResolvedTicketOnceAndOthersCannot()
    {
        var service = factory.Services.GetRequiredService<SatisfactionService>();
        var owner = await factory.WithDbAsync(db => db.Users.Select(u => u.Id).MinAsync());
        var department = await factory.WithDbAsync(db => db.Departments.Where(d => d.IsDefault).Select(d => d.Id).SingleAsync());
        var ticket = await factory.Services.GetRequiredService<TicketService>().CreateAsync(new NewTicket
        {
            Title = "Portal talebi", Description = "Açıklama", DepartmentId = department, Source = TicketSource.Portal,
            RequesterName = "Oya Kar", RequesterEmail = "oya@example.com", CustomerId = owner,
        }, Actor.Customer("Oya Kar", "oya@example.com", owner));

        Assert.Equal(RatingLinkStatus.NotResolved, (await service.RateAsCustomerAsync(owner, ticket.PublicId, 5, null)).Status);
        await factory.Services.GetRequiredService<TicketService>().ChangeStatusAsync(ticket.Id, TicketStatus.Resolved, await AdminAsync(factory));

        Assert.Equal(RatingLinkStatus.Invalid, (await service.RateAsCustomerAsync(owner + 1000, ticket.PublicId, 5, null)).Status);
        await Assert.ThrowsAsync<RatingException>(() => service.RateAsCustomerAsync(owner, ticket.PublicId, 0, null));
        Assert.Equal(RatingLinkStatus.Rated, (await service.RateAsCustomerAsync(owner, ticket.PublicId, 5, "  Harika  ")).Status);
        Assert.Equal(RatingLinkStatus.AlreadyRated, (await service.RateAsCustomerAsync(owner, ticket.PublicId, 1, null)).Status);

        var rating = await service.ForTicketAsync(ticket.Id);
        Assert.Equal((5, "Harika", RatingChannel.Portal), (rating!.Score, rating.Comment, rating.Channel));
    }
}
