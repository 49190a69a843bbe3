namespace Tributary.McpClientRegistry.Health;

/// <summary>Where an upstream server stands, as last seen.</summary>
public enum ServerState
{
    /// <summary><c>enabled: false</c> in the registry; never contacted.</summary>
    Disabled,

    /// <summary>Its configuration cannot be resolved (for example a missing environment variable); never contacted.</summary>
    NotConfigured,

    /// <summary>Configured but not used yet: connections are made on first use.</summary>
    Idle,

    /// <summary>A connection attempt is under way.</summary>
    Connecting,

    /// <summary>Connected, initialized and listed.</summary>
    Connected,

    /// <summary>The last connection attempt or the live connection failed; see the last error.</summary>
    Failed,
}
