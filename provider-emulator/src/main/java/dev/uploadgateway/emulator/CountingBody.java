package dev.uploadgateway.emulator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An upload body that tells the ledger how much of it has arrived while it is still arriving. */
final class CountingBody extends FilterInputStream {

    private final FileLedger ledger;
    private long count;
    private boolean ended;

    CountingBody(InputStream in, FileLedger ledger) {
        super(in);
        this.ledger = ledger;
        ledger.receivingStarted();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        ledger.received(n);
    }

    /** The body is no longer arriving; once. */
    void ended() {
        if (!ended) {
            ended = true;
            ledger.receivingEnded(count);
        }
    }
}
