package io.pagelens.content;
import java.nio.file.Path;
import java.net.URI;
public class RProbe {
    public static void main(String[] a) throws Exception {
        var s = ReadabilitySuite.run(Path.of("/work/shared/corpus/suites/readability"), Path.of("/work/shared/corpus/site"),
            ReadabilitySuite.rawFiles(new HtmlContentExtractor(), URI.create("http://127.0.0.1:8700/")));
        for (var ar : s.articles()) System.out.printf("%-28s %.3f %s%n", ar.name(), ar.f1(), a.length > 0 ? ar.mismatches() : ar.mismatches().keySet());
        System.out.printf("meanF1 %.4f%n", s.meanF1());
        s.fields().forEach((k, v) -> System.out.printf("%s %d/%d %.1f%%%n", k, v.matched(), v.cases(), v.percent()));
    }
}
