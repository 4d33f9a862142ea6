using Destek.Core.Tickets;
using static Destek.Tests.Domain.TicketTestData;

namespace Destek.Tests.CannedReplies;

/// <summary>CannedReply: who sees a reply, who may change it, and the field named when input is refused.</summary>
public sealed class CannedReplyRules
{
    [Fact]
    public void APersonalReplyIsItsAuthorsAlone()
    {
        var reply = CannedReply.Create(new CannedReplyDraft("Selam", "Merhaba {{musteri.ad}}"), Agent, Now);

        Assert.True(reply.IsVisibleTo(Agent));
        Assert.False(reply.IsVisibleTo(OtherDepartmentAgent));
        Assert.False(reply.IsVisibleTo(Admin));
        Assert.False(reply.MayEdit(Admin));
    }

    [Fact]
    public void ASharedDepartmentReplyIsSeenThereAndEditedByItsAuthorOrAnAdmin()
    {
        var reply = CannedReply.Create(new CannedReplyDraft("Kargo", "Kargonuz yolda.", CannedReplyScope.Shared, 1), Agent, Now);

        Assert.True(reply.IsVisibleTo(Admin));
        Assert.False(reply.IsVisibleTo(OtherDepartmentAgent));
        Assert.True(reply.MayEdit(Admin));
        Assert.False(reply.MayEdit(new StaffMember(12, "Ali Veli", "ali@destek.local", false, [1])));

        var ex = Assert.Throws<CannedReplyException>(() => reply.Update(new CannedReplyDraft("x", "y"), new StaffMember(12, "Ali Veli", "ali@destek.local", false, [1]), Now));
        Assert.Null(ex.Field);
        Assert.Equal("Kargo", reply.Title);
    }

    [Fact]
    public void ASharedReplyForEveryoneIsSeenByEveryAgent()
    {
        var reply = CannedReply.Create(new CannedReplyDraft("Selam", "Merhaba", CannedReplyScope.Shared), Agent, Now);

        Assert.True(reply.IsVisibleTo(OtherDepartmentAgent));
    }

    [Theory]
    [InlineData("", "metin", "title")]
    [InlineData("Başlık", "   ", "body")]
    public void RefusesEmptyFieldsNamingThem(string title, string body, string field)
    {
        var ex = Assert.Throws<CannedReplyException>(() => CannedReply.Create(new CannedReplyDraft(title, body), Agent, Now));

        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void AnAgentSharesOnlyWithTheirOwnDepartments()
    {
        var ex = Assert.Throws<CannedReplyException>(() => CannedReply.Create(new CannedReplyDraft("Selam", "Merhaba", CannedReplyScope.Shared, 2), Agent, Now));

        Assert.Equal("department", ex.Field);
    }
}
