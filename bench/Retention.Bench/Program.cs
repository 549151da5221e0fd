Console.Error.WriteLine("usage: Retention.Bench <workload> [options] (workloads are added by the benchmark issue)"); return 2;
