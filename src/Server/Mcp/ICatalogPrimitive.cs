namespace Tributary.Server.Mcp;

/// <summary>A primitive served at <c>/mcp</c> that republishes one catalog entry.</summary>
internal interface ICatalogPrimitive
{
    /// <summary>The catalog entry (a record: equal while its server has not re-listed it).</summary>
    object Entry { get; }
}
