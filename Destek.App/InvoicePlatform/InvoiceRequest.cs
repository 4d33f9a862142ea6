using System.Net.Mail;
using System.Text.Json;
using Destek.App.Platform;
using Destek.Core.Invoices;

namespace Destek.App.InvoicePlatform;

/// <summary>
/// Reads and checks the body of POST /v1/invoices field by field, so the first problem is answered in
/// seed-001's model naming its field (<c>customer.vkn</c>, <c>items[0].quantity</c>, …). The domain's own
/// rules run again when the invoice is made; this only turns the JSON into its input.
/// </summary>
public static class InvoiceRequest
{
    public const string Currency = "TRY";

    public static (NewInvoice? Invoice, PlatformProblem? Problem) Read(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0)
        {
            return (null, PlatformProblem.Invalid("The request body must be a JSON object.", "body"));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, PlatformProblem.Invalid("The request body is not valid JSON.", "body"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, PlatformProblem.Invalid("The request body must be a JSON object.", "body"));
            }

            if (!WellFormedJson.HasOnlyValidText(root))
            {
                return (null, PlatformProblem.Invalid("The request body contains text that is not valid Unicode.", "body"));
            }

            try
            {
                return (Parse(root), null);
            }
            catch (FieldException ex)
            {
                return (null, PlatformProblem.Invalid(ex.Message, ex.Field));
            }
        }
    }

    private static NewInvoice Parse(JsonElement root)
    {
        var customer = Object(root, "customer", "customer");
        var name = Text(customer, "name", "customer.name", required: true, Invoice.BuyerNameMaxLength)!;
        var vkn = Text(customer, "vkn", "customer.vkn", required: false, 10);
        var tckn = Text(customer, "tckn", "customer.tckn", required: false, 11);
        if (vkn is null && tckn is null)
        {
            throw new FieldException("customer.vkn", "Missing required field: customer.vkn");
        }

        if (vkn is not null && tckn is not null)
        {
            throw new FieldException("customer.tckn", "Give either customer.vkn or customer.tckn, not both.");
        }

        if (vkn is not null && !TaxNumber.IsValidVkn(vkn))
        {
            throw new FieldException("customer.vkn", "Invalid field: customer.vkn must be 10 digits with a valid checksum.");
        }

        if (tckn is not null && (tckn.Length != 11 || !TaxNumber.IsValid(tckn)))
        {
            throw new FieldException("customer.tckn", "Invalid field: customer.tckn must be 11 digits with a valid checksum.");
        }

        var email = Text(customer, "email", "customer.email", required: true, 254)!;
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            throw new FieldException("customer.email", "Invalid field: customer.email must be an e-mail address.");
        }

        var address = Text(customer, "address", "customer.address", required: true, Invoice.BuyerAddressMaxLength)!;

        if (!root.TryGetProperty("items", out var items) || items.ValueKind == JsonValueKind.Null)
        {
            throw new FieldException("items", "Missing required field: items");
        }

        if (items.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException("items", "Invalid field: items must be an array.");
        }

        var count = items.GetArrayLength();
        if (count == 0 || count > Invoice.MaxItems)
        {
            throw new FieldException("items", $"Invalid field: items must hold 1 to {Invoice.MaxItems} lines.");
        }

        var lines = new List<NewInvoiceItem>(count);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var at = $"items[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FieldException(at, $"Invalid field: {at} must be an object.");
            }

            var sku = Text(item, "sku", at + ".sku", required: false, InvoiceItem.SkuMaxLength) ?? "";
            var itemName = Text(item, "name", at + ".name", required: true, InvoiceItem.NameMaxLength)!;
            var quantity = Number(item, "quantity", at + ".quantity", required: true)!.Value;
            if (quantity <= 0 || quantity > 1_000_000_000m || decimal.Round(quantity, 4) != quantity)
            {
                throw new FieldException(at + ".quantity", $"Invalid field: {at}.quantity must be greater than 0 (at most 4 decimals).");
            }

            var price = Number(item, "unit_price", at + ".unit_price", required: true)!.Value;
            if (price < 0 || price > 1_000_000_000_000m || decimal.Round(price, 4) != price)
            {
                throw new FieldException(at + ".unit_price", $"Invalid field: {at}.unit_price must be 0 or more (at most 4 decimals).");
            }

            var vat = Number(item, "vat_rate", at + ".vat_rate", required: true)!.Value;
            if (vat is < 0 or > 100 || decimal.Round(vat, 2) != vat)
            {
                throw new FieldException(at + ".vat_rate", $"Invalid field: {at}.vat_rate must be a percentage from 0 to 100.");
            }

            var discount = Number(item, "discount_amount", at + ".discount_amount", required: false) ?? 0m;
            if (discount < 0 || discount > Money.Round(quantity * price) || decimal.Round(discount, 2) != discount)
            {
                throw new FieldException(at + ".discount_amount", $"Invalid field: {at}.discount_amount must be from 0 to the line amount (quantity × unit_price).");
            }

            if (Money.Round(quantity * price) > 1_000_000_000_000m)
            {
                throw new FieldException(at + ".quantity", $"Invalid field: {at} amount is too large.");
            }

            lines.Add(new NewInvoiceItem(sku, itemName, quantity, price, vat, discount));
            index++;
        }

        var currency = Text(root, "currency", "currency", required: true, 3)!;
        if (currency != Currency)
        {
            throw new FieldException("currency", "Invalid field: currency must be TRY.");
        }

        Marketplace? marketplace = null;
        if (Text(root, "marketplace", "marketplace", required: false, 20) is { } code)
        {
            if (!InvoiceCodes.TryParseMarketplace(code, out var known))
            {
                throw new FieldException("marketplace", $"Invalid field: marketplace must be one of {string.Join(", ", InvoiceCodes.Marketplaces)}.");
            }

            marketplace = known;
        }

        var orderNo = Text(root, "marketplace_order_no", "marketplace_order_no", required: false, Invoice.OrderNoMaxLength);
        return new NewInvoice(0, InvoiceType.Sale, marketplace, orderNo, name, email, null, vkn ?? tckn, lines, Currency, BuyerAddress: address);
    }

    private static JsonElement Object(JsonElement parent, string property, string field)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new FieldException(field, $"Missing required field: {field}");
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw new FieldException(field, $"Invalid field: {field} must be an object.");
    }

    private static string? Text(JsonElement parent, string property, string field, bool required, int maxLength)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
        {
            return required ? throw new FieldException(field, $"Missing required field: {field}") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new FieldException(field, $"Invalid field: {field} must be a string.");
        }

        var text = value.GetString()!.Trim();
        return text.Length > maxLength ? throw new FieldException(field, $"Invalid field: {field} must be at most {maxLength} characters.") : text;
    }

    private static decimal? Number(JsonElement parent, string property, string field, bool required)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new FieldException(field, $"Missing required field: {field}") : null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            throw new FieldException(field, $"Invalid field: {field} must be a number.");
        }

        return number;
    }

    private sealed class FieldException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
