using System.Text.RegularExpressions;

namespace Destek.Core.Organization;

/// <summary>A team that owns tickets; agents work in one or more.</summary>
public sealed class Department
{
    private Department()
    {
    }

    public Department(string name, bool isDefault = false)
    {
        Rename(name);
        IsDefault = isDefault;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsActive { get; private set; }
    /// <summary>Where a ticket goes when its surface names no department.</summary>
    public bool IsDefault { get; private set; }

    public void Rename(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is < 2 or > 100)
        {
            throw new OrganizationRuleException("Departman adı 2-100 karakter olmalıdır.");
        }

        Name = trimmed;
    }

    public void Activate() => IsActive = true;

    public void Deactivate()
    {
        if (IsDefault)
        {
            throw new OrganizationRuleException("Varsayılan departman pasif yapılamaz; önce başka bir departmanı varsayılan yapın.");
        }

        IsActive = false;
    }

    /// <summary>Only one department is the default: the caller clears the previous one.</summary>
    internal void MakeDefault(bool isDefault)
    {
        if (isDefault && !IsActive)
        {
            throw new OrganizationRuleException("Pasif departman varsayılan yapılamaz.");
        }

        IsDefault = isDefault;
    }
}

/// <summary>Admin-managed ticket category. Slug is the API name (the customer API document), Name the label (the support form document's subjects).</summary>
public sealed partial class Category
{
    private Category()
    {
    }

    public Category(string slug, string name, int sortOrder = 0)
    {
        if (!SlugShape().IsMatch(slug ?? ""))
        {
            throw new OrganizationRuleException("Kısa ad 2-50 karakter olmalı; yalnızca küçük harf (a-z), rakam ve alt çizgi içerebilir.");
        }

        Slug = slug!;
        Rename(name);
        SortOrder = sortOrder;
        IsActive = true;
    }

    public int Id { get; private set; }
    public string Slug { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; }
    /// <summary>Department that receives tickets of this category, when set.</summary>
    public int? DepartmentId { get; private set; }

    public void Rename(string name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is < 2 or > 100)
        {
            throw new OrganizationRuleException("Kategori adı 2-100 karakter olmalıdır.");
        }

        Name = trimmed;
    }

    public void RouteTo(Department? department)
    {
        if (department is { IsActive: false })
        {
            throw new OrganizationRuleException($"{department.Name} departmanı pasif.");
        }

        DepartmentId = department?.Id;
    }

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;

    [GeneratedRegex("^[a-z0-9_]{2,50}$")]
    private static partial Regex SlugShape();
}

/// <summary>An organisation rule refused the change; the message is Turkish and meant for a person.</summary>
public sealed class OrganizationRuleException(string message) : InvalidOperationException(message);
