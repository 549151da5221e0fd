using Retention.Bench;

return args.Length > 0 && args[0] == "plan"
    ? PlanWorkload.Run(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: Retention.Bench plan [--count N] [--seed S]");
    return 2;
}
