using Xunit;

namespace Tributary.TestSupport.Logging;

/// <summary>Writes to a test's output when there is one, and never fails the fixture that writes.</summary>
internal static class TestOutput
{
    public static void TryWriteLine(ITestOutputHelper? output, string line)
    {
        if (output is null)
        {
            return;
        }

        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; late output from a server that is shutting down is dropped.
        }
    }
}
