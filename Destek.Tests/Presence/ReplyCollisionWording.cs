using Destek.App.Desk.Presence;
using Destek.Core.Tickets;

namespace Destek.Tests.Presence;

public sealed class ReplyCollisionWording
{
    [Fact]
    public void TitleNamesEveryoneWhoRepliedOnce()
    {
        var at = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        MessageView Reply(int id, string name) => new(id, MessageKind.PublicReply, AuthorKind.Staff, name, "Merhaba", at);

        Assert.Equal("Siz yazarken Ayşe Kaya yanıt verdi", ReplyCollisionDialog.TitleOf([Reply(1, "Ayşe Kaya")]));
        Assert.Equal("Siz yazarken Ayşe Kaya, Ali Veli yanıt verdi",
            ReplyCollisionDialog.TitleOf([Reply(1, "Ayşe Kaya"), Reply(2, "Ali Veli"), Reply(3, "Ayşe Kaya")]));
    }
}
