using Destek.Core.Tickets;

namespace Destek.App.Desk;

/// <summary>
/// How one message sits in the conversation: customers on one side, staff on the other, notes marked.
/// The kind is always written out, so side and colour are never the only signal.
/// </summary>
public sealed record MessageLook(string Kind, string Css, string Side, bool IsNote)
{
    public static MessageLook Of(MessageView message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind == MessageKind.InternalNote)
        {
            return new("İç not", "note", "from-staff", IsNote: true);
        }

        return message.AuthorKind switch
        {
            AuthorKind.Customer => new("Müşteri", "customer", "from-customer", IsNote: false),
            AuthorKind.Staff => new("Personel", "staff", "from-staff", IsNote: false),
            AuthorKind.ApiClient => new("Entegrasyon", "staff", "from-staff", IsNote: false),
            _ => new("Sistem", "system", "from-staff", IsNote: false),
        };
    }
}
