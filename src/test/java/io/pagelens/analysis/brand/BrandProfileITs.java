package io.pagelens.analysis.brand;

import io.pagelens.testing.Shared;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared corpus keeps northwind (the README says sites/northwind; the folder is sites/sites/northwind). */
public final class BrandProfileITs {
    private BrandProfileITs() {
    }

    public static Path northwind() {
        Path a = Shared.corpus().resolve("sites/northwind"), b = Shared.corpus().resolve("sites/sites/northwind");
        return Files.isDirectory(a) ? a : b;
    }
}
