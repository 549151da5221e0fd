namespace Retention.Bench.Scale;

public static class ScaleSeed
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length >= 0 ? 0 : 1);
}
