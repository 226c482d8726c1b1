using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using HuaweiCloud.CodeArtsReq;
using Xunit;
using LegacyBilling = Legacy.Billing.BillingErrors;

namespace ErrorCatalog.ConsumerTests
{
    /// <summary>
    /// Culture overlays and typed parameters in real consuming projects: the CodeArts Req catalog with
    /// its zh-CN overlay (catalog/codearts-req.zh-CN.errors.yaml), and the typed Billing catalog with
    /// zh-CN and zh overlays, compiled here (net10.0) and by a netstandard2.0 / C# 7.3 library.
    /// </summary>
    public class CultureTests
    {
        private static readonly CultureInfo ZhCn = new CultureInfo("zh-CN");
        private static readonly CultureInfo ZhHansCn = new CultureInfo("zh-Hans-CN");
        private static readonly CultureInfo De = new CultureInfo("de-DE");
        private static readonly Regex Chinese = new Regex(@"\p{IsCJKUnifiedIdeographs}");

        [Fact]
        public void Every_CodeArts_entry_has_its_Chinese_description_and_solution_and_keeps_the_English_message()
        {
            Assert.Equal(new[] { "zh-CN" }, CodeArtsReqErrors.Cultures);
            Assert.Equal(54, CodeArtsReqErrors.All.Count);
            foreach (CodeArtsReqError error in CodeArtsReqErrors.All)
            {
                Assert.Matches(Chinese, error.GetDescription(ZhCn));
                Assert.Matches(Chinese, error.GetSolution(ZhCn));
                Assert.Equal(error.Description, error.GetDescription(null));
                Assert.Equal(error.Solution, error.GetSolution(De));
                string template = error.GetMessageTemplate(ZhCn);
                Assert.Equal(error.ParameterCount > 0, Chinese.IsMatch(template)); // as on the Chinese pages: only the messages with placeholders are translated
                Assert.Equal(error.MessageTemplate, error.GetMessageTemplate(null));
            }

            Assert.Equal("将目标用户添加到项目中。", CodeArtsReqErrors.TargetUserNotProjectMember.GetSolution(ZhCn));
            Assert.Equal("The target user is not a member of the project.", CodeArtsReqErrors.TargetUserNotProjectMember.GetMessageTemplate(ZhCn));
        }

        [Fact]
        public void CodeArts_formatters_use_the_culture_template_and_format_arguments_with_the_culture()
        {
            Assert.Equal("字段 due_date 的值 1234.5 无效。", CodeArtsReqErrors.FormatInvalidFieldValue(ZhCn, "due_date", 1234.5));
            Assert.Equal("Field due_date has invalid value 1234,5.", CodeArtsReqErrors.FormatInvalidFieldValue(De, "due_date", 1234.5));
            Assert.Equal("Field due_date has invalid value 1234.5.", CodeArtsReqErrors.FormatInvalidFieldValue(null, "due_date", 1234.5));
            Assert.Equal(CodeArtsReqErrors.FormatInvalidFieldValue("due_date", 1234.5), CodeArtsReqErrors.FormatInvalidFieldValue(null, "due_date", 1234.5));

            // zh-Hans-CN falls back through zh-Hans and zh, not through zh-CN: the neutral template, Chinese number formatting.
            Assert.Equal("Number of subnodes exceeds 1,000.", CodeArtsReqErrors.FormatSubnodeLimitExceeded(ZhHansCn, 1000.ToString("N0", ZhHansCn)));
            Assert.Equal("子节点数量超过 12。", CodeArtsReqErrors.SubnodeLimitExceeded.Format(ZhCn, 12));
            Assert.Equal("Number of subnodes exceeds 12,5.", CodeArtsReqErrors.SubnodeLimitExceeded.Format(De, 12.5));
            Assert.Equal("Invalid token.", CodeArtsReqErrors.InvalidToken.Format(ZhCn));
            Assert.Throws<ArgumentException>(() => CodeArtsReqErrors.InvalidFieldValue.Format(ZhCn, "only one"));

            // Exceptions keep the message as the service sent it.
            CodeArtsReqException ex = CodeArtsReqException.FromResponse(CodeArtsReqErrorCodes.InvalidToken, "Invalid token.", 401);
            Assert.Equal("Invalid token.", ex.ErrorMessage);
        }

        /// <summary>The same typed Billing catalog, generated for net10.0 here and for netstandard2.0 at C# 7.3 in the library.</summary>
        public static IEnumerable<object[]> Billing => new[]
        {
            new object[] { "net10.0", typeof(BillingErrors) },
            new object[] { "netstandard2.0", typeof(LegacyBilling) },
        };

