using HuaweiCloud.CodeArtsReq;
using Xunit;

namespace ErrorCatalog.ConsumerTests
{
    public class SmokeTests
    {
        [Fact]
        public void Constant_has_the_code()
        {
            Assert.Equal("PM.02175201", CodeArtsReqErrorCodes.InvalidFieldValue);
        }
    }
}
