namespace Tributary.McpClientRegistry.Catalog;

/// <summary>
/// Merges the catalog sources' listings into a <see cref="CatalogSnapshot"/>. Names are claimed in source order (built-in
/// sources, then the registry's servers in registry order), then by original name, so the same listings always give the same names (each source's
/// entries keep the order it lists them in); a later claimant of a taken
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
            var toolNames = ClaimAll("tool", server, listing.Tools, t => t.Name, toolOwners, collisions);
            tools.AddRange(listing.Tools.Select(t => new ExposedTool(toolNames[t], server.Name, t) { Published = !listing.Unpublished.Contains(t.Name) }));
            var promptNames = ClaimAll("prompt", server, listing.Prompts, p => p.Name, promptOwners, collisions);
            prompts.AddRange(listing.Prompts.Select(p => new ExposedPrompt(promptNames[p], server.Name, p)));

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

    // Names are claimed in name order, so they do not depend on the order a source lists in; entries keep that order.
    private static Dictionary<T, string> ClaimAll<T>(string kind, ICatalogSource server, IReadOnlyList<T> entries, Func<T, string> nameOf, Dictionary<string, string> owners, List<NameCollision> collisions)
        where T : class =>
        entries.OrderBy(nameOf, StringComparer.Ordinal)
            .Select(e => (Entry: e, Name: Claim(kind, server, nameOf(e), owners, collisions)))
            .ToList()
            .ToDictionary(c => c.Entry, c => c.Name, (IEqualityComparer<T>)ReferenceEqualityComparer.Instance);

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