        [Theory]
        [MemberData(nameof(Billing))]
        public void Typed_formatters_take_int_decimal_and_DateTimeOffset_and_format_like_string_Format(string target, Type errors)
        {
            Assert.NotNull(target);
            MethodInfo quota = Formatter(errors, "FormatQuotaExceeded", typeof(int), typeof(int));
            MethodInfo balance = Formatter(errors, "FormatInsufficientBalance", typeof(decimal), typeof(decimal));
            MethodInfo locked = Formatter(errors, "FormatInvoiceLocked", typeof(Guid), typeof(DateTimeOffset), typeof(DateTimeOffset));
            MethodInfo retry = Formatter(errors, "FormatRetryLater", typeof(TimeSpan), typeof(long), typeof(bool), typeof(string));

            foreach (int n in new[] { 0, 1, 99, -5, int.MaxValue, int.MinValue })
            {
                object[] args = { n, n / 2 };
                Assert.Equal(string.Format(CultureInfo.InvariantCulture, "At most {0} items per order, got {1}.", args), quota.Invoke(null, args));
            }

            object[] money = { 1234567.891m, 0.5m };
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, "Balance {0:N2} is below the price {1:N2}.", money), balance.Invoke(null, money));
            var invoice = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
            var at = new DateTimeOffset(2026, 11, 28, 23, 59, 30, TimeSpan.FromHours(8));
            object[] lockArgs = { invoice, at, at.AddDays(2) };
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, "Invoice {0} was locked at {1:yyyy-MM-dd HH:mm zzz} until {2}.", lockArgs), locked.Invoke(null, lockArgs));
            object?[] retryArgs = { TimeSpan.FromSeconds(90), 3L, true, null };
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, "Retry after {0} (attempt {1}, degraded: {2}, note: {3}).", retryArgs), retry.Invoke(null, retryArgs));
            retryArgs[3] = new string('x', 300);
            Assert.Equal(string.Format(CultureInfo.InvariantCulture, "Retry after {0} (attempt {1}, degraded: {2}, note: {3}).", retryArgs), retry.Invoke(null, retryArgs));
        }

        [Theory]
        [MemberData(nameof(Billing))]
        public void Billing_cultures_fall_back_through_parents_to_the_neutral_catalog(string target, Type errors)
        {
            Assert.NotNull(target);
            Assert.Equal(new[] { "zh", "zh-CN" }, (IEnumerable<string>)errors.GetProperty("Cultures")!.GetValue(null)!);
            MethodInfo quota = Formatter(errors, "FormatQuotaExceeded", typeof(CultureInfo), typeof(int), typeof(int));
            MethodInfo balance = Formatter(errors, "FormatInsufficientBalance", typeof(CultureInfo), typeof(decimal), typeof(decimal));
            Assert.Equal("每个订单最多 5 项，实际 7 项。", quota.Invoke(null, new object[] { ZhCn, 5, 7 }));
            Assert.Equal("At most 5 items per order, got 7.", quota.Invoke(null, new object?[] { null, 5, 7 }));
            Assert.Equal("At most 5 items per order, got 7.", quota.Invoke(null, new object[] { ZhHansCn, 5, 7 }));
            Assert.Equal("余额 1,234,567.89 低于价格 0.50。", balance.Invoke(null, new object[] { ZhCn, 1234567.891m, 0.5m }));
            Assert.Equal("Balance 1.234.567,89 is below the price 0,50.", balance.Invoke(null, new object[] { De, 1234567.891m, 0.5m }));
            Assert.Equal("Balance 1,234,567.89 is below the price 0.50.", balance.Invoke(null, new object?[] { null, 1234567.891m, 0.5m }));

            object quotaError = errors.GetProperty("QuotaExceeded")!.GetValue(null)!;
            object ledger = errors.GetProperty("LedgerUnavailable")!.GetValue(null)!;
            Assert.Equal("订单中的项目数超过了配额。", Text(quotaError, "GetDescription", ZhCn));
            Assert.Equal("请拆分订单。", Text(quotaError, "GetSolution", ZhCn));       // zh-CN has none: zh's (zh-CN → zh-Hans → zh)
            Assert.Equal("请拆分订单。", Text(quotaError, "GetSolution", ZhHansCn));
            Assert.Equal("The order holds more items than the quota allows.", Text(quotaError, "GetDescription", ZhHansCn));
            Assert.Equal("账本服务不可用。", Text(ledger, "GetDescription", ZhCn));
            Assert.Equal("请稍后重试。", Text(ledger, "GetSolution", new CultureInfo("zh-TW")));
            Assert.Equal("Try again later.", Text(ledger, "GetSolution", De));
            Assert.Equal("Try again later.", Text(ledger, "GetSolution", null));
            Assert.Equal("每个订单最多 {limit} 项，实际 {count} 项。", Text(quotaError, "GetMessageTemplate", ZhCn));
            MethodInfo format = quotaError.GetType().GetMethod("Format", new[] { typeof(CultureInfo), typeof(object[]) })!;
            Assert.Equal("每个订单最多 1 项，实际 2 项。", format.Invoke(quotaError, new object[] { ZhCn, new object[] { 1, 2 } }));
        }

        private static MethodInfo Formatter(Type errors, string name, params Type[] parameters)
            => errors.GetMethod(name, parameters) ?? throw new MissingMethodException(errors.FullName, name + "(" + string.Join(", ", parameters.Select(p => p.Name)) + ")");

        private static string Text(object error, string method, CultureInfo? culture)
            => (string)error.GetType().GetMethod(method, new[] { typeof(CultureInfo) })!.Invoke(error, new object?[] { culture })!;
    }
}
