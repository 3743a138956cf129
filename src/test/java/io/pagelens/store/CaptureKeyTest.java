package io.pagelens.store;

import io.pagelens.capture.Artifact;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Cookie;
import io.pagelens.capture.Format;
import io.pagelens.capture.ImageType;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.capture.PdfOptions;
import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Capture keys: URL normalisation, options hashing, name validation; plus the store's small pure helpers. */
class CaptureKeyTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "HTTP://Example.COM:80/a/../b/./c?z=1&a=2 http://example.com/b/c?z=1&a=2",
            "https://example.com https://example.com/",
            "https://example.com:443/x https://example.com/x",
            "https://example.com:8443/x https://example.com:8443/x",
            "https://x.com/%7euser/%3a https://x.com/~user/%3A",
            "http://x.com/#/active http://x.com/#/active",
            "http://x.com/../../a http://x.com/a",
            "http://x.com/a?b=2&a=1& http://x.com/a?b=2&a=1&",
            "http://x.com/a/./b/../c/ http://x.com/a/c/",
            "http://x.com/a/.. http://x.com/",
            "http://x.com/a/%2e%2E/b http://x.com/b",
            "http://My_Host.example:8080/a http://my_host.example:8080/a",
            "http://u:p@my_host.example:81/ http://u:p@my_host.example:81/",
            "http://x.com/a?q=a%7cb http://x.com/a?q=a%7Cb",
    })
    void normalize(String in, String expected) {
        assertThat(CaptureUrls.normalize(URI.create(in))).isEqualTo(expected);
    }

    @Test
    void normalize_sameKeyForTheSpellingsABrowserTreatsAlike() {
        String key = CaptureUrls.normalize(CaptureRequest.builder("https://bücher.de/?q=a|b").build().url());
        assertThat(CaptureUrls.normalize(CaptureRequest.builder("https://xn--BCHER-kva.de:443/./?q=a%7Cb").build().url())).isEqualTo(key);
        assertThat(key).isEqualTo("https://xn--bcher-kva.de/?q=a%7Cb");
        assertThat(CaptureUrls.normalize(CaptureRequest.builder("http://my_host:8080/").build().url()))
                .as("the port of a host java.net.URI cannot read").isNotEqualTo(CaptureUrls.normalize(CaptureRequest.builder("http://my_host/").build().url()));
    }

    @Test
    void optionsHash_ignoresTimeoutAndUnrequestedFormats_butNotOutputOptions() {
        CaptureRequest base = CaptureRequest.builder("https://example.com/").build();
        String h = CanonicalOptions.of(base).sha256();
        assertThat(CanonicalOptions.of(base.toBuilder().timeout(Duration.ofSeconds(99)).build()).sha256()).isEqualTo(h);
        assertThat(CanonicalOptions.of(base.toBuilder().pdf(PdfOptions.LETTER).build()).sha256()).as("no pdf asked").isEqualTo(h);
        assertThat(CanonicalOptions.of(base.toBuilder().fullPage(true).build()).sha256()).isNotEqualTo(h);
        assertThat(CanonicalOptions.of(base.toBuilder().imageType(ImageType.WEBP).quality(80).build()).sha256()).isNotEqualTo(h);
        assertThat(CanonicalOptions.of(base.toBuilder().darkMode(true).build()).sha256()).isNotEqualTo(h);
        assertThat(CanonicalOptions.of(base.toBuilder().formats(Set.of(Format.SCREENSHOT, Format.PDF)).build()).sha256()).isNotEqualTo(h);
    }

    /**
     * Hashes recorded before the one-mapper refactor: stored capture keys must keep matching new requests, so the
     * canonical form may only change with {@code CANONICAL_VERSION}.
     */
    @Test
    void optionsHash_isStableAcrossReleases() {
        CaptureRequest plain = CaptureRequest.builder("https://example.com/a?b=1").build();
        assertThat(CanonicalOptions.of(plain).sha256()).isEqualTo("5280edfd809db6eda3187243d1f8732e698fcaea46c1783c345cecd700cb2da3");
        CaptureRequest rich = CaptureRequest.builder("https://example.com/a")
                .formats(Set.of(Format.SCREENSHOT, Format.MARKDOWN, Format.PDF, Format.LINKS)).fullPage(true)
                .imageType(ImageType.JPEG).quality(70).header("Authorization", "Bearer x")
                .cookies(List.of(new Cookie("sid", "v1", null, null))).darkMode(true).delay(Duration.ofMillis(250))
                .waitForSelector("#main").blockResourceTypes(Set.of("image", "font")).userAgent("UA").build();
        CanonicalOptions o = CanonicalOptions.of(rich);
        assertThat(o.sha256()).isEqualTo("6afa4489015e14dc98bccb57eef846e9e33c2e705941782f8fba64516a8445bc");
        assertThat(o.json()).contains("\"headers\":{\"authorization\":\"****\"}").contains("{\"name\":\"sid\",\"value\":\"****\"}")
                .doesNotContain("Bearer x").doesNotContain("v1\"");
    }

    @Test
    void optionsHash_isIndependentOfSetAndHeaderOrder() {
        CaptureRequest a = CaptureRequest.builder("https://example.com/").blockResourceTypes(Set.of("image", "font"))
                .header("X-A", "1").header("X-B", "2").formats(Set.of(Format.HTML, Format.SCREENSHOT)).build();
        CaptureRequest b = CaptureRequest.builder("https://example.com/").blockResourceTypes(Set.of("font", "image"))
                .header("x-b", "2").header("x-a", "1").formats(Set.of(Format.SCREENSHOT, Format.HTML)).build();
        assertThat(CanonicalOptions.of(a)).isEqualTo(CanonicalOptions.of(b));
    }

    @Test
    void secrets_countForTheHash_butAreRedactedInTheStoredJson() {
        CaptureRequest alice = CaptureRequest.builder("https://example.com/")
                .cookies(List.of(new Cookie("session", "alice-secret", null, null))).header("Authorization", "Bearer t0k3n").build();
        CaptureRequest bob = alice.toBuilder().cookies(List.of(new Cookie("session", "bob-secret", null, null))).build();
        CanonicalOptions a = CanonicalOptions.of(alice);
        assertThat(a.sha256()).isNotEqualTo(CanonicalOptions.of(bob).sha256());
        assertThat(a.json()).doesNotContain("alice-secret").doesNotContain("t0k3n").contains("\"session\"").contains("****");
    }

    @Test
    void key_validatesNamesWithTheApiFieldNames() {
        CaptureRequest r = CaptureRequest.builder("https://example.com/").build();
        assertThat(CaptureKey.of("demo", null, r, null).pageType()).isEqualTo(CaptureKey.DEFAULT_PAGE_TYPE);
        assertThat(CaptureKey.of("demo", "home", r, "").variant()).isEqualTo(CaptureKey.NO_VARIANT);
        assertThatThrownBy(() -> CaptureKey.of("", "home", r, null)).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("projectId");
        assertThatThrownBy(() -> CaptureKey.of("demo", "home", r, "bad variant")).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("variantId");
        assertThatThrownBy(() -> CaptureKey.of("demo", "a".repeat(101), r, null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void artifacts_arePairedWithTheBlobsWrittenByFormatAndOrder() {
        List<WrittenBlob> written = List.of(
                new WrittenBlob(Format.HTML, "text/html", "a".repeat(64), 10),
                new WrittenBlob(Format.SCREENSHOT, "image/png", "b".repeat(64), 20),
                new WrittenBlob(Format.MARKDOWN, "text/markdown", "c".repeat(64), 5));
        List<StoredArtifact> stored = CaptureRepository.matchArtifacts(List.of(
                new Artifact(Format.SCREENSHOT, "image/png", 20, 1280, 900),
                new Artifact(Format.HTML, "text/html", 10, 0, 0)), written);
        assertThat(stored).extracting(StoredArtifact::format).containsExactly(Format.SCREENSHOT, Format.HTML, Format.MARKDOWN);
        assertThat(stored.getFirst().height()).isEqualTo(900);
        assertThat(stored.getFirst().sha256()).isEqualTo("b".repeat(64));
        assertThatThrownBy(() -> CaptureRepository.matchArtifacts(List.of(new Artifact(Format.PDF, "application/pdf", 1, 0, 0)), written))
                .isInstanceOf(StoreException.class).hasMessageContaining("pdf");
    }

    @Test
    void ids_sortByCreation_evenWithinOneMillisecond() {
        String a = Ids.next("cap", 1000);
        String b = Ids.next("cap", 1000);
        String c = Ids.next("cap", 999); // a clock going back does not reorder
        assertThat(List.of(a, b, c)).isSorted().doesNotHaveDuplicates();
        assertThat(a).startsWith("cap_").hasSize(4 + 16 + 12);
    }

    @Test
    void settings_fromEnv() {
        StorageSettings s = StorageSettings.fromEnv(new Env(Map.of("PAGELENS_KEEP_VERSIONS", "2",
                "PAGELENS_RETENTION_MAX_AGE", "30d".replace("d", "h"), "PAGELENS_BLOB_GRACE", "10m")));
        assertThat(s.keepVersions()).isEqualTo(2);
        assertThat(s.defaultMaxAge()).isEqualTo(Duration.ofHours(30));
        assertThat(s.blobGrace()).isEqualTo(Duration.ofMinutes(10));
        assertThat(StorageSettings.fromEnv(new Env(Map.of())).defaultMaxAge()).isNull();
        assertThatThrownBy(() -> StorageSettings.fromEnv(new Env(Map.of("PAGELENS_KEEP_VERSIONS", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAGELENS_KEEP_VERSIONS");
        assertThatThrownBy(() -> StorageSettings.fromEnv(new Env(Map.of("PAGELENS_GC_INTERVAL", "0"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAGELENS_GC_INTERVAL");
    }
}
