package io.pagelens.crawl;

/** What marking a page done did. */
public sealed interface CompleteResult {
    /** The page is done and its capture is the one kept. */
    record Stored() implements CompleteResult {
    }

    /** Another done page has the same content hash; this one was skipped as its duplicate. */
    record Duplicate(KnownUrl of) implements CompleteResult {
    }

    /** The claim's lease was lost (another worker owns the URL now); nothing was changed. */
    record Lost() implements CompleteResult {
    }

    CompleteResult STORED = new Stored();
    CompleteResult LOST = new Lost();
}
