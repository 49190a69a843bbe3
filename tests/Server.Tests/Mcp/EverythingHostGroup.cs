namespace Tributary.Server.Tests.Mcp;

/// <summary>The tests sharing one <see cref="EverythingHost"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EverythingHostGroup : ICollectionFixture<EverythingHost>
{
    public const string Name = "everything host";
}
