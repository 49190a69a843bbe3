namespace Tributary.Server.Reload;

/// <summary>How the host reloads its configuration.</summary>
/// <param name="WatchFiles">Whether file changes start a reload (<c>SIGHUP</c> always does).</param>
internal sealed record ConfigReloadOptions(bool WatchFiles);
