namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// Merges the catalog sources' listings into a <see cref="CatalogSnapshot"/>. Names are claimed in source order (built-in
/// sources, then the registry's servers in registry order), then by original name, so the same listings always give the same names; a later claimant of a taken
/// name gets the name with a short hash of its server and original name.
/// </summary>
internal static class CatalogBuilder
{
    public static CatalogSnapshot Build(long version, IReadOnlyList<ICatalogSource> sources)
    {
        var tools = new List<ExposedTool>();
        var prompts = new List<ExposedPrompt>();
        var resources = new List<ExposedResource>();
        var templates = new List<ExposedResourceTemplate>();
        var collisions = new List<NameCollision>();
        var toolOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var promptOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var resourceOwners = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var server in sources)
        {
            var listing = server.Listing;
            foreach (var tool in listing.Tools.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                var name = Claim("tool", server, tool.Name, toolOwners, collisions);
                tools.Add(new ExposedTool(name, server.Name, tool) { Published = !listing.Unpublished.Contains(tool.Name) });
            }

            foreach (var prompt in listing.Prompts.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var name = Claim("prompt", server, prompt.Name, promptOwners, collisions);
                prompts.Add(new ExposedPrompt(name, server.Name, prompt));
            }

            foreach (var resource in listing.Resources)
            {
                if (resourceOwners.TryGetValue(resource.Uri, out var owner))
                {
                    collisions.Add(new NameCollision("resource", resource.Uri, server.Name, resource.Uri, owner, null));
                    continue;
                }

                resourceOwners[resource.Uri] = server.Name;
                resources.Add(new ExposedResource(server.Name, resource));
            }

            templates.AddRange(listing.ResourceTemplates.Select(t => new ExposedResourceTemplate(server.Name, t)));
        }

        return new CatalogSnapshot(version, sources, tools, prompts, resources, templates, collisions);
    }

    private static string Claim(string kind, ICatalogSource server, string original, Dictionary<string, string> owners, List<NameCollision> collisions)
    {
        var wanted = ExposedNames.Compose(server.Prefix, original);
        if (owners.TryAdd(wanted, server.Name))
        {
            return wanted;
        }

        var identity = $"{server.Name}/{original}";
        var resolved = ExposedNames.WithHash(wanted, identity);
        for (var salt = 1; !owners.TryAdd(resolved, server.Name); salt++)
        {
            resolved = ExposedNames.WithHash(wanted, $"{identity}#{salt}");
        }

        collisions.Add(new NameCollision(kind, wanted, server.Name, original, owners[wanted], resolved));
        return resolved;
    }
}
