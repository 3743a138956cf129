package io.pagelens.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-GCM secrets at rest: the key from PAGELENS_SECRET_KEY or a generated 0600 file; tampering and wrong keys fail. */
class SecretBoxTest {
    static final byte[] PLAIN = "Bearer s3cr3t-XYZ".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealThenOpen_givesThePlaintextBack_andEqualSecretsLookDifferent() throws Exception {
        SecretBox box = SecretBox.of(new byte[32]);
        String a = box.seal(PLAIN, "ctx");
        String b = box.seal(PLAIN, "ctx");
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("s3cr3t");
        assertThat(box.open(a, "ctx")).isEqualTo(PLAIN);
    }

    @Test
    void tamperedText_otherContext_orOtherKey_doNotOpen() {
        SecretBox box = SecretBox.of(new byte[32]);
        String sealed = box.seal(PLAIN, "ctx");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.open(tampered, "ctx")).isInstanceOf(SecretBox.SecretException.class);
        assertThatThrownBy(() -> box.open(sealed, "other")).isInstanceOf(SecretBox.SecretException.class);
        byte[] k = new byte[32];
        k[31] = 7;
        assertThatThrownBy(() -> SecretBox.of(k).open(sealed, "ctx")).isInstanceOf(SecretBox.SecretException.class)
                .hasMessageContaining("PAGELENS_SECRET_KEY");
    }

    @Test
    void keyFromTheEnvironment_asBase64OrHex(@TempDir Path dir) throws Exception {
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) k[i] = (byte) i;
        String sealed = SecretBox.of(k).seal(PLAIN, "ctx");
        for (String v : new String[]{Base64.getEncoder().encodeToString(k), HexFormat.of().formatHex(k)}) {
            SecretBox box = SecretBox.fromEnv(new Env(Map.of("PAGELENS_SECRET_KEY", v)), () -> dir);
            assertThat(box.fromDataFolder()).isFalse();
            assertThat(box.open(sealed, "ctx")).isEqualTo(PLAIN);
        }
        try (var files = Files.list(dir)) {
            assertThat(files).as("no key file when the variable is set").isEmpty();
        }
    }

    @Test
    void badKey_stopsStartupNamingTheVariable_withoutShowingIt(@TempDir Path dir) {
        for (String bad : new String[]{"short", Base64.getEncoder().encodeToString(new byte[16]), "zz".repeat(32)}) {
            assertThatThrownBy(() -> SecretBox.fromEnv(new Env(Map.of("PAGELENS_SECRET_KEY", bad)), () -> dir))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("PAGELENS_SECRET_KEY=****: must be a 256-bit key")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void embeddedDefault_generatesAKeyFileOnFirstUse_ownerOnly_andReusesIt(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        SecretBox first = SecretBox.fromEnv(new Env(Map.of()), () -> data);
        assertThat(first.fromDataFolder()).isTrue();
        assertThat(data.resolve(SecretBox.KEY_FILE)).as("not before first use").doesNotExist();
        String sealed = first.seal(PLAIN, "ctx");
        Path file = data.resolve(SecretBox.KEY_FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        SecretBox later = SecretBox.fromEnv(new Env(Map.of()), () -> data); // a restart
        assertThat(later.open(sealed, "ctx")).isEqualTo(PLAIN);
    }
}
