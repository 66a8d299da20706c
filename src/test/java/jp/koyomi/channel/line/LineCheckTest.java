package jp.koyomi.channel.line;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The status page's LINE check against a WireMock stub of the quota endpoints. */
class LineCheckTest {

    private static final String TOKEN = "channel-token-under-test";
    private static final String QUOTA = "/v2/bot/message/quota";
    private static final String CONSUMPTION = "/v2/bot/message/quota/consumption";

    private WireMockServer line;
    private LineCheck check;

    @BeforeEach
    void start() {
        line = new WireMockServer(options().dynamicPort());
        line.start();
        check = new LineCheck();
        check.line = config(Optional.of(TOKEN), URI.create(line.baseUrl()));
    }

    @AfterEach
    void stop() {
        line.stop();
    }

    @Test
    void shouldReadTheMonthsQuotaAndConsumptionWithTheToken() {
        stub(QUOTA, 200, "{\"type\":\"limited\",\"value\":5000}");
        stub(CONSUMPTION, 200, "{\"totalUsage\":1234}");

        LineCheck.Result result = check.check().orElseThrow();

        assertTrue(result.tokenValid());
        assertEquals(5000L, result.quotaLimit());
        assertEquals(1234L, result.quotaUsed());
        line.verify(getRequestedFor(urlEqualTo(QUOTA)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void shouldReportARefusedTokenAsInvalid() {
        stub(QUOTA, 401, "{\"message\":\"Authentication failed due to the following reason: invalid token.\"}");
        stub(CONSUMPTION, 401, "{\"message\":\"Authentication failed\"}");

        LineCheck.Result result = check.check().orElseThrow();

        assertFalse(result.tokenValid());
        assertTrue(result.detail().contains("401"), result.detail());
    }

    @Test
    void shouldSayNothingWithoutAToken() {
        check.line = config(Optional.empty(), URI.create(line.baseUrl()));

        assertTrue(check.check().isEmpty());
        assertEquals(0, line.getAllServeEvents().size());
    }

    @Test
    void shouldLeaveTheTokenUnjudgedWhenLineCannotBeReached() {
        line.stop();

        LineCheck.Result result = check.check().orElseThrow();

        assertNull(result.tokenValid());
        assertTrue(result.detail().startsWith("LINE API unreachable"), result.detail());
    }

    private void stub(String path, int status, String body) {
        line.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static LineConfig config(Optional<String> token, URI api) {
        return new LineConfig() {
            @Override
            public Optional<String> channelAccessToken() {
                return token;
            }

            @Override
            public Optional<String> channelSecret() {
                return Optional.empty();
            }

            @Override
            public URI apiBaseUrl() {
                return api;
            }

            @Override
            public double pushesPerSecond() {
                return 1000;
            }

            @Override
            public int maxConnections() {
                return 2;
            }
        };
    }
}
