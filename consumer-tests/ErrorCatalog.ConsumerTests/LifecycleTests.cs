using System;
using System.Reflection;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Xunit;

namespace ErrorCatalog.ConsumerTests
{
    /// <summary>
    /// Deprecations, replacements, retry hints and documentation links of the Billing catalog
    /// (consumer-tests/catalog/billing.errors.yaml). This project turns CS0618 into an error: the
    /// deprecated entry is used below under a pragma only, and the generated code never raises it.
    /// </summary>
    public class LifecycleTests
    {
        /// <summary>A code no catalog has (built at run time: as a literal the analyzer would flag it).</summary>
        private static readonly string Unknown = string.Concat("BL.", "9999");

        [Fact]
        public void A_deprecated_entry_is_obsolete_with_its_reason_and_replacement()
        {
#pragma warning disable CS0618 // the deprecated entry, on purpose
            BillingError legacy = BillingErrors.LegacyQuota;
#pragma warning disable ERRCAT102 // the deprecated code's literal, on purpose
            Assert.Equal("BL.0007", BillingErrorCodes.LegacyQuota);
#pragma warning restore ERRCAT102
#pragma warning restore CS0618
            Assert.True(legacy.IsDeprecated);
            Assert.Same(BillingErrors.QuotaExceeded, legacy.ReplacedBy);
            Assert.False(BillingErrors.QuotaExceeded.IsDeprecated);
            Assert.Null(BillingErrors.QuotaExceeded.ReplacedBy);

            const string expected = "Split into BL.0001 and BL.0006. Use BillingErrorCodes.QuotaExceeded.";
            ObsoleteAttribute onConstant = typeof(BillingErrorCodes).GetField("LegacyQuota")!.GetCustomAttribute<ObsoleteAttribute>()!;
            ObsoleteAttribute onProperty = typeof(BillingErrors).GetProperty("LegacyQuota")!.GetCustomAttribute<ObsoleteAttribute>()!;
            Assert.Equal((expected, false), (onConstant.Message, onConstant.IsError));
            Assert.Equal((expected, false), (onProperty.Message, onProperty.IsError));
            Assert.Null(typeof(BillingErrorCodes).GetField("QuotaExceeded")!.GetCustomAttribute<ObsoleteAttribute>());
        }

        [Fact]
        public void Retry_hints_and_documentation_links()
        {
            Assert.True(BillingErrors.RetryLater.IsRetryable);
            Assert.False(BillingErrors.QuotaExceeded.IsRetryable);
            Assert.True(BillingErrors.IsRetryable("BL.0005"));
            Assert.False(BillingErrors.IsRetryable("BL.0001"));
            Assert.False(BillingErrors.IsRetryable(Unknown));
            Assert.False(BillingErrors.IsRetryable(null));

            Assert.Equal("https://support.example.com/billing/errors.html#BL.0002", BillingErrors.InsufficientBalance.HelpLink);
            BillingException ex = BillingException.FromResponse("BL.0004", "later", 429);
            Assert.True(ex.IsRetryable);
            Assert.Equal("https://support.example.com/billing/errors.html#BL.0004", ex.HelpLink);
            Assert.Null(new BillingException(Unknown, "unknown").HelpLink);
            Assert.False(new BillingException(Unknown, "unknown").IsRetryable);

            // A catalog without docs: no links.
            Assert.Null(HuaweiCloud.CodeArtsReq.CodeArtsReqErrors.InvalidToken.HelpLink);
        }

        [Fact]
        public async Task IsRetryable_is_a_resilience_predicate()
        {
            int calls = 0;
            ResiliencePipeline pipeline = new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<BillingException>(e => BillingErrors.IsRetryable(e.ErrorCode)),
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.Zero,
                })
                .Build();

            await pipeline.ExecuteAsync(_ =>
            {
                calls++;
                if (calls < 3)
                {
                    throw BillingException.FromResponse(BillingErrorCodes.RetryLater, "later", 429);
                }

                return default;
            });
            Assert.Equal(3, calls);

            calls = 0;
            await Assert.ThrowsAsync<BillingBadRequestException>(() => pipeline.ExecuteAsync(_ =>
            {
                calls++;
                throw BillingException.FromResponse(BillingErrorCodes.QuotaExceeded, "no", 400);
            }).AsTask());
            Assert.Equal(1, calls);
        }
    }
}
