namespace Retention.Bench.Scale;

public static class ScaleWorkload
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length >= 0 ? 0 : 1);
}
