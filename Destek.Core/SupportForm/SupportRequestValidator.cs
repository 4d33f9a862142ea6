using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Destek.Core.Tickets;

namespace Destek.Core.SupportForm;

/// <summary>What a person sent through the support form or the support form document's POST, before any checking.</summary>
public sealed record SupportRequest
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Subject { get; init; }
    public string? Message { get; init; }
    public IncomingFile? Attachment { get; init; }
}

/// <summary>A request that passed every rule, with its values cleaned the way the support form document's serializer cleans them.</summary>
public sealed record ValidSupportRequest(string Name, string Email, string? Phone, string Subject, string Message, IncomingFile? Attachment);

/// <summary>The outcome: either a clean request or, per field (the support form document's names), the Turkish messages to show.</summary>
public sealed record SupportRequestValidation(ValidSupportRequest? Request, IReadOnlyDictionary<string, IReadOnlyList<string>> Errors)
{
    public bool IsValid => Request is not null;
}

/// <summary>
/// the support form document's SupportTicketSerializer, as Destek's one validator for the form page and the API.
/// Values are trimmed first (DRF's CharField does), then each rule runs; every field reports its own
/// message so a person can fix them all at once. The attachment must agree three ways: its extension,
/// its declared content type and its first bytes (a ".pdf" carrying an executable is refused).
/// </summary>
public static partial class SupportRequestValidator
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Subject = "subject";
    public const string Message = "message";
    public const string Attachment = "attachment";

    public const int NameMinLength = 2;
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 20;
    public const int PhoneMinDigits = 10;
    public const int MessageMinLength = 10;
    public const int MessageMaxLength = 2000;
    public const long AttachmentMaxBytes = 5 * 1024 * 1024;

    public const string Required = "Bu alan zorunludur.";
    public const string NameTooShort = "Ad soyad en az 2 karakter olmalıdır.";
    public const string NameTooLong = "Ad soyad en fazla 100 karakter olabilir.";
    public const string NameLettersOnly = "Ad soyad sadece harf içerebilir.";
    public const string EmailInvalid = "Geçerli bir e-posta adresi girin.";
    public const string PhoneInvalid = "Geçerli bir telefon numarası girin.";
    public const string SubjectInvalid = "Geçerli bir konu seçin.";
    public const string MessageTooShort = "Mesaj en az 10 karakter olmalıdır.";
    public const string MessageTooLong = "Mesaj en fazla 2000 karakter olabilir.";
    public const string AttachmentTooLarge = "Dosya boyutu 5MB'dan büyük olamaz.";
    public const string AttachmentWrongType = "Sadece PDF, DOC, DOCX, JPG, JPEG, PNG dosyaları yüklenebilir.";
    public const string AttachmentEmpty = "Gönderilen dosya boş.";
    public const string OneAttachmentOnly = "En fazla bir dosya ekleyebilirsiniz; lütfen yalnızca bir dosya seçin.";
    public const string AttachmentContentMismatch = "Dosyanın içeriği uzantısıyla uyuşmuyor; lütfen gerçek bir PDF, DOC, DOCX, JPG veya PNG dosyası yükleyin.";

    /// <summary>Per extension: the content types the support form document accepts for it and the signature its bytes start with.</summary>
    private static readonly Dictionary<string, (string[] Types, byte[] Magic)> FileKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (["application/pdf"], "%PDF-"u8.ToArray()),
        [".doc"] = (["application/msword"], [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        [".docx"] = (["application/vnd.openxmlformats-officedocument.wordprocessingml.document"], [0x50, 0x4B, 0x03, 0x04]),
        [".jpg"] = (["image/jpeg", "image/jpg"], [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = (["image/jpeg", "image/jpg"], [0xFF, 0xD8, 0xFF]),
        [".png"] = (["image/png"], [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    };

    /// <summary>The extensions the form's file picker offers.</summary>
    public static string AcceptedExtensions { get; } = string.Join(',', FileKinds.Keys);

    /// <param name="subjects">The subjects a person may choose: the active categories' names.</param>
    public static async Task<SupportRequestValidation> ValidateAsync(SupportRequest input, IReadOnlyCollection<string> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(subjects);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        var name = CollapseWhitespace(input.Name);
        if (name.Length == 0)
        {
            Fail(Name, Required);
        }
        else if (name.Length < NameMinLength)
        {
            Fail(Name, NameTooShort);
        }
        else if (name.Length > NameMaxLength)
        {
            Fail(Name, NameTooLong);
        }
        else if (!NamePattern().IsMatch(name))
        {
            Fail(Name, NameLettersOnly);
        }

        var email = (input.Email ?? "").Trim().ToLowerInvariant();
        if (email.Length == 0)
        {
            Fail(Email, Required);
        }
        else if (!IsValidEmail(email))
        {
            Fail(Email, EmailInvalid);
        }

        var phone = (input.Phone ?? "").Trim();
        if (phone.Length > 0)
        {
            var digits = PhoneSeparators().Replace(phone, "");
            if (phone.Length > PhoneMaxLength || digits.Length < PhoneMinDigits || !digits.All(char.IsAsciiDigit))
            {
                Fail(Phone, PhoneInvalid);
            }
        }

        var subject = (input.Subject ?? "").Trim();
        var chosen = subjects.FirstOrDefault(s => string.Equals(s, subject, StringComparison.Ordinal));
        if (subject.Length == 0)
        {
            Fail(Subject, Required);
        }
        else if (chosen is null)
        {
            Fail(Subject, SubjectInvalid);
        }

        var message = (input.Message ?? "").Trim();
        if (message.Length == 0)
        {
            Fail(Message, Required);
        }
        else if (message.Length < MessageMinLength)
        {
            Fail(Message, MessageTooShort);
        }
        else if (message.Length > MessageMaxLength)
        {
            Fail(Message, MessageTooLong);
        }

        if (input.Attachment is { } file && await CheckAttachmentAsync(file, cancellationToken) is { } problem)
        {
            Fail(Attachment, problem);
        }

        return errors.Count > 0
            ? new SupportRequestValidation(null, errors)
            : new SupportRequestValidation(new ValidSupportRequest(name, email, phone.Length == 0 ? null : phone, chosen!, message, input.Attachment), errors);
    }

    /// <summary>Null when the file is acceptable, else the message to show beside the field.</summary>
    public static async Task<string?> CheckAttachmentAsync(IncomingFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > AttachmentMaxBytes)
        {
            return AttachmentTooLarge;
        }

        if (file.Length == 0)
        {
            return AttachmentEmpty;
        }

        var contentType = (file.ContentType ?? "").Split(';')[0].Trim();
        if (!FileKinds.TryGetValue(Path.GetExtension(file.FileName ?? ""), out var kind)
            || !kind.Types.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return AttachmentWrongType;
        }

        var head = new byte[kind.Magic.Length];
        await using var stream = file.OpenRead();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return read == head.Length && head.AsSpan().SequenceEqual(kind.Magic) ? null : AttachmentContentMismatch;
    }

    /// <summary>
    /// Django's validate_email, closely: a dot-atom local part, and a domain of dotted labels ending
    /// in a letter TLD (international domains through their punycode form), or "localhost".
    /// </summary>
    public static bool IsValidEmail(string email)
    {
        if (email.Length > EmailMaxLength || email.Count(c => c == '@') != 1)
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var local = email[..at];
        var domain = email[(at + 1)..];
        if (!LocalPartPattern().IsMatch(local))
        {
            return false;
        }

        if (domain == "localhost")
        {
            return true;
        }

        try
        {
            domain = new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        return DomainPattern().IsMatch(domain);
    }

    private static string CollapseWhitespace(string? value)
    {
        var builder = new StringBuilder();
        foreach (var part in (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length > 0 ? " " : "").Append(part);
        }

        return builder.ToString();
    }

    // the support form document: ^[a-zA-ZçğıöşüÇĞIİÖŞÜ\s]+$ (whitespace already collapsed to single spaces).
    [GeneratedRegex("^[a-zA-ZçğıöşüÇĞIİÖŞÜ ]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"[\s+\-]", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^[-!#$%&'*+/=?^_`{}|~0-9a-z]+(\.[-!#$%&'*+/=?^_`{}|~0-9a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPartPattern();

    [GeneratedRegex(@"^((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+)(?:[a-z]{2,63}|xn--[a-z0-9]{1,59})$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();
}
