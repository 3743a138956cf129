package io.pagelens.capture;

import io.pagelens.egress.BlockedRequest;
import io.pagelens.egress.EgressEvent;
import io.pagelens.egress.EgressEvent.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EgressOutcomesTest {
    private static EgressEvent tunnel(String authority, Outcome o, String reason) {
        return new EgressEvent(authority, authority, true, o, reason, o == Outcome.BLOCKED);
    }

    private static EgressEvent http(String url, String authority, Outcome o, String reason) {
        return new EgressEvent(url, authority, false, o, reason, false);
    }

    @Test
    void refusedTunnels_takeChromiumsUrlAndTheProxysReason() {
        EgressOutcomes.Merged m = EgressOutcomes.merge(List.of(
                        "https://internal.test/api?x=1: net::ERR_TUNNEL_CONNECTION_FAILED",
                        "https://fonts.googleapis.com/css: net::ERR_TUNNEL_CONNECTION_FAILED",
                        "http://127.0.0.1:9/x.png: net::ERR_CONNECTION_REFUSED"),
                List.of(tunnel("internal.test:443", Outcome.BLOCKED, "blocked: internal.test resolves to 10.0.0.1, which is private (10.0.0.0/8)"),
                        tunnel("fonts.googleapis.com:443", Outcome.UNRESOLVED, "the host fonts.googleapis.com could not be resolved")), 50);
        assertThat(m.blocked()).containsExactly(new BlockedRequest("https://internal.test/api?x=1",
                "blocked: internal.test resolves to 10.0.0.1, which is private (10.0.0.0/8)"));
        assertThat(m.failed()).containsExactly(
                "https://fonts.googleapis.com/css: net::ERR_NAME_NOT_RESOLVED (the host fonts.googleapis.com could not be resolved)",
                "http://127.0.0.1:9/x.png: net::ERR_CONNECTION_REFUSED");
    }

    @Test
    void plainHttpRefusals_comeFromTheProxy_andAreNotListedTwice() {
        EgressOutcomes.Merged m = EgressOutcomes.merge(List.of("http://127.0.0.2:80/a.css: canceled"),
                List.of(http("http://127.0.0.2:80/a.css", "127.0.0.2:80", Outcome.BLOCKED, "blocked: 127.0.0.2 is loopback (127.0.0.0/8)"),
                        http("http://127.0.0.2:80/a.css", "127.0.0.2:80", Outcome.BLOCKED, "blocked: 127.0.0.2 is loopback (127.0.0.0/8)"),
                        http("http://down.test/x", "down.test:80", Outcome.UNREACHABLE, "net::ERR_CONNECTION_REFUSED: could not connect to down.test:80 (127.0.0.1)"),
                        tunnel("127.0.0.2:80", Outcome.BLOCKED, "blocked: 127.0.0.2 is loopback (127.0.0.0/8)")), 50);
        assertThat(m.blocked()).extracting(BlockedRequest::url).containsExactly("http://127.0.0.2:80/a.css", "127.0.0.2:80");
        assertThat(m.failed()).containsExactly("http://down.test/x: net::ERR_CONNECTION_REFUSED: could not connect to down.test:80 (127.0.0.1)");
    }

    @Test
    void listsAreCapped() {
        List<EgressEvent> many = java.util.stream.IntStream.range(0, 80)
                .mapToObj(i -> http("http://127.0.0.2/" + i, "127.0.0.2:80", Outcome.BLOCKED, "blocked")).toList();
        assertThat(EgressOutcomes.merge(List.of(), many, 50).blocked()).hasSize(50);
    }
}
