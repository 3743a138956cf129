package io.pagelens.capture;

import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.Commands;

import java.io.IOException;

/**
 * Prints the page to PDF (Page.printToPDF with transferMode ReturnAsStream) and copies the IO stream into
 * the sink chunk by chunk, each chunk decoded from base64 while it streams, so the PDF is never held whole.
 */
final class PdfWriter {
    static final int CHUNK = 256 * 1024;

    private PdfWriter() {
    }

    static Artifact print(PageCapture page, PdfOptions o, ArtifactStream out, java.time.Duration commandTimeout)
            throws CdpException, InterruptedException, IOException {
        String handle = page.send(Commands.printToPdf(o.paperWidth(), o.paperHeight(), o.marginTop(), o.marginBottom(),
                o.marginLeft(), o.marginRight(), o.landscape(), o.printBackground()));
        try {
            boolean eof = false;
            while (!eof) {
                eof = page.session().send(Commands.ioRead(handle, CHUNK), out, page.deadline().cap(commandTimeout));
            }
        } finally {
            page.session().sendAsync(Commands.ioClose(handle), java.time.Duration.ofSeconds(5));
        }
        return out.finish(0, 0);
    }
}
