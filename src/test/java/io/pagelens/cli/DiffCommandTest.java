package io.pagelens.cli;

import io.pagelens.image.PngReader;
import io.pagelens.image.PngWriter;
import io.pagelens.json.Jackson;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new DiffCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path png(String name, int w, int h, int boxColour) throws Exception {
        Path p = dir.resolve(name);
        try (OutputStream o = Files.newOutputStream(p); PngWriter pw = new PngWriter(o, w, h, false, 1)) {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) row[x] = x >= 10 && x < 40 && y >= 20 && y < 50 ? boxColour : 0xffffffff;
                pw.row(row);
            }
            pw.finish();
        }
        return p;
    }

    @Test
    void changedImages_printJson_writeTheImages_andExitOne() throws Exception {
        Path a = png("a.png", 100, 80, 0xff14365d), b = png("b.png", 100, 90, 0xffe8743b);
        Path diff = dir.resolve("diff.png"), side = dir.resolve("side.png");
        Run r = run(a.toString(), b.toString(), "--json", "-o", diff.toString(), "--side-by-side", side.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        JsonNode j = Jackson.MAPPER.readTree(r.out());
        assertThat(j.path("changedPixels").asLong()).isEqualTo(900);
        assertThat(j.path("heightDifference").asInt()).isEqualTo(10);
        assertThat(j.path("regions").get(0).path("x").asInt()).isEqualTo(10);
        assertThat(j.path("regions").get(1).path("kind").asText()).isEqualTo("onlyInB");
        try (PngReader d = PngReader.open(diff); PngReader s = PngReader.open(side)) {
            assertThat(d.height()).isEqualTo(90);
            assertThat(s.width()).isEqualTo(212);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        assertThat(Files.getPosixFilePermissions(diff)).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void sameImages_exitZero_withASummary() throws Exception {
        Path a = png("a.png", 50, 60, 0xff000000), b = png("b.png", 50, 60, 0xff000000);
        Run r = run(a.toString(), b.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("same: 0 changed pixels");
    }

    @Test
    void badInput_exitsTwo_namingTheFlagOrFile() throws Exception {
        Path a = png("a.png", 50, 60, 0xff000000);
        assertThat(run(a.toString(), a.toString(), "--threshold", "2")).satisfies(r -> {
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--threshold must be between 0 and 1");
        });
        assertThat(run(a.toString(), dir.resolve("nope.png").toString()).err()).contains("B: no file at");
        assertThat(run(a.toString(), a.toString(), "--mask", "1,2").err()).contains("--mask:");
        assertThat(run(a.toString(), a.toString(), "-o", dir.resolve("no/such/dir.png").toString()).err()).contains("--output: no folder");
        Path md = Files.writeString(dir.resolve("a.md"), "# hi\n");
        assertThat(run(a.toString(), md.toString()).err()).contains("both be PNG images or both be text");
        Path notPng = Files.write(dir.resolve("x.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1});
        assertThat(run(notPng.toString(), a.toString())).satisfies(r -> assertThat(r.code()).isEqualTo(2));
    }

    @Test
    void markdownFiles_giveAUnifiedDiff() throws Exception {
        Path a = Files.writeString(dir.resolve("a.md"), "# Title\n\nOld line\n"), b = Files.writeString(dir.resolve("b.md"), "# Title\n\nNew line\n");
        Run r = run(a.toString(), b.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("-Old line\n+New line\n");
        assertThat(Jackson.MAPPER.readTree(run(a.toString(), b.toString(), "--json").out()).path("addedWords").asInt()).isEqualTo(1);
    }
}
