using System.Net;

namespace Retention.Feeds;

/// <summary>A feed's host resolved only to addresses the guard refuses; never retried.</summary>
internal sealed class FeedAddressRefusedException(IPAddress address) : Exception($"address {address} is not allowed");
