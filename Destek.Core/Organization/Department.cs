namespace Destek.Core.Organization;

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
            throw new ArgumentException("Departman adı 2-100 karakter olmalıdır.", nameof(name));
        }

        Name = trimmed;
    }

    public void Deactivate() => IsActive = false;
}

/// <summary>Admin-managed ticket category. Slug is the API name (seed-004), Name the label (seed-002's subjects).</summary>
public sealed class Category
{
    private Category()
    {
    }

    public Category(string slug, string name, int sortOrder = 0)
    {
        Slug = slug;
        Name = name;
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

    public void RouteTo(int? departmentId) => DepartmentId = departmentId;

    public void Deactivate() => IsActive = false;
}
